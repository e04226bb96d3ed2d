// What only the RocksDB store does: survive reopen and compaction, keep its
// on-disk format version, migrate a version 1 database. The Store contract
// itself is tested for every implementation in store_contract_test.cc.
#include "storage/rocks_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <string>

#include "rocksdb/db.h"
#include "storage/rocks_options.h"
#include "storage/rollup_merge_operator.h"
#include "tests/storage/store_test_base.h"
#include "tests/storage/test_records.h"
#include "tests/testing/status_matchers.h"

namespace cxscore::storage {
namespace {

using cxscore::testing::IsOk;
using cxscore::testing::Response;
using cxscore::testing::StatusIs;
using cxscore::testing::Ticket;
using cxscore::testing::Utc;

class RocksStoreTest : public StoreTestBase<::testing::Test> {
 protected:
  void SetUp() override {
    options_.data_dir = FreshDir("cxscore-store-");
    Reopen();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(options_.data_dir);
  }
  void Reopen() {
    store_.reset();
    auto store = OpenRocksStore(options_);
    ASSERT_THAT(store, IsOk());
    store_ = *std::move(store);
  }

  StoreOptions options_;
};

class DriverRollupsTest : public RocksStoreTest {};

// Segments: the attribute view (rollup key view 7).
class AttributeViewTest : public RocksStoreTest {};

TEST_F(RocksStoreTest, RecordsAndRollupsSurviveReopenFlushAndCompaction) {
  ASSERT_THAT(Submit({Response("r1", "a", "chat", Utc(2025, 3, 1), 9)}),
              ::testing::Each(Kind::kAccepted));
  store_.reset();
  ASSERT_THAT(CompactRocksStore(options_), IsOk());
  Reopen();
  // Merges on top of a compacted base, then again in the memtable.
  ASSERT_THAT(Submit({Response("r2", "a", "chat", Utc(2025, 3, 1), 9)}),
              ::testing::Each(Kind::kAccepted));
  store_.reset();
  ASSERT_THAT(CompactRocksStore(options_), IsOk());
  Reopen();
  ASSERT_THAT(Submit({Response("r3", "a", "chat", Utc(2025, 3, 1), 9)}),
              ::testing::Each(Kind::kAccepted));
  EXPECT_EQ(Total().scores.nps[9], 3);
  auto stored = store_->GetResponse("r1");
  ASSERT_THAT(stored, IsOk());
  ASSERT_TRUE(stored->has_value());
  EXPECT_EQ((*stored)->nps, 9);
  // Resending after reopen is still a duplicate.
  EXPECT_THAT(Submit({Response("r1", "a", "chat", Utc(2025, 3, 1), 9)}),
              ::testing::ElementsAre(Kind::kDuplicate));
}

TEST_F(DriverRollupsTest, SurviveCompactionAndReopen) {
  Submit({Linked("r1", 3)});
  Record({Ticket("t1", "a", Utc(2025, 3, 1), absl::Hours(2))});
  store_.reset();
  ASSERT_THAT(CompactRocksStore(options_), IsOk());
  Reopen();
  EXPECT_EQ(CsatCloseCount(3, absl::Hours(2)), 1);
}

using RawColumnFamilies = std::map<std::string, rocksdb::ColumnFamilyHandle*>;

// Opens the database in `dir` directly (no store may be open on it) and runs
// `edit` with every column family by name.
void EditRawDb(const std::string& dir,
               const std::function<void(rocksdb::DB*, RawColumnFamilies&)>& edit) {
  std::vector<std::string> names;
  ASSERT_TRUE(
      rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string& name : names) {
    rocksdb::ColumnFamilyOptions cf;
    if (name == "rollups" || name == "driver_rollups")
      cf.merge_operator = NewRollupMergeOperator();
    descriptors.emplace_back(name, cf);
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  ASSERT_TRUE(
      rocksdb::DB::Open(rocksdb::DBOptions(), dir, descriptors, &handles, &db)
          .ok());
  RawColumnFamilies by_name;
  for (size_t i = 0; i < names.size(); ++i) by_name[names[i]] = handles[i];
  edit(db, by_name);
  for (rocksdb::ColumnFamilyHandle* h : handles) db->DestroyColumnFamilyHandle(h);
  EXPECT_TRUE(db->Close().ok());
  delete db;
}

void SetFormatVersion(rocksdb::DB* db, const std::string& version) {
  ASSERT_TRUE(
      db->Put(rocksdb::WriteOptions(), "cxscore.format_version", version).ok());
}

// What a format version 1 database looks like: no attribute cells (view 7)
// in either rollup family, version "1".
void DowngradeToVersion1(rocksdb::DB* db, RawColumnFamilies& cfs) {
  for (const char* name : {"rollups", "driver_rollups"}) {
    ASSERT_TRUE(
        db->DeleteRange(rocksdb::WriteOptions(), cfs[name], "\x07", "\x08")
            .ok());
    std::unique_ptr<rocksdb::Iterator> it(
        db->NewIterator(rocksdb::ReadOptions(), cfs[name]));
    it->Seek("\x07");
    EXPECT_TRUE(!it->Valid() || it->key()[0] != '\x07') << name;
  }
  SetFormatVersion(db, "1");
}

TEST_F(AttributeViewTest, OpeningAVersion1DatabaseRebuildsTheAttributeCells) {
  WriteSegmentedData();
  // An upsert that moved attributes, so the rebuild must see final states.
  ASSERT_THAT(
      Record({WithPlan(Ticket("t2", "b", Utc(2025, 3, 9), absl::Hours(5)),
                       "silver")}),
      ::testing::ElementsAre(Kind::kAccepted));
  const RollupQuery by_plan_week = ByAttribute("plan", {GroupDim::kWeek});
  const std::vector<GroupCounts> before = Query(by_plan_week);
  auto drivers_before = store_->QueryDrivers(ByAttribute("plan"));
  ASSERT_THAT(drivers_before, IsOk());
  ASSERT_EQ(before.size(), 3u);
  ASSERT_EQ(drivers_before->size(), 2u);
  const RollupCounts totals = Total();

  store_.reset();
  EditRawDb(options_.data_dir, DowngradeToVersion1);
  Reopen();  // migrates
  for (int round = 0; round < 2; ++round) {
    const std::vector<GroupCounts> after = Query(by_plan_week);
    ASSERT_EQ(after.size(), before.size());
    for (size_t i = 0; i < before.size(); ++i) {
      EXPECT_EQ(after[i].key, before[i].key);
      EXPECT_EQ(after[i].counts, before[i].counts) << i;
    }
    auto drivers_after = store_->QueryDrivers(ByAttribute("plan"));
    ASSERT_THAT(drivers_after, IsOk());
    ASSERT_EQ(drivers_after->size(), drivers_before->size());
    for (size_t i = 0; i < drivers_before->size(); ++i) {
      EXPECT_EQ((*drivers_after)[i].key, (*drivers_before)[i].key);
      EXPECT_EQ((*drivers_after)[i].counts, (*drivers_before)[i].counts);
    }
    EXPECT_EQ(Total(), totals) << "attribution views untouched";
    // Version 2 is recorded: the next open rebuilds nothing and counts
    // nothing twice.
    Reopen();
  }
}

TEST_F(AttributeViewTest, AnInterruptedRebuildIsRedoneFromScratch) {
  WriteSegmentedData();
  const std::vector<GroupCounts> before = Query(ByAttribute("plan"));
  store_.reset();
  // A crash after the rebuild merged (some of) its cells but before it
  // recorded version 2 leaves cells present and version "1".
  EditRawDb(options_.data_dir, [](rocksdb::DB* db, RawColumnFamilies&) {
    SetFormatVersion(db, "1");
  });
  Reopen();
  const std::vector<GroupCounts> after = Query(ByAttribute("plan"));
  ASSERT_EQ(after.size(), before.size());
  for (size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(after[i].key, before[i].key);
    EXPECT_EQ(after[i].counts, before[i].counts) << "not counted twice";
  }
}

TEST_F(RocksStoreTest, ADatabaseOfAnUnknownVersionIsRefused) {
  store_.reset();
  EditRawDb(options_.data_dir, [](rocksdb::DB* db, RawColumnFamilies&) {
    SetFormatVersion(db, "3");
  });
  EXPECT_THAT(OpenRocksStore(options_),
              StatusIs(absl::StatusCode::kFailedPrecondition));
}

// Durability (docs/storage-format.md): what an acknowledgement promises.
TEST(RocksOptionsTest, DurableByDefault) {
  const StoreOptions defaults;
  EXPECT_TRUE(defaults.sync_writes);
  EXPECT_TRUE(GroupWriteOptions(defaults, /*request_sync=*/false).sync);
  EXPECT_TRUE(GroupWriteOptions(defaults, /*request_sync=*/true).sync);
  EXPECT_STREQ(DurabilityDescription(defaults), "fsync per write group");
}

TEST(RocksOptionsTest, NoSyncLeavesTheFsyncToTheRequest) {
  StoreOptions no_sync;
  no_sync.sync_writes = false;
  EXPECT_FALSE(GroupWriteOptions(no_sync, /*request_sync=*/false).sync);
  EXPECT_TRUE(GroupWriteOptions(no_sync, /*request_sync=*/true).sync);
  EXPECT_THAT(DurabilityDescription(no_sync),
              ::testing::HasSubstr(
                  "a power cut can lose the last acknowledged writes"));
}

TEST(RocksOptionsTest, RecoveryDropsATornTailAndVerifiesSyncedWals) {
  for (bool sync : {true, false}) {
    StoreOptions options;
    options.sync_writes = sync;
    const rocksdb::DBOptions db = RocksDbOptions(options);
    EXPECT_EQ(db.wal_recovery_mode,
              rocksdb::WALRecoveryMode::kTolerateCorruptedTailRecords);
    EXPECT_TRUE(db.track_and_verify_wals_in_manifest);
    EXPECT_TRUE(db.create_if_missing);
  }
}

TEST(RocksOptionsTest, MemtablesShareOneBudget) {
  StoreOptions options;
  EXPECT_EQ(RocksDbOptions(options).db_write_buffer_size, size_t{128} << 20);
  options.memtable_bytes = size_t{32} << 20;
  EXPECT_EQ(RocksDbOptions(options).db_write_buffer_size, size_t{32} << 20);
}

// A copy of the (open) database in `dir`, its newest WAL changed by `edit`:
// what a crash leaves behind, without pulling the plug.
std::string CopyWithEditedWal(const std::string& dir,
                              const std::function<void(std::string&)>& edit) {
  const std::string copy = dir + "-copy";
  std::filesystem::remove_all(copy);
  std::filesystem::copy(dir, copy, std::filesystem::copy_options::recursive);
  std::filesystem::path wal;
  for (const auto& entry : std::filesystem::directory_iterator(copy)) {
    if (entry.path().extension() == ".log" &&
        (wal.empty() || entry.path().filename() > wal.filename()))
      wal = entry.path();
  }
  EXPECT_FALSE(wal.empty()) << "no WAL in " << copy;
  std::string bytes;
  {
    std::ifstream in(wal, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  edit(bytes);
  std::ofstream(wal, std::ios::binary | std::ios::trunc) << bytes;
  return copy;
}

TEST_F(RocksStoreTest, ATornWalTailIsDroppedAndTheSyncedWritesSurvive) {
  ASSERT_THAT(Submit({Response("r1", "a", "chat", Utc(2025, 3, 1), 9)}),
              ::testing::Each(Kind::kAccepted));
  ASSERT_THAT(Submit({Response("r2", "a", "chat", Utc(2025, 3, 2), 3)}),
              ::testing::Each(Kind::kAccepted));
  StoreOptions copy = options_;
  copy.data_dir = CopyWithEditedWal(options_.data_dir, [](std::string& wal) {
    ASSERT_FALSE(wal.empty());
    // A record header promising 200 bytes, then 20 of them: a write torn by
    // the crash (in the same 32 KiB block of the log).
    ASSERT_LT(wal.size() % 32768 + 7 + 20, 32768u);
    wal +=
        std::string("\x12\x34\x56\x78\xc8\x00\x01", 7) + std::string(20, 'x');
  });
  {
    auto reopened = OpenRocksStore(copy);
    ASSERT_THAT(reopened, IsOk());
    for (const char* id : {"r1", "r2"}) {
      auto stored = (*reopened)->GetResponse(id);
      ASSERT_THAT(stored, IsOk());
      EXPECT_TRUE(stored->has_value()) << id;
    }
    auto total = (*reopened)->QueryRollups({});
    ASSERT_THAT(total, IsOk());
    ASSERT_EQ(total->size(), 1u);
    EXPECT_EQ((*total)[0].counts.scores.nps[9], 1);
    EXPECT_EQ((*total)[0].counts.scores.nps[3], 1);
  }
  std::filesystem::remove_all(copy.data_dir);
}

TEST_F(RocksStoreTest, ACorruptSyncedWalRecordFailsTheOpenInsteadOfDroppingIt) {
  ASSERT_THAT(Submit({Response("r1", "a", "chat", Utc(2025, 3, 1), 9)}),
              ::testing::Each(Kind::kAccepted));
  ASSERT_THAT(Submit({Response("r2", "a", "chat", Utc(2025, 3, 2), 3)}),
              ::testing::Each(Kind::kAccepted));
  StoreOptions copy = options_;
  copy.data_dir = CopyWithEditedWal(options_.data_dir, [](std::string& wal) {
    ASSERT_GT(wal.size(), 10u);
    wal[wal.size() - 10] ^= 0x01;  // inside r2's record, the last one
  });
  // Point-in-time recovery would open without r2; this mode refuses.
  EXPECT_THAT(OpenRocksStore(copy), StatusIs(absl::StatusCode::kDataLoss));
  std::filesystem::remove_all(copy.data_dir);
}

}  // namespace
}  // namespace cxscore::storage
