#include "core/metric_score.h"

#include "core/comparison.h"
#include "core/proportion.h"

namespace cxscore {
namespace {

TwoSampleResult Scaled(TwoSampleResult r, double factor) {
  r.delta *= factor;
  r.se *= factor;
  r.ci = {r.ci.low * factor, r.ci.high * factor};
  return r;
}

}  // namespace

MetricScore ScoreOf(const NpsCounts& counts, NpsIntervalMethod method) {
  MetricScore out;
  out.n = counts.n();
  if (out.n == 0) return out;
  const NpsEstimate e = EstimateNps(counts, method);
  out.value = 100 * e.nps;
  out.ci = Interval{100 * e.ci.low, 100 * e.ci.high};
  return out;
}

MetricScore ScoreOf(const ProportionCounts& counts) {
  MetricScore out;
  out.n = counts.n;
  if (out.n == 0) return out;
  out.value = 100.0 * static_cast<double>(counts.successes) /
              static_cast<double>(counts.n);
  const Interval ci = WilsonInterval(counts.successes, counts.n);
  out.ci = Interval{100 * ci.low, 100 * ci.high};
  return out;
}

MetricScore ScoreOf(const ScoreCounts& scores, Metric metric,
                    NpsIntervalMethod method) {
  switch (MetricInfoOf(metric).kind) {
    case MetricKind::kNetPromoter:
      return ScoreOf(NpsCountsOf(scores), method);
    case MetricKind::kProportion:
      return ScoreOf(ProportionCountsOf(scores, metric));
  }
  return MetricScore{};
}

MetricDelta CompareMetric(const ScoreCounts& current, const ScoreCounts& other,
                          Metric metric) {
  MetricDelta out;
  const MetricScore other_score =
      ScoreOf(other, metric, NpsIntervalMethod::kAdjustedWald);
  out.other_n = other_score.n;
  out.other_value = other_score.value;
  if (MetricInfoOf(metric).kind == MetricKind::kNetPromoter) {
    const NpsCounts x = NpsCountsOf(current), y = NpsCountsOf(other);
    if (x.n() > 0 && y.n() > 0) out.test = Scaled(CompareNps(x, y), 100);
    return out;
  }
  absl::StatusOr<TwoSampleResult> test = CompareProportions(
      ProportionCountsOf(current, metric), ProportionCountsOf(other, metric));
  if (test.ok()) out.test = Scaled(*test, 100);
  return out;
}

}  // namespace cxscore
