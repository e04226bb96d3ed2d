// A merge operand that its codec cannot read back is refused before it is
// written: INTERNAL, and nothing of the batch reaches the database.
#include "storage/merge_operand_check.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "rocksdb/db.h"
#include "storage/driver_codec.h"
#include "storage/persisted_ids.h"
#include "storage/record_codec.h"
#include "storage/rocks_store.h"
#include "storage/rollup_codec.h"
#include "storage/rollup_key.h"
#include "storage/rollup_merge_operator.h"
#include "storage/sparse_cell.h"
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
using ::testing::HasSubstr;

std::string Key() {
  return EncodeRollupKey(AllViews().front(), Attribution{"a", "t", "chat"},
                         20000);
}

std::string RollupOperand() {
  return EncodeRollupCell(
      ContributionOf(Response("r", "a", "chat", Utc(2025, 2, 3), 9, 4)));
}

std::string DriverOperand() {
  SurveyResponse r = Response("r", "a", "chat", Utc(2025, 2, 3), 9, 4);
  return EncodeDriverCell(DriverContributionOf(
      r, Ticket("t", "a", Utc(2025, 2, 2), absl::Hours(3))));
}

TEST(CheckMergeOperandTest, AcceptsWhatTheEncodersWrite) {
  EXPECT_THAT(CheckMergeOperand(MergeCf::kRollups, Key(), RollupOperand()),
              IsOk());
  EXPECT_THAT(
      CheckMergeOperand(MergeCf::kDriverRollups, Key(), DriverOperand()),
      IsOk());
}

TEST(CheckMergeOperandTest, RefusesADriverOperandInRollups) {
  // Driver field ids are far above the largest rollup field id.
  EXPECT_THAT(CheckMergeOperand(MergeCf::kRollups, Key(), DriverOperand()),
              StatusIs(absl::StatusCode::kInternal, HasSubstr("rollups")));
}

TEST(CheckMergeOperandTest, RefusesDriverFieldsNoEncoderWrites) {
  // Row 11 of NPS (levels 0..10) and column 2 of first-contact resolution.
  const uint64_t nps_row_11 =
      (uint64_t{DriverPairId(Metric::kNps, Kpi::kTimeToClose)} * 16 + 11) << 12;
  const uint64_t fcr_column_2 =
      (uint64_t{DriverPairId(Metric::kCsat, Kpi::kFirstContactResolution)} * 16)
          << 12 |
      2;
  for (uint64_t id : {nps_row_11, fcr_column_2}) {
    CellWriter w;
    w.Field(id, 1);
    EXPECT_THAT(
        CheckMergeOperand(MergeCf::kDriverRollups, Key(), w.Take()),
        StatusIs(absl::StatusCode::kInternal, HasSubstr("driver_rollups")))
        << id;
  }
}

TEST(CheckMergeOperandTest, RefusesMalformedCellsAndKeys) {
  std::string truncated = RollupOperand();
  truncated.pop_back();
  truncated.push_back('\x80');
  EXPECT_THAT(CheckMergeOperand(MergeCf::kRollups, Key(), truncated),
              StatusIs(absl::StatusCode::kInternal));
  EXPECT_THAT(CheckMergeOperand(MergeCf::kRollups, Key(), ""),
              StatusIs(absl::StatusCode::kInternal));
  std::string bad_key = Key();
  bad_key.pop_back();  // the day is four bytes
  EXPECT_THAT(CheckMergeOperand(MergeCf::kRollups, bad_key, RollupOperand()),
              StatusIs(absl::StatusCode::kInternal, HasSubstr("key")));
}

TEST(CheckMergeOperandsTest, ChecksEveryMergeOfABatch) {
  rocksdb::WriteBatch batch;
  ASSERT_TRUE(batch.Put("anything", "goes").ok());
  ASSERT_TRUE(batch.Merge(Key(), RollupOperand()).ok());  // cf 0: rollups here
  EXPECT_THAT(CheckMergeOperands(batch, 0, 1), IsOk());
  // The same merge into a family that holds no cells.
  EXPECT_THAT(CheckMergeOperands(batch, 5, 6),
              StatusIs(absl::StatusCode::kInternal));
  ASSERT_TRUE(batch.Merge(Key(), std::string("\x01\x05\x00", 3)).ok());
  EXPECT_THAT(CheckMergeOperands(batch, 0, 1),
              StatusIs(absl::StatusCode::kInternal));
}

class BadOperandStoreTest : public StoreTestBase<::testing::Test> {
 protected:
  void SetUp() override {
    options_.data_dir = FreshDir("cxscore-operand-");
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
  // Puts `value` under `key` in column family `cf`, with no store open.
  void PutRaw(const std::string& cf, const std::string& key,
              const std::string& value) {
    store_.reset();
    std::vector<std::string> names;
    ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(),
                                                options_.data_dir, &names)
                    .ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
    for (const std::string& name : names) {
      rocksdb::ColumnFamilyOptions options;
      if (name == "rollups" || name == "driver_rollups")
        options.merge_operator = NewRollupMergeOperator();
      descriptors.emplace_back(name, options);
    }
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(rocksdb::DBOptions(), options_.data_dir,
                                  descriptors, &handles, &db)
                    .ok());
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] == cf) {
        EXPECT_TRUE(
            db->Put(rocksdb::WriteOptions(), handles[i], key, value).ok());
      }
    }
    for (rocksdb::ColumnFamilyHandle* h : handles)
      db->DestroyColumnFamilyHandle(h);
    EXPECT_TRUE(db->Close().ok());
    delete db;
    Reopen();
  }

  StoreOptions options_;
};

// A stored response whose NPS is off the scale (corrupted on disk, or
// written by a buggy version) would put its driver pairs in row 13 of a
// histogram of 11 rows when its interaction arrives: a driver cell that no
// read could decode again. The write is refused instead.
TEST_F(BadOperandStoreTest, ABadOperandFailsTheWriteAndWritesNothing) {
  SurveyResponse r = Response("r1", "a", "chat", Utc(2025, 2, 3), 9);
  r.interaction_id = "t1";
  ASSERT_THAT(Submit({r}), ::testing::ElementsAre(Kind::kAccepted));
  SurveyResponse corrupt = r;
  corrupt.nps = 13;
  PutRaw("responses", "r1", EncodeResponse(corrupt));

  const WriteResult result = RecordInteractionsAndWait(
      *store_, {Ticket("t1", "a", Utc(2025, 2, 2), absl::Hours(5))});
  EXPECT_THAT(result, StatusIs(absl::StatusCode::kInternal,
                               HasSubstr("driver_rollups")));

  // Nothing of the request was written, and every cell still reads.
  EXPECT_THAT(store_->GetInteraction("t1"), IsOk());
  EXPECT_EQ(*store_->GetInteraction("t1"), std::nullopt);
  EXPECT_EQ(Total().service.interactions, 0);
  EXPECT_EQ(NpsN(Total()), 1);
  EXPECT_THAT(store_->QueryDrivers(RollupQuery{}), IsOk());
}

}  // namespace
}  // namespace cxscore::storage
