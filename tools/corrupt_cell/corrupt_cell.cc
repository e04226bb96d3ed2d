// A test tool (tests/e2e/test_verify.py, docs/reliability.md): changes one
// rollup cell behind the store's back, as a bug or a bad disk could.
//
//   build/bin/cxscore-corrupt-cell DATA_DIR
//
// Adds 3 to the "interactions" field of the first cell of the `rollups`
// column family (the totals of the earliest day) and prints that cell as
// `cxscore admin verify` names it: "VIEW<TAB>KEY<TAB>FIELD". No cxscored may
// be running on DATA_DIR. Exit 0, or 1 with a message on stderr.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "rocksdb/db.h"
#include "storage/persisted_ids.h"
#include "storage/rollup_merge_operator.h"
#include "storage/rollup_verify.h"
#include "storage/sparse_cell.h"

namespace cxscore::storage {
namespace {

int Fail(const std::string& message) {
  std::fprintf(stderr, "cxscore-corrupt-cell: %s\n", message.c_str());
  return 1;
}

int Corrupt(const std::string& dir) {
  std::vector<std::string> names;
  rocksdb::Status s =
      rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names);
  if (!s.ok()) return Fail(s.ToString());
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  size_t rollups = names.size();
  for (size_t i = 0; i < names.size(); ++i) {
    rocksdb::ColumnFamilyOptions cf;
    if (names[i] == "rollups" || names[i] == "driver_rollups")
      cf.merge_operator = NewRollupMergeOperator();
    if (names[i] == "rollups") rollups = i;
    descriptors.emplace_back(names[i], cf);
  }
  if (rollups == names.size()) return Fail("no rollups column family");
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  s = rocksdb::DB::Open(rocksdb::DBOptions(), dir, descriptors, &handles, &db);
  if (!s.ok()) return Fail(s.ToString());
  std::string key;
  {
    std::unique_ptr<rocksdb::Iterator> it(
        db->NewIterator(rocksdb::ReadOptions(), handles[rollups]));
    it->SeekToFirst();
    if (it->Valid()) key = it->key().ToString();
  }
  int code = 0;
  if (key.empty()) {
    code = Fail("the rollups column family is empty");
  } else {
    CellWriter cell;
    cell.Field(kServiceFieldBase, 3);  // interactions
    rocksdb::WriteOptions sync;
    sync.sync = true;
    s = db->Merge(sync, handles[rollups], key, cell.Take());
    if (!s.ok()) {
      code = Fail(s.ToString());
    } else {
      std::printf("%s\t%s\t%s\n", RollupViewName("rollups", key).c_str(),
                  RollupKeyName(key).c_str(),
                  RollupFieldName(kServiceFieldBase).c_str());
    }
  }
  for (rocksdb::ColumnFamilyHandle* h : handles)
    db->DestroyColumnFamilyHandle(h);
  db->Close();
  delete db;
  return code;
}

}  // namespace
}  // namespace cxscore::storage

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: cxscore-corrupt-cell DATA_DIR\n");
    return 1;
  }
  return cxscore::storage::Corrupt(argv[1]);
}
