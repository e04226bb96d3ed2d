// Rank correlation between survey scores and service KPIs, with the 95%
// interval, p-value, multiple-testing correction and ranking strength that
// docs/metrics.md ("Relating metrics to service performance") defines.
#ifndef CXSCORE_CORE_CORRELATION_H_
#define CXSCORE_CORE_CORRELATION_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "core/scores.h"

namespace cxscore {

// Spearman's rho with its Bonett-Wright interval and t-test p-value.
//
// rho is nullopt when there are fewer than 2 pairs or either side is
// constant (its ranks have no spread); ci is then [-1, 1] and p is 1, so the
// pair can never look significant nor rank above 0.
// With 2 or 3 pairs rho is reported but ci is [-1, 1] and p is 1: the Fisher
// z interval needs n - 3 > 0, and cxscore draws no inference from so few.
// When |rho| = 1 (n >= 4) the t statistic and atanh(rho) are infinite: p is
// then the exact permutation probability of an order this perfect (2 / n!
// without ties) and ci is the Fisher interval of 1 - 12 / (n^3 - n), the
// largest |rho| below 1 that n distinct ranks can take, with rho's sign.
struct RankCorrelation {
  int64_t n = 0;              // pairs
  std::optional<double> rho;  // -1..1
  Interval ci{-1, 1};         // 95%
  double p = 1;               // two-sided
};

// Spearman rank correlation of x[i] against y[i]: Pearson's correlation of
// the ranks, tied values sharing their average rank. InvalidArgument when
// the lengths differ or a value is not finite.
absl::StatusOr<RankCorrelation> Spearman(std::span<const double> x,
                                         std::span<const double> y);

// Counts of (row, column) pairs: rows are the ordered levels of a discrete
// score (e.g. an NPS of 0..10), columns the ordered buckets of a KPI (e.g.
// DurationHistogram buckets, or the reopen count itself). Values in one
// bucket are ties. Like RollupCounts it is additive: the histogram of a union
// of cells is the sum of their histograms, and a sign of -1 removes a
// contribution again. Zero cells are never stored.
class JointHistogram {
 public:
  void Add(int32_t row, int32_t column, int64_t count);
  // Like Add, for counts read from outside (a decoder): false, and nothing
  // added, when the cell's count would overflow int64.
  [[nodiscard]] bool AddChecked(int32_t row, int32_t column, int64_t count);
  // this += sign * other, cell by cell. sign is +1 or -1.
  void AddAll(const JointHistogram& other, int64_t sign = 1);

  int64_t Count(int32_t row, int32_t column) const;
  int64_t Total() const;
  bool IsZero() const { return cells_.empty(); }
  size_t CellCount() const { return cells_.size(); }

  // Non-zero cells by increasing (row, column); for encoding.
  template <typename F>
  void ForEachCell(F&& f) const {
    for (const auto& [key, count] : cells_) f(key.first, key.second, count);
  }
  bool operator==(const JointHistogram&) const = default;

 private:
  std::map<std::pair<int32_t, int32_t>, int64_t> cells_;
};

// Spearman's rho of rows against columns over the histogram's pairs: every
// row (column) holds tied values that share the average rank of its block,
// taken from the row (column) totals. Equal, bit for bit, to Spearman() on
// vectors holding row and column indexes. InvalidArgument when a cell is
// negative; OutOfRange when the total exceeds 2^40 pairs.
absl::StatusOr<RankCorrelation> Spearman(const JointHistogram& histogram);

// Benjamini-Hochberg q-values (R's p.adjust(p, "BH")), in the order of
// `p_values`: q_(i) = min over j >= i of min(1, m * p_(j) / j) for the p-values
// sorted ascending. A test is significant at false discovery rate 5% when
// q < 0.05. InvalidArgument when a p-value is outside [0, 1] or NaN.
absl::StatusOr<std::vector<double>> BenjaminiHochberg(
    std::span<const double> p_values);

// How strongly a correlation is established, for ranking metrics: |bound
// nearest zero| of its interval when the interval excludes 0, else 0. So
// rho = 0.6 from 8 pairs (interval touching 0) ranks below rho = 0.2 from
// 10,000 pairs. The sign of the association is rho's.
double CorrelationStrength(const Interval& ci);

}  // namespace cxscore

#endif  // CXSCORE_CORE_CORRELATION_H_
