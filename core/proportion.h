// Yes/no outcomes behind the proportion metrics: CSAT % satisfied, CES % easy
// and VES % enhanced (docs/metrics.md); the success rule of each is its
// catalogue row (core/metric.h).
#ifndef CXSCORE_CORE_PROPORTION_H_
#define CXSCORE_CORE_PROPORTION_H_

#include <cstdint>

#include "core/metric.h"
#include "core/rollup.h"

namespace cxscore {

struct ProportionCounts {
  int64_t successes = 0;  // satisfied, easy or enhanced responses
  int64_t n = 0;          // responses that answered the question
  bool operator==(const ProportionCounts&) const = default;
};

// The counts that Summarize() turns into a ProportionScore: value is
// 100 * successes / n. Successes are the answers at or above the metric's
// success_level. REQUIRES: MetricInfoOf(metric).kind ==
// MetricKind::kProportion (for NPS it would count promoters).
ProportionCounts ProportionCountsOf(const ScoreCounts& scores, Metric metric);

}  // namespace cxscore

#endif  // CXSCORE_CORE_PROPORTION_H_
