// Store::Verify on a real RocksStore: a clean store verifies clean; a cell
// changed behind the store's back (the database opened directly while the
// store is closed) is listed exactly, and --repair puts it right.
#include "storage/rollup_verify.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/calendar.h"
#include "rocksdb/db.h"
#include "storage/memory_store.h"
#include "storage/persisted_ids.h"
#include "storage/record_cells.h"
#include "storage/rocks_store.h"
#include "storage/rollup_key.h"
#include "storage/rollup_merge_operator.h"
#include "storage/sparse_cell.h"
#include "storage/write_planner.h"
#include "tests/storage/store_test_base.h"
#include "tests/storage/test_records.h"
#include "tests/testing/status_matchers.h"

namespace cxscore::storage {
namespace {

using cxscore::testing::IsOk;
using cxscore::testing::Response;
using cxscore::testing::Ticket;
using cxscore::testing::Utc;
using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::SizeIs;

using RawColumnFamilies = std::map<std::string, rocksdb::ColumnFamilyHandle*>;

// Opens the database in `dir` directly (no store may be open on it) and runs
// `edit` with every column family by name.
void EditRawDb(
    const std::string& dir,
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
  for (rocksdb::ColumnFamilyHandle* h : handles)
    db->DestroyColumnFamilyHandle(h);
  EXPECT_TRUE(db->Close().ok());
  delete db;
}

std::string Cell(uint64_t field, int64_t value) {
  CellWriter w;
  w.Field(field, value);
  return w.Take();
}

// Everything the store answers that verify must leave (or put back) as it
// was: rollups by every attribution, by attribute, drivers and comments.
template <typename Counts>
using Groups =
    std::vector<std::pair<std::vector<std::optional<std::string>>, Counts>>;

template <typename Counts>
Groups<Counts> Comparable(const std::vector<Grouped<Counts>>& groups) {
  Groups<Counts> out;
  for (const Grouped<Counts>& g : groups) out.emplace_back(g.key, g.counts);
  return out;
}

struct Answers {
  Groups<RollupCounts> rollups, plans;
  Groups<DriverCounts> drivers, plan_drivers;
  std::vector<std::string> comments;
  bool operator==(const Answers&) const = default;
};

class RollupVerifyTest : public StoreTestBase<::testing::Test> {
 protected:
  void SetUp() override {
    options_.data_dir = FreshDir("cxscore-verify-");
    Reopen();
    WriteSegmentedData();
    SurveyResponse commented =
        Response("r6", "a", "chat", Utc(2025, 3, 2, 15), 7);
    commented.comment = "slow reply";
    SurveyResponse other = Response("r7", "c", "email", Utc(2025, 3, 9), 3);
    other.comment = "never again";
    ASSERT_THAT(Submit({commented, other}), Each(Kind::kAccepted));
    // An upsert: its old contribution leaves the cells it was in.
    ASSERT_THAT(Record({Ticket("t2", "c", Utc(2025, 3, 8), absl::Hours(1))}),
                Each(Kind::kAccepted));
    before_ = Ask();
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
  // Closes the store, edits the database directly, opens the store again.
  void BehindTheStoresBack(
      const std::function<void(rocksdb::DB*, RawColumnFamilies&)>& edit) {
    store_.reset();
    EditRawDb(options_.data_dir, edit);
    Reopen();
  }

  Answers Ask() {
    Answers answers;
    RollupQuery all;
    all.group_by = {GroupDim::kAgent, GroupDim::kTeam, GroupDim::kChannel,
                    GroupDim::kDay};
    answers.rollups = Comparable(Query(all));
    answers.plans = Comparable(Query(ByAttribute("plan", {GroupDim::kDay})));
    auto drivers = store_->QueryDrivers(all);
    EXPECT_THAT(drivers, IsOk());
    if (drivers.ok()) answers.drivers = Comparable(*drivers);
    auto plan_drivers = store_->QueryDrivers(ByAttribute("plan"));
    EXPECT_THAT(plan_drivers, IsOk());
    if (plan_drivers.ok()) answers.plan_drivers = Comparable(*plan_drivers);
    auto comments = store_->ListComments(
        {}, 100, [](const SurveyResponse&) { return true; });
    EXPECT_THAT(comments, IsOk());
    if (comments.ok())
      for (const SurveyResponse& r : *comments)
        answers.comments.push_back(r.response_id);
    return answers;
  }

  VerifyReport Verify(bool repair) {
    absl::StatusOr<VerifyReport> report = store_->Verify(repair);
    EXPECT_THAT(report, IsOk());
    return report.ok() ? *std::move(report) : VerifyReport{};
  }

  // Repairs, checks that the store verifies clean afterwards and answers
  // as before the corruption; returns the repair's report.
  VerifyReport RepairAndCheck() {
    const VerifyReport repair = Verify(true);
    EXPECT_TRUE(repair.repaired);
    EXPECT_EQ(repair.differences_after_repair, 0u);
    const VerifyReport after = Verify(false);
    EXPECT_EQ(after.differences_total, 0u);
    EXPECT_THAT(after.differences, SizeIs(0));
    EXPECT_TRUE(Ask() == before_);
    // And still after a reopen (the repair is on disk).
    Reopen();
    EXPECT_EQ(Verify(false).differences_total, 0u);
    EXPECT_TRUE(Ask() == before_);
    return repair;
  }

  static std::string AgentKey(std::string agent, absl::Time at) {
    return EncodeRollupKey(AllViews()[4], {agent, "", ""}, DayNumberOf(at));
  }

  StoreOptions options_;
  Answers before_;
};

TEST_F(RollupVerifyTest, CleanStoreVerifiesCleanAndCountsEveryStoredCell) {
  const VerifyReport report = Verify(false);
  EXPECT_EQ(report.differences_total, 0u);
  EXPECT_THAT(report.differences, SizeIs(0));
  EXPECT_FALSE(report.repaired);
  EXPECT_GT(report.rollup_cells, 0u);
  EXPECT_GT(report.driver_cells, 0u);
  EXPECT_EQ(report.comment_entries, 2u);
  EXPECT_EQ(report.cells_checked,
            report.rollup_cells + report.driver_cells + report.comment_entries);

  store_.reset();
  std::map<std::string, uint64_t> stored;
  EditRawDb(options_.data_dir, [&](rocksdb::DB* db, RawColumnFamilies& cfs) {
    for (const char* name : {"rollups", "driver_rollups", "comments"}) {
      std::unique_ptr<rocksdb::Iterator> it(
          db->NewIterator(rocksdb::ReadOptions(), cfs[name]));
      for (it->SeekToFirst(); it->Valid(); it->Next()) ++stored[name];
      EXPECT_TRUE(it->status().ok());
    }
  });
  EXPECT_EQ(report.rollup_cells, stored["rollups"]);
  EXPECT_EQ(report.driver_cells, stored["driver_rollups"]);
  EXPECT_EQ(report.comment_entries, stored["comments"]);
  EXPECT_EQ(report.cells_checked,
            stored["rollups"] + stored["driver_rollups"] + stored["comments"]);
}

TEST_F(RollupVerifyTest, RepairOfACleanStoreWritesNothingAndSaysRight) {
  const VerifyReport report = Verify(true);
  EXPECT_EQ(report.differences_total, 0u);
  EXPECT_TRUE(report.repaired);
  EXPECT_TRUE(Ask() == before_);
}

TEST_F(RollupVerifyTest, FindsAndRepairsAWrongRollupViewCell) {
  // Agent a answered NPS 10 once on 2025-03-01 (r1); the cell of view 4
  // (agent) is told it was three times.
  RollupQuery day1;
  day1.from_day = day1.to_day = DayNumberOf(Utc(2025, 3, 1));
  day1.agents = {"a"};
  const int64_t tens = Total(day1).scores.nps[10];
  ASSERT_EQ(tens, 1);
  const uint64_t field = RollupFieldBase(Metric::kNps) + 10;
  BehindTheStoresBack([&](rocksdb::DB* db, RawColumnFamilies& cfs) {
    ASSERT_TRUE(db->Merge(rocksdb::WriteOptions(), cfs["rollups"],
                          AgentKey("a", Utc(2025, 3, 1)), Cell(field, 2))
                    .ok());
  });
  const VerifyReport report = Verify(false);
  EXPECT_EQ(report.differences_total, 1u);
  ASSERT_THAT(report.differences, SizeIs(1));
  const CellDifference& d = report.differences[0];
  EXPECT_EQ(d.view, "rollups/agent");
  EXPECT_EQ(d.key, "agent=\"a\" day=2025-03-01");
  EXPECT_EQ(d.field, "nps:10 (field 10)");
  EXPECT_EQ(d.stored, tens + 2);
  EXPECT_EQ(d.recomputed, tens);
  EXPECT_FALSE(report.repaired);

  const VerifyReport repair = RepairAndCheck();
  ASSERT_THAT(repair.differences, SizeIs(1));
  EXPECT_EQ(repair.differences[0].key, d.key);
}

TEST_F(RollupVerifyTest, FindsAndRepairsAWrongDriverCell) {
  // r4 (agent b, CSAT 4, 2025-03-09) is linked to t1, closed after 2 hours.
  const int64_t pairs = CsatCloseCount(4, absl::Hours(2));
  ASSERT_EQ(pairs, 1);
  const uint64_t column = DurationHistogram::BucketOf(2 * 3600);
  const uint64_t field =
      ((uint64_t{DriverPairId(Metric::kCsat, Kpi::kTimeToClose)} * 16 + 3)
       << 12) |
      column;
  const std::string totals = EncodeRollupKey(AllViews()[0], {"", "", ""},
                                             DayNumberOf(Utc(2025, 3, 9)));
  BehindTheStoresBack([&](rocksdb::DB* db, RawColumnFamilies& cfs) {
    ASSERT_TRUE(db->Merge(rocksdb::WriteOptions(), cfs["driver_rollups"],
                          totals, Cell(field, -1))
                    .ok());
  });
  EXPECT_EQ(CsatCloseCount(4, absl::Hours(2)), 0);  // the store is wrong now
  const VerifyReport report = Verify(false);
  ASSERT_THAT(report.differences, SizeIs(1));
  EXPECT_EQ(report.differences_total, 1u);
  const CellDifference& d = report.differences[0];
  EXPECT_EQ(d.view, "driver_rollups/totals");
  EXPECT_EQ(d.key, "day=2025-03-09");
  EXPECT_EQ(d.field, absl::StrCat("csat x time_to_close level 3 column ",
                                  column, " (field ", field, ")"));
  EXPECT_EQ(d.stored, 0);
  EXPECT_EQ(d.recomputed, pairs);

  RepairAndCheck();
  EXPECT_EQ(CsatCloseCount(4, absl::Hours(2)), pairs);
}

TEST_F(RollupVerifyTest, FindsAndRepairsACellThatShouldNotExist) {
  const std::string ghost = AgentKey("ghost", Utc(2025, 4, 1));
  BehindTheStoresBack([&](rocksdb::DB* db, RawColumnFamilies& cfs) {
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), cfs["rollups"], ghost,
                        Cell(kServiceFieldBase, 5))
                    .ok());
  });
  const VerifyReport report = Verify(false);
  ASSERT_THAT(report.differences, SizeIs(1));
  const CellDifference& d = report.differences[0];
  EXPECT_EQ(d.view, "rollups/agent");
  EXPECT_EQ(d.key, "agent=\"ghost\" day=2025-04-01");
  EXPECT_EQ(d.field, "interactions (field 64)");
  EXPECT_EQ(d.stored, 5);
  EXPECT_EQ(d.recomputed, 0);
  RepairAndCheck();
}

TEST_F(RollupVerifyTest, FindsAndRepairsAMissingCell) {
  // The totals of 2025-03-02: r2 (NPS 0), r5 (NPS 9), r6 (NPS 7).
  const int32_t day = DayNumberOf(Utc(2025, 3, 2));
  RollupQuery one_day;
  one_day.from_day = one_day.to_day = day;
  const RollupCounts want = Total(one_day);
  ASSERT_EQ(NpsN(want), 3);
  const std::string key = EncodeRollupKey(AllViews()[0], {"", "", ""}, day);
  BehindTheStoresBack([&](rocksdb::DB* db, RawColumnFamilies& cfs) {
    ASSERT_TRUE(db->Delete(rocksdb::WriteOptions(), cfs["rollups"], key).ok());
  });
  const VerifyReport report = Verify(false);
  // One difference per non-zero field of the cell: NPS 0, 7 and 9.
  ASSERT_THAT(report.differences, SizeIs(3));
  EXPECT_EQ(report.differences_total, 3u);
  EXPECT_THAT(report.differences,
              Each(AllOf(Field(&CellDifference::view, "rollups/totals"),
                         Field(&CellDifference::key, "day=2025-03-02"),
                         Field(&CellDifference::stored, 0))));
  for (const CellDifference& d : report.differences) {
    SCOPED_TRACE(d.field);
    const int score = std::stoi(d.field.substr(4));
    EXPECT_EQ(d.field, absl::StrCat("nps:", score, " (field ", score, ")"));
    EXPECT_EQ(d.recomputed, want.scores.nps[score]);
    EXPECT_GT(d.recomputed, 0);
  }
  RepairAndCheck();
}

TEST_F(RollupVerifyTest, FindsAndRepairsTheCommentIndex) {
  const std::string real = CommentKey("a", DayNumberOf(Utc(2025, 3, 2)), "r6");
  const std::string bogus = CommentKey("a", DayNumberOf(Utc(2025, 3, 1)), "r1");
  BehindTheStoresBack([&](rocksdb::DB* db, RawColumnFamilies& cfs) {
    ASSERT_TRUE(
        db->Delete(rocksdb::WriteOptions(), cfs["comments"], real).ok());
    ASSERT_TRUE(
        db->Put(rocksdb::WriteOptions(), cfs["comments"], bogus, "").ok());
  });
  const VerifyReport report = Verify(false);
  ASSERT_THAT(report.differences, SizeIs(2));
  EXPECT_THAT(report.differences,
              Each(AllOf(Field(&CellDifference::view, "comments"),
                         Field(&CellDifference::field, "entry"))));
  // Stored entries come first, then the missing ones.
  EXPECT_EQ(report.differences[0].key,
            "agent=\"a\" day=2025-03-01 response=\"r1\"");
  EXPECT_EQ(report.differences[0].stored, 1);
  EXPECT_EQ(report.differences[0].recomputed, 0);
  EXPECT_EQ(report.differences[1].key,
            "agent=\"a\" day=2025-03-02 response=\"r6\"");
  EXPECT_EQ(report.differences[1].stored, 0);
  EXPECT_EQ(report.differences[1].recomputed, 1);
  RepairAndCheck();
}

TEST_F(RollupVerifyTest, OverwritesACellThatDoesNotDecode) {
  const std::string key = AgentKey("a", Utc(2025, 3, 1));
  BehindTheStoresBack([&](rocksdb::DB* db, RawColumnFamilies& cfs) {
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), cfs["rollups"], key,
                        std::string("\x07garbage", 8))
                    .ok());
  });
  const VerifyReport report = Verify(false);
  ASSERT_THAT(report.differences, SizeIs(1));
  EXPECT_EQ(report.differences[0].key, "agent=\"a\" day=2025-03-01");
  EXPECT_EQ(report.differences[0].field, "(cell does not decode)");
  RepairAndCheck();
}

TEST_F(RollupVerifyTest, ListsAtMostTheCapAndCountsTheRest) {
  std::vector<SurveyResponse> many;
  for (int i = 0; i < 300; ++i)
    many.push_back(Response(absl::StrCat("m", i), absl::StrCat("agent", i),
                            "chat", Utc(2025, 1, 1 + i % 28), i % 11));
  ASSERT_THAT(Submit(many), Each(Kind::kAccepted));
  before_ = Ask();
  BehindTheStoresBack([&](rocksdb::DB* db, RawColumnFamilies& cfs) {
    ASSERT_TRUE(db->DeleteRange(rocksdb::WriteOptions(), cfs["rollups"],
                                std::string(1, '\0'), std::string(1, '\x08'))
                    .ok());
  });
  const VerifyReport report = Verify(false);
  EXPECT_GT(report.differences_total, kMaxListedDifferences);
  EXPECT_THAT(report.differences, SizeIs(kMaxListedDifferences));
  EXPECT_THAT(report.differences, Each(Field(&CellDifference::stored, 0)));
  RepairAndCheck();
}

TEST_F(RollupVerifyTest, RepairKeepsWritesMadeAfterIt) {
  BehindTheStoresBack([&](rocksdb::DB* db, RawColumnFamilies& cfs) {
    ASSERT_TRUE(db->Merge(rocksdb::WriteOptions(), cfs["rollups"],
                          AgentKey("a", Utc(2025, 3, 1)),
                          Cell(kServiceFieldBase, 4))
                    .ok());
  });
  ASSERT_TRUE(Verify(true).repaired);
  ASSERT_THAT(Submit({Response("r9", "a", "chat", Utc(2025, 3, 1), 9)}),
              Each(Kind::kAccepted));
  EXPECT_EQ(Verify(false).differences_total, 0u);
}

TEST(MemoryStoreVerifyTest, HasNoDerivedDataToCheck) {
  MemoryStore store;
  ASSERT_THAT(SubmitResponsesAndWait(
                  store, {Response("r1", "a", "chat", Utc(2025, 3, 1), 9)}),
              IsOk());
  absl::StatusOr<VerifyReport> report = store.Verify(false);
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(report->cells_checked, 0u);
  EXPECT_EQ(report->differences_total, 0u);
  EXPECT_FALSE(report->repaired);
  report = store.Verify(true);
  ASSERT_THAT(report, IsOk());
  EXPECT_TRUE(report->repaired);
}

TEST(RollupNamesTest, NameEveryKindOfFieldAndKey) {
  EXPECT_EQ(RollupFieldName(RollupFieldBase(Metric::kCsat) + 3),
            "csat:4 (field 19)");
  EXPECT_EQ(RollupFieldName(RollupFieldBase(Metric::kVes) + 5),
            "ves_mean:3.5 (field 37)");
  EXPECT_EQ(RollupFieldName(kVesConfidenceFieldBase),
            "ves_confidence:1 (field 56)");
  EXPECT_EQ(RollupFieldName(kServiceFieldBase + 11),
            "transfers_sum (field 75)");
  EXPECT_EQ(RollupFieldName(kCloseBucketFieldBase + 17),
            "time_to_close_bucket:17 (field 1041)");
  EXPECT_EQ(RollupFieldName(900), "unknown (field 900)");
  const int32_t day = DayNumberOf(Utc(2025, 3, 2));
  const std::string key =
      EncodeRollupKey(AllViews()[6], {"ann", "", "chat"}, day);
  EXPECT_EQ(RollupViewName("rollups", key), "rollups/agent+team+channel");
  EXPECT_EQ(RollupKeyName(key),
            "agent=\"ann\" team=\"\" channel=\"chat\" day=2025-03-02");
  const std::string attr = EncodeAttributeRollupKey("plan", "gold", day);
  EXPECT_EQ(RollupViewName("driver_rollups", attr), "driver_rollups/attribute");
  EXPECT_EQ(RollupKeyName(attr), "attr.plan=\"gold\" day=2025-03-02");
  EXPECT_EQ(RollupKeyName("\x09z"), "0x097a");
}

}  // namespace
}  // namespace cxscore::storage
