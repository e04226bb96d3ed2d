#include "core/comparison.h"

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/proportion.h"
#include "core/rollup.h"
#include "core/scores.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cxscore {
namespace {

NpsCounts Nps(int64_t d, int64_t p, int64_t r) {
  NpsCounts c;
  c.detractors = d;
  c.passives = p;
  c.promoters = r;
  return c;
}

TwoSampleResult CompareOk(ProportionCounts x, ProportionCounts y) {
  absl::StatusOr<TwoSampleResult> r = CompareProportions(x, y);
  EXPECT_OK(r);
  return r.ok() ? *r : TwoSampleResult{};
}

PeriodChange ProportionChangeOk(ProportionCounts previous,
                                ProportionCounts current) {
  absl::StatusOr<PeriodChange> c = ProportionChange(previous, current);
  EXPECT_OK(c);
  return c.ok() ? *c : PeriodChange{};
}

PeriodChange NpsChangeOk(NpsCounts previous, NpsCounts current) {
  absl::StatusOr<PeriodChange> c = NpsChange(previous, current);
  EXPECT_OK(c);
  return c.ok() ? *c : PeriodChange{};
}

// ---- Two-proportion test --------------------------------------------------

TEST(CompareProportionsTest, MatchesAHandComputedExample) {
  // 80 of 100 against 60 of 100: delta 0.2; unpooled
  // se = sqrt(.8 * .2 / 100 + .6 * .4 / 100) = sqrt(0.004); pooled 0.7,
  // pooled se = sqrt(.7 * .3 * 2 / 100) = sqrt(0.0042), z = 3.0861,
  // p = 0.002028 (R: prop.test(c(80, 60), c(100, 100), correct = FALSE)
  // gives X-squared = 9.5238 = z^2, p-value = 0.002028).
  const TwoSampleResult r = CompareOk({80, 100}, {60, 100});
  EXPECT_NEAR(r.delta, 0.2, 1e-15);
  EXPECT_NEAR(r.se, std::sqrt(0.004), 1e-15);
  EXPECT_NEAR(r.ci.low, 0.2 - 1.959963984540054 * std::sqrt(0.004), 1e-15);
  EXPECT_NEAR(r.ci.high, 0.2 + 1.959963984540054 * std::sqrt(0.004), 1e-15);
  EXPECT_NEAR(r.ci.low, 0.07604, 5e-6);
  EXPECT_NEAR(r.ci.high, 0.32396, 5e-6);
  const double z = 0.2 / std::sqrt(0.0042);
  EXPECT_NEAR(z * z, 9.5238, 5e-5);
  EXPECT_NEAR(r.p, 0.002028, 5e-7);
  // Reversed: the sign flips, nothing else.
  const TwoSampleResult back = CompareOk({60, 100}, {80, 100});
  EXPECT_NEAR(back.delta, -0.2, 1e-15);
  EXPECT_EQ(back.p, r.p);
  EXPECT_EQ(back.se, r.se);
}

TEST(CompareProportionsTest, UnequalSamplesUseEachVariance) {
  // 45 of 50 (0.9) against 150 of 200 (0.75).
  const TwoSampleResult r = CompareOk({45, 50}, {150, 200});
  const double se = std::sqrt(0.9 * 0.1 / 50 + 0.75 * 0.25 / 200);
  const double pooled = 195.0 / 250;
  const double pooled_se =
      std::sqrt(pooled * (1 - pooled) * (1.0 / 50 + 1.0 / 200));
  EXPECT_NEAR(r.delta, 0.15, 1e-15);
  EXPECT_NEAR(r.se, se, 1e-15);
  EXPECT_NEAR(r.p, std::erfc(0.15 / pooled_se / std::sqrt(2.0)), 1e-15);
}

TEST(CompareProportionsTest, HandlesCertaintyAndRefusesBadCounts) {
  // Both all satisfied: no difference, p = 1.
  const TwoSampleResult same = CompareOk({10, 10}, {30, 30});
  EXPECT_EQ(same.delta, 0);
  EXPECT_EQ(same.p, 1);
  // All against none: the pooled test still has a p.
  const TwoSampleResult opposite = CompareOk({10, 10}, {0, 10});
  EXPECT_EQ(opposite.delta, 1);
  EXPECT_LT(opposite.p, 1e-4);
  for (const auto& [x, y] :
       std::vector<std::pair<ProportionCounts, ProportionCounts>>{
           {{0, 0}, {1, 2}}, {{3, 2}, {1, 2}}, {{1, 2}, {-1, 2}}}) {
    EXPECT_EQ(CompareProportions(x, y).status().code(),
              absl::StatusCode::kInvalidArgument);
  }
}

TEST(CompareProportionsTest, NullRejectsAboutFivePercent) {
  std::mt19937_64 rng(99);
  int rejections = 0, covers = 0;
  for (int i = 0; i < 1000; ++i) {
    std::binomial_distribution<int64_t> x(200, 0.7), y(300, 0.7);
    const TwoSampleResult r = CompareOk({x(rng), 200}, {y(rng), 300});
    rejections += r.p < 0.05;
    covers += r.ci.low < 0 && r.ci.high > 0;
  }
  EXPECT_GE(rejections, 30);  // expected 50, sd 6.9
  EXPECT_LE(rejections, 75);
  EXPECT_GE(covers, 925);
  EXPECT_LE(covers, 975);
}

// ---- Counts from rollups --------------------------------------------------

TEST(ProportionCountsOfTest, AgreesWithSummarize) {
  RollupCounts cell;
  cell.scores.csat = {1, 2, 3, 4, 5};       // 4..5: 9 of 15
  cell.scores.ces = {1, 1, 1, 1, 2, 3, 4};  // 5..7: 9 of 13
  cell.scores.ves_doubled_mean = {0, 0, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 4};
  const ScoreSummary s = Summarize(cell, NpsIntervalMethod::kAdjustedWald);
  const ProportionCounts csat =
      ProportionCountsOf(cell.scores, Metric::kCsat);
  const ProportionCounts ces =
      ProportionCountsOf(cell.scores, Metric::kCes);
  const ProportionCounts ves =
      ProportionCountsOf(cell.scores, Metric::kVes);
  EXPECT_EQ(csat, (ProportionCounts{9, 15}));
  EXPECT_EQ(ces, (ProportionCounts{9, 13}));
  EXPECT_EQ(ves, (ProportionCounts{7, 10}));  // index >= 8 is a mean >= 5
  EXPECT_EQ(csat.n, s.csat.n);
  EXPECT_NEAR(100.0 * csat.successes / csat.n, *s.csat.value, 1e-12);
  EXPECT_NEAR(100.0 * ces.successes / ces.n, *s.ces.value, 1e-12);
  EXPECT_NEAR(100.0 * ves.successes / ves.n, *s.ves.score.value, 1e-12);
  EXPECT_EQ(ProportionCountsOf(ScoreCounts{}, Metric::kCsat),
            (ProportionCounts{0, 0}));
}

// ---- Change flags ---------------------------------------------------------

TEST(NpsChangeTest, FlagsTheMetricsMdTwoSampleVector) {
  // metrics.md: (10, 20, 70) against (20, 30, 50) has p = 0.00341 < 0.01.
  const PeriodChange drop = NpsChangeOk(Nps(10, 20, 70), Nps(20, 30, 50));
  EXPECT_EQ(drop.change, Change::kDrop);
  ASSERT_TRUE(drop.test.has_value());
  EXPECT_NEAR(drop.test->delta, -0.30, 1e-12);  // current - previous
  EXPECT_NEAR(drop.test->p, 0.00341, 5e-6);
  const PeriodChange rise = NpsChangeOk(Nps(20, 30, 50), Nps(10, 20, 70));
  EXPECT_EQ(rise.change, Change::kRise);
  EXPECT_EQ(rise.test->p, drop.test->p);
  // Same shares, no change; p = 1.
  const PeriodChange flat = NpsChangeOk(Nps(10, 20, 70), Nps(20, 40, 140));
  EXPECT_EQ(flat.change, Change::kNone);
  EXPECT_NEAR(flat.test->p, 1, 1e-12);
}

TEST(NpsChangeTest, NeedsPBelowOnePercentNotFive) {
  // (10, 20, 70) against (20, 25, 55): delta -0.25,
  // se = sqrt(0.44 / 100 + 0.6275 / 100), p about 0.016.
  const PeriodChange c = NpsChangeOk(Nps(10, 20, 70), Nps(20, 25, 55));
  ASSERT_TRUE(c.test.has_value());
  EXPECT_LT(c.test->p, 0.05);
  EXPECT_GT(c.test->p, 0.01);
  EXPECT_EQ(c.change, Change::kNone);
}

TEST(ProportionChangeTest, FlagsDropsAndRisesAtOnePercent) {
  EXPECT_EQ(ProportionChangeOk({80, 100}, {60, 100}).change,
            Change::kDrop);  // p .002
  EXPECT_EQ(ProportionChangeOk({60, 100}, {80, 100}).change, Change::kRise);
  // 80% to 70%: z^2 = 2.6667, p = 0.1025 (R's prop.test), no flag.
  const PeriodChange small = ProportionChangeOk({80, 100}, {70, 100});
  EXPECT_EQ(small.change, Change::kNone);
  EXPECT_NEAR(small.test->p, 0.1025, 1e-4);
}

TEST(ChangeTest, NoTestWhenAPeriodIsEmpty) {
  const PeriodChange nps = NpsChangeOk(Nps(0, 0, 0), Nps(1, 2, 3));
  EXPECT_EQ(nps.change, Change::kNone);
  EXPECT_FALSE(nps.test.has_value());
  const PeriodChange csat = ProportionChangeOk({5, 10}, {0, 0});
  EXPECT_EQ(csat.change, Change::kNone);
  EXPECT_FALSE(csat.test.has_value());
  EXPECT_EQ(ProportionChange({5, 4}, {1, 2}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(NpsChange(Nps(1, 1, 1), Nps(-1, 0, 3)).status().code(),
            absl::StatusCode::kInvalidArgument);
}

// A planted one-week CSAT drop in twelve weeks of about 400 responses: the
// drop week is flagged, and the week after it as the recovery (a rise
// against the dropped week); no other week is.
TEST(ProportionChangeTest, FindsAPlantedOneWeekDrop) {
  std::mt19937_64 rng(2025);
  std::vector<ProportionCounts> weeks;
  for (int w = 0; w < 12; ++w) {
    const int64_t n = std::uniform_int_distribution<int64_t>(350, 450)(rng);
    const double p = w == 6 ? 0.65 : 0.8;
    weeks.push_back({std::binomial_distribution<int64_t>(n, p)(rng), n});
  }
  for (int w = 1; w < 12; ++w) {
    SCOPED_TRACE(w);
    const Change expected =
        w == 6 ? Change::kDrop : (w == 7 ? Change::kRise : Change::kNone);
    EXPECT_EQ(ProportionChangeOk(weeks[w - 1], weeks[w]).change, expected);
  }
}

TEST(ProportionChangeTest, StableSeriesAreRarelyFlagged) {
  int flags = 0;
  for (uint64_t seed = 1; seed <= 200; ++seed) {
    std::mt19937_64 rng(seed);
    ProportionCounts previous{};
    for (int w = 0; w < 12; ++w) {
      const int64_t n = std::uniform_int_distribution<int64_t>(50, 400)(rng);
      const ProportionCounts current{
          std::binomial_distribution<int64_t>(n, 0.8)(rng), n};
      if (w > 0)
        flags += ProportionChangeOk(previous, current).change != Change::kNone;
      previous = current;
    }
  }
  // 2200 comparisons at 1%: about 22 flags (sd 4.7); at 5% it would be 110.
  EXPECT_GE(flags, 8);
  EXPECT_LE(flags, 40);
}

}  // namespace
}  // namespace cxscore
