#include "core/rollup.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "core/records.h"
#include "gtest/gtest.h"

namespace cxscore {
namespace {

using H = DurationHistogram;

const absl::Time kOpened = absl::FromCivil(
    absl::CivilSecond(2025, 2, 13, 9, 0, 0), absl::UTCTimeZone());

double RelativeError(double estimate, double exact) {
  return std::abs(estimate - exact) / exact;
}

// The exact nearest-rank q-quantile of `values`.
int64_t ExactQuantile(std::vector<int64_t> values, double q) {
  std::sort(values.begin(), values.end());
  const auto rank = std::max<int64_t>(
      1, static_cast<int64_t>(std::ceil(q * values.size() - 1e-9)));
  return values[rank - 1];
}

TEST(DurationHistogramTest, NonPositiveDurationsGoToBucketZero) {
  EXPECT_EQ(H::BucketOf(0), 0);
  EXPECT_EQ(H::BucketOf(-5), 0);
  EXPECT_EQ(H::BucketOf(std::numeric_limits<int64_t>::min()), 0);
  EXPECT_EQ(H::RepresentativeSeconds(0), 0);
}

TEST(DurationHistogramTest, BucketBoundsFollowTheGrowthFactor) {
  EXPECT_EQ(H::BucketOf(1), 1);  // bucket 1 also takes exactly 1 s
  for (int64_t s = 2; s < 5000000; s = s + 1 + s / 7) {
    const int b = H::BucketOf(s);
    ASSERT_GE(b, 2) << s;
    EXPECT_LT(std::pow(H::kGrowth, b - 1), s) << s;
    EXPECT_LE(s, std::pow(H::kGrowth, b) * (1 + 1e-12)) << s;
    EXPECT_LE(H::BucketOf(s - 1), b);
  }
  const int top = H::BucketOf(std::numeric_limits<int64_t>::max());
  EXPECT_GT(top, 2000);
  EXPECT_LE(top, H::kMaxBucket);
}

TEST(DurationHistogramTest, RepresentativeIsWithinOnePercentOfEveryMember) {
  for (int64_t s :
       std::vector<int64_t>{1, 2, 3, 59, 60, 61, 99, 100, 101, 3599, 3600,
                            86400, 604800, 31536000, 4000000000LL}) {
    EXPECT_LT(RelativeError(H::RepresentativeSeconds(H::BucketOf(s)), s), 0.01)
        << s;
  }
  for (int64_t s = 1; s < 100000; ++s) {
    ASSERT_LT(RelativeError(H::RepresentativeSeconds(H::BucketOf(s)), s), 0.01)
        << s;
  }
}

TEST(DurationHistogramTest, EmptyHistogramHasNoQuantile) {
  H h;
  EXPECT_EQ(h.Total(), 0);
  EXPECT_EQ(h.Quantile(0.5), std::nullopt);
  h.AddSeconds(60, 2);
  h.AddSeconds(60, -2);
  EXPECT_EQ(h.Quantile(0.5), std::nullopt);
}

TEST(DurationHistogramTest, QuantileUsesTheNearestRank) {
  // 10, 20, ..., 100 seconds: nearest rank ceil(q * 10).
  H h;
  for (int64_t s = 10; s <= 100; s += 10) h.AddSeconds(s, 1);
  EXPECT_EQ(h.Total(), 10);
  const struct {
    double q;
    double exact;
  } cases[] = {{0, 10},    {0.1, 10}, {0.11, 20},  {0.5, 50},
               {0.51, 60}, {0.9, 90}, {0.91, 100}, {1, 100}};
  for (const auto& c : cases) {
    std::optional<double> got = h.Quantile(c.q);
    ASSERT_TRUE(got.has_value());
    EXPECT_LT(RelativeError(*got, c.exact), 0.01) << "q=" << c.q << " " << *got;
  }
}

TEST(DurationHistogramTest, QuantilesOfRandomDataAreWithinOnePercent) {
  std::mt19937_64 rng(2025);
  // Log-uniform from 1 s to ~30 days, plus a cluster of identical values.
  std::uniform_real_distribution<double> log_seconds(0, std::log(2.6e6));
  std::vector<int64_t> values;
  H h;
  for (int i = 0; i < 20000; ++i) {
    const int64_t s =
        i % 10 == 0 ? 300 : static_cast<int64_t>(std::exp(log_seconds(rng)));
    values.push_back(s);
    h.AddSeconds(s, 1);
  }
  for (double q : {0.0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1.0}) {
    const double exact = ExactQuantile(values, q);
    const std::optional<double> got = h.Quantile(q);
    ASSERT_TRUE(got.has_value());
    EXPECT_LT(RelativeError(*got, exact), 0.01) << "q=" << q;
  }
}

TEST(DurationHistogramTest, EqualityIgnoresTrailingZeroBuckets) {
  H a, b;
  a.AddSeconds(30, 1);
  b.AddSeconds(30, 1);
  b.AddSeconds(86400, 1);
  EXPECT_FALSE(a == b);
  b.AddSeconds(86400, -1);
  EXPECT_TRUE(a == b);
  EXPECT_TRUE(b == a);
  EXPECT_TRUE(H() == H());
  H c;
  c.AddSeconds(3000, 1);
  EXPECT_FALSE(a == c);
}

TEST(DurationHistogramTest, AddAllAddsAndSubtractsBucketwise) {
  H a, b;
  a.AddSeconds(10, 3);
  b.AddSeconds(10, 1);
  b.AddSeconds(5000, 4);
  a.AddAll(b);
  EXPECT_EQ(a.Total(), 8);
  a.AddAll(b, -1);
  H expected;
  expected.AddSeconds(10, 3);
  EXPECT_TRUE(a == expected);
  std::vector<std::pair<int, int64_t>> buckets;
  a.ForEachBucket(
      [&](int bucket, int64_t count) { buckets.emplace_back(bucket, count); });
  EXPECT_EQ(buckets,
            (std::vector<std::pair<int, int64_t>>{{H::BucketOf(10), 3}}));
}

TEST(DurationHistogramTest, AddClampsCorruptBucketIndices) {
  H h;
  h.Add(-4, 1);
  h.Add(1 << 30, 1);
  EXPECT_EQ(h.Total(), 2);
  std::vector<int> buckets;
  h.ForEachBucket([&](int bucket, int64_t) { buckets.push_back(bucket); });
  EXPECT_EQ(buckets, (std::vector<int>{0, H::kMaxBucket}));
}

SurveyResponse Response() {
  SurveyResponse r;
  r.response_id = "R-1";
  r.submitted_at = kOpened;
  return r;
}

TEST(ContributionOfResponseTest, CountsEachAnsweredScoreAtItsScalePoint) {
  SurveyResponse r = Response();
  r.nps = 9;
  r.csat = 4;
  r.ces = 7;
  const RollupCounts c = ContributionOf(r);
  ScoreCounts expected;
  expected.nps[9] = 1;
  expected.csat[3] = 1;
  expected.ces[6] = 1;
  EXPECT_EQ(c.scores, expected);
  EXPECT_EQ(c.service, ServiceCounts{});
}

TEST(ContributionOfResponseTest, VesIsTheMeanOfTheItemsAnswered) {
  struct Case {
    std::optional<int32_t> ability, confidence;
    int doubled_mean;  // 2 * mean of the answered items
  };
  for (const Case& c :
       {Case{7, 3, 10}, Case{4, 5, 9}, Case{1, 1, 2}, Case{7, 7, 14},
        Case{4, std::nullopt, 8}, Case{std::nullopt, 6, 12}}) {
    SurveyResponse r = Response();
    r.ves_ability = c.ability;
    r.ves_confidence = c.confidence;
    const ScoreCounts s = ContributionOf(r).scores;
    ScoreCounts expected;
    expected.ves_doubled_mean[c.doubled_mean - 2] = 1;
    if (c.ability) expected.ves_ability[*c.ability - 1] = 1;
    if (c.confidence) expected.ves_confidence[*c.confidence - 1] = 1;
    EXPECT_EQ(s, expected) << c.doubled_mean;
  }
}

TEST(ContributionOfResponseTest, UnansweredVesAddsNothing) {
  SurveyResponse r = Response();
  r.csat = 5;
  const ScoreCounts s = ContributionOf(r).scores;
  EXPECT_EQ(s.ves_doubled_mean, (std::array<int64_t, 13>{}));
}

Interaction OpenInteraction() {
  Interaction r;
  r.interaction_id = "T-1";
  r.opened_at = kOpened;
  return r;
}

TEST(ContributionOfInteractionTest, AnOpenTicketCountsOnlyAsAnInteraction) {
  const RollupCounts c = ContributionOf(OpenInteraction());
  ServiceCounts expected;
  expected.interactions = 1;
  EXPECT_EQ(c.service, expected);
  EXPECT_EQ(c.scores, ScoreCounts{});
}

TEST(ContributionOfInteractionTest, DurationsAreFlooredToWholeSeconds) {
  Interaction r = OpenInteraction();
  r.first_response_at = kOpened + absl::Milliseconds(59999);
  r.closed_at = kOpened + absl::Seconds(90) + absl::Milliseconds(700);
  const ServiceCounts s = ContributionOf(r).service;
  EXPECT_EQ(s.closed, 1);
  EXPECT_EQ(s.close_seconds_sum, 90);
  EXPECT_EQ(s.first_responses, 1);
  EXPECT_EQ(s.first_response_seconds_sum, 59);
  H close, first;
  close.AddSeconds(90, 1);
  first.AddSeconds(59, 1);
  EXPECT_TRUE(s.time_to_close == close);
  EXPECT_TRUE(s.time_to_first_response == first);
}

TEST(ContributionOfInteractionTest, ClosingAtOpeningTakesZeroSeconds) {
  Interaction r = OpenInteraction();
  r.closed_at = kOpened + absl::Milliseconds(400);
  const ServiceCounts s = ContributionOf(r).service;
  EXPECT_EQ(s.close_seconds_sum, 0);
  H zero;
  zero.Add(0, 1);
  EXPECT_TRUE(s.time_to_close == zero);
}

TEST(ContributionOfInteractionTest, KnownCountsAreCountedAsKnown) {
  Interaction r = OpenInteraction();
  r.first_contact_resolution = false;
  r.reopens = 0;
  r.transfers = 0;
  ServiceCounts s = ContributionOf(r).service;
  EXPECT_EQ(s.fcr_known, 1);
  EXPECT_EQ(s.fcr_yes, 0);
  EXPECT_EQ(s.reopens_known, 1);
  EXPECT_EQ(s.reopened, 0);
  EXPECT_EQ(s.reopens_sum, 0);
  EXPECT_EQ(s.transfers_known, 1);
  EXPECT_EQ(s.transfers_sum, 0);

  r.first_contact_resolution = true;
  r.reopens = 3;
  r.transfers = 2;
  s = ContributionOf(r).service;
  EXPECT_EQ(s.fcr_yes, 1);
  EXPECT_EQ(s.reopened, 1);
  EXPECT_EQ(s.reopens_sum, 3);
  EXPECT_EQ(s.transfers_sum, 2);
}

TEST(RollupCountsTest, AddingThenSubtractingLeavesZero) {
  SurveyResponse a = Response();
  a.nps = 3;
  a.ves_ability = 6;
  Interaction b = OpenInteraction();
  b.closed_at = kOpened + absl::Hours(30);
  b.first_response_at = kOpened + absl::Minutes(2);
  b.reopens = 1;
  b.transfers = 4;
  b.first_contact_resolution = true;

  RollupCounts cell;
  EXPECT_TRUE(cell.IsZero());
  cell.AddAll(ContributionOf(a));
  cell.AddAll(ContributionOf(b));
  EXPECT_FALSE(cell.IsZero());
  EXPECT_EQ(cell.scores.nps[3], 1);
  EXPECT_EQ(cell.service.transfers_sum, 4);
  cell.AddAll(ContributionOf(b), -1);
  EXPECT_FALSE(cell.IsZero());
  cell.AddAll(ContributionOf(a), -1);
  EXPECT_TRUE(cell.IsZero());
}

TEST(RollupCountsTest, AnUpsertReplacesTheOldContribution) {
  Interaction before = OpenInteraction();
  Interaction after = before;
  after.closed_at = kOpened + absl::Minutes(45);
  after.reopens = 0;

  RollupCounts cell = ContributionOf(before);
  cell.AddAll(ContributionOf(before), -1);
  cell.AddAll(ContributionOf(after));
  EXPECT_EQ(cell, ContributionOf(after));
}

TEST(RollupCountsTest, CellsOfDisjointRecordsAddUp) {
  // Summing single-record cells in any grouping gives the same total.
  std::vector<RollupCounts> parts;
  for (int i = 0; i < 30; ++i) {
    SurveyResponse r = Response();
    r.nps = i % 11;
    r.csat = 1 + i % 5;
    parts.push_back(ContributionOf(r));
    Interaction t = OpenInteraction();
    t.closed_at = kOpened + absl::Seconds(17 * i * i);
    parts.push_back(ContributionOf(t));
  }
  RollupCounts forward, backward, halves[2];
  for (size_t i = 0; i < parts.size(); ++i) {
    forward.AddAll(parts[i]);
    backward.AddAll(parts[parts.size() - 1 - i]);
    halves[i % 2].AddAll(parts[i]);
  }
  halves[0].AddAll(halves[1]);
  EXPECT_EQ(forward, backward);
  EXPECT_EQ(forward, halves[0]);
  EXPECT_EQ(forward.service.interactions, 30);
  EXPECT_EQ(forward.service.time_to_close.Total(), 30);
  int64_t nps_n = 0;
  for (int64_t c : forward.scores.nps) nps_n += c;
  EXPECT_EQ(nps_n, 30);
}

}  // namespace
}  // namespace cxscore
