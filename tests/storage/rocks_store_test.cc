#include "storage/rocks_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <thread>

#include "core/calendar.h"
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

}  // namespace
}  // namespace cxscore::storage
