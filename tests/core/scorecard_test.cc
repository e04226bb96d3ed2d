#include "core/scorecard.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace cxscore {
namespace {

using ::testing::IsEmpty;
using ::testing::SizeIs;

// Survey counts at given rates: NPS (promoters%, detractors%) and the
// proportions' % successes, all over n responses.
SurveyCounts Survey(int n, int promoters_pct, int detractors_pct, int csat_pct,
                    int ces_pct, int ves_pct) {
  SurveyCounts s;
  s.nps.promoters = n * promoters_pct / 100;
  s.nps.detractors = n * detractors_pct / 100;
  s.nps.passives = n - s.nps.promoters - s.nps.detractors;
  s.csat = {n * csat_pct / 100, n};
  s.ces = {n * ces_pct / 100, n};
  s.ves = {n * ves_pct / 100, n};
  return s;
}

// Durations in hours (p50, p90 of time to close; first response a tenth).
ServiceSample Service(int interactions, double close_p50_h, double close_p90_h,
                      double fcr_pct, double reopen_pct) {
  ServiceSample s;
  s.interactions = interactions;
  s.closed = interactions;
  s.time_to_close = {interactions, close_p50_h * 3600, close_p90_h * 3600};
  s.time_to_first_response = {interactions, close_p50_h * 360,
                              close_p90_h * 360};
  s.first_contact_resolution = {interactions, fcr_pct};
  s.reopens = {interactions, reopen_pct};
  return s;
}

// The rest of a team of ten: 450 responses, NPS +30, CSAT 80%, CES 70%,
// VES 60%; 600 tickets closed in 4 h (p90 12 h), FCR 70%, reopens 8%.
GroupSample Rest() {
  return {Survey(450, 50, 20, 80, 70, 60), Service(600, 4, 12, 70, 8)};
}

GroupSample Sum(const GroupSample& a, const GroupSample& b) {
  GroupSample t;
  t.survey.nps = {a.survey.nps.detractors + b.survey.nps.detractors,
                  a.survey.nps.passives + b.survey.nps.passives,
                  a.survey.nps.promoters + b.survey.nps.promoters};
  auto add = [](ProportionCounts x, ProportionCounts y) {
    return ProportionCounts{x.successes + y.successes, x.n + y.n};
  };
  t.survey.csat = add(a.survey.csat, b.survey.csat);
  t.survey.ces = add(a.survey.ces, b.survey.ces);
  t.survey.ves = add(a.survey.ves, b.survey.ves);
  // Medians do not add; the team's is close to the larger group's.
  t.service = b.service;
  t.service.interactions += a.service.interactions;
  t.service.closed += a.service.closed;
  return t;
}

// In this team, effort (CES) clearly moves with time to close, CSAT weakly
// with first-contact resolution, NPS with nothing.
std::vector<DriverEvidence> TeamDrivers() {
  return {
      {Metric::kCes,
       Kpi::kTimeToClose,
       900,
       -0.42,
       {-0.47, -0.36},
       true},
      {Metric::kCsat,
       Kpi::kFirstContactResolution,
       900,
       0.12,
       {0.06, 0.18},
       true},
      {Metric::kNps,
       Kpi::kTimeToClose,
       900,
       -0.03,
       {-0.1, 0.04},
       false},
  };
}

ScorecardInput InputFor(const GroupSample& agent) {
  ScorecardInput in;
  in.agent = agent;
  in.rest = Rest();
  in.team = Sum(agent, in.rest);
  in.drivers = TeamDrivers();
  in.team_agents = 10;
  return in;
}

const KpiLine& Kpi(const Scorecard& card, Kpi kpi) {
  return *std::find_if(card.kpis.begin(), card.kpis.end(),
                       [&](const KpiLine& l) { return l.kpi == kpi; });
}

TEST(ScorecardTest, DefaultPeriodIsThirtyDaysEndingToday) {
  EXPECT_EQ(DefaultScorecardPeriod(20000), (DayRange{19971, 20000}));
}

TEST(ScorecardTest, NewcombeIntervalMatchesPublishedExample) {
  // Newcombe (1998), Table II, example (a): 56/70 - 48/80, method 10.
  const Interval ci = ProportionDifference({56, 70}, {48, 80});
  EXPECT_NEAR(ci.low, 0.0524, 5e-5);
  EXPECT_NEAR(ci.high, 0.3339, 5e-5);
}

TEST(ScorecardTest, FiveOfFiveIsNotClearlyBetterThanEightyPercent) {
  const Interval ci = ProportionDifference({5, 5}, {160, 200});
  EXPECT_LT(ci.low, 0);  // the Wald interval would claim (0.145, 0.255)
  EXPECT_GT(ci.high, 0);
}

TEST(ScorecardTest, SlowCloserGetsAFocusPointAboutTimeToClose) {
  // Ratings like the team's; tickets take 14 h to close instead of 4 h.
  GroupSample slow{Survey(60, 50, 20, 80, 70, 60), Service(70, 14, 40, 70, 8)};
  // Replies as fast as the team: only closing is slow.
  slow.service.time_to_first_response = {70, 0.4 * 3600, 1.2 * 3600};
  const Scorecard card = BuildScorecard(InputFor(slow));

  EXPECT_EQ(Kpi(card, Kpi::kTimeToClose).judgement, Judgement::kWorse);
  ASSERT_THAT(card.focus, SizeIs(1));
  const CoachingPoint& first = card.focus[0];
  EXPECT_EQ(first.subject, CoachingPoint::Subject::kKpi);
  EXPECT_EQ(first.kpi, Kpi::kTimeToClose);
  EXPECT_NEAR(first.effect, 3.5, 1e-9);  // 14 h / 4 h
  EXPECT_GT(first.effect_ci.low, 1);
  EXPECT_DOUBLE_EQ(*first.value, 14 * 3600.0);
  EXPECT_DOUBLE_EQ(*first.rest_value, 4 * 3600.0);
  // Weighted by the drivers: effort moves with time to close in this team.
  ASSERT_TRUE(first.driver.has_value());
  EXPECT_EQ(first.driver->metric, Metric::kCes);
  EXPECT_NEAR(first.weight, 1.36, 1e-9);
  // Metrics in line: no invented metric focus.
  for (const MetricLine& line : card.metrics) {
    EXPECT_EQ(line.judgement, Judgement::kInLine) << MetricName(line.metric);
  }
  EXPECT_THAT(card.strengths, IsEmpty());
}

TEST(ScorecardTest, FastWellRatedAgentGetsNoInventedWeaknesses) {
  GroupSample star{Survey(80, 75, 5, 96, 90, 80), Service(90, 1.5, 5, 85, 3)};
  const Scorecard card = BuildScorecard(InputFor(star));

  EXPECT_THAT(card.focus, IsEmpty());
  ASSERT_THAT(card.strengths, SizeIs(1));
  EXPECT_EQ(card.metrics[int(Metric::kCsat)].judgement,
            Judgement::kBetter);
  EXPECT_EQ(Kpi(card, Kpi::kTimeToClose).judgement, Judgement::kBetter);
  // The strength with the most weight: faster closing, which effort moves
  // with.
  EXPECT_EQ(card.strengths[0].subject, CoachingPoint::Subject::kKpi);
  EXPECT_EQ(card.strengths[0].kpi, Kpi::kTimeToClose);
  EXPECT_THAT(card.warnings, IsEmpty());
}

TEST(ScorecardTest, AverageAgentGetsNeitherStrengthNorFocus) {
  GroupSample average{Survey(70, 50, 20, 80, 70, 60),
                      Service(80, 4.2, 12, 68, 9)};
  const Scorecard card = BuildScorecard(InputFor(average));
  EXPECT_THAT(card.focus, IsEmpty());
  EXPECT_THAT(card.strengths, IsEmpty());
  for (const KpiLine& line : card.kpis) {
    EXPECT_EQ(line.judgement, Judgement::kInLine) << KpiName(line.kpi);
  }
}

TEST(ScorecardTest, AtMostTwoFocusPointsByPriority) {
  // Worse at everything.
  GroupSample poor{Survey(120, 25, 45, 55, 40, 35),
                   Service(150, 16, 60, 40, 25)};
  const Scorecard card = BuildScorecard(InputFor(poor));
  ASSERT_THAT(card.focus, SizeIs(2));
  EXPECT_GE(card.focus[0].priority, card.focus[1].priority);
  EXPECT_THAT(card.strengths, IsEmpty());
}

TEST(ScorecardTest, NpsGapIsNoFocusPointWhenNpsDoesNotMoveWithService) {
  GroupSample low_nps{Survey(200, 20, 50, 80, 70, 60),
                      Service(220, 4, 12, 70, 8)};
  const Scorecard card = BuildScorecard(InputFor(low_nps));
  EXPECT_EQ(card.metrics[int(Metric::kNps)].judgement, Judgement::kWorse);
  EXPECT_THAT(card.focus, IsEmpty());

  ScorecardInput in = InputFor(low_nps);
  in.drivers.push_back({Metric::kNps,
                        Kpi::kReopens,
                        900,
                        -0.2,
                        {-0.26, -0.14},
                        true});
  const Scorecard with_driver = BuildScorecard(in);
  ASSERT_THAT(with_driver.focus, SizeIs(1));
  EXPECT_EQ(with_driver.focus[0].subject, CoachingPoint::Subject::kMetric);
  EXPECT_EQ(with_driver.focus[0].metric, Metric::kNps);
  EXPECT_EQ(with_driver.focus[0].driver->kpi, Kpi::kReopens);
}

TEST(ScorecardTest, MetricCoveredByItsDriverKpiIsNotASecondPoint) {
  // Slow and rated hard to deal with: effort moves with time to close, so
  // one point (time to close) carries both.
  GroupSample slow{Survey(120, 50, 20, 80, 45, 60),
                   Service(130, 14, 40, 70, 8)};
  slow.service.time_to_first_response = {130, 0.4 * 3600, 1.2 * 3600};
  const Scorecard card = BuildScorecard(InputFor(slow));
  EXPECT_EQ(card.metrics[int(Metric::kCes)].judgement, Judgement::kWorse);
  ASSERT_THAT(card.focus, SizeIs(1));
  EXPECT_EQ(card.focus[0].kpi, Kpi::kTimeToClose);
}

TEST(ScorecardTest, ThinDataIsJudgedInLineAndWarned) {
  GroupSample thin{Survey(6, 100, 0, 100, 100, 100), Service(4, 30, 60, 0, 50)};
  const Scorecard card = BuildScorecard(InputFor(thin));
  EXPECT_THAT(card.focus, IsEmpty());
  EXPECT_EQ(Kpi(card, Kpi::kTimeToClose).judgement, Judgement::kNoData);
  int few = 0;
  bool closed_warned = false;
  for (const ScorecardWarning& w : card.warnings) {
    if (w.code == WarningCode::kFewResponses) {
      ++few;
      EXPECT_EQ(w.n, 6);
      EXPECT_EQ(w.needed, kMinResponsesToJudge);
    }
    closed_warned |= w.code == WarningCode::kFewTickets && w.n == 4;
  }
  EXPECT_EQ(few, 4);
  EXPECT_TRUE(closed_warned);
}

TEST(ScorecardTest, NoDataMeansNoJudgementAndWarnings) {
  ScorecardInput in = InputFor(GroupSample{});
  in.team_agents = 1;
  in.rest = GroupSample{};
  in.drivers.clear();
  const Scorecard card = BuildScorecard(in);
  for (const MetricLine& line : card.metrics) {
    EXPECT_EQ(line.judgement, Judgement::kNoData);
    EXPECT_FALSE(line.agent.value.has_value());
  }
  EXPECT_FALSE(card.nps_shares.has_value());
  std::vector<WarningCode> codes;
  for (const ScorecardWarning& w : card.warnings) codes.push_back(w.code);
  EXPECT_THAT(codes, ::testing::ElementsAre(WarningCode::kNoResponses,
                                            WarningCode::kNoInteractions,
                                            WarningCode::kNoTeammates,
                                            WarningCode::kNoDrivers));
}

TEST(ScorecardTest, ValuesAndSharesFollowMetricsMd) {
  // 10 detractors, 20 passives, 70 promoters: NPS 60, adjusted Wald
  // (45.27, 71.24) as in docs/metrics.md.
  GroupSample agent;
  agent.survey.nps = {10, 20, 70};
  agent.survey.csat = {85, 100};
  const Scorecard card = BuildScorecard(InputFor(agent));
  const MetricLine& nps = card.metrics[int(Metric::kNps)];
  EXPECT_DOUBLE_EQ(*nps.agent.value, 60);
  EXPECT_NEAR(nps.agent.ci->low, 45.27, 0.005);
  EXPECT_NEAR(nps.agent.ci->high, 71.24, 0.005);
  const MetricLine& csat = card.metrics[int(Metric::kCsat)];
  EXPECT_NEAR(csat.agent.ci->low, 76.7, 0.05);  // Wilson 85 of 100
  EXPECT_NEAR(csat.agent.ci->high, 90.7, 0.05);
  ASSERT_TRUE(card.nps_shares.has_value());
  EXPECT_DOUBLE_EQ(card.nps_shares->promoters, 70);
  EXPECT_DOUBLE_EQ(card.nps_shares->detractors, 10);
}

}  // namespace
}  // namespace cxscore
