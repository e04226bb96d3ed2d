#include "core/drivers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "core/rollup.h"
#include "tests/testing/status_matchers.h"

namespace cxscore {
namespace {

absl::Time T0() { return absl::FromUnixSeconds(1740000000); }

Interaction Closed(absl::Duration after) {
  Interaction i;
  i.interaction_id = "t";
  i.opened_at = T0();
  i.closed_at = T0() + after;
  i.first_response_at = T0() + absl::Minutes(5);
  i.reopens = 2;
  i.first_contact_resolution = false;
  return i;
}

int Clamp(double v, int lo, int hi) {
  return std::clamp(static_cast<int>(std::lround(v)), lo, hi);
}

// Planted truth: effort (CES) falls steeply with time to close, CSAT a
// little, NPS not at all.
DriverCounts Planted(uint32_t seed, int n, bool with_effect) {
  std::mt19937 rng(seed);
  std::lognormal_distribution<double> hours(2.0, 1.2);
  std::normal_distribution<double> noise(0, 1);
  DriverCounts counts;
  for (int i = 0; i < n; ++i) {
    const double h = hours(rng);
    const double slow = with_effect ? std::log(h) : 0;
    SurveyResponse r;
    r.ces = Clamp(6.0 - 1.2 * slow + 0.8 * noise(rng), 1, 7);
    r.csat = Clamp(4.0 - 0.15 * slow + 1.0 * noise(rng), 1, 5);
    r.nps = Clamp(7.0 + 2.0 * noise(rng), 0, 10);
    counts.AddAll(
        DriverContributionOf(r, Closed(absl::Seconds(std::llround(h * 3600)))));
  }
  return counts;
}

TEST(DriverContributionTest, MapsScoresToRowsAndKpisToColumns) {
  SurveyResponse r;
  r.csat = 4;
  r.ves_ability = 6;  // one item: doubled mean 12 -> row 10
  const DriverCounts c = DriverContributionOf(r, Closed(absl::Hours(1)));
  using enum Metric;
  using enum Kpi;
  EXPECT_EQ(c.pair(kCsat, kTimeToClose)
                .Count(3, DurationHistogram::BucketOf(3600)),
            1);
  EXPECT_EQ(c.pair(kCsat, kReopens).Count(3, 2), 1);
  EXPECT_EQ(c.pair(kCsat, kFirstContactResolution).Count(3, 0), 1);
  EXPECT_EQ(c.pair(kVes, kReopens).Count(10, 2), 1);
  EXPECT_TRUE(c.pair(kNps, kTimeToClose).IsZero()) << "no NPS answer";
  EXPECT_TRUE(c.pair(kCsat, kTransfers).IsZero()) << "transfers unknown";
}

TEST(DriverContributionTest, OpenTicketHasNoTimeToClose) {
  SurveyResponse r;
  r.nps = 9;
  Interaction open = Closed(absl::Hours(1));
  open.closed_at.reset();
  const DriverCounts c = DriverContributionOf(r, open);
  EXPECT_TRUE(c.pair(Metric::kNps, Kpi::kTimeToClose).IsZero());
  EXPECT_FALSE(
      c.pair(Metric::kNps, Kpi::kTimeToFirstResponse).IsZero());
}

TEST(AnalyzeDriversTest, RanksThePlantedEffectsAndLeavesNpsInsignificant) {
  const Kpi kpis[] = {Kpi::kTimeToClose};
  const DriversReport report = AnalyzeDrivers(Planted(42, 4000, true), kpis);
  ASSERT_EQ(report.pairs.size(), 4u);  // nps, csat, ces, ves(no data)
  ASSERT_GE(report.ranking.size(), 3u);
  EXPECT_EQ(report.ranking[0].metric, Metric::kCes);
  EXPECT_EQ(report.ranking[1].metric, Metric::kCsat);
  EXPECT_GT(report.ranking[1].strength, 0);
  EXPECT_EQ(report.ranking[2].metric, Metric::kNps);
  EXPECT_EQ(report.ranking[2].strength, 0);
  for (const DriverPair& p : report.pairs) {
    if (p.metric == Metric::kNps) {
      EXPECT_FALSE(p.significant);
    }
    if (p.metric == Metric::kCes) {
      EXPECT_TRUE(p.significant);
      EXPECT_LT(*p.correlation.rho, -0.5);
      EXPECT_LT(p.correlation.ci.high, 0);
    }
    if (p.metric == Metric::kVes) {
      EXPECT_FALSE(p.correlation.rho);
    }
  }
  EXPECT_THAT(report.verdict, ::testing::StartsWith("CES moves most"));
  EXPECT_THAT(report.verdict, ::testing::HasSubstr("then CSAT"));
  EXPECT_THAT(report.verdict, ::testing::HasSubstr("not shown to move: NPS"));
}

TEST(AnalyzeDriversTest, NullDataHasNoSignificantPairAndSaysSo) {
  const DriversReport report = AnalyzeDrivers(Planted(7, 3000, false), {});
  for (const DriverPair& p : report.pairs) EXPECT_FALSE(p.significant);
  EXPECT_THAT(report.verdict, ::testing::StartsWith("No metric moves"));
  for (const MetricStrength& m : report.ranking) EXPECT_EQ(m.strength, 0);
}

TEST(AnalyzeDriversTest, QValuesAreBenjaminiHochbergOfThePairs) {
  const DriversReport report = AnalyzeDrivers(Planted(3, 500, true), {});
  std::vector<double> p;
  for (const DriverPair& pair : report.pairs)
    if (pair.correlation.rho) p.push_back(pair.correlation.p);
  auto q = BenjaminiHochberg(p);
  ASSERT_OK(q);
  size_t i = 0;
  for (const DriverPair& pair : report.pairs) {
    if (pair.correlation.rho) {
      EXPECT_DOUBLE_EQ(pair.q, (*q)[i++]);
    }
  }
}

TEST(AnalyzeDriversTest, EmptyCountsSayNothingCanBeSaid) {
  const DriversReport report = AnalyzeDrivers(DriverCounts{}, {});
  EXPECT_TRUE(report.ranking.empty());
  EXPECT_THAT(report.verdict, ::testing::HasSubstr("nothing can be said"));
}

TEST(AnalyzeDriverUnitsTest, CorrelatesUnitValuesPairwise) {
  std::vector<UnitObservation> units(30);
  for (int i = 0; i < 30; ++i) {
    units[i].metrics[static_cast<int>(Metric::kCes)] = 90.0 - 2 * i;
    units[i].kpis[static_cast<int>(Kpi::kTimeToClose)] = 3600.0 * i;
  }
  units[0].kpis[static_cast<int>(Kpi::kTimeToClose)].reset();
  const Kpi kpis[] = {Kpi::kTimeToClose};
  const DriversReport report = AnalyzeDriverUnits(units, kpis, "agent");
  const DriverPair& ces = report.pairs[static_cast<int>(Metric::kCes)];
  EXPECT_EQ(ces.correlation.n, 29);
  EXPECT_DOUBLE_EQ(*ces.correlation.rho, -1.0);
  EXPECT_THAT(report.verdict, ::testing::HasSubstr("29 agents"));
}

TEST(DriverNamesTest, RoundTrip) {
  for (Metric m : kAllMetrics)
    EXPECT_EQ(MetricFromName(MetricName(m)), m);
  for (Kpi k : kAllKpis) EXPECT_EQ(KpiFromName(KpiName(k)), k);
  EXPECT_FALSE(KpiFromName("speed").has_value());
}

}  // namespace
}  // namespace cxscore
