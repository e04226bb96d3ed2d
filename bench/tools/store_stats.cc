// cxscore-bench-store: disk usage of a cxscored data directory, per column
// family, optionally after an offline flush + full compaction
// (storage::CompactRocksStore). Used by bench/run for disk bytes per record.
//
//   cxscore-bench-store --data-dir DIR [--compact] [--json]
//
// REQUIRES: no server has the directory open.
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "nlohmann/json.hpp"
#include "rocksdb/db.h"
#include "rocksdb/options.h"
#include "storage/rocks_store.h"
#include "storage/rollup_merge_operator.h"

namespace {

struct DirUsage {
  uint64_t apparent_bytes = 0;   // sum of file sizes
  uint64_t allocated_bytes = 0;  // blocks, as du reports
  uint64_t wal_bytes = 0;        // *.log
  uint64_t sst_bytes = 0;        // *.sst
};

DirUsage Usage(const std::string& dir) {
  DirUsage u;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    struct stat st {};
    if (!entry.is_regular_file() || ::stat(entry.path().c_str(), &st) != 0)
      continue;
    u.apparent_bytes += st.st_size;
    u.allocated_bytes += static_cast<uint64_t>(st.st_blocks) * 512;
    const std::string ext = entry.path().extension();
    if (ext == ".log") u.wal_bytes += st.st_size;
    if (ext == ".sst") u.sst_bytes += st.st_size;
  }
  return u;
}

nlohmann::json ToJson(const DirUsage& u) {
  return {{"apparent_bytes", u.apparent_bytes},
          {"allocated_bytes", u.allocated_bytes},
          {"wal_bytes", u.wal_bytes},
          {"sst_bytes", u.sst_bytes}};
}

// SST bytes and estimated keys per column family (read-only open).
nlohmann::json ColumnFamilies(const std::string& dir, std::string* error) {
  std::vector<std::string> names;
  rocksdb::Status s =
      rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names);
  if (!s.ok()) {
    *error = s.ToString();
    return nullptr;
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string& name : names) {
    rocksdb::ColumnFamilyOptions options;
    if (name == "rollups")
      options.merge_operator = cxscore::storage::NewRollupMergeOperator();
    descriptors.emplace_back(name, options);
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  s = rocksdb::DB::OpenForReadOnly(rocksdb::DBOptions(), dir, descriptors,
                                   &handles, &db);
  if (!s.ok()) {
    *error = s.ToString();
    return nullptr;
  }
  nlohmann::json out = nlohmann::json::object();
  for (rocksdb::ColumnFamilyHandle* h : handles) {
    uint64_t sst = 0, keys = 0, mem = 0, l0 = 0;
    db->GetIntProperty(h, "rocksdb.total-sst-files-size", &sst);
    db->GetIntProperty(h, "rocksdb.estimate-num-keys", &keys);
    db->GetIntProperty(h, "rocksdb.cur-size-all-mem-tables", &mem);
    std::string files;
    db->GetProperty(h, "rocksdb.num-files-at-level0", &files);
    l0 = files.empty() ? 0 : std::stoull(files);
    out[h->GetName()] = {{"sst_bytes", sst},
                         {"estimate_keys", keys},
                         {"l0_files", l0},
                         {"replayed_memtable_bytes", mem}};
    db->DestroyColumnFamilyHandle(h);
  }
  db->Close();
  delete db;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"cxscore-bench-store: disk usage of a cxscored data directory"};
  std::string dir;
  bool compact = false, json = false;
  app.add_option("--data-dir", dir, "the data directory")->required();
  app.add_flag("--compact", compact,
               "flush and fully compact every column family first (offline)");
  app.add_flag("--json", json, "print one JSON object");
  CLI11_PARSE(app, argc, argv);

  nlohmann::json out;
  out["before"] = ToJson(Usage(dir));
  if (compact) {
    const auto t0 = std::chrono::steady_clock::now();
    cxscore::storage::StoreOptions options;
    options.data_dir = dir;
    absl::Status s = cxscore::storage::CompactRocksStore(options);
    if (!s.ok()) {
      std::cerr << "cxscore-bench-store: compact: " << s << "\n";
      return 1;
    }
    out["compact_s"] = std::chrono::duration<double>(
                           std::chrono::steady_clock::now() - t0)
                           .count();
    out["after"] = ToJson(Usage(dir));
  }
  std::string error;
  out["column_families"] = ColumnFamilies(dir, &error);
  if (!error.empty()) {
    std::cerr << "cxscore-bench-store: " << error << "\n";
    return 1;
  }
  if (json) {
    std::cout << out.dump() << std::endl;
  } else {
    std::cout << out.dump(2) << std::endl;
  }
  return 0;
}
