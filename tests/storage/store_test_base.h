// Fixture helpers shared by the Store tests (the contract suite over every
// implementation and the RocksDB-only tests): writes that return the
// outcome kinds, queries that return the groups, and planted data sets.
#ifndef CXSCORE_TESTS_STORAGE_STORE_TEST_BASE_H_
#define CXSCORE_TESTS_STORAGE_STORE_TEST_BASE_H_

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "storage/store.h"
#include "tests/storage/test_records.h"
#include "tests/testing/status_matchers.h"

namespace cxscore::storage {

// TestBase: ::testing::Test, or ::testing::TestWithParam<...> for a
// parameterised suite. The derived fixture opens `store_` in SetUp.
template <typename TestBase>
class StoreTestBase : public TestBase {
 protected:
  using Kind = RecordOutcome::Kind;

  // A fresh, empty directory path named after the running test.
  static std::string FreshDir(const std::string& prefix) {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(info->test_suite_name()) + "-" +
                       info->name() + "-" + std::to_string(::getpid());
    std::replace(name.begin(), name.end(), '/', '_');
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / (prefix + name);
    std::filesystem::remove_all(dir);
    return dir.string();
  }

  std::vector<Kind> Submit(std::vector<SurveyResponse> responses) {
    WriteResult result = SubmitResponsesAndWait(*store_, std::move(responses));
    EXPECT_THAT(result, cxscore::testing::IsOk());
    return KindsOf(result);
  }
  std::vector<Kind> Record(std::vector<Interaction> interactions) {
    WriteResult result =
        RecordInteractionsAndWait(*store_, std::move(interactions));
    EXPECT_THAT(result, cxscore::testing::IsOk());
    return KindsOf(result);
  }
  std::vector<GroupCounts> Query(RollupQuery query) {
    auto groups = store_->QueryRollups(query);
    EXPECT_THAT(groups, cxscore::testing::IsOk());
    return groups.ok() ? *std::move(groups) : std::vector<GroupCounts>{};
  }
  // The counts of the single group of an ungrouped query (zero if none).
  RollupCounts Total(RollupQuery query = {}) {
    std::vector<GroupCounts> groups = Query(query);
    EXPECT_LE(groups.size(), 1u);
    return groups.empty() ? RollupCounts{} : groups[0].counts;
  }

  // Drivers: count of (CSAT row, time-to-close bucket) pairs over the whole
  // store.
  int64_t CsatCloseCount(int csat, absl::Duration close) {
    auto groups = store_->QueryDrivers({});
    EXPECT_THAT(groups, cxscore::testing::IsOk());
    if (!groups.ok() || groups->empty()) return 0;
    EXPECT_EQ(groups->size(), 1u);
    return (*groups)[0]
        .counts.pair(Metric::kCsat, Kpi::kTimeToClose)
        .Count(csat - 1,
               DurationHistogram::BucketOf(absl::ToInt64Seconds(close)));
  }
  // A response of agent "a" that names interaction "t1".
  static SurveyResponse Linked(std::string id, int csat) {
    SurveyResponse r = cxscore::testing::Response(
        std::move(id), "a", "chat", cxscore::testing::Utc(2025, 3, 2),
        std::nullopt, csat);
    r.interaction_id = "t1";
    return r;
  }

  // Segments: the attribute "plan".
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
    using cxscore::testing::Response;
    using cxscore::testing::Ticket;
    using cxscore::testing::Utc;
    SurveyResponse r1 =
        WithPlan(Response("r1", "a", "chat", Utc(2025, 3, 1), 10, 5), "gold");
    r1.attributes["region"] = "eu";
    SurveyResponse r3 =
        WithPlan(Response("r3", "b", "email", Utc(2025, 3, 9), 2, 1), "silver");
    r3.interaction_id = "t2";
    SurveyResponse r4 = WithPlan(
        Response("r4", "b", "email", Utc(2025, 3, 9), std::nullopt, 4), "");
    r4.interaction_id = "t1";
    ASSERT_THAT(
        Submit(
            {r1,
             WithPlan(Response("r2", "a", "chat", Utc(2025, 3, 2), 0), "gold"),
             r3, r4, Response("r5", "c", "chat", Utc(2025, 3, 2), 9)}),
        ::testing::Each(Kind::kAccepted));
    ASSERT_THAT(
        Record({WithPlan(Ticket("t1", "a", Utc(2025, 3, 1), absl::Hours(2)),
                         "gold"),
                Ticket("t2", "b", Utc(2025, 3, 9), absl::Hours(5))}),
        ::testing::Each(Kind::kAccepted));
  }

  std::unique_ptr<Store> store_;

 private:
  static std::vector<Kind> KindsOf(const WriteResult& result) {
    std::vector<Kind> kinds;
    if (result.ok())
      for (const RecordOutcome& o : *result) kinds.push_back(o.kind);
    return kinds;
  }
};

}  // namespace cxscore::storage

#endif  // CXSCORE_TESTS_STORAGE_STORE_TEST_BASE_H_
