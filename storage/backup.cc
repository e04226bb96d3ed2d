#include "storage/backup.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>
#include <utility>

#include "absl/strings/str_cat.h"
#include "core/status_macros.h"
#include "rocksdb/db.h"
#include "rocksdb/env.h"
#include "rocksdb/utilities/backup_engine.h"
#include "storage/rocks_status.h"

namespace cxscore::storage {
namespace {

namespace fs = std::filesystem;

// In the backup directory: "ID UNIX_SECONDS" per verified backup.
constexpr char kVerifiedFile[] = "cxscore-verified";
// In a restored data directory: which backup it came from.
constexpr char kRestoredFromFile[] = "CXSCORE_RESTORED_FROM";

rocksdb::BackupEngineOptions EngineOptions(const std::string& dir) {
  // share_table_files and share_files_with_checksum (the defaults): table
  // files are shared between backups, named by their checksum; sync: every
  // backup file is fsynced before the backup counts.
  rocksdb::BackupEngineOptions options(dir);
  options.share_table_files = true;
  options.share_files_with_checksum = true;
  options.sync = true;
  return options;
}

BackupInfo FromRocksInfo(const rocksdb::BackupInfo& info, bool verified) {
  BackupInfo out;
  out.id = info.backup_id;
  out.created_at = absl::FromUnixSeconds(info.timestamp);
  out.size_bytes = info.size;
  out.file_count = info.number_files;
  out.verified = verified;
  return out;
}

// The ids of kVerifiedFile (missing file: none). Lines that do not parse
// are skipped: they verify nothing.
std::map<uint32_t, int64_t> ReadVerified(const std::string& dir) {
  std::map<uint32_t, int64_t> verified;
  std::ifstream in(fs::path(dir) / kVerifiedFile);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    uint32_t id = 0;
    int64_t at = 0;
    if (fields >> id >> at) verified[id] = at;
  }
  return verified;
}

// Rewrites kVerifiedFile with `verified` (a temporary file, fsynced, then
// renamed over the old one).
absl::Status WriteVerified(const std::string& dir,
                           const std::map<uint32_t, int64_t>& verified) {
  const fs::path path = fs::path(dir) / kVerifiedFile;
  const fs::path tmp = fs::path(dir) / (std::string(kVerifiedFile) + ".tmp");
  std::string text;
  for (const auto& [id, at] : verified)
    absl::StrAppend(&text, id, " ", at, "\n");
  std::FILE* f = std::fopen(tmp.c_str(), "w");
  bool ok = f != nullptr &&
            std::fwrite(text.data(), 1, text.size(), f) == text.size() &&
            std::fflush(f) == 0 && fsync(fileno(f)) == 0;
  if (f != nullptr) ok = std::fclose(f) == 0 && ok;
  std::error_code ec;
  if (ok) fs::rename(tmp, path, ec);
  if (!ok || ec) return absl::UnavailableError("cannot write " + path.string());
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<rocksdb::BackupEngineReadOnly>> OpenReadOnly(
    const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return absl::NotFoundError("backup directory " + dir + " does not exist");
  rocksdb::BackupEngineReadOnly* engine = nullptr;
  RETURN_IF_ERROR(
      FromRocks(rocksdb::BackupEngineReadOnly::Open(
                    rocksdb::Env::Default(), EngineOptions(dir), &engine),
                "opening backup directory " + dir));
  return std::unique_ptr<rocksdb::BackupEngineReadOnly>(engine);
}

absl::Status Verify(const rocksdb::BackupEngineReadOnlyBase& engine,
                    const std::string& dir, uint32_t id) {
  rocksdb::IOStatus s = engine.VerifyBackup(id, /*verify_with_checksum=*/true);
  if (s.ok()) return absl::OkStatus();
  if (s.IsNotFound())
    return absl::NotFoundError(absl::StrCat("no backup ", id, " in ", dir));
  // A file that is missing or has the wrong size or checksum: the backup's
  // data is lost, whatever RocksDB's code for it.
  return absl::DataLossError(absl::StrCat(
      "backup ", id, " in ", dir, " fails verification: ", s.ToString()));
}

}  // namespace

BackupDir::BackupDir(std::string dir, rocksdb::BackupEngine* engine)
    : dir_(std::move(dir)), engine_(engine) {}

BackupDir::~BackupDir() = default;

absl::StatusOr<std::unique_ptr<BackupDir>> BackupDir::Open(
    const std::string& dir) {
  if (dir.empty())
    return absl::InvalidArgumentError("backup_dir: must not be empty");
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec)
    return absl::UnavailableError("backup directory: cannot create " + dir +
                                  ": " + ec.message());
  rocksdb::BackupEngine* engine = nullptr;
  RETURN_IF_ERROR(
      FromRocks(rocksdb::BackupEngine::Open(EngineOptions(dir),
                                            rocksdb::Env::Default(), &engine),
                "opening backup directory " + dir));
  return std::unique_ptr<BackupDir>(new BackupDir(dir, engine));
}

absl::StatusOr<BackupInfo> BackupDir::Create(rocksdb::DB* db) {
  if (creating_.exchange(true)) {
    return absl::FailedPreconditionError(
        "a backup is already being taken; try again when it has finished");
  }
  struct Done {
    std::atomic<bool>* flag;
    ~Done() { flag->store(false); }
  } done{&creating_};

  // flush_before_backup: the memtables are flushed first, so the backup is
  // the table files plus only the WAL written since the flush (small), and
  // a restore replays little. Without it the backup would carry every live
  // WAL file. Either way the backup is consistent across column families.
  rocksdb::CreateBackupOptions options;
  options.flush_before_backup = true;
  rocksdb::BackupID id = 0;
  RETURN_IF_ERROR(FromRocks(engine_->CreateNewBackup(options, db, &id),
                            "creating a backup in " + dir_));
  if (absl::Status verified = Verify(*engine_, dir_, id); !verified.ok()) {
    const rocksdb::IOStatus deleted = engine_->DeleteBackup(id);
    return absl::Status(
        verified.code(),
        absl::StrCat(verified.message(), deleted.ok()
                                             ? " (the backup was deleted)"
                                             : " (deleting it failed too: " +
                                                   deleted.ToString() + ")"));
  }
  std::map<uint32_t, int64_t> verified = ReadVerified(dir_);
  verified[id] = absl::ToUnixSeconds(absl::Now());
  if (absl::Status s = WriteVerified(dir_, verified); !s.ok()) {
    return absl::UnavailableError(absl::StrCat(
        "backup ", id, " was written and verified, but ", s.message()));
  }
  rocksdb::BackupInfo info;
  RETURN_IF_ERROR(
      FromRocks(engine_->GetBackupInfo(id, &info), "reading the new backup"));
  return FromRocksInfo(info, /*verified=*/true);
}

absl::StatusOr<std::vector<BackupInfo>> BackupDir::List() {
  std::vector<rocksdb::BackupInfo> infos;
  engine_->GetBackupInfo(&infos);
  const std::map<uint32_t, int64_t> verified = ReadVerified(dir_);
  std::vector<BackupInfo> out;
  out.reserve(infos.size());
  for (const rocksdb::BackupInfo& info : infos)
    out.push_back(FromRocksInfo(info, verified.count(info.backup_id) > 0));
  std::sort(
      out.begin(), out.end(),
      [](const BackupInfo& a, const BackupInfo& b) { return a.id < b.id; });
  return out;
}

absl::Status VerifyBackupChecksums(const std::string& backup_dir, uint32_t id) {
  ASSIGN_OR_RETURN(auto engine, OpenReadOnly(backup_dir));
  return Verify(*engine, backup_dir, id);
}

absl::StatusOr<BackupInfo> RestoreBackup(const RestoreRequest& request) {
  const std::string& data_dir = request.data_dir;
  if (data_dir.empty())
    return absl::InvalidArgumentError("data_dir: must not be empty");
  std::error_code ec;
  if (fs::exists(data_dir, ec) &&
      (!fs::is_directory(data_dir, ec) || !fs::is_empty(data_dir, ec))) {
    return absl::FailedPreconditionError(
        "data directory " + data_dir +
        " is not empty: restore writes only into a new or empty directory");
  }
  ASSIGN_OR_RETURN(auto engine, OpenReadOnly(request.backup_dir));
  rocksdb::BackupInfo info;
  rocksdb::Status found = request.backup_id.has_value()
                              ? engine->GetBackupInfo(*request.backup_id, &info)
                              : engine->GetLatestBackupInfo(&info);
  if (found.IsNotFound()) {
    return absl::NotFoundError(request.backup_id.has_value()
                                   ? absl::StrCat("no backup ",
                                                  *request.backup_id, " in ",
                                                  request.backup_dir)
                                   : "no backup in " + request.backup_dir);
  }
  RETURN_IF_ERROR(FromRocks(found, "reading backup information"));
  RETURN_IF_ERROR(Verify(*engine, request.backup_dir, info.backup_id));

  fs::create_directories(data_dir, ec);
  if (ec)
    return absl::UnavailableError("data directory: cannot create " + data_dir +
                                  ": " + ec.message());
  RETURN_IF_ERROR(FromRocks(
      engine->RestoreDBFromBackup(rocksdb::RestoreOptions(), info.backup_id,
                                  data_dir, data_dir),
      absl::StrCat("restoring backup ", info.backup_id, " into ", data_dir,
                   " (remove the directory before trying again)")));
  const fs::path marker = fs::path(data_dir) / kRestoredFromFile;
  std::ofstream out(marker);
  out << "backup_id " << info.backup_id << "\nbackup_created_at "
      << info.timestamp << "\n";
  out.close();
  if (!out) return absl::UnavailableError("cannot write " + marker.string());
  return FromRocksInfo(info, /*verified=*/true);
}

absl::StatusOr<std::optional<RestoredFrom>> ReadRestoredFrom(
    const std::string& data_dir) {
  const fs::path marker = fs::path(data_dir) / kRestoredFromFile;
  std::error_code ec;
  if (!fs::exists(marker, ec)) return std::nullopt;
  std::ifstream in(marker);
  std::string id_key, at_key;
  uint32_t id = 0;
  int64_t at = 0;
  if (!(in >> id_key >> id >> at_key >> at) || id_key != "backup_id" ||
      at_key != "backup_created_at") {
    return absl::DataLossError(marker.string() + " does not parse");
  }
  RestoredFrom from;
  from.backup_id = id;
  from.backup_created_at = absl::FromUnixSeconds(at);
  return std::optional<RestoredFrom>(from);
}

// SEAM, NOT DONE (erase-customer): read the erasure journal of
// `backup_dir` here. No journal exists yet, so there is nothing to read.
absl::StatusOr<std::vector<PendingErasure>> ErasuresAfterBackup(
    const std::string& /*backup_dir*/, const RestoredFrom& /*restored_from*/) {
  return std::vector<PendingErasure>();
}

// SEAM, NOT DONE (erase-customer): erase each customer here.
absl::Status ReapplyErasures(Store& /*store*/,
                             const std::vector<PendingErasure>& erasures) {
  if (erasures.empty()) return absl::OkStatus();
  return absl::UnimplementedError(absl::StrCat(
      erasures.size(),
      " erasure(s) made after the restored backup cannot be re-applied: "
      "customer erasure is not implemented yet"));
}

}  // namespace cxscore::storage
