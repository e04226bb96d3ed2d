// Headline metrics with 95% intervals, computed from rollup counts.
// Definitions: docs/metrics.md. All percentages on 0..100 (NPS -100..100).
// A metric with n = 0 has no value: fields are nullopt, never 0.
#ifndef CXSCORE_CORE_SCORES_H_
#define CXSCORE_CORE_SCORES_H_

#include <cstdint>
#include <optional>

#include "core/rollup.h"

namespace cxscore {

inline constexpr double kZ95 = 1.959963984540054;

struct Interval {
  double low = 0;
  double high = 0;
  bool operator==(const Interval&) const = default;
};

enum class NpsIntervalMethod { kAdjustedWald, kWald };

struct NpsCounts {
  int64_t detractors = 0;
  int64_t passives = 0;
  int64_t promoters = 0;
  int64_t n() const { return detractors + passives + promoters; }
};

// Promoters 9-10, passives 7-8, detractors 0-6 of an NPS histogram.
NpsCounts NpsCountsOf(const ScoreCounts& scores);

// On the -1..1 scale, as in R package NPS. nps, variance and se are always
// the raw ones; ci and p use the pseudo-counts under kAdjustedWald.
struct NpsEstimate {
  double nps = 0;
  double variance = 0;  // (r/n + d/n) - (r/n - d/n)^2
  double se = 0;        // sqrt(variance / n)
  Interval ci;          // clipped to [-1, 1] for adjusted Wald only
  double p = 1;         // two-sided, against NPS = 0 (R: nps_test)
};
// REQUIRES: counts.n() > 0 (otherwise every number is NaN).
NpsEstimate EstimateNps(const NpsCounts& counts, NpsIntervalMethod method);

struct TwoSampleResult {
  double delta = 0;  // x - y on -1..1
  double se = 0;
  Interval ci;
  double p = 1;  // two-sided
};
// Wald two-sample test of NPS x against y. REQUIRES: both n > 0.
TwoSampleResult CompareNps(const NpsCounts& x, const NpsCounts& y);
// As above; kAdjustedWald first adds the one-sample pseudo-counts to each
// sample, and then delta, se, ci and p are all of the adjusted values (as in
// R's nps_test(test = "adjusted.wald")), so delta is not the raw difference.
TwoSampleResult CompareNps(const NpsCounts& x, const NpsCounts& y,
                           NpsIntervalMethod method);

// Wilson score interval for successes/n on 0..1. REQUIRES: n > 0
// (otherwise [0, 1]).
Interval WilsonInterval(int64_t successes, int64_t n);

struct NpsScore {
  int64_t n = 0;
  int64_t promoters = 0, passives = 0, detractors = 0;
  std::optional<double> value;  // -100..100
  std::optional<Interval> ci;
};

struct ProportionScore {
  int64_t n = 0;
  std::optional<double> value;  // 0..100
  std::optional<Interval> ci;
  std::optional<double> mean;       // item scale
  std::optional<Interval> mean_ci;  // t interval; none when n < 2
};

struct VesScore {
  ProportionScore score;
  std::optional<double> ability_mean;
  std::optional<double> confidence_mean;
};

struct DurationSummary {
  int64_t n = 0;
  std::optional<double> mean, p50, p90;  // seconds
};

struct ServiceSummary {
  int64_t interactions = 0;
  int64_t closed = 0;
  DurationSummary time_to_close;
  DurationSummary time_to_first_response;
  std::optional<double> fcr_rate;     // percent
  std::optional<double> reopen_rate;  // percent
  std::optional<double> mean_transfers;
};

struct ScoreSummary {
  NpsScore nps;
  ProportionScore csat, ces;
  VesScore ves;
  ServiceSummary service;
};

ScoreSummary Summarize(const RollupCounts& counts, NpsIntervalMethod method);

}  // namespace cxscore

#endif  // CXSCORE_CORE_SCORES_H_
