// One metric's headline from rollup counts, and its comparison between two
// sets of counts; the building blocks of trends, rankings and comparisons.
#ifndef CXSCORE_CORE_METRIC_SCORE_H_
#define CXSCORE_CORE_METRIC_SCORE_H_

#include <optional>

#include "core/metric.h"
#include "core/proportion.h"
#include "core/rollup.h"
#include "core/scores.h"

namespace cxscore {

// n, value and 95% interval on the display scale (NPS -100..100, the others
// percent). value and ci are nullopt when n = 0.
struct MetricScore {
  int64_t n = 0;
  std::optional<double> value;
  std::optional<Interval> ci;
};
MetricScore ScoreOf(const ScoreCounts& scores, Metric metric,
                    NpsIntervalMethod method);
// The same from counts: NPS's three counts (adjusted Wald for the interval),
// or a proportion's successes and n (Wilson).
MetricScore ScoreOf(const NpsCounts& counts, NpsIntervalMethod method);
MetricScore ScoreOf(const ProportionCounts& counts);

// `current` minus `other` for one metric, display scale. NPS: two-sample
// Wald; proportions: unpooled interval, pooled z-test p (core/comparison.h).
// `test` is nullopt when either side has n = 0.
struct MetricDelta {
  int64_t other_n = 0;
  std::optional<double> other_value;
  std::optional<TwoSampleResult> test;
};
MetricDelta CompareMetric(const ScoreCounts& current, const ScoreCounts& other,
                          Metric metric);

}  // namespace cxscore

#endif  // CXSCORE_CORE_METRIC_SCORE_H_
