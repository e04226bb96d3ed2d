#include "core/scores.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>

#include "core/metric.h"
#include "core/proportion.h"
#include "core/rollup.h"
#include "core/t_quantile.h"

namespace cxscore {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Pseudo-observations of the adjusted Wald interval (Rocks 2016).
constexpr double kPseudoDetractors = 0.75;
constexpr double kPseudoPassives = 1.5;
constexpr double kPseudoPromoters = 0.75;

struct Moments {
  double nps = kNaN;
  double variance = kNaN;
  double n = 0;
};

Moments NpsMoments(double d, double p, double r) {
  Moments m;
  m.n = d + p + r;
  if (m.n <= 0) return m;
  const double rs = r / m.n;
  const double ds = d / m.n;
  m.nps = rs - ds;
  m.variance = (rs + ds) - m.nps * m.nps;
  return m;
}

Moments RawMoments(const NpsCounts& c) {
  return NpsMoments(static_cast<double>(c.detractors),
                    static_cast<double>(c.passives),
                    static_cast<double>(c.promoters));
}

Moments AdjustedMoments(const NpsCounts& c) {
  return NpsMoments(static_cast<double>(c.detractors) + kPseudoDetractors,
                    static_cast<double>(c.passives) + kPseudoPassives,
                    static_cast<double>(c.promoters) + kPseudoPromoters);
}

// Two-sided normal p-value of estimate / se. With se = 0 the estimate is
// exact: p is 0 unless it equals the null value.
double TwoSidedP(double estimate, double se) {
  if (se == 0) return estimate == 0 ? 1 : 0;
  return std::erfc(std::abs(estimate) / se / std::sqrt(2.0));
}

int64_t Sum(std::span<const int64_t> counts, size_t from = 0,
            size_t to = SIZE_MAX) {
  int64_t total = 0;
  for (size_t i = from; i < std::min(to, counts.size()); ++i)
    total += counts[i];
  return total;
}

struct MeanResult {
  std::optional<double> mean;
  std::optional<Interval> ci;
};

// Mean and t interval of a histogram whose index i stands for the value
// (i + offset) * scale.
MeanResult MeanOf(std::span<const int64_t> counts, double offset,
                  double scale) {
  MeanResult result;
  const int64_t n = Sum(counts);
  if (n <= 0) return result;
  double sum = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    sum += static_cast<double>(counts[i]) * (i + offset) * scale;
  }
  const double mean = sum / n;
  result.mean = mean;
  if (n < 2) return result;
  double squares = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    const double dev = (i + offset) * scale - mean;
    squares += static_cast<double>(counts[i]) * dev * dev;
  }
  const double sd = std::sqrt(squares / (n - 1));
  const double half =
      StudentT975(n - 1) * sd / std::sqrt(static_cast<double>(n));
  result.ci = Interval{mean - half, mean + half};
  return result;
}

Interval Scaled(const Interval& ci, double factor) {
  return Interval{ci.low * factor, ci.high * factor};
}

// A proportion metric's percentage with a Wilson interval (successes by its
// catalogue row, core/proportion.h), plus the mean on the item scale: level i
// stands for the value (i + offset) * step (VES: the doubled mean i + 2,
// halved).
ProportionScore ProportionOf(const ScoreCounts& scores, Metric metric) {
  const MetricInfo& info = MetricInfoOf(metric);
  const ProportionCounts counts = ProportionCountsOf(scores, metric);
  ProportionScore score;
  score.n = counts.n;
  if (score.n <= 0) return score;
  score.value = 100.0 * static_cast<double>(counts.successes) / score.n;
  score.ci = Scaled(WilsonInterval(counts.successes, score.n), 100);
  const double step =
      static_cast<double>(info.scale_max - info.scale_min) / (info.levels - 1);
  MeanResult mean = MeanOf(info.histogram(scores), info.scale_min / step, step);
  score.mean = mean.mean;
  score.mean_ci = mean.ci;
  return score;
}

DurationSummary DurationOf(int64_t n, int64_t seconds_sum,
                           const DurationHistogram& histogram) {
  DurationSummary d;
  d.n = n;
  if (n <= 0) return d;
  d.mean = static_cast<double>(seconds_sum) / n;
  d.p50 = histogram.Quantile(0.5);
  d.p90 = histogram.Quantile(0.9);
  return d;
}

std::optional<double> Percent(int64_t part, int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return 100.0 * static_cast<double>(part) / whole;
}

}  // namespace

NpsCounts NpsCountsOf(const ScoreCounts& scores) {
  NpsCounts c;
  const MetricInfo& info = MetricInfoOf(Metric::kNps);
  const std::span<const int64_t> levels = info.histogram(scores);
  c.detractors = Sum(levels, 0, info.detractor_below_level);
  c.passives = Sum(levels, info.detractor_below_level, info.success_level);
  c.promoters = Sum(levels, info.success_level);
  return c;
}

NpsEstimate EstimateNps(const NpsCounts& counts, NpsIntervalMethod method) {
  NpsEstimate e;
  const Moments raw = RawMoments(counts);
  if (raw.n <= 0) return NpsEstimate{kNaN, kNaN, kNaN, {kNaN, kNaN}, kNaN};
  e.nps = raw.nps;
  e.variance = raw.variance;
  e.se = std::sqrt(raw.variance / raw.n);
  switch (method) {
    case NpsIntervalMethod::kWald:
      e.ci = Interval{e.nps - kZ95 * e.se, e.nps + kZ95 * e.se};
      e.p = TwoSidedP(e.nps, e.se);
      break;
    case NpsIntervalMethod::kAdjustedWald: {
      const Moments adj = AdjustedMoments(counts);
      const double se = std::sqrt(adj.variance / adj.n);
      e.ci = Interval{std::max(-1.0, adj.nps - kZ95 * se),
                      std::min(1.0, adj.nps + kZ95 * se)};
      e.p = TwoSidedP(adj.nps, se);
      break;
    }
  }
  return e;
}

TwoSampleResult CompareNps(const NpsCounts& x, const NpsCounts& y) {
  return CompareNps(x, y, NpsIntervalMethod::kWald);
}

TwoSampleResult CompareNps(const NpsCounts& x, const NpsCounts& y,
                           NpsIntervalMethod method) {
  const bool adjusted = method == NpsIntervalMethod::kAdjustedWald;
  const Moments mx = adjusted ? AdjustedMoments(x) : RawMoments(x);
  const Moments my = adjusted ? AdjustedMoments(y) : RawMoments(y);
  TwoSampleResult r;
  if (mx.n <= 0 || my.n <= 0) {
    return TwoSampleResult{kNaN, kNaN, {kNaN, kNaN}, kNaN};
  }
  r.delta = mx.nps - my.nps;
  r.se = std::sqrt(mx.variance / mx.n + my.variance / my.n);
  r.ci = Interval{r.delta - kZ95 * r.se, r.delta + kZ95 * r.se};
  r.p = TwoSidedP(r.delta, r.se);
  return r;
}

Interval WilsonInterval(int64_t successes, int64_t n) {
  if (n <= 0) return Interval{0, 1};
  const double nd = static_cast<double>(n);
  const double ph = static_cast<double>(successes) / nd;
  const double z2 = kZ95 * kZ95;
  const double center = ph + z2 / (2 * nd);
  const double half = kZ95 * std::sqrt(ph * (1 - ph) / nd + z2 / (4 * nd * nd));
  const double denominator = 1 + z2 / nd;
  // At ph = 0 (or 1) the lower (upper) bound is exactly 0 (1); rounding
  // would leave it a hair off.
  return Interval{
      successes <= 0 ? 0.0
                     : std::clamp((center - half) / denominator, 0.0, 1.0),
      successes >= n ? 1.0
                     : std::clamp((center + half) / denominator, 0.0, 1.0)};
}

ScoreSummary Summarize(const RollupCounts& counts, NpsIntervalMethod method) {
  ScoreSummary summary;
  const ScoreCounts& s = counts.scores;

  const NpsCounts nps = NpsCountsOf(s);
  summary.nps.n = nps.n();
  summary.nps.detractors = nps.detractors;
  summary.nps.passives = nps.passives;
  summary.nps.promoters = nps.promoters;
  if (summary.nps.n > 0) {
    const NpsEstimate e = EstimateNps(nps, method);
    summary.nps.value = 100 * e.nps;
    summary.nps.ci = Scaled(e.ci, 100);
  }

  summary.csat = ProportionOf(s, Metric::kCsat);
  summary.ces = ProportionOf(s, Metric::kCes);
  summary.ves.score = ProportionOf(s, Metric::kVes);
  summary.ves.ability_mean = MeanOf(s.ves_ability, 1, 1).mean;
  summary.ves.confidence_mean = MeanOf(s.ves_confidence, 1, 1).mean;

  const ServiceCounts& c = counts.service;
  ServiceSummary& out = summary.service;
  out.interactions = c.interactions;
  out.closed = c.closed;
  out.time_to_close =
      DurationOf(c.closed, c.close_seconds_sum, c.time_to_close);
  out.time_to_first_response =
      DurationOf(c.first_responses, c.first_response_seconds_sum,
                 c.time_to_first_response);
  out.fcr_rate = Percent(c.fcr_yes, c.fcr_known);
  out.reopen_rate = Percent(c.reopened, c.reopens_known);
  if (c.transfers_known > 0) {
    out.mean_transfers =
        static_cast<double>(c.transfers_sum) / c.transfers_known;
  }
  return summary;
}

}  // namespace cxscore
