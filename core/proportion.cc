#include "core/proportion.h"

#include <array>
#include <cstddef>
#include <cstdint>

#include "core/rollup.h"

namespace cxscore {
namespace {

// Index i of each histogram is the score minus the scale minimum, as in
// core/scores.cc.
template <size_t N>
ProportionCounts CountsFrom(const std::array<int64_t, N>& counts,
                            size_t success_from) {
  ProportionCounts c;
  for (size_t i = 0; i < N; ++i) {
    c.n += counts[i];
    if (i >= success_from) c.successes += counts[i];
  }
  return c;
}

}  // namespace

ProportionCounts ProportionCountsOf(const ScoreCounts& scores,
                                    ProportionMetric metric) {
  switch (metric) {
    case ProportionMetric::kCsat:
      return CountsFrom(scores.csat, 3);  // 4..5
    case ProportionMetric::kCes:
      return CountsFrom(scores.ces, 4);  // 5..7
    case ProportionMetric::kVes:
      // ves_doubled_mean index i is a response mean of (i + 2) / 2, so a
      // mean >= 5 is index >= 8.
      return CountsFrom(scores.ves_doubled_mean, 8);
  }
  return ProportionCounts{};
}

}  // namespace cxscore
