// Writes the compatibility database and its answers (docs/storage-format.md,
// "Compatibility test"):
//
//   build/bin/cxscore-make-compat-db DIR ANSWERS_FILE
//
// e.g. DIR tests/storage/testdata/compat_v2 and ANSWERS_FILE
// tests/storage/testdata/compat_v2_answers.txt.
//
// DIR must not exist. The database is compacted and closed, and the files
// RocksDB recreates on open (LOCK, LOG, LOG.old.*) are removed, so that DIR
// can be committed as it is.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "core/status_macros.h"
#include "storage/rocks_store.h"
#include "tools/compat_db/compat_db.h"

namespace cxscore::compat_db {
namespace {

absl::Status Make(const std::filesystem::path& dir,
                  const std::filesystem::path& answers_file) {
  if (std::filesystem::exists(dir))
    return absl::AlreadyExistsError(dir.string() + " exists");
  storage::StoreOptions options;
  options.data_dir = dir.string();
  options.block_cache_bytes = size_t{8} << 20;
  std::string answers;
  {
    ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store,
                     storage::OpenRocksStore(options));
    RETURN_IF_ERROR(WriteDataSet(*store));
    ASSIGN_OR_RETURN(answers, Answers(*store));
  }
  RETURN_IF_ERROR(storage::CompactRocksStore(options));
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name == "LOCK" || name == "LOG" || name.starts_with("LOG.old"))
      std::filesystem::remove(entry.path());
  }
  std::ofstream out(answers_file, std::ios::binary);
  out << answers;
  out.close();
  if (!out)
    return absl::UnavailableError("cannot write " + answers_file.string());
  return absl::OkStatus();
}

}  // namespace
}  // namespace cxscore::compat_db

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s DIR ANSWERS_FILE\n", argv[0]);
    return 2;
  }
  const absl::Status status = cxscore::compat_db::Make(argv[1], argv[2]);
  if (!status.ok()) {
    std::fprintf(stderr, "make_compat_db: %s\n", status.ToString().c_str());
    return 1;
  }
  return 0;
}
