// Yes/no outcomes behind the proportion metrics: CSAT % satisfied, CES % easy
// and VES % enhanced (docs/metrics.md).
#ifndef CXSCORE_CORE_PROPORTION_H_
#define CXSCORE_CORE_PROPORTION_H_

#include <cstdint>

#include "core/rollup.h"

namespace cxscore {

struct ProportionCounts {
  int64_t successes = 0;  // satisfied, easy or enhanced responses
  int64_t n = 0;          // responses that answered the question
  bool operator==(const ProportionCounts&) const = default;
};

enum class ProportionMetric {
  kCsat,  // CSAT 4..5 of 1..5
  kCes,   // CES 5..7 of 1..7
  kVes,   // VES response mean >= 5
};

// The counts that Summarize() turns into a ProportionScore: value is
// 100 * successes / n.
ProportionCounts ProportionCountsOf(const ScoreCounts& scores,
                                    ProportionMetric metric);

}  // namespace cxscore

#endif  // CXSCORE_CORE_PROPORTION_H_
