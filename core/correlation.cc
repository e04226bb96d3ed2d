#include "core/correlation.h"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "absl/numeric/int128.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "core/scores.h"

namespace cxscore {
namespace {

// Boost.Math reports domain errors through errno instead of throwing.
using NoThrowPolicy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::errno_on_error>,
    boost::math::policies::pole_error<boost::math::policies::errno_on_error>,
    boost::math::policies::overflow_error<
        boost::math::policies::errno_on_error>,
    boost::math::policies::evaluation_error<
        boost::math::policies::errno_on_error>>;

// Above this many pairs the exact rank sums could overflow 128 bits:
// sum(count * a * b) <= n^3 < 2^127 with |a|, |b| < n <= 2^40.
constexpr int64_t kMaxPairs = int64_t{1} << 40;

// The largest double below 1.
constexpr double kBelowOne = 1 - std::numeric_limits<double>::epsilon() / 2;

// The sufficient statistics of Spearman's rho, exact. Ranks are carried
// doubled and centred, a = 2 * rank - (n + 1), which is an integer even for
// the half ranks of ties, so both entry points produce identical sums.
struct RankSums {
  int64_t n = 0;
  absl::int128 sxx = 0;
  absl::int128 syy = 0;
  absl::int128 sxy = 0;
  std::vector<int64_t> x_ties;  // sizes of the tie blocks of x, ascending x
  std::vector<int64_t> y_ties;
};

// Doubled, centred average rank of a block of `size` tied values that
// follows `before` smaller values, out of n: positions before+1..before+size
// have average rank before + (size + 1) / 2.
int64_t CentredDoubledRank(int64_t before, int64_t size, int64_t n) {
  return 2 * before + size - n;
}

// Log of the probability, when x and y are independent, that y's ranks
// repeat x's exactly: prod(g!) / n! over the tie blocks g of x.
double LogProbabilityOfPerfectOrder(const std::vector<int64_t>& ties,
                                    int64_t n) {
  double log_p =
      -boost::math::lgamma(static_cast<double>(n) + 1, NoThrowPolicy());
  for (int64_t g : ties) {
    log_p += boost::math::lgamma(static_cast<double>(g) + 1, NoThrowPolicy());
  }
  return log_p;
}

// Bonett-Wright (2000) interval for Spearman's rho: Fisher z with
// se = sqrt((1 + rho^2 / 2) / (n - 3)). REQUIRES: |rho| < 1, n >= 4.
Interval FisherInterval(double rho, int64_t n) {
  const double z = std::atanh(rho);
  const double se = std::sqrt((1 + rho * rho / 2) / static_cast<double>(n - 3));
  return Interval{std::tanh(z - kZ95 * se), std::tanh(z + kZ95 * se)};
}

// Two-sided p of t = rho * sqrt((n - 2) / (1 - rho^2)) on n - 2 degrees of
// freedom. REQUIRES: |rho| < 1, n >= 4.
double TTestP(double rho, int64_t n) {
  const double df = static_cast<double>(n - 2);
  const double t = std::abs(rho) * std::sqrt(df / (1 - rho * rho));
  const boost::math::students_t_distribution<double, NoThrowPolicy> dist(df);
  return std::clamp(2 * boost::math::cdf(boost::math::complement(dist, t)), 0.0,
                    1.0);
}

RankCorrelation Finish(const RankSums& s) {
  RankCorrelation r;
  r.n = s.n;
  if (s.n < 2 || s.sxx == 0 || s.syy == 0) return r;
  // For rank vectors, rho = +-1 exactly when the centred ranks are equal
  // (opposite): then the three sums agree in magnitude.
  const bool perfect = s.sxx == s.syy && (s.sxy == s.sxx || s.sxy == -s.sxx);
  if (perfect) {
    r.rho = s.sxy > 0 ? 1.0 : -1.0;
  } else {
    const double rho =
        static_cast<double>(s.sxy) /
        std::sqrt(static_cast<double>(s.sxx) * static_cast<double>(s.syy));
    // Only a perfect order is +-1; rounding must not make one of a
    // near-perfect order.
    r.rho = std::clamp(rho, -kBelowOne, kBelowOne);
  }
  if (s.n < 4) return r;  // ci [-1, 1], p = 1: too few pairs to infer
  const double rho = *r.rho;
  if (!perfect) {
    r.ci = FisherInterval(rho, s.n);
    r.p = TTestP(rho, s.n);
    return r;
  }
  // A perfect order. y's tie blocks repeat x's (in reverse for rho = -1);
  // the opposite perfect order is also possible when they read the same
  // both ways.
  const bool palindrome =
      std::equal(s.x_ties.begin(), s.x_ties.end(), s.x_ties.rbegin());
  const double one_side = std::exp(LogProbabilityOfPerfectOrder(s.x_ties, s.n));
  r.p = std::min(1.0, one_side * (palindrome ? 2 : 1));
  const double nd = static_cast<double>(s.n);
  const double next_best = 1 - 12 / (nd * nd * nd - nd);
  const Interval ci = FisherInterval(next_best, s.n);
  r.ci = rho > 0 ? ci : Interval{-ci.high, -ci.low};
  return r;
}

// Doubled, centred ranks of `values` (in input order) and its tie blocks.
void RanksOf(std::span<const double> values, std::vector<int64_t>& ranks,
             std::vector<int64_t>& ties) {
  const int64_t n = static_cast<int64_t>(values.size());
  std::vector<size_t> order(values.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return values[a] < values[b]; });
  ranks.assign(values.size(), 0);
  ties.clear();
  size_t begin = 0;
  while (begin < order.size()) {
    size_t end = begin + 1;
    while (end < order.size() && values[order[end]] == values[order[begin]]) {
      ++end;
    }
    const int64_t size = static_cast<int64_t>(end - begin);
    const int64_t rank =
        CentredDoubledRank(static_cast<int64_t>(begin), size, n);
    for (size_t i = begin; i < end; ++i) ranks[order[i]] = rank;
    ties.push_back(size);
    begin = end;
  }
}

// Doubled, centred rank of every row (column) key, from its totals.
std::map<int32_t, int64_t> RanksOfMargin(const std::map<int32_t, int64_t>& m,
                                         int64_t n,
                                         std::vector<int64_t>& ties) {
  std::map<int32_t, int64_t> ranks;
  int64_t before = 0;
  for (const auto& [key, size] : m) {
    if (size == 0) continue;
    ranks[key] = CentredDoubledRank(before, size, n);
    ties.push_back(size);
    before += size;
  }
  return ranks;
}

}  // namespace

absl::StatusOr<RankCorrelation> Spearman(std::span<const double> x,
                                         std::span<const double> y) {
  if (x.size() != y.size()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "spearman: x has ", x.size(), " values but y has ", y.size()));
  }
  for (size_t i = 0; i < x.size(); ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i])) {
      return absl::InvalidArgumentError(
          absl::StrCat("spearman: pair ", i, " is not finite"));
    }
  }
  RankSums s;
  s.n = static_cast<int64_t>(x.size());
  std::vector<int64_t> rx, ry;
  RanksOf(x, rx, s.x_ties);
  RanksOf(y, ry, s.y_ties);
  for (size_t i = 0; i < rx.size(); ++i) {
    s.sxx += absl::int128(rx[i]) * rx[i];
    s.syy += absl::int128(ry[i]) * ry[i];
    s.sxy += absl::int128(rx[i]) * ry[i];
  }
  return Finish(s);
}

void JointHistogram::Add(int32_t row, int32_t column, int64_t count) {
  if (count == 0) return;
  auto [it, inserted] = cells_.try_emplace({row, column}, count);
  if (inserted) return;
  it->second += count;
  if (it->second == 0) cells_.erase(it);
}

bool JointHistogram::AddChecked(int32_t row, int32_t column, int64_t count) {
  int64_t sum = 0;
  if (__builtin_add_overflow(Count(row, column), count, &sum)) return false;
  Add(row, column, count);
  return true;
}

void JointHistogram::AddAll(const JointHistogram& other, int64_t sign) {
  for (const auto& [key, count] : other.cells_) {
    Add(key.first, key.second, sign * count);
  }
}

int64_t JointHistogram::Count(int32_t row, int32_t column) const {
  const auto it = cells_.find({row, column});
  return it == cells_.end() ? 0 : it->second;
}

int64_t JointHistogram::Total() const {
  int64_t total = 0;
  for (const auto& [key, count] : cells_) total += count;
  return total;
}

absl::StatusOr<RankCorrelation> Spearman(const JointHistogram& histogram) {
  std::map<int32_t, int64_t> rows, columns;
  int64_t n = 0;
  absl::Status bad;
  histogram.ForEachCell([&](int32_t row, int32_t column, int64_t count) {
    if (count < 0 && bad.ok()) {
      bad = absl::InvalidArgumentError(
          absl::StrCat("spearman: cell (", row, ", ", column,
                       ") has a negative count ", count));
    }
    if (count <= 0 || n > kMaxPairs) return;
    n += std::min(count, kMaxPairs + 1);  // cannot overflow
    if (n > kMaxPairs) return;
    rows[row] += count;
    columns[column] += count;
  });
  if (!bad.ok()) return bad;
  if (n > kMaxPairs) {
    return absl::OutOfRangeError(
        absl::StrCat("spearman: more than ", kMaxPairs, " pairs"));
  }
  RankSums s;
  s.n = n;
  const std::map<int32_t, int64_t> row_rank = RanksOfMargin(rows, n, s.x_ties);
  const std::map<int32_t, int64_t> column_rank =
      RanksOfMargin(columns, n, s.y_ties);
  for (const auto& [row, size] : rows) {
    const int64_t a = row_rank.at(row);
    s.sxx += absl::int128(size) * a * a;
  }
  for (const auto& [column, size] : columns) {
    const int64_t b = column_rank.at(column);
    s.syy += absl::int128(size) * b * b;
  }
  histogram.ForEachCell([&](int32_t row, int32_t column, int64_t count) {
    s.sxy += absl::int128(count) * row_rank.at(row) * column_rank.at(column);
  });
  return Finish(s);
}

absl::StatusOr<std::vector<double>> BenjaminiHochberg(
    std::span<const double> p_values) {
  for (size_t i = 0; i < p_values.size(); ++i) {
    const double p = p_values[i];
    if (!(p >= 0 && p <= 1)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "benjamini-hochberg: p-value ", i, " is ", p, ", not in [0, 1]"));
    }
  }
  const size_t m = p_values.size();
  std::vector<size_t> order(m);
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return p_values[a] < p_values[b];
  });
  std::vector<double> q(m);
  double running_min = 1;
  for (size_t k = m; k > 0; --k) {  // k is the 1-based rank in `order`
    const size_t i = order[k - 1];
    running_min =
        std::min(running_min,
                 static_cast<double>(m) / static_cast<double>(k) * p_values[i]);
    q[i] = running_min;
  }
  return q;
}

double CorrelationStrength(const Interval& ci) {
  if (ci.low > 0) return ci.low;
  if (ci.high < 0) return -ci.high;
  return 0;
}

}  // namespace cxscore
