// ScoreService over an in-memory store on planted data (no network).
#include "server/score_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "absl/time/civil_time.h"
#include "storage/memory_store.h"
#include "tests/testing/status_matchers.h"

namespace cxscore::server {
namespace {

absl::Time Day(int y, int m, int d, int hour = 12) {
  return absl::FromCivil(absl::CivilHour(y, m, d, hour), absl::UTCTimeZone());
}

int Clamp(double v, int lo, int hi) {
  return std::clamp(static_cast<int>(std::lround(v)), lo, hi);
}

class ScoreServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::make_unique<storage::MemoryStore>();
    service_ = std::make_unique<ScoreService>(store_.get());
  }

  // Tickets with lognormal time to close; effort falls steeply with it,
  // satisfaction a little, NPS not at all. Half the responses arrive before
  // their ticket.
  void PlantDrivers(int n) {
    std::mt19937 rng(17);
    std::lognormal_distribution<double> hours(2.0, 1.2);
    std::normal_distribution<double> noise(0, 1);
    std::vector<Interaction> tickets;
    std::vector<SurveyResponse> early, late;
    for (int i = 0; i < n; ++i) {
      const double h = hours(rng);
      Interaction t;
      t.interaction_id = "t" + std::to_string(i);
      t.agent_id = "agent" + std::to_string(i % 40);
      t.channel = "email";
      t.opened_at = Day(2025, 3, 1 + i % 28);
      t.closed_at = t.opened_at + absl::Seconds(std::llround(h * 3600));
      tickets.push_back(t);
      SurveyResponse r;
      r.response_id = "r" + std::to_string(i);
      r.interaction_id = t.interaction_id;
      r.agent_id = t.agent_id;
      r.channel = "email";
      r.submitted_at = *t.closed_at + absl::Hours(1);
      const double slow = std::log(h);
      r.ces = Clamp(6.0 - 1.2 * slow + 0.8 * noise(rng), 1, 7);
      r.csat = Clamp(4.0 - 0.15 * slow + 1.0 * noise(rng), 1, 5);
      r.nps = Clamp(7.0 + 2.0 * noise(rng), 0, 10);
      r.attributes["plan"] = i % 3 ? "gold" : "free";  // a segment
      (i % 2 ? early : late).push_back(r);
    }
    ASSERT_OK(storage::SubmitResponsesAndWait(*store_, early));
    ASSERT_OK(storage::RecordInteractionsAndWait(*store_, tickets));
    ASSERT_OK(storage::SubmitResponsesAndWait(*store_, late));
  }

  std::unique_ptr<storage::Store> store_;
  std::unique_ptr<ScoreService> service_;
};

TEST_F(ScoreServiceTest, DriversRankCesThenCsatAndNpsIsNotSignificant) {
  PlantDrivers(4000);
  const Kpi kpis[] = {Kpi::kTimeToClose};
  auto report = service_->GetDrivers({}, kpis, DriverLevel::kResponse);
  ASSERT_OK(report);
  ASSERT_GE(report->ranking.size(), 3u);
  EXPECT_EQ(report->ranking[0].metric, Metric::kCes);
  EXPECT_EQ(report->ranking[1].metric, Metric::kCsat);
  EXPECT_GT(report->ranking[1].strength, 0);
  for (const DriverPair& p : report->pairs) {
    EXPECT_EQ(p.correlation.n, p.metric == Metric::kVes ? 0 : 4000);
    if (p.metric == Metric::kNps) {
      EXPECT_FALSE(p.significant);
    }
  }
}

TEST_F(ScoreServiceTest, DriverGroupsAnalyseEachSegmentOnItsOwn) {
  PlantDrivers(3000);
  const Kpi kpis[] = {Kpi::kTimeToClose};
  storage::RollupQuery by_plan;
  by_plan.group_by = {storage::GroupDim::kAttribute};
  by_plan.attributes = {"plan"};
  auto groups = service_->GetDriverGroups(by_plan, kpis);
  ASSERT_OK(groups);
  ASSERT_EQ(groups->size(), 2u);
  EXPECT_EQ((*groups)[0].key[0], "free");
  EXPECT_EQ((*groups)[1].key[0], "gold");
  auto whole = service_->GetDrivers({}, kpis, DriverLevel::kResponse);
  ASSERT_OK(whole);
  // Every response carries a plan: the segments partition the pairs.
  for (Metric metric : kAllMetrics) {
    int64_t sum = 0, total = 0;
    for (const DriverGroup& group : *groups)
      for (const DriverPair& p : group.report.pairs)
        if (p.metric == metric) sum += p.correlation.n;
    for (const DriverPair& p : whole->pairs)
      if (p.metric == metric) total += p.correlation.n;
    EXPECT_EQ(sum, total);
  }
  EXPECT_EQ((*groups)[0].report.pairs[0].correlation.n +
                (*groups)[1].report.pairs[0].correlation.n,
            3000);
  // The planted effort dependence shows in each segment.
  for (const DriverGroup& group : *groups) {
    ASSERT_FALSE(group.report.ranking.empty());
    EXPECT_EQ(group.report.ranking[0].metric, Metric::kCes);
  }
}

TEST_F(ScoreServiceTest, AgentLevelDriversUseOneObservationPerAgent) {
  PlantDrivers(2000);
  auto report = service_->GetDrivers({}, {}, DriverLevel::kAgent);
  ASSERT_OK(report);
  for (const DriverPair& p : report->pairs) {
    if (p.metric == Metric::kCes && p.kpi == Kpi::kTimeToClose) {
      EXPECT_EQ(p.correlation.n, 40);
    }
  }
}

TEST_F(ScoreServiceTest, TrendFlagsAPlantedOneWeekDropOnOneChannel) {
  std::mt19937 rng(3);
  std::vector<SurveyResponse> responses;
  int id = 0;
  // Eight weeks from Monday 2025-03-03; week 5 (2025-W14) drops on chat.
  for (int day = 0; day < 56; ++day) {
    for (const char* channel : {"chat", "email"}) {
      const bool dropped = std::string(channel) == "chat" && day / 7 == 4;
      for (int k = 0; k < 60; ++k) {
        SurveyResponse r;
        r.response_id = "r" + std::to_string(id++);
        r.channel = channel;
        r.submitted_at = Day(2025, 3, 3, 0) + absl::Hours(24 * day + k % 20);
        const double p_satisfied = dropped ? 0.55 : 0.80;
        r.csat = std::uniform_real_distribution<>(0, 1)(rng) < p_satisfied ? 5 : 2;
        responses.push_back(r);
      }
    }
  }
  ASSERT_OK(storage::SubmitResponsesAndWait(*store_, responses));
  storage::RollupQuery selection;
  selection.group_by = {storage::GroupDim::kChannel};
  auto series = service_->GetTrend(selection, Period::kWeek,
                                   Metric::kCsat,
                                   NpsIntervalMethod::kAdjustedWald);
  ASSERT_OK(series);
  ASSERT_EQ(series->size(), 2u);
  const TrendSeries& chat = (*series)[0];
  ASSERT_EQ(chat.key[0], "chat");
  ASSERT_EQ(chat.points.size(), 8u);
  for (size_t w = 0; w < 8; ++w) {
    const Change change = chat.points[w].change;
    if (w == 4) {
      EXPECT_EQ(change, Change::kDrop) << chat.points[w].period;
    } else {
      EXPECT_EQ(change, Change::kNone) << chat.points[w].period;
    }
  }
  ASSERT_TRUE(chat.points[5].p.has_value());
  EXPECT_LT(*chat.points[5].p, 0.01) << "the recovery is a return, not flagged";
  for (const TrendPoint& p : (*series)[1].points)
    EXPECT_EQ(p.change, Change::kNone) << "email did not change";
}

TEST_F(ScoreServiceTest, ComparisonAgainstAnotherRange) {
  std::vector<SurveyResponse> responses;
  for (int i = 0; i < 200; ++i) {
    SurveyResponse r;
    r.response_id = "r" + std::to_string(i);
    r.channel = "chat";
    const bool march = i < 100;
    r.submitted_at = march ? Day(2025, 3, 10) : Day(2025, 2, 10);
    r.nps = march ? (i % 2 ? 10 : 8) : (i % 2 ? 10 : 3);  // +50 vs 0
    responses.push_back(r);
  }
  ASSERT_OK(storage::SubmitResponsesAndWait(*store_, responses));
  storage::RollupQuery march, february;
  march.from_day = DayNumberOf(Day(2025, 3, 1));
  march.to_day = DayNumberOf(Day(2025, 3, 31));
  february = march;
  february.from_day = DayNumberOf(Day(2025, 2, 1));
  february.to_day = DayNumberOf(Day(2025, 2, 28));
  auto scores =
      service_->GetScores(march, NpsIntervalMethod::kAdjustedWald, february);
  ASSERT_OK(scores);
  ASSERT_EQ(scores->size(), 1u);
  const MetricDelta& nps =
      (*(*scores)[0].comparison)[static_cast<int>(Metric::kNps)];
  EXPECT_EQ(nps.other_n, 100);
  EXPECT_DOUBLE_EQ(*nps.other_value, 0);
  ASSERT_TRUE(nps.test.has_value());
  EXPECT_DOUBLE_EQ(nps.test->delta, 50);
  EXPECT_LT(nps.test->p, 0.001);
  EXPECT_FALSE((*(*scores)[0].comparison)[static_cast<int>(Metric::kCsat)]
                   .test.has_value())
      << "no CSAT answers: no test";
}

TEST_F(ScoreServiceTest, RankAgentsLeavesOutUnattributed) {
  std::vector<SurveyResponse> responses;
  for (int i = 0; i < 60; ++i) {
    SurveyResponse r;
    r.response_id = "r" + std::to_string(i);
    r.agent_id = i < 20 ? "" : (i < 40 ? "ann" : "bob");
    r.submitted_at = Day(2025, 3, 10);
    r.csat = i % 3 ? 5 : 1;
    responses.push_back(r);
  }
  ASSERT_OK(storage::SubmitResponsesAndWait(*store_, responses));
  auto ranking = service_->RankAgents({}, Metric::kCsat,
                                      NpsIntervalMethod::kAdjustedWald);
  ASSERT_OK(ranking);
  ASSERT_EQ(ranking->agents.size(), 2u);
  EXPECT_EQ(ranking->selection.n, 40);
}

}  // namespace
}  // namespace cxscore::server

namespace cxscore::server {
namespace {

TEST_F(ScoreServiceTest, ListCommentsNewestFirstFilteredWithoutCustomerIds) {
  std::vector<SurveyResponse> responses;
  for (int i = 0; i < 12; ++i) {
    SurveyResponse r;
    r.response_id = "r" + std::to_string(i);
    r.agent_id = i % 2 ? "ann" : "bob";
    r.customer_id = "customer-" + std::to_string(i);
    r.submitted_at = Day(2025, 3, 1 + i);
    r.nps = i % 3 == 0 ? 2 : 10;
    if (i != 6) r.comment = "comment " + std::to_string(i);
    responses.push_back(r);
  }
  ASSERT_OK(storage::SubmitResponsesAndWait(*store_, responses));
  storage::RollupQuery bob;
  bob.agents = {"bob"};
  auto detractors = service_->ListComments(bob, CommentFilter::kDetractors, 10);
  ASSERT_OK(detractors);
  std::vector<std::string> ids;
  for (const SurveyResponse& r : *detractors) {
    ids.push_back(r.response_id);
    EXPECT_TRUE(r.customer_id.empty());
  }
  // bob: even i; detractors: i % 3 == 0 -> 0, 6 (no comment), 12 (absent).
  EXPECT_EQ(ids, std::vector<std::string>{"r0"});
  auto any = service_->ListComments({}, CommentFilter::kAny, 3);
  ASSERT_OK(any);
  ASSERT_EQ(any->size(), 3u);
  EXPECT_EQ((*any)[0].response_id, "r11");
  EXPECT_EQ((*any)[1].response_id, "r10");
  EXPECT_EQ((*any)[2].response_id, "r9");
}

}  // namespace
}  // namespace cxscore::server
