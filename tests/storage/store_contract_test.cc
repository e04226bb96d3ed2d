// The storage contract (storage/store.h), run against every Store
// implementation: the RocksDB store on a fresh directory and MemoryStore.
// RocksDB-only behaviour (reopen, compaction, format versions) is in
// rocks_store_test.cc.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <map>
#include <ostream>
#include <random>
#include <thread>

#include "core/calendar.h"
#include "storage/memory_store.h"
#include "storage/rocks_store.h"
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

// One implementation under test.
struct StoreImpl {
  std::string name;
  // Opens an empty store; `dir` is a fresh directory it may use.
  std::function<absl::StatusOr<std::unique_ptr<Store>>(const std::string& dir)>
      open;

  friend std::ostream& operator<<(std::ostream& out, const StoreImpl& impl) {
    return out << impl.name;
  }
};

const StoreImpl kRocksStore = {"RocksStore", [](const std::string& dir) {
                                 return OpenRocksStore({.data_dir = dir});
                               }};
const StoreImpl kMemoryStore = {
    "MemoryStore",
    [](const std::string&) -> absl::StatusOr<std::unique_ptr<Store>> {
      return std::make_unique<MemoryStore>();
    }};

class StoreTest : public StoreTestBase<::testing::TestWithParam<StoreImpl>> {
 protected:
  void SetUp() override {
    dir_ = FreshDir("cxscore-contract-");
    auto store = GetParam().open(dir_);
    ASSERT_THAT(store, IsOk());
    store_ = *std::move(store);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::string dir_;
};

class DriverRollupsTest : public StoreTest {};

// Segments: the attribute view (rollup key view 7 in RocksDB).
class AttributeViewTest : public StoreTest {};

TEST_P(StoreTest, CountsScoresIntoHistograms) {
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

TEST_P(StoreTest, IdenticalResendIsADuplicateAndChangesNothing) {
  const auto r = Response("r1", "a", "chat", Utc(2025, 3, 1), 9);
  ASSERT_THAT(Submit({r}), ::testing::ElementsAre(Kind::kAccepted));
  EXPECT_THAT(Submit({r, r}),
              ::testing::ElementsAre(Kind::kDuplicate, Kind::kDuplicate));
  EXPECT_EQ(Total().scores.nps[9], 1);
}

TEST_P(StoreTest, DifferentContentUnderAnExistingIdIsAlreadyExists) {
  ASSERT_THAT(Submit({Response("r1", "a", "chat", Utc(2025, 3, 1), 9)}),
              ::testing::ElementsAre(Kind::kAccepted));
  WriteResult result = SubmitResponsesAndWait(
      *store_, {Response("r1", "a", "chat", Utc(2025, 3, 1), 3)});
  ASSERT_THAT(result, IsOk());
  ASSERT_EQ((*result)[0].kind, Kind::kRejected);
  EXPECT_EQ((*result)[0].violation->code, absl::StatusCode::kAlreadyExists);
  EXPECT_EQ((*result)[0].violation->field, "response_id");
  EXPECT_EQ(Total().scores.nps[9], 1);
  EXPECT_EQ(Total().scores.nps[3], 0);
}

TEST_P(StoreTest, InvalidRecordsAreRejectedAndStoreNothing) {
  auto bad = Response("r2", "a", "chat", Utc(2025, 3, 1), 11);
  WriteResult result = SubmitResponsesAndWait(
      *store_, {Response("r1", "a", "chat", Utc(2025, 3, 1), 9), bad});
  ASSERT_THAT(result, IsOk());
  EXPECT_EQ((*result)[0].kind, Kind::kAccepted);
  ASSERT_EQ((*result)[1].kind, Kind::kRejected);
  EXPECT_EQ((*result)[1].violation->field, "nps");
  auto stored = store_->GetResponse("r2");
  ASSERT_THAT(stored, IsOk());
  EXPECT_FALSE(stored->has_value());
  EXPECT_EQ(Total().scores.nps[9], 1);
}

TEST_P(StoreTest, InteractionUpsertMovesItsContribution) {
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

TEST_P(StoreTest, UpsertWithinOneBatchSeesTheEarlierRecord) {
  EXPECT_THAT(Record({Ticket("t1", "alice", Utc(2025, 3, 1), std::nullopt),
                      Ticket("t1", "bob", Utc(2025, 3, 2), absl::Hours(1))}),
              ::testing::Each(Kind::kAccepted));
  EXPECT_EQ(Total().service.interactions, 1);
  EXPECT_EQ(Total().service.closed, 1);
}

// Interaction versions (updated_at): ticket t1 of `agent`, opened on
// 2025-03-01, closed after `close_after`, versioned at `updated` (nullopt =
// unversioned).
Interaction Versioned(
    std::string agent, std::optional<absl::Time> updated,
    std::optional<absl::Duration> close_after = std::nullopt) {
  Interaction i = Ticket("t1", std::move(agent), Utc(2025, 3, 1), close_after);
  i.updated_at = updated;
  return i;
}

TEST_P(StoreTest, OlderUpdatedAtIsStaleAndChangesNothing) {
  const Interaction current = Versioned("alice", Utc(2025, 3, 2, 10));
  ASSERT_THAT(Record({current}), ::testing::ElementsAre(Kind::kAccepted));
  const RollupCounts before = Total();
  RollupQuery by_agent;
  by_agent.group_by = {GroupDim::kAgent};
  const std::vector<GroupCounts> before_by_agent = Query(by_agent);

  // An older state arrives late: reassigned and closed, but stale.
  EXPECT_THAT(Record({Versioned("bob", Utc(2025, 3, 2, 9), absl::Hours(2))}),
              ::testing::ElementsAre(Kind::kStale));
  // Older by one microsecond, otherwise identical: stale, not a duplicate.
  EXPECT_THAT(
      Record({Versioned("alice", Utc(2025, 3, 2, 10) - absl::Microseconds(1))}),
      ::testing::ElementsAre(Kind::kStale));

  auto stored = store_->GetInteraction("t1");
  ASSERT_THAT(stored, IsOk());
  ASSERT_TRUE(stored->has_value());
  EXPECT_EQ(**stored, current);
  const RollupCounts after = Total();
  EXPECT_EQ(after.service.interactions, before.service.interactions);
  EXPECT_EQ(after.service.closed, 0);
  EXPECT_EQ(after.service.close_seconds_sum, before.service.close_seconds_sum);
  const std::vector<GroupCounts> after_by_agent = Query(by_agent);
  ASSERT_EQ(after_by_agent.size(), 1u);
  ASSERT_EQ(before_by_agent.size(), 1u);
  EXPECT_EQ(after_by_agent[0].key, before_by_agent[0].key);
  EXPECT_EQ(after_by_agent[0].key[0], "alice");
  EXPECT_EQ(after_by_agent[0].counts.service.interactions, 1);
}

TEST_P(StoreTest, NewerOrEqualUpdatedAtReplacesTheStoredState) {
  ASSERT_THAT(Record({Versioned("alice", Utc(2025, 3, 2, 10))}),
              ::testing::ElementsAre(Kind::kAccepted));
  EXPECT_THAT(Record({Versioned("bob", Utc(2025, 3, 2, 11), absl::Hours(2))}),
              ::testing::ElementsAre(Kind::kAccepted));
  // Equal updated_at, other content: the last write wins.
  const Interaction equal =
      Versioned("carol", Utc(2025, 3, 2, 11), absl::Hours(3));
  EXPECT_THAT(Record({equal}), ::testing::ElementsAre(Kind::kAccepted));
  EXPECT_THAT(Record({equal}), ::testing::ElementsAre(Kind::kDuplicate));

  RollupQuery by_agent;
  by_agent.group_by = {GroupDim::kAgent};
  std::vector<GroupCounts> groups = Query(by_agent);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].key[0], "carol");
  EXPECT_EQ(groups[0].counts.service.interactions, 1);
  EXPECT_EQ(groups[0].counts.service.close_seconds_sum, 3 * 3600);
  auto stored = store_->GetInteraction("t1");
  ASSERT_THAT(stored, IsOk());
  ASSERT_TRUE(stored->has_value());
  EXPECT_EQ((*stored)->updated_at, Utc(2025, 3, 2, 11));
}

TEST_P(StoreTest, StaleAndNewerStatesInOneBatchAreJudgedInOrder) {
  ASSERT_THAT(Record({Versioned("alice", Utc(2025, 3, 2, 10))}),
              ::testing::ElementsAre(Kind::kAccepted));
  EXPECT_THAT(
      Record({Versioned("bob", Utc(2025, 3, 2, 12), absl::Hours(1)),
              Versioned("carol", Utc(2025, 3, 2, 11)),
              Versioned("dave", Utc(2025, 3, 2, 9))}),
      ::testing::ElementsAre(Kind::kAccepted, Kind::kStale, Kind::kStale));
  RollupQuery by_agent;
  by_agent.group_by = {GroupDim::kAgent};
  std::vector<GroupCounts> groups = Query(by_agent);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].key[0], "bob");
  EXPECT_EQ(groups[0].counts.service.closed, 1);
}

TEST_P(StoreTest, WithoutUpdatedAtOnEitherSideTheLastWriteWins) {
  // Neither versioned: as before updated_at existed.
  ASSERT_THAT(Record({Versioned("alice", std::nullopt)}),
              ::testing::ElementsAre(Kind::kAccepted));
  // New versioned, stored not: the new one wins.
  EXPECT_THAT(Record({Versioned("bob", Utc(2025, 3, 2, 10))}),
              ::testing::ElementsAre(Kind::kAccepted));
  // New unversioned, stored versioned: the last write wins too.
  EXPECT_THAT(Record({Versioned("carol", std::nullopt)}),
              ::testing::ElementsAre(Kind::kAccepted));
  auto stored = store_->GetInteraction("t1");
  ASSERT_THAT(stored, IsOk());
  ASSERT_TRUE(stored->has_value());
  EXPECT_EQ((*stored)->agent_id, "carol");
  EXPECT_FALSE((*stored)->updated_at.has_value());
  // The stored state has no version again: any versioned state replaces it.
  EXPECT_THAT(Record({Versioned("dave", Utc(2025, 3, 1, 13))}),
              ::testing::ElementsAre(Kind::kAccepted));
  RollupQuery by_agent;
  by_agent.group_by = {GroupDim::kAgent};
  std::vector<GroupCounts> groups = Query(by_agent);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].key[0], "dave");
  EXPECT_EQ(groups[0].counts.service.interactions, 1);
}

TEST_P(StoreTest, UpdatedAtMustBeFinite) {
  WriteResult result = RecordInteractionsAndWait(
      *store_, {Versioned("alice", absl::InfiniteFuture())});
  ASSERT_THAT(result, IsOk());
  ASSERT_EQ((*result)[0].kind, Kind::kRejected);
  EXPECT_EQ((*result)[0].violation->field, "updated_at");
  EXPECT_EQ(Total().service.interactions, 0);
}

TEST_P(StoreTest, ResponseMayNameAnInteractionNotYetRecorded) {
  auto r = Response("r1", "a", "chat", Utc(2025, 3, 1), 9);
  r.interaction_id = "later";
  ASSERT_THAT(Submit({r}), ::testing::ElementsAre(Kind::kAccepted));
  ASSERT_THAT(Record({Ticket("later", "a", Utc(2025, 2, 28), absl::Hours(5))}),
              ::testing::ElementsAre(Kind::kAccepted));
  auto stored = store_->GetResponse("r1");
  ASSERT_THAT(stored, IsOk());
  ASSERT_TRUE(stored->has_value());
  EXPECT_EQ((*stored)->interaction_id, "later");
  auto interaction = store_->GetInteraction("later");
  ASSERT_THAT(interaction, IsOk());
  ASSERT_TRUE(interaction->has_value());
}

TEST_P(StoreTest, GroupsByPeriodAndAttributionWithUnattributedAsNull) {
  Submit({Response("r1", "a", "chat", Utc(2025, 2, 10), 9),
          Response("r2", "", "chat", Utc(2025, 2, 11), 9),
          Response("r3", "a", "chat", Utc(2025, 2, 17), 0)});
  RollupQuery query;
  query.group_by = {GroupDim::kWeek, GroupDim::kAgent};
  std::vector<GroupCounts> groups = Query(query);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].key, (std::vector<std::optional<std::string>>{
                               "2025-W07", std::nullopt}));
  EXPECT_EQ(groups[1].key,
            (std::vector<std::optional<std::string>>{"2025-W07", "a"}));
  EXPECT_EQ(groups[2].key,
            (std::vector<std::optional<std::string>>{"2025-W08", "a"}));
  EXPECT_EQ(groups[2].counts.scores.nps[0], 1);
}

TEST_P(StoreTest, FiltersAndDayRangeSelectExactlyTheMatchingCells) {
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

// "The rest of a team": a team filter with one agent left out, grouped or
// not, equals the team's records minus that agent's.
TEST_P(StoreTest, ExcludedAgentsAreLeftOutOfEveryGroup) {
  std::vector<SurveyResponse> responses;
  std::mt19937 rng(11);
  const char* agents[] = {"a", "b", "c", ""};
  const char* channels[] = {"chat", "email"};
  std::map<std::string, int> expected_per_channel;
  for (int i = 0; i < 400; ++i) {
    const std::string agent = agents[rng() % 4];
    const std::string channel = channels[rng() % 2];
    const absl::Time at = Utc(2025, 1, 1) + absl::Hours(rng() % (24 * 20));
    responses.push_back(Response("r" + std::to_string(i), agent, channel, at,
                                 static_cast<int>(rng() % 11)));
    if (agent != "b" && agent != "") ++expected_per_channel[channel];
  }
  Submit(responses);
  RollupQuery query;
  query.group_by = {GroupDim::kChannel};
  query.exclude_agents = {"b", ""};
  auto groups = store_->QueryRollups(query);
  ASSERT_THAT(groups, IsOk());
  ASSERT_EQ(groups->size(), 2u);
  for (const GroupCounts& g : *groups) {
    int64_t n = 0;
    for (int64_t c : g.counts.scores.nps) n += c;
    EXPECT_EQ(n, expected_per_channel[*g.key[0]]) << *g.key[0];
    EXPECT_GT(n, 0);
  }
  // Excluding an agent the filter selects leaves nothing.
  RollupQuery none;
  none.agents = {"b"};
  none.exclude_agents = {"b"};
  auto empty = store_->QueryRollups(none);
  ASSERT_THAT(empty, IsOk());
  EXPECT_TRUE(empty->empty());
  // Comments cannot be listed with an exclusion.
  RollupQuery comments;
  comments.exclude_agents = {"b"};
  EXPECT_THAT(store_->ListComments(comments, 10,
                                   [](const SurveyResponse&) { return true; }),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_P(StoreTest, ConcurrentOverlappingWritersNeverDoubleCount) {
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
        ASSERT_THAT(r, IsOk());
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

TEST_P(StoreTest, SyncedWritesAreAcknowledged) {
  WriteResult r = SubmitResponsesAndWait(
      *store_, {Response("r1", "a", "chat", Utc(2025, 3, 1), 9)},
      WriteOptions{.sync = true});
  ASSERT_THAT(r, IsOk());
  EXPECT_EQ((*r)[0].kind, Kind::kAccepted);
}

TEST_P(StoreTest, ListsCommentsNewestFirstWithinTheFiltersUpToTheLimit) {
  auto commented = [](std::string id, std::string agent, std::string channel,
                      absl::Time at, std::string comment) {
    SurveyResponse r =
        Response(std::move(id), std::move(agent), std::move(channel), at, 7);
    r.customer_id = "customer-" + r.response_id;
    r.comment = std::move(comment);
    return r;
  };
  ASSERT_THAT(Submit({commented("r1", "a", "chat", Utc(2025, 3, 1), "one"),
                      commented("r2", "b", "chat", Utc(2025, 3, 1, 8), "two"),
                      commented("r3", "a", "email", Utc(2025, 3, 2), "three"),
                      commented("r4", "a", "chat", Utc(2025, 3, 2), ""),
                      commented("r0", "a", "chat", Utc(2025, 3, 2, 18), "zero"),
                      commented("r5", "a", "chat", Utc(2025, 3, 3), "five")}),
              ::testing::Each(Kind::kAccepted));
  RollupQuery query;
  query.from_day = DayNumberOf(Utc(2025, 3, 1));
  query.to_day = DayNumberOf(Utc(2025, 3, 2));
  const auto ids =
      [&](const RollupQuery& q, size_t limit,
          const std::function<bool(const SurveyResponse&)>& accept) {
        auto comments = store_->ListComments(q, limit, accept);
        EXPECT_THAT(comments, IsOk());
        std::vector<std::string> out;
        if (!comments.ok()) return out;
        for (const SurveyResponse& r : *comments) {
          EXPECT_TRUE(r.customer_id.empty()) << r.response_id;
          EXPECT_FALSE(r.comment.empty()) << r.response_id;
          out.push_back(r.response_id);
        }
        return out;
      };
  const auto any = [](const SurveyResponse&) { return true; };
  // By day, then by response id, both descending; r4 has no comment and r5
  // is after the range.
  EXPECT_THAT(ids(query, 10, any),
              ::testing::ElementsAre("r3", "r0", "r2", "r1"));
  RollupQuery agent_a = query;
  agent_a.agents = {"a"};
  EXPECT_THAT(ids(agent_a, 10, any), ::testing::ElementsAre("r3", "r0", "r1"));
  RollupQuery chat = query;
  chat.channels = {"chat"};
  EXPECT_THAT(ids(chat, 10, any), ::testing::ElementsAre("r0", "r2", "r1"));
  // The limit counts accepted responses only.
  EXPECT_THAT(ids(query, 2,
                  [](const SurveyResponse& r) { return r.comment != "three"; }),
              ::testing::ElementsAre("r0", "r2"));
  EXPECT_THAT(ids(query, 0, any), ::testing::IsEmpty());
}

TEST_P(StoreTest, KeepsTimesToTheMicrosecond) {
  SurveyResponse r =
      Response("r1", "a", "chat", Utc(2025, 3, 1) + absl::Nanoseconds(1500), 9);
  Interaction t = Ticket("t1", "a", Utc(2025, 3, 1) + absl::Nanoseconds(2500),
                         absl::Hours(1));
  t.updated_at = Utc(2025, 3, 2) + absl::Nanoseconds(3500);
  ASSERT_THAT(Submit({r}), ::testing::ElementsAre(Kind::kAccepted));
  ASSERT_THAT(Record({t}), ::testing::ElementsAre(Kind::kAccepted));
  auto stored = store_->GetResponse("r1");
  ASSERT_THAT(stored, IsOk());
  ASSERT_TRUE(stored->has_value());
  EXPECT_EQ((*stored)->submitted_at, Utc(2025, 3, 1) + absl::Microseconds(1));
  auto interaction = store_->GetInteraction("t1");
  ASSERT_THAT(interaction, IsOk());
  ASSERT_TRUE(interaction->has_value());
  EXPECT_EQ((*interaction)->opened_at, Utc(2025, 3, 1) + absl::Microseconds(2));
  EXPECT_EQ((*interaction)->closed_at,
            Utc(2025, 3, 1) + absl::Microseconds(2) + absl::Hours(1));
  EXPECT_EQ((*interaction)->updated_at,
            Utc(2025, 3, 2) + absl::Microseconds(3));
  // Compared as stored: the same records again are duplicates.
  EXPECT_THAT(Submit({r}), ::testing::ElementsAre(Kind::kDuplicate));
  EXPECT_THAT(Record({t}), ::testing::ElementsAre(Kind::kDuplicate));
  auto absent = store_->GetInteraction("t2");
  ASSERT_THAT(absent, IsOk());
  EXPECT_FALSE(absent->has_value());
}

TEST_P(DriverRollupsTest, PairCountsOnceWhicheverRecordArrivesFirst) {
  Submit({Linked("r1", 4)});
  EXPECT_EQ(CsatCloseCount(4, absl::Hours(3)), 0) << "no interaction yet";
  Record({Ticket("t1", "a", Utc(2025, 3, 1), absl::Hours(3))});
  EXPECT_EQ(CsatCloseCount(4, absl::Hours(3)), 1);
  Submit({Linked("r2", 4)});
  EXPECT_EQ(CsatCloseCount(4, absl::Hours(3)), 2);
  Submit({Linked("r2", 4)});  // duplicate: no effect
  EXPECT_EQ(CsatCloseCount(4, absl::Hours(3)), 2);
}

TEST_P(DriverRollupsTest, InteractionUpsertMovesLinkedPairs) {
  Submit({Linked("r1", 2)});
  Record({Ticket("t1", "a", Utc(2025, 3, 1), absl::Hours(3))});
  Record({Ticket("t1", "b", Utc(2025, 3, 1), absl::Hours(50))});
  EXPECT_EQ(CsatCloseCount(2, absl::Hours(3)), 0);
  EXPECT_EQ(CsatCloseCount(2, absl::Hours(50)), 1);
  // The response keeps its own attribution (agent "a"), not the ticket's.
  RollupQuery by_agent;
  by_agent.group_by = {GroupDim::kAgent};
  auto groups = store_->QueryDrivers(by_agent);
  ASSERT_THAT(groups, IsOk());
  ASSERT_EQ(groups->size(), 1u);
  EXPECT_EQ((*groups)[0].key[0], "a");
}

TEST_P(DriverRollupsTest, StaleInteractionLeavesLinkedPairsAlone) {
  Submit({Linked("r1", 2)});
  Interaction current = Ticket("t1", "a", Utc(2025, 3, 1), absl::Hours(3));
  current.updated_at = Utc(2025, 3, 2);
  Record({current});
  Interaction older = Ticket("t1", "a", Utc(2025, 3, 1), absl::Hours(50));
  older.updated_at = Utc(2025, 3, 1, 20);
  EXPECT_THAT(Record({older}), ::testing::ElementsAre(Kind::kStale));
  EXPECT_EQ(CsatCloseCount(2, absl::Hours(3)), 1);
  EXPECT_EQ(CsatCloseCount(2, absl::Hours(50)), 0);
}

TEST_P(DriverRollupsTest, SameBatchInEitherOrderCountsOnce) {
  // Interactions and responses go through separate calls, but both may land
  // in one write group; simulate by writing them back to back concurrently.
  std::thread t1([&] { Submit({Linked("r1", 5)}); });
  std::thread t2(
      [&] { Record({Ticket("t1", "a", Utc(2025, 3, 1), absl::Hours(1))}); });
  t1.join();
  t2.join();
  EXPECT_EQ(CsatCloseCount(5, absl::Hours(1)), 1);
}

TEST_P(AttributeViewTest, CountsEachRecordUnderItsOwnAttributesOnly) {
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

TEST_P(AttributeViewTest, GroupsByPeriodAndHonoursTheDayRange) {
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

TEST_P(AttributeViewTest, InteractionUpsertTakesBackItsOldAttributes) {
  ASSERT_THAT(Record({WithPlan(Ticket("t1", "a", Utc(2025, 3, 1), std::nullopt),
                               "gold")}),
              ::testing::ElementsAre(Kind::kAccepted));
  Interaction moved =
      WithPlan(Ticket("t1", "a", Utc(2025, 3, 1), absl::Hours(1)), "silver");
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

TEST_P(AttributeViewTest, DriverPairsAreGroupedByTheResponsesAttributes) {
  WriteSegmentedData();
  auto groups = store_->QueryDrivers(ByAttribute("plan"));
  ASSERT_THAT(groups, IsOk());
  // r4 ("" plan) links t1 and r3 (silver) links t2; r1, r2 link nothing.
  ASSERT_EQ(groups->size(), 2u);
  EXPECT_EQ((*groups)[0].key[0], "");
  EXPECT_EQ((*groups)[0]
                .counts.pair(Metric::kCsat, Kpi::kTimeToClose)
                .Count(3, DurationHistogram::BucketOf(7200)),
            1);
  EXPECT_EQ((*groups)[1].key[0], "silver");
  EXPECT_EQ((*groups)[1]
                .counts.pair(Metric::kNps, Kpi::kTimeToClose)
                .Count(2, DurationHistogram::BucketOf(5 * 3600)),
            1);
}

TEST_P(AttributeViewTest, CannotBeCombinedWithAttributionOrTwoAttributes) {
  RollupQuery filtered = ByAttribute("plan");
  filtered.agents = {"a"};
  EXPECT_THAT(store_->QueryRollups(filtered),
              StatusIs(absl::StatusCode::kInvalidArgument));
  RollupQuery grouped = ByAttribute("plan", {GroupDim::kChannel});
  EXPECT_THAT(store_->QueryDrivers(grouped),
              StatusIs(absl::StatusCode::kInvalidArgument));
  RollupQuery two = ByAttribute("plan", {GroupDim::kAttribute});
  two.attributes.push_back("region");
  EXPECT_THAT(store_->QueryRollups(two),
              StatusIs(absl::StatusCode::kInvalidArgument));
  RollupQuery unnamed;
  unnamed.group_by = {GroupDim::kAttribute};
  EXPECT_THAT(store_->QueryRollups(unnamed),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

std::string NameOf(const ::testing::TestParamInfo<StoreImpl>& info) {
  return info.param.name;
}

INSTANTIATE_TEST_SUITE_P(Stores, StoreTest,
                         ::testing::Values(kRocksStore, kMemoryStore), NameOf);
INSTANTIATE_TEST_SUITE_P(Stores, DriverRollupsTest,
                         ::testing::Values(kRocksStore, kMemoryStore), NameOf);
INSTANTIATE_TEST_SUITE_P(Stores, AttributeViewTest,
                         ::testing::Values(kRocksStore, kMemoryStore), NameOf);

}  // namespace
}  // namespace cxscore::storage
