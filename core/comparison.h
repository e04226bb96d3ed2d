// Two-sample comparisons of the headline metrics and the change flag of
// trends (docs/metrics.md). NPS comparisons are CompareNps in core/scores.h.
#ifndef CXSCORE_CORE_COMPARISON_H_
#define CXSCORE_CORE_COMPARISON_H_

#include <optional>

#include "absl/status/statusor.h"
#include "core/proportion.h"
#include "core/scores.h"

namespace cxscore {

// Difference of two proportions x - y on -1..1 (CSAT % satisfied, CES % easy,
// VES % enhanced): delta = px - py; se is the unpooled
// sqrt(px (1 - px) / nx + py (1 - py) / ny) and ci = delta +- z * se; p is the
// two-sided pooled z-test, with pooled = (sx + sy) / (nx + ny) and
// z = delta / sqrt(pooled (1 - pooled) (1 / nx + 1 / ny)) (R's
// prop.test(correct = FALSE)). When every response of both samples is a
// success (or none is), p = 1. InvalidArgument when a count is negative,
// successes > n, or n = 0.
absl::StatusOr<TwoSampleResult> CompareProportions(const ProportionCounts& x,
                                                   const ProportionCounts& y);

// A trend point is flagged when its two-sample test against the previous
// period has p below this.
inline constexpr double kChangeAlpha = 0.01;

enum class Change { kNone, kDrop, kRise };

struct PeriodChange {
  Change change = Change::kNone;
  // current - previous; nullopt (and kNone) when either period has no
  // responses.
  std::optional<TwoSampleResult> test;
};

// kDrop (kRise) when the current period is below (above) the previous one
// with p < kChangeAlpha, by the Wald test of CompareNps (delta on -1..1).
// InvalidArgument when a count is negative.
absl::StatusOr<PeriodChange> NpsChange(const NpsCounts& previous,
                                       const NpsCounts& current);

// As above with CompareProportions. InvalidArgument when a count is negative
// or successes > n.
absl::StatusOr<PeriodChange> ProportionChange(const ProportionCounts& previous,
                                              const ProportionCounts& current);

}  // namespace cxscore

#endif  // CXSCORE_CORE_COMPARISON_H_
