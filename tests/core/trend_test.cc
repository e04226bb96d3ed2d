#include "core/trend.h"

#include <gtest/gtest.h>

#include <random>

#include "absl/strings/str_format.h"
#include "tests/testing/status_matchers.h"

namespace cxscore {
namespace {

using ::cxscore::testing::IsOk;
using ::testing::Not;

// `n` CSAT answers of which a share `satisfied` are 5 and the rest 2.
ScoreCounts Csat(int n, double satisfied) {
  ScoreCounts c;
  const int yes = static_cast<int>(n * satisfied + 0.5);
  c.csat[4] = yes;
  c.csat[1] = n - yes;
  return c;
}

TEST(TrendTest, FlagsAPlantedDropAndFillsGaps) {
  std::vector<PeriodCounts> weeks = {
      {"2025-W18", Csat(400, 0.80)}, {"2025-W19", Csat(400, 0.81)},
      {"2025-W20", Csat(400, 0.79)}, {"2025-W21", Csat(400, 0.60)},
      {"2025-W22", Csat(400, 0.80)}, {"2025-W24", Csat(400, 0.80)},
  };
  auto points = BuildTrend(weeks, Period::kWeek, Metric::kCsat,
                           NpsIntervalMethod::kAdjustedWald);
  ASSERT_OK(points);
  ASSERT_EQ(points->size(), 7u);
  EXPECT_EQ((*points)[0].change, Change::kNone);
  EXPECT_FALSE((*points)[0].p.has_value()) << "no previous period";
  EXPECT_EQ((*points)[1].change, Change::kNone);
  EXPECT_EQ((*points)[2].change, Change::kNone);
  EXPECT_EQ((*points)[3].period, "2025-W21");
  EXPECT_EQ((*points)[3].change, Change::kDrop);
  EXPECT_LT(*(*points)[3].p, 0.01);
  // The recovery is significant against the dropped week, but it is a return
  // to the earlier level, not a change of its own.
  EXPECT_LT(*(*points)[4].p, 0.01);
  EXPECT_EQ((*points)[4].change, Change::kNone);
  EXPECT_EQ((*points)[5].period, "2025-W23");
  EXPECT_EQ((*points)[5].score.n, 0);
  EXPECT_FALSE((*points)[5].score.value.has_value());
  EXPECT_EQ((*points)[6].change, Change::kNone) << "previous week is empty";
  EXPECT_DOUBLE_EQ(*(*points)[0].score.value, 80.0);
}

TEST(TrendTest, FlagsALastingShiftOnceAtItsStart) {
  std::vector<PeriodCounts> weeks = {
      {"2025-W18", Csat(400, 0.80)}, {"2025-W19", Csat(400, 0.60)},
      {"2025-W20", Csat(400, 0.61)}, {"2025-W21", Csat(400, 0.60)},
  };
  auto points = BuildTrend(weeks, Period::kWeek, Metric::kCsat,
                           NpsIntervalMethod::kAdjustedWald);
  ASSERT_OK(points);
  EXPECT_EQ((*points)[1].change, Change::kDrop);
  EXPECT_EQ((*points)[2].change, Change::kNone);
  EXPECT_EQ((*points)[3].change, Change::kNone);
}

TEST(TrendTest, AFurtherMoveAfterAFlaggedChangeIsFlaggedAgain) {
  std::vector<PeriodCounts> weeks = {
      {"2025-W18", Csat(400, 0.80)}, {"2025-W19", Csat(400, 0.65)},
      {"2025-W20", Csat(400, 0.45)},
  };
  auto points = BuildTrend(weeks, Period::kWeek, Metric::kCsat,
                           NpsIntervalMethod::kAdjustedWald);
  ASSERT_OK(points);
  EXPECT_EQ((*points)[1].change, Change::kDrop);
  EXPECT_EQ((*points)[2].change, Change::kDrop);
}

TEST(TrendTest, AReturnThatOvershootsTheEarlierLevelIsFlagged) {
  std::vector<PeriodCounts> weeks = {
      {"2025-W18", Csat(400, 0.70)}, {"2025-W19", Csat(400, 0.55)},
      {"2025-W20", Csat(400, 0.70)}, {"2025-W21", Csat(400, 0.55)},
      {"2025-W22", Csat(400, 0.85)},
  };
  auto points = BuildTrend(weeks, Period::kWeek, Metric::kCsat,
                           NpsIntervalMethod::kAdjustedWald);
  ASSERT_OK(points);
  EXPECT_EQ((*points)[1].change, Change::kDrop);
  EXPECT_EQ((*points)[2].change, Change::kNone) << "back to 70%";
  EXPECT_EQ((*points)[3].change, Change::kDrop) << "a second dip";
  EXPECT_EQ((*points)[4].change, Change::kRise) << "85% beats the 70% before";
}

TEST(TrendTest, NpsPointsCarryGroupShares) {
  ScoreCounts c;
  c.nps[10] = 5;
  c.nps[8] = 3;
  c.nps[2] = 2;
  std::vector<PeriodCounts> months = {{"2025-02", c}};
  auto points = BuildTrend(months, Period::kMonth, Metric::kNps,
                           NpsIntervalMethod::kAdjustedWald);
  ASSERT_OK(points);
  ASSERT_TRUE((*points)[0].shares.has_value());
  EXPECT_DOUBLE_EQ((*points)[0].shares->promoters, 50);
  EXPECT_DOUBLE_EQ((*points)[0].shares->passives, 30);
  EXPECT_DOUBLE_EQ((*points)[0].shares->detractors, 20);
  EXPECT_DOUBLE_EQ(*(*points)[0].score.value, 30);
}

TEST(TrendTest, NoiseAloneIsRarelyFlagged) {
  std::mt19937 rng(11);
  std::binomial_distribution<int> yes(300, 0.75);
  std::vector<PeriodCounts> days;
  for (int d = 1; d <= 28; ++d) {
    ScoreCounts c;
    c.csat[4] = yes(rng);
    c.csat[0] = 300 - c.csat[4];
    days.push_back({absl::StrFormat("2025-02-%02d", d), c});
  }
  auto points = BuildTrend(days, Period::kDay, Metric::kCsat,
                           NpsIntervalMethod::kAdjustedWald);
  ASSERT_OK(points);
  int flagged = 0;
  for (const TrendPoint& p : *points) flagged += p.change != Change::kNone;
  EXPECT_LE(flagged, 2) << "alpha 0.01 over 27 comparisons";
}

TEST(TrendTest, RejectsKeysOfAnotherPeriod) {
  std::vector<PeriodCounts> bad = {{"2025-02", Csat(10, 0.5)}};
  EXPECT_THAT(BuildTrend(bad, Period::kWeek, Metric::kCsat,
                         NpsIntervalMethod::kAdjustedWald),
              Not(IsOk()));
}

}  // namespace
}  // namespace cxscore
