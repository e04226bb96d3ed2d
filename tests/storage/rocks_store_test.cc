#include "storage/rocks_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <map>
#include <random>
#include <thread>

#include "core/calendar.h"
#include "rocksdb/db.h"
#include "storage/rollup_merge_operator.h"
#include "tests/storage/test_records.h"

namespace cxscore::storage {
namespace {

using cxscore::testing::Response;
using cxscore::testing::Ticket;
using cxscore::testing::Utc;
using Kind = RecordOutcome::Kind;

class RocksStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    options_.data_dir = (std::filesystem::temp_directory_path() /
                         ("cxscore-store-" + std::string(info->name()) + "-" +
                          std::to_string(::getpid())))
                            .string();
    std::filesystem::remove_all(options_.data_dir);
    Reopen();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(options_.data_dir);
  }
  void Reopen() {
    store_.reset();
    auto store = OpenRocksStore(options_);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  std::vector<Kind> Submit(std::vector<SurveyResponse> responses) {
    WriteResult result = SubmitResponsesAndWait(*store_, std::move(responses));
    EXPECT_TRUE(result.ok()) << result.status();
    std::vector<Kind> kinds;
    if (result.ok())
      for (const RecordOutcome& o : *result) kinds.push_back(o.kind);
    return kinds;
  }
  std::vector<Kind> Record(std::vector<Interaction> interactions) {
    WriteResult result =
        RecordInteractionsAndWait(*store_, std::move(interactions));
    EXPECT_TRUE(result.ok()) << result.status();
    std::vector<Kind> kinds;
    if (result.ok())
      for (const RecordOutcome& o : *result) kinds.push_back(o.kind);
    return kinds;
  }
  std::vector<GroupCounts> Query(RollupQuery query) {
    auto groups = store_->QueryRollups(query);
    EXPECT_TRUE(groups.ok()) << groups.status();
    return groups.ok() ? *std::move(groups) : std::vector<GroupCounts>{};
  }
  // The counts of the single group of an ungrouped query (zero if none).
  RollupCounts Total(RollupQuery query = {}) {
    std::vector<GroupCounts> groups = Query(query);
    EXPECT_LE(groups.size(), 1u);
    return groups.empty() ? RollupCounts{} : groups[0].counts;
  }

  StoreOptions options_;
  std::unique_ptr<Store> store_;
};

TEST_F(RocksStoreTest, CountsScoresIntoHistograms) {
  EXPECT_THAT(Submit({Response("r1", "a", "chat", Utc(2025, 3, 1), 10),
                      Response("r2", "a", "chat", Utc(2025, 3, 1), 0, 5),
                      Response("r3", "b", "email", Utc(2025, 3, 2), 7)}),
              ::testing::Each(Kind::kAccepted));
  const RollupCounts total = Total();
  EXPECT_EQ(total.scores.nps[10], 1);
  EXPECT_EQ(total.scores.nps[0], 1);
  EXPECT_EQ(total.scores.nps[7], 1);
  EXPECT_EQ(total.scores.csat[4], 1);  // score 5
}

TEST_F(RocksStoreTest, IdenticalResendIsADuplicateAndChangesNothing) {
  const auto r = Response("r1", "a", "chat", Utc(2025, 3, 1), 9);
  ASSERT_THAT(Submit({r}), ::testing::ElementsAre(Kind::kAccepted));
  EXPECT_THAT(Submit({r, r}),
              ::testing::ElementsAre(Kind::kDuplicate, Kind::kDuplicate));
  EXPECT_EQ(Total().scores.nps[9], 1);
}

TEST_F(RocksStoreTest, DifferentContentUnderAnExistingIdIsAlreadyExists) {
  ASSERT_THAT(Submit({Response("r1", "a", "chat", Utc(2025, 3, 1), 9)}),
              ::testing::ElementsAre(Kind::kAccepted));
  WriteResult result = SubmitResponsesAndWait(
      *store_, {Response("r1", "a", "chat", Utc(2025, 3, 1), 3)});
  ASSERT_TRUE(result.ok());
  ASSERT_EQ((*result)[0].kind, Kind::kRejected);
  EXPECT_EQ((*result)[0].violation->code, absl::StatusCode::kAlreadyExists);
  EXPECT_EQ((*result)[0].violation->field, "response_id");
  EXPECT_EQ(Total().scores.nps[9], 1);
  EXPECT_EQ(Total().scores.nps[3], 0);
}

TEST_F(RocksStoreTest, InvalidRecordsAreRejectedAndStoreNothing) {
  auto bad = Response("r2", "a", "chat", Utc(2025, 3, 1), 11);
  WriteResult result = SubmitResponsesAndWait(
      *store_, {Response("r1", "a", "chat", Utc(2025, 3, 1), 9), bad});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ((*result)[0].kind, Kind::kAccepted);
  ASSERT_EQ((*result)[1].kind, Kind::kRejected);
  EXPECT_EQ((*result)[1].violation->field, "nps");
  auto stored = store_->GetResponse("r2");
  ASSERT_TRUE(stored.ok());
  EXPECT_FALSE(stored->has_value());
  EXPECT_EQ(Total().scores.nps[9], 1);
}

TEST_F(RocksStoreTest, RecordsAndRollupsSurviveReopenFlushAndCompaction) {
  ASSERT_THAT(Submit({Response("r1", "a", "chat", Utc(2025, 3, 1), 9)}),
              ::testing::Each(Kind::kAccepted));
  store_.reset();
  ASSERT_TRUE(CompactRocksStore(options_).ok());
  Reopen();
  // Merges on top of a compacted base, then again in the memtable.
  ASSERT_THAT(Submit({Response("r2", "a", "chat", Utc(2025, 3, 1), 9)}),
              ::testing::Each(Kind::kAccepted));
  store_.reset();
  ASSERT_TRUE(CompactRocksStore(options_).ok());
  Reopen();
  ASSERT_THAT(Submit({Response("r3", "a", "chat", Utc(2025, 3, 1), 9)}),
              ::testing::Each(Kind::kAccepted));
  EXPECT_EQ(Total().scores.nps[9], 3);
  auto stored = store_->GetResponse("r1");
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->nps, 9);
  // Resending after reopen is still a duplicate.
  EXPECT_THAT(Submit({Response("r1", "a", "chat", Utc(2025, 3, 1), 9)}),
              ::testing::ElementsAre(Kind::kDuplicate));
}

TEST_F(RocksStoreTest, InteractionUpsertMovesItsContribution) {
  ASSERT_THAT(Record({Ticket("t1", "alice", Utc(2025, 3, 1), std::nullopt)}),
              ::testing::ElementsAre(Kind::kAccepted));
  // Later state: reassigned to bob, closed after 2 hours.
  EXPECT_THAT(Record({Ticket("t1", "bob", Utc(2025, 3, 1), absl::Hours(2))}),
              ::testing::ElementsAre(Kind::kAccepted));
  EXPECT_THAT(Record({Ticket("t1", "bob", Utc(2025, 3, 1), absl::Hours(2))}),
              ::testing::ElementsAre(Kind::kDuplicate));

  RollupQuery by_agent;
  by_agent.group_by = {GroupDim::kAgent};
  std::vector<GroupCounts> groups = Query(by_agent);
  ASSERT_EQ(groups.size(), 1u) << "alice's cell cancelled out";
  EXPECT_EQ(groups[0].key[0], "bob");
  EXPECT_EQ(groups[0].counts.service.interactions, 1);
  EXPECT_EQ(groups[0].counts.service.closed, 1);
  EXPECT_EQ(groups[0].counts.service.close_seconds_sum, 7200);
}

TEST_F(RocksStoreTest, UpsertWithinOneBatchSeesTheEarlierRecord) {
  EXPECT_THAT(Record({Ticket("t1", "alice", Utc(2025, 3, 1), std::nullopt),
                      Ticket("t1", "bob", Utc(2025, 3, 2), absl::Hours(1))}),
              ::testing::Each(Kind::kAccepted));
  EXPECT_EQ(Total().service.interactions, 1);
  EXPECT_EQ(Total().service.closed, 1);
}

TEST_F(RocksStoreTest, ResponseMayNameAnInteractionNotYetRecorded) {
  auto r = Response("r1", "a", "chat", Utc(2025, 3, 1), 9);
  r.interaction_id = "later";
  ASSERT_THAT(Submit({r}), ::testing::ElementsAre(Kind::kAccepted));
  ASSERT_THAT(Record({Ticket("later", "a", Utc(2025, 2, 28), absl::Hours(5))}),
              ::testing::ElementsAre(Kind::kAccepted));
  auto stored = store_->GetResponse("r1");
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->interaction_id, "later");
  auto interaction = store_->GetInteraction("later");
  ASSERT_TRUE(interaction.ok() && interaction->has_value());
}

TEST_F(RocksStoreTest, GroupsByPeriodAndAttributionWithUnattributedAsNull) {
  Submit({Response("r1", "a", "chat", Utc(2025, 2, 10), 9),
          Response("r2", "", "chat", Utc(2025, 2, 11), 9),
          Response("r3", "a", "chat", Utc(2025, 2, 17), 0)});
  RollupQuery query;
  query.group_by = {GroupDim::kWeek, GroupDim::kAgent};
  std::vector<GroupCounts> groups = Query(query);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].key, (std::vector<std::optional<std::string>>{
                               "2025-W07", std::nullopt}));
  EXPECT_EQ(groups[1].key, (std::vector<std::optional<std::string>>{
                               "2025-W07", "a"}));
  EXPECT_EQ(groups[2].key, (std::vector<std::optional<std::string>>{
                               "2025-W08", "a"}));
  EXPECT_EQ(groups[2].counts.scores.nps[0], 1);
}

TEST_F(RocksStoreTest, FiltersAndDayRangeSelectExactlyTheMatchingCells) {
  std::vector<SurveyResponse> responses;
  std::mt19937 rng(7);
  const char* agents[] = {"a", "b", "c", ""};
  const char* channels[] = {"chat", "email", "phone"};
  int expected = 0;
  const int32_t from = DayNumberOf(Utc(2025, 1, 10));
  const int32_t to = DayNumberOf(Utc(2025, 1, 20));
  for (int i = 0; i < 600; ++i) {
    const std::string agent = agents[rng() % 4];
    const std::string channel = channels[rng() % 3];
    const absl::Time at = Utc(2025, 1, 1) + absl::Hours(rng() % (24 * 40));
    responses.push_back(Response("r" + std::to_string(i), agent, channel, at,
                                 static_cast<int>(rng() % 11)));
    const int32_t day = DayNumberOf(at);
    if ((agent == "b" || agent == "") && channel != "phone" && day >= from &&
        day <= to)
      ++expected;
  }
  Submit(responses);
  RollupQuery query;
  query.agents = {"b", ""};
  query.channels = {"chat", "email"};
  query.from_day = from;
  query.to_day = to;
  int64_t n = 0;
  for (int64_t c : Total(query).scores.nps) n += c;
  EXPECT_EQ(n, expected);
  EXPECT_GT(expected, 0);
}

TEST_F(RocksStoreTest, ConcurrentOverlappingWritersNeverDoubleCount) {
  constexpr int kThreads = 4, kIds = 500;
  std::vector<std::thread> threads;
  std::atomic<int> accepted = 0;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Every thread sends every id, in batches, in its own order.
      for (int start = 0; start < kIds; start += 50) {
        std::vector<SurveyResponse> batch;
        for (int i = start; i < start + 50; ++i) {
          const int id = (i + t * 125) % kIds;
          batch.push_back(Response("r" + std::to_string(id), "a", "chat",
                                   Utc(2025, 3, 1), id % 11));
        }
        WriteResult r = SubmitResponsesAndWait(*store_, std::move(batch));
        ASSERT_TRUE(r.ok());
        for (const RecordOutcome& o : *r) accepted += o.kind == Kind::kAccepted;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(accepted, kIds);
  int64_t n = 0;
  for (int64_t c : Total().scores.nps) n += c;
  EXPECT_EQ(n, kIds);
}

class DriverRollupsTest : public RocksStoreTest {
 protected:
  // Count of (CSAT row, time-to-close bucket) pairs over the whole store.
  int64_t CsatCloseCount(int csat, absl::Duration close) {
    auto groups = store_->QueryDrivers({});
    EXPECT_TRUE(groups.ok()) << groups.status();
    if (!groups.ok() || groups->empty()) return 0;
    EXPECT_EQ(groups->size(), 1u);
    return (*groups)[0]
        .counts.pair(DriverMetric::kCsat, ServiceKpi::kTimeToClose)
        .Count(csat - 1, DurationHistogram::BucketOf(
                             absl::ToInt64Seconds(close)));
  }
  static SurveyResponse Linked(std::string id, int csat) {
    SurveyResponse r = Response(std::move(id), "a", "chat", Utc(2025, 3, 2),
                                std::nullopt, csat);
    r.interaction_id = "t1";
    return r;
  }
};

TEST_F(DriverRollupsTest, PairCountsOnceWhicheverRecordArrivesFirst) {
  Submit({Linked("r1", 4)});
  EXPECT_EQ(CsatCloseCount(4, absl::Hours(3)), 0) << "no interaction yet";
  Record({Ticket("t1", "a", Utc(2025, 3, 1), absl::Hours(3))});
  EXPECT_EQ(CsatCloseCount(4, absl::Hours(3)), 1);
  Submit({Linked("r2", 4)});
  EXPECT_EQ(CsatCloseCount(4, absl::Hours(3)), 2);
  Submit({Linked("r2", 4)});  // duplicate: no effect
  EXPECT_EQ(CsatCloseCount(4, absl::Hours(3)), 2);
}

TEST_F(DriverRollupsTest, InteractionUpsertMovesLinkedPairs) {
  Submit({Linked("r1", 2)});
  Record({Ticket("t1", "a", Utc(2025, 3, 1), absl::Hours(3))});
  Record({Ticket("t1", "b", Utc(2025, 3, 1), absl::Hours(50))});
  EXPECT_EQ(CsatCloseCount(2, absl::Hours(3)), 0);
  EXPECT_EQ(CsatCloseCount(2, absl::Hours(50)), 1);
  // The response keeps its own attribution (agent "a"), not the ticket's.
  RollupQuery by_agent;
  by_agent.group_by = {GroupDim::kAgent};
  auto groups = store_->QueryDrivers(by_agent);
  ASSERT_TRUE(groups.ok());
  ASSERT_EQ(groups->size(), 1u);
  EXPECT_EQ((*groups)[0].key[0], "a");
}

TEST_F(DriverRollupsTest, SameBatchInEitherOrderCountsOnce) {
  // Interactions and responses go through separate calls, but both may land
  // in one write group; simulate by writing them back to back concurrently.
  std::thread t1([&] { Submit({Linked("r1", 5)}); });
  std::thread t2(
      [&] { Record({Ticket("t1", "a", Utc(2025, 3, 1), absl::Hours(1))}); });
  t1.join();
  t2.join();
  EXPECT_EQ(CsatCloseCount(5, absl::Hours(1)), 1);
}

TEST_F(DriverRollupsTest, SurviveCompactionAndReopen) {
  Submit({Linked("r1", 3)});
  Record({Ticket("t1", "a", Utc(2025, 3, 1), absl::Hours(2))});
  store_.reset();
  ASSERT_TRUE(CompactRocksStore(options_).ok());
  Reopen();
  EXPECT_EQ(CsatCloseCount(3, absl::Hours(2)), 1);
}

TEST_F(RocksStoreTest, SyncedWritesAreAcknowledged) {
  WriteResult r = SubmitResponsesAndWait(
      *store_, {Response("r1", "a", "chat", Utc(2025, 3, 1), 9)},
      WriteOptions{.sync = true});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[0].kind, Kind::kAccepted);
}

// Segments: the attribute view (rollup key view 7).
class AttributeViewTest : public RocksStoreTest {
 protected:
  static SurveyResponse WithPlan(SurveyResponse r, std::string plan) {
    r.attributes["plan"] = std::move(plan);
    return r;
  }
  static Interaction WithPlan(Interaction i, std::string plan) {
    i.attributes["plan"] = std::move(plan);
    return i;
  }
  static RollupQuery ByAttribute(std::string name,
                                 std::vector<GroupDim> more = {}) {
    RollupQuery query;
    query.group_by = {GroupDim::kAttribute};
    query.group_by.insert(query.group_by.end(), more.begin(), more.end());
    query.attributes = {std::move(name)};
    return query;
  }
  static int64_t NpsN(const RollupCounts& counts) {
    int64_t n = 0;
    for (int64_t c : counts.scores.nps) n += c;
    return n;
  }
  void WriteSegmentedData() {
    SurveyResponse r1 = WithPlan(
        Response("r1", "a", "chat", Utc(2025, 3, 1), 10, 5), "gold");
    r1.attributes["region"] = "eu";
    SurveyResponse r3 = WithPlan(
        Response("r3", "b", "email", Utc(2025, 3, 9), 2, 1), "silver");
    r3.interaction_id = "t2";
    SurveyResponse r4 = WithPlan(
        Response("r4", "b", "email", Utc(2025, 3, 9), std::nullopt, 4), "");
    r4.interaction_id = "t1";
    ASSERT_THAT(
        Submit({r1,
                WithPlan(Response("r2", "a", "chat", Utc(2025, 3, 2), 0),
                         "gold"),
                r3, r4, Response("r5", "c", "chat", Utc(2025, 3, 2), 9)}),
        ::testing::Each(Kind::kAccepted));
    ASSERT_THAT(
        Record({WithPlan(Ticket("t1", "a", Utc(2025, 3, 1), absl::Hours(2)),
                         "gold"),
                Ticket("t2", "b", Utc(2025, 3, 9), absl::Hours(5))}),
        ::testing::Each(Kind::kAccepted));
  }
};

TEST_F(AttributeViewTest, CountsEachRecordUnderItsOwnAttributesOnly) {
  WriteSegmentedData();
  std::vector<GroupCounts> groups = Query(ByAttribute("plan"));
  ASSERT_EQ(groups.size(), 3u);
  // "" is a value (an attribute given as empty), not unattributed.
  EXPECT_EQ(groups[0].key, (std::vector<std::optional<std::string>>{""}));
  EXPECT_EQ(groups[0].counts.scores.csat[3], 1);
  EXPECT_EQ(groups[1].key[0], "gold");
  EXPECT_EQ(NpsN(groups[1].counts), 2);
  EXPECT_EQ(groups[1].counts.scores.nps[10], 1);
  EXPECT_EQ(groups[1].counts.scores.nps[0], 1);
  EXPECT_EQ(groups[1].counts.service.interactions, 1);  // t1's own attribute
  EXPECT_EQ(groups[1].counts.service.close_seconds_sum, 7200);
  EXPECT_EQ(groups[2].key[0], "silver");
  EXPECT_EQ(NpsN(groups[2].counts), 1);
  EXPECT_EQ(groups[2].counts.service.interactions, 0)
      << "t2 has no plan; the response's attribute is not the ticket's";

  // r5 and t2 carry no plan: in no group.
  int64_t nps_n = 0;
  for (const GroupCounts& g : groups) nps_n += NpsN(g.counts);
  EXPECT_EQ(nps_n, 3);

  groups = Query(ByAttribute("region"));
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].key[0], "eu");
  EXPECT_EQ(NpsN(groups[0].counts), 1);
  EXPECT_TRUE(Query(ByAttribute("tier")).empty());
  EXPECT_TRUE(Query(ByAttribute("pla")).empty()) << "names are exact";
}

TEST_F(AttributeViewTest, GroupsByPeriodAndHonoursTheDayRange) {
  WriteSegmentedData();
  RollupQuery query = ByAttribute("plan", {GroupDim::kDay});
  query.from_day = DayNumberOf(Utc(2025, 3, 2));
  std::vector<GroupCounts> groups = Query(query);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].key,
            (std::vector<std::optional<std::string>>{"", "2025-03-09"}));
  EXPECT_EQ(groups[1].key,
            (std::vector<std::optional<std::string>>{"gold", "2025-03-02"}));
  EXPECT_EQ(NpsN(groups[1].counts), 1);
  EXPECT_EQ(groups[1].counts.service.interactions, 0) << "t1 opened Mar 1";
  EXPECT_EQ(groups[2].key,
            (std::vector<std::optional<std::string>>{"silver", "2025-03-09"}));
}

TEST_F(AttributeViewTest, InteractionUpsertTakesBackItsOldAttributes) {
  ASSERT_THAT(Record({WithPlan(Ticket("t1", "a", Utc(2025, 3, 1), std::nullopt),
                               "gold")}),
              ::testing::ElementsAre(Kind::kAccepted));
  Interaction moved = WithPlan(Ticket("t1", "a", Utc(2025, 3, 1), absl::Hours(1)),
                               "silver");
  ASSERT_THAT(Record({moved}), ::testing::ElementsAre(Kind::kAccepted));
  std::vector<GroupCounts> groups = Query(ByAttribute("plan"));
  ASSERT_EQ(groups.size(), 1u) << "gold's cell cancelled out";
  EXPECT_EQ(groups[0].key[0], "silver");
  EXPECT_EQ(groups[0].counts.service.interactions, 1);
  EXPECT_EQ(groups[0].counts.service.closed, 1);

  moved.attributes.clear();  // the attribute removed altogether
  ASSERT_THAT(Record({moved}), ::testing::ElementsAre(Kind::kAccepted));
  EXPECT_TRUE(Query(ByAttribute("plan")).empty());
  EXPECT_EQ(Total().service.interactions, 1);
}

TEST_F(AttributeViewTest, DriverPairsAreGroupedByTheResponsesAttributes) {
  WriteSegmentedData();
  auto groups = store_->QueryDrivers(ByAttribute("plan"));
  ASSERT_TRUE(groups.ok()) << groups.status();
  // r4 ("" plan) links t1 and r3 (silver) links t2; r1, r2 link nothing.
  ASSERT_EQ(groups->size(), 2u);
  EXPECT_EQ((*groups)[0].key[0], "");
  EXPECT_EQ((*groups)[0]
                .counts.pair(DriverMetric::kCsat, ServiceKpi::kTimeToClose)
                .Count(3, DurationHistogram::BucketOf(7200)),
            1);
  EXPECT_EQ((*groups)[1].key[0], "silver");
  EXPECT_EQ((*groups)[1]
                .counts.pair(DriverMetric::kNps, ServiceKpi::kTimeToClose)
                .Count(2, DurationHistogram::BucketOf(5 * 3600)),
            1);
}

TEST_F(AttributeViewTest, CannotBeCombinedWithAttributionOrTwoAttributes) {
  RollupQuery filtered = ByAttribute("plan");
  filtered.agents = {"a"};
  EXPECT_EQ(store_->QueryRollups(filtered).status().code(),
            absl::StatusCode::kInvalidArgument);
  RollupQuery grouped = ByAttribute("plan", {GroupDim::kChannel});
  EXPECT_EQ(store_->QueryDrivers(grouped).status().code(),
            absl::StatusCode::kInvalidArgument);
  RollupQuery two = ByAttribute("plan", {GroupDim::kAttribute});
  two.attributes.push_back("region");
  EXPECT_EQ(store_->QueryRollups(two).status().code(),
            absl::StatusCode::kInvalidArgument);
  RollupQuery unnamed;
  unnamed.group_by = {GroupDim::kAttribute};
  EXPECT_EQ(store_->QueryRollups(unnamed).status().code(),
            absl::StatusCode::kInvalidArgument);
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
  ASSERT_TRUE(drivers_before.ok());
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
    ASSERT_TRUE(drivers_after.ok());
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
  EXPECT_EQ(OpenRocksStore(options_).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace cxscore::storage
