#include "core/correlation.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <random>
#include <span>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/rollup.h"
#include "core/scores.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cxscore {
namespace {

RankCorrelation SpearmanOk(const std::vector<double>& x,
                           const std::vector<double>& y) {
  absl::StatusOr<RankCorrelation> r = Spearman(x, y);
  EXPECT_OK(r);
  return r.ok() ? *r : RankCorrelation{};
}

RankCorrelation SpearmanOk(const JointHistogram& h) {
  absl::StatusOr<RankCorrelation> r = Spearman(h);
  EXPECT_OK(r);
  return r.ok() ? *r : RankCorrelation{};
}

// Bonett & Wright (2000) as metrics.md states it, written out independently
// of core/correlation.cc.
Interval ExpectedInterval(double rho, double n) {
  const double z = 0.5 * std::log((1 + rho) / (1 - rho));
  const double se = std::sqrt((1 + rho * rho / 2) / (n - 3));
  const double lo = z - 1.959963984540054 * se;
  const double hi = z + 1.959963984540054 * se;
  return Interval{(std::exp(2 * lo) - 1) / (std::exp(2 * lo) + 1),
                  (std::exp(2 * hi) - 1) / (std::exp(2 * hi) + 1)};
}

// ---- Hand-computable and textbook values ----------------------------------

// Wikipedia, "Spearman's rank correlation coefficient", worked example: IQ
// against hours of TV per week. sum d^2 = 194, so
// rho = 1 - 6 * 194 / (10 * 99) = -29/165, and with the t-distribution
// p = 0.627188.
TEST(SpearmanTest, MatchesTheTextbookExampleWithoutTies) {
  const std::vector<double> iq = {106, 100, 86,  101, 99,
                                  103, 97,  113, 112, 110};
  const std::vector<double> tv = {7, 27, 2, 50, 28, 29, 20, 12, 6, 17};
  const RankCorrelation r = SpearmanOk(iq, tv);
  EXPECT_EQ(r.n, 10);
  ASSERT_TRUE(r.rho.has_value());
  EXPECT_NEAR(*r.rho, -29.0 / 165, 1e-15);
  EXPECT_NEAR(r.p, 0.627188, 5e-7);
  const Interval expected = ExpectedInterval(-29.0 / 165, 10);
  EXPECT_NEAR(r.ci.low, expected.low, 1e-12);
  EXPECT_NEAR(r.ci.high, expected.high, 1e-12);
  // Symmetric in its arguments.
  EXPECT_EQ(SpearmanOk(tv, iq).rho, r.rho);
}

TEST(SpearmanTest, TiesShareTheirAverageRank) {
  // Ranks (1, 2, 3, 4) against (1.5, 1.5, 3.5, 3.5): centred
  // (-1.5, -0.5, 0.5, 1.5) . (-1, -1, 1, 1) = 4, sums of squares 5 and 4,
  // rho = 4 / sqrt(20) = 2 / sqrt(5).
  EXPECT_NEAR(*SpearmanOk({1, 2, 3, 4}, {1, 1, 2, 2}).rho, 2 / std::sqrt(5.0),
              1e-15);
  // Ties on both sides: ranks (1, 2.5, 2.5, 4, 5) against
  // (1, 2, 3.5, 3.5, 5). Centred: (-2, -.5, -.5, 1, 2) and (-2, -1, .5, .5, 2);
  // cross products sum to 8.75 and both sums of squares to 9.5:
  // rho = 35/38.
  EXPECT_NEAR(*SpearmanOk({1, 2, 2, 3, 4}, {10, 20, 30, 30, 40}).rho, 35.0 / 38,
              1e-15);
  // Average ranks, not first ranks: shifting tied values does not matter,
  // only their order.
  EXPECT_EQ(SpearmanOk({1, 2, 2, 3, 4}, {10, 20, 30, 30, 40}).rho,
            SpearmanOk({-5, 0, 0, 7, 7.5}, {1, 2, 3, 3, 1e9}).rho);
}

TEST(SpearmanTest, ClassicFormulaHoldsWithoutTies) {
  std::mt19937_64 rng(7);
  std::vector<double> x(40), y(40);
  std::iota(x.begin(), x.end(), 1.0);
  std::iota(y.begin(), y.end(), 1.0);
  std::shuffle(y.begin(), y.end(), rng);
  double d2 = 0;
  for (size_t i = 0; i < x.size(); ++i) d2 += (x[i] - y[i]) * (x[i] - y[i]);
  const double n = 40;
  EXPECT_NEAR(*SpearmanOk(x, y).rho, 1 - 6 * d2 / (n * (n * n - 1)), 1e-14);
}

TEST(SpearmanTest, PerfectMonotoneRelationGivesOne) {
  std::vector<double> x, up, down;
  for (int i = 1; i <= 10; ++i) {
    x.push_back(i);
    up.push_back(std::exp(i));
    down.push_back(-i * i);
  }
  const RankCorrelation r = SpearmanOk(x, up);
  EXPECT_EQ(r.rho, 1.0);
  // Exact: 2 of the 10! orders are this perfect.
  EXPECT_NEAR(r.p, 2.0 / 3628800, 1e-18);
  // The interval is that of the largest rho below 1: 1 - 12 / 990.
  const Interval next = ExpectedInterval(1 - 12.0 / 990, 10);
  EXPECT_NEAR(r.ci.low, next.low, 1e-12);
  EXPECT_NEAR(r.ci.high, next.high, 1e-12);
  EXPECT_GT(r.ci.low, 0.8);
  EXPECT_LT(r.ci.high, 1);

  const RankCorrelation d = SpearmanOk(x, down);
  EXPECT_EQ(d.rho, -1.0);
  EXPECT_EQ(d.p, r.p);
  EXPECT_NEAR(d.ci.low, -next.high, 1e-12);
  EXPECT_NEAR(d.ci.high, -next.low, 1e-12);
}

TEST(SpearmanTest, PerfectOrderWithTiesUsesTheExactPermutationP) {
  // Blocks (2, 2): the 7s land on the top pair in 1 of C(4,2) = 6 layouts,
  // on the bottom pair in another: p = 2/6.
  EXPECT_NEAR(SpearmanOk({1, 1, 2, 2}, {5, 5, 7, 7}).p, 1.0 / 3, 1e-15);
  // Blocks (1, 3): the single 0 must sit with x = 1, chance 1/4; the
  // opposite perfect order needs blocks (3, 1) and is impossible.
  const RankCorrelation r = SpearmanOk({1, 2, 2, 2}, {0, 3, 3, 3});
  EXPECT_EQ(r.rho, 1.0);
  EXPECT_NEAR(r.p, 0.25, 1e-15);
  // Four perfectly ordered pairs are no evidence at 5%.
  EXPECT_NEAR(SpearmanOk({1, 2, 3, 4}, {1, 2, 3, 4}).p, 2.0 / 24, 1e-15);
  EXPECT_LT(SpearmanOk({1, 2, 3, 4}, {1, 2, 3, 4}).ci.low, 0);
}

TEST(SpearmanTest, ANearlyPerfectOrderIsNotRoundedToOne) {
  // One adjacent swap in 10^6 ranks: rho = 1 - 12 / (n^3 - n), which is
  // 1 - 1.2e-17 and would round to 1.
  std::vector<double> x(1000000), y;
  std::iota(x.begin(), x.end(), 0.0);
  y = x;
  std::swap(y[500], y[501]);
  const RankCorrelation r = SpearmanOk(x, y);
  ASSERT_TRUE(r.rho.has_value());
  EXPECT_LT(*r.rho, 1);
  EXPECT_GT(*r.rho, 0.999999);
  EXPECT_EQ(r.p, 0);  // by the t-test, not the perfect-order rule
}

TEST(SpearmanTest, FewerThanFourPairsGiveRhoButNoInference) {
  const RankCorrelation three = SpearmanOk({1, 2, 3}, {1, 3, 2});
  EXPECT_EQ(three.n, 3);
  EXPECT_NEAR(*three.rho, 0.5, 1e-15);
  EXPECT_EQ(three.ci, (Interval{-1, 1}));
  EXPECT_EQ(three.p, 1);
  const RankCorrelation perfect = SpearmanOk({1, 2, 3}, {4, 5, 6});
  EXPECT_EQ(perfect.rho, 1.0);
  EXPECT_EQ(perfect.ci, (Interval{-1, 1}));
  EXPECT_EQ(perfect.p, 1);
  const RankCorrelation two = SpearmanOk({1, 2}, {2, 1});
  EXPECT_EQ(two.rho, -1.0);
  EXPECT_EQ(two.p, 1);
}

TEST(SpearmanTest, NoRhoWithoutSpread) {
  for (const RankCorrelation& r :
       {SpearmanOk({}, {}), SpearmanOk({3}, {4}),
        SpearmanOk({1, 2, 3, 4, 5}, {2, 2, 2, 2, 2}),
        SpearmanOk({7, 7, 7, 7, 7}, {1, 2, 3, 4, 5})}) {
    EXPECT_FALSE(r.rho.has_value());
    EXPECT_EQ(r.ci, (Interval{-1, 1}));
    EXPECT_EQ(r.p, 1);
    EXPECT_EQ(CorrelationStrength(r.ci), 0);
  }
  EXPECT_EQ(SpearmanOk({1, 2, 3, 4, 5}, {2, 2, 2, 2, 2}).n, 5);
}

TEST(SpearmanTest, RefusesMismatchedOrNonFiniteInput) {
  EXPECT_EQ(Spearman(std::vector<double>{1, 2, 3}, std::vector<double>{1, 2})
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Spearman(std::vector<double>{1, NAN, 3, 4},
                     std::vector<double>{1, 2, 3, 4})
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Spearman(std::vector<double>{1, 2, 3, 4},
                     std::vector<double>{1, 2, INFINITY, 4})
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(SpearmanTest, IntervalAndPFollowTheFormulas) {
  std::mt19937_64 rng(11);
  std::normal_distribution<double> noise;
  for (int n : {4, 5, 12, 50, 400}) {
    std::vector<double> x(n), y(n);
    for (int i = 0; i < n; ++i) {
      x[i] = noise(rng);
      y[i] = x[i] + 2 * noise(rng);
    }
    const RankCorrelation r = SpearmanOk(x, y);
    ASSERT_TRUE(r.rho.has_value());
    SCOPED_TRACE(::testing::Message() << "n=" << n << " rho=" << *r.rho);
    ASSERT_LT(std::abs(*r.rho), 1);
    const Interval expected = ExpectedInterval(*r.rho, n);
    EXPECT_NEAR(r.ci.low, expected.low, 1e-12);
    EXPECT_NEAR(r.ci.high, expected.high, 1e-12);
    EXPECT_LT(r.ci.low, *r.rho);
    EXPECT_GT(r.ci.high, *r.rho);
  }
  // For large n the t-test p approaches the normal one, 2 * (1 - Phi(t)).
  std::vector<double> x(5000), y(5000);
  for (size_t i = 0; i < x.size(); ++i) {
    x[i] = noise(rng);
    y[i] = x[i] + 30 * noise(rng);
  }
  const RankCorrelation r = SpearmanOk(x, y);
  const double t = *r.rho * std::sqrt(4998 / (1 - *r.rho * *r.rho));
  EXPECT_NEAR(r.p, std::erfc(std::abs(t) / std::sqrt(2.0)), 1e-3);
  EXPECT_GT(r.p, 0);
}

// ---- Joint histogram ------------------------------------------------------

TEST(JointHistogramTest, AddsAndSubtractsLikeRollupCells) {
  JointHistogram a, b;
  a.Add(9, 3, 2);
  a.Add(0, 40, 1);
  b.Add(9, 3, 5);
  b.Add(4, -1, 7);
  JointHistogram sum = a;
  sum.AddAll(b);
  EXPECT_EQ(sum.Count(9, 3), 7);
  EXPECT_EQ(sum.Count(0, 40), 1);
  EXPECT_EQ(sum.Count(4, -1), 7);
  EXPECT_EQ(sum.Count(1, 1), 0);
  EXPECT_EQ(sum.Total(), 15);
  EXPECT_EQ(sum.CellCount(), 3u);
  // Removing b again gives a back, with no zero cells left behind.
  sum.AddAll(b, -1);
  EXPECT_EQ(sum, a);
  EXPECT_EQ(sum.CellCount(), 2u);
  sum.AddAll(a, -1);
  EXPECT_TRUE(sum.IsZero());
  EXPECT_EQ(sum, JointHistogram{});
  // Cells come out in (row, column) order.
  std::vector<std::pair<int32_t, int32_t>> keys;
  b.AddAll(a);
  b.ForEachCell([&](int32_t row, int32_t column, int64_t) {
    keys.emplace_back(row, column);
  });
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
  EXPECT_EQ(keys.size(), 3u);
}

// The histogram path must give exactly the vector answer when the vector's
// KPI values are the bucket indexes, i.e. values in one bucket are ties.
TEST(JointHistogramTest, SpearmanEqualsTheVectorVersionOnBucketedData) {
  for (uint64_t seed = 1; seed <= 60; ++seed) {
    std::mt19937_64 rng(seed);
    const int n = std::uniform_int_distribution<int>(1, 3000)(rng);
    const double effect = std::uniform_real_distribution<double>(-2, 2)(rng);
    std::normal_distribution<double> noise;
    std::vector<double> scores, kpis;
    JointHistogram h;
    for (int i = 0; i < n; ++i) {
      const double latent = noise(rng);
      // An NPS-like score 0..10 and a duration in DurationHistogram buckets.
      const int score =
          std::clamp(static_cast<int>(std::lround(7 + 2 * latent)), 0, 10);
      const int64_t seconds =
          static_cast<int64_t>(std::exp(8 + effect * latent + noise(rng)));
      const int bucket = DurationHistogram::BucketOf(seconds);
      scores.push_back(score);
      kpis.push_back(bucket);
      h.Add(score, bucket, 1);
    }
    // The first seeds use yes/no on both sides: two huge blocks of ties.
    if (seed <= 5) {
      for (double& s : scores) s = s > 7 ? 1 : 0;
      for (double& k : kpis) k = k > 400 ? 1 : 0;
      h = JointHistogram{};
      for (int i = 0; i < n; ++i) {
        h.Add(static_cast<int32_t>(scores[i]), static_cast<int32_t>(kpis[i]),
              1);
      }
    }
    SCOPED_TRACE(::testing::Message() << "seed=" << seed << " n=" << n);
    const RankCorrelation v = SpearmanOk(scores, kpis);
    const RankCorrelation j = SpearmanOk(h);
    EXPECT_EQ(j.n, n);
    EXPECT_EQ(j.rho, v.rho);  // bit for bit
    EXPECT_EQ(j.ci, v.ci);
    EXPECT_EQ(j.p, v.p);
  }
  // Hand-made perfect orders and degenerate tables agree too.
  JointHistogram diagonal;
  diagonal.Add(1, 10, 3);
  diagonal.Add(2, 20, 4);
  diagonal.Add(3, 30, 3);
  const RankCorrelation d = SpearmanOk(diagonal);
  EXPECT_EQ(d.rho, 1.0);
  EXPECT_EQ(d.p, SpearmanOk({1, 1, 1, 2, 2, 2, 2, 3, 3, 3},
                            {10, 10, 10, 20, 20, 20, 20, 30, 30, 30})
                     .p);
  // 2 * 3! 4! 3! / 10!
  EXPECT_NEAR(d.p, 2.0 * 6 * 24 * 6 / 3628800, 1e-15);
  JointHistogram column;
  column.Add(1, 5, 3);
  column.Add(2, 5, 4);
  EXPECT_FALSE(SpearmanOk(column).rho.has_value());
  EXPECT_EQ(SpearmanOk(column).n, 7);
  EXPECT_FALSE(SpearmanOk(JointHistogram{}).rho.has_value());
}

// Bucketing a duration into DurationHistogram buckets (2% wide) turns
// near-equal durations into ties; rho barely moves.
TEST(JointHistogramTest, BucketedDurationsGiveNearlyTheRawRho) {
  std::mt19937_64 rng(5);
  std::normal_distribution<double> noise;
  std::vector<double> scores, seconds, buckets;
  for (int i = 0; i < 5000; ++i) {
    const double latent = noise(rng);
    scores.push_back(std::clamp(std::lround(4 - latent + noise(rng)), 1L, 7L));
    const int64_t s = static_cast<int64_t>(std::exp(9 + latent));
    seconds.push_back(static_cast<double>(s));
    buckets.push_back(DurationHistogram::BucketOf(s));
  }
  const RankCorrelation raw = SpearmanOk(scores, seconds);
  const RankCorrelation bucketed = SpearmanOk(scores, buckets);
  EXPECT_LT(*raw.rho, -0.4);
  EXPECT_NEAR(*bucketed.rho, *raw.rho, 0.005);
}

TEST(JointHistogramTest, RefusesNegativeCells) {
  JointHistogram h;
  h.Add(1, 1, 5);
  h.Add(2, 2, -1);
  EXPECT_EQ(Spearman(h).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(JointHistogramTest, RefusesMoreThanTwoToTheFortyPairs) {
  JointHistogram h;
  h.Add(1, 1, int64_t{1} << 40);
  h.Add(2, 2, 1);
  EXPECT_EQ(Spearman(h).status().code(), absl::StatusCode::kOutOfRange);
  JointHistogram ok;
  ok.Add(1, 1, int64_t{1} << 39);
  ok.Add(2, 2, int64_t{1} << 39);
  const RankCorrelation r = SpearmanOk(ok);
  EXPECT_EQ(r.rho, 1.0);
}

// ---- Planted effects and nulls --------------------------------------------

TEST(SpearmanTest, StrongMonotoneDependenceExcludesZero) {
  std::mt19937_64 rng(2025);
  std::normal_distribution<double> noise;
  JointHistogram h;
  std::vector<double> x, y;
  for (int i = 0; i < 2000; ++i) {
    // Effort (CES 1..7) falls as time to close grows.
    const double hours = std::exp(1 + noise(rng));
    const int ces = std::clamp(
        static_cast<int>(std::lround(6 - 1.5 * std::log(hours) + noise(rng))),
        1, 7);
    x.push_back(ces);
    y.push_back(hours);
    h.Add(ces, DurationHistogram::BucketOf(static_cast<int64_t>(hours * 3600)),
          1);
  }
  for (const RankCorrelation& r : {SpearmanOk(x, y), SpearmanOk(h)}) {
    ASSERT_TRUE(r.rho.has_value());
    EXPECT_LT(*r.rho, -0.5);
    EXPECT_LT(r.ci.high, 0);
    EXPECT_LT(r.p, 1e-12);
    EXPECT_GT(CorrelationStrength(r.ci), 0.5);
  }
}

TEST(SpearmanTest, IndependentDataIsSignificantAboutFivePercentOfTheTime) {
  int vector_hits = 0, histogram_hits = 0;
  int vector_covers = 0, histogram_covers = 0;
  for (uint64_t seed = 1000; seed < 1200; ++seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise;
    std::uniform_int_distribution<int> csat(1, 5);
    // Continuous pairs; the y values are shuffled against x.
    std::vector<double> x(150), y(150);
    for (size_t i = 0; i < x.size(); ++i) {
      x[i] = noise(rng);
      y[i] = noise(rng) + 0.8 * x[i];
    }
    std::shuffle(y.begin(), y.end(), rng);
    const RankCorrelation v = SpearmanOk(x, y);
    vector_hits += v.p < 0.05;
    vector_covers += v.ci.low < 0 && v.ci.high > 0;
    // Heavy ties: CSAT 1..5 against a bucketed duration.
    JointHistogram h;
    for (int i = 0; i < 300; ++i) {
      h.Add(csat(rng),
            DurationHistogram::BucketOf(
                static_cast<int64_t>(std::exp(6 + noise(rng)))),
            1);
    }
    const RankCorrelation j = SpearmanOk(h);
    histogram_hits += j.p < 0.05;
    histogram_covers += j.ci.low < 0 && j.ci.high > 0;
  }
  // Expected 10 of 200 (sd 3.1); a one-sided or otherwise wrong p leaves
  // this band.
  EXPECT_GE(vector_hits, 3);
  EXPECT_LE(vector_hits, 19);
  EXPECT_GE(histogram_hits, 3);
  EXPECT_LE(histogram_hits, 19);
  // The 95% interval covers the true rho = 0 about 190 times.
  EXPECT_GE(vector_covers, 178);
  EXPECT_LE(vector_covers, 199);
  EXPECT_GE(histogram_covers, 178);
  EXPECT_LE(histogram_covers, 199);
}

// ---- Benjamini-Hochberg ---------------------------------------------------

std::vector<double> QOk(const std::vector<double>& p) {
  absl::StatusOr<std::vector<double>> q = BenjaminiHochberg(p);
  EXPECT_OK(q);
  return q.ok() ? *q : std::vector<double>{};
}

TEST(BenjaminiHochbergTest, MatchesAHandWorkedExample) {
  // Sorted: 0.005, 0.01, 0.03, 0.04; m * p / rank = 0.02, 0.02, 0.04, 0.04;
  // running minimum from the top leaves them; back in input order.
  const std::vector<double> q = QOk({0.01, 0.04, 0.03, 0.005});
  ASSERT_EQ(q.size(), 4u);
  EXPECT_NEAR(q[0], 0.02, 1e-15);
  EXPECT_NEAR(q[1], 0.04, 1e-15);
  EXPECT_NEAR(q[2], 0.04, 1e-15);
  EXPECT_NEAR(q[3], 0.02, 1e-15);
  // Step-up: 0.05 * 5 / 5 = 0.05 lifts every smaller p to 0.05.
  for (double v : QOk({0.01, 0.02, 0.03, 0.04, 0.05})) {
    EXPECT_NEAR(v, 0.05, 1e-15);
  }
  // Monotone: 3 * 0.02 / 2 = 0.03 would exceed 3 * 0.025 / 3 = 0.025.
  const std::vector<double> m = QOk({0.001, 0.02, 0.025});
  EXPECT_NEAR(m[0], 0.003, 1e-15);
  EXPECT_NEAR(m[1], 0.025, 1e-15);
  EXPECT_NEAR(m[2], 0.025, 1e-15);
  // Capped at 1.
  const std::vector<double> c = QOk({0.5, 0.9, 1.0});
  EXPECT_EQ(c, (std::vector<double>{1, 1, 1}));
}

TEST(BenjaminiHochbergTest, MatchesThe1995PaperExample) {
  // Benjamini & Hochberg (1995), section 4: 15 p-values; at FDR 0.05 the
  // procedure rejects the four smallest.
  const std::vector<double> p = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201,
                                 0.0278, 0.0298, 0.0344, 0.0459, 0.3240,
                                 0.4262, 0.5719, 0.6528, 0.7590, 1.0000};
  std::vector<double> shuffled = p;
  std::reverse(shuffled.begin(), shuffled.end());
  const std::vector<double> q = QOk(shuffled);
  EXPECT_EQ(
      std::count_if(q.begin(), q.end(), [](double v) { return v < 0.05; }), 4);
  // q of 0.0095 is 15 * 0.0095 / 4; of 0.0201 the minimum over ranks >= 5,
  // 15 * 0.0201 / 5 = 0.0603; of 0.0001 it is 15 * 0.0001 / 1.
  EXPECT_NEAR(q[15 - 4], 15 * 0.0095 / 4, 1e-15);
  EXPECT_NEAR(q[15 - 5], 0.0603, 1e-15);
  EXPECT_NEAR(q[15 - 6], 15 * 0.0298 / 7, 1e-15);
  EXPECT_NEAR(q[15 - 1], 15 * 0.0001, 1e-15);
  EXPECT_EQ(q[0], 1.0);
  // Never below p, and tied p-values share q.
  for (size_t i = 0; i < q.size(); ++i) EXPECT_GE(q[i], shuffled[i]);
  const std::vector<double> t = QOk({0.03, 0.01, 0.03, 0.2});
  EXPECT_EQ(t[0], t[2]);
}

TEST(BenjaminiHochbergTest, HandlesEdgesAndRefusesBadPValues) {
  EXPECT_TRUE(QOk({}).empty());
  EXPECT_EQ(QOk({0.3}), (std::vector<double>{0.3}));
  EXPECT_EQ(QOk({0, 0}), (std::vector<double>{0, 0}));
  for (double bad : {-0.1, 1.5, static_cast<double>(NAN)}) {
    EXPECT_EQ(BenjaminiHochberg(std::vector<double>{0.1, bad}).status().code(),
              absl::StatusCode::kInvalidArgument);
  }
}

// ---- Strength -------------------------------------------------------------

TEST(CorrelationStrengthTest, IsTheBoundNearestZeroOrZero) {
  EXPECT_EQ(CorrelationStrength(Interval{0.2, 0.5}), 0.2);
  EXPECT_EQ(CorrelationStrength(Interval{-0.5, -0.3}), 0.3);
  EXPECT_EQ(CorrelationStrength(Interval{-0.1, 0.6}), 0);
  EXPECT_EQ(CorrelationStrength(Interval{0, 0.6}), 0);
  EXPECT_EQ(CorrelationStrength(Interval{-1, 1}), 0);
}

TEST(CorrelationStrengthTest, ANoisySmallSampleCannotWin) {
  // rho = 0.6 from 8 pairs against rho = 0.2 from 10,000: the small sample's
  // interval reaches below zero.
  const Interval small = ExpectedInterval(0.6, 8);
  const Interval large = ExpectedInterval(0.2, 10000);
  EXPECT_LT(small.low, 0);
  EXPECT_EQ(CorrelationStrength(small), 0);
  EXPECT_GT(CorrelationStrength(large), 0.18);
  // The same through Spearman(): 8 pairs with sum d^2 = 30, so
  // rho = 1 - 6 * 30 / (8 * 63) = 9/14.
  const RankCorrelation r =
      SpearmanOk({1, 2, 3, 4, 5, 6, 7, 8}, {2, 1, 6, 3, 8, 4, 5, 7});
  ASSERT_TRUE(r.rho.has_value());
  EXPECT_NEAR(*r.rho, 9.0 / 14, 1e-15);
  EXPECT_EQ(CorrelationStrength(r.ci), 0);
}

}  // namespace
}  // namespace cxscore
