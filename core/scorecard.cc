#include "core/scorecard.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <tuple>

#include "core/correlation.h"

namespace cxscore {
namespace {

// z of the 90th percentile of the standard normal: p90 = p50 * exp(z90 sigma)
// for a log-normal duration.
constexpr double kZ90 = 1.2815515655446004;
// The smallest log-scale spread assumed for durations: p90 about 1.5 times
// the median. Guards against a spread of 0 when p50 and p90 share a bucket.
constexpr double kMinLogSpread = 0.3;

// The counts of a proportion metric; an exhaustive switch so that a new
// metric fails to compile (-Wswitch) rather than read another's counts.
const ProportionCounts& ProportionOf(const SurveyCounts& s, Metric m) {
  static const ProportionCounts kNotAProportion;
  switch (m) {
    case Metric::kCsat:
      return s.csat;
    case Metric::kCes:
      return s.ces;
    case Metric::kVes:
      return s.ves;
    case Metric::kNps:
      break;
  }
  return kNotAProportion;
}

bool IsNps(Metric m) {
  return MetricInfoOf(m).kind == MetricKind::kNetPromoter;
}

MetricScore ScoreOfMetric(const SurveyCounts& s, Metric m) {
  if (IsNps(m)) return ScoreOf(s.nps, NpsIntervalMethod::kAdjustedWald);
  return ScoreOf(ProportionOf(s, m));
}

Judgement JudgeInterval(const Interval& ci, double no_difference,
                        bool higher_is_better) {
  if (ci.low > no_difference) {
    return higher_is_better ? Judgement::kBetter : Judgement::kWorse;
  }
  if (ci.high < no_difference) {
    return higher_is_better ? Judgement::kWorse : Judgement::kBetter;
  }
  return Judgement::kInLine;
}

MetricLine BuildMetricLine(const ScorecardInput& input, Metric m) {
  MetricLine line;
  line.metric = m;
  line.agent = ScoreOfMetric(input.agent.survey, m);
  line.team = ScoreOfMetric(input.team.survey, m);
  line.rest = ScoreOfMetric(input.rest.survey, m);
  line.adjusted = input.adjusted[static_cast<int>(m)];
  if (line.agent.n == 0 || line.rest.n == 0) return line;
  line.delta = *line.agent.value - *line.rest.value;
  if (IsNps(m)) {
    const TwoSampleResult test =
        CompareNps(input.agent.survey.nps, input.rest.survey.nps,
                   NpsIntervalMethod::kAdjustedWald);
    line.delta_ci = Interval{100 * test.ci.low, 100 * test.ci.high};
  } else {
    const Interval ci =
        ProportionDifference(ProportionOf(input.agent.survey, m),
                             ProportionOf(input.rest.survey, m));
    line.delta_ci = Interval{100 * ci.low, 100 * ci.high};
  }
  line.judgement = JudgeInterval(*line.delta_ci, 0, /*higher_is_better=*/true);
  return line;
}

const DurationSample& DurationOf(const ServiceSample& s, Kpi kpi) {
  return kpi == Kpi::kTimeToFirstResponse ? s.time_to_first_response
                                          : s.time_to_close;
}

const RateSample& RateOf(const ServiceSample& s, Kpi kpi) {
  return kpi == Kpi::kReopens ? s.reopens : s.first_contact_resolution;
}

// log(median) and its standard error under a log-normal approximation.
struct LogMedian {
  double log_median = 0;
  double se = 0;
};

std::optional<LogMedian> LogMedianOf(const DurationSample& s) {
  if (s.n < kMinTicketsToJudge || !s.p50.has_value()) return std::nullopt;
  const double p50 = std::max(*s.p50, 1.0);
  const double p90 = std::max(s.p90.value_or(p50), p50);
  const double sigma = std::max(std::log(p90 / p50) / kZ90, kMinLogSpread);
  // The sample median of a normal has variance (pi / 2) sigma^2 / n.
  const double se =
      std::sqrt(std::numbers::pi / 2) * sigma / std::sqrt(double(s.n));
  return LogMedian{std::log(p50), se};
}

ProportionCounts CountsOfRate(const RateSample& s) {
  ProportionCounts c;
  c.n = s.n;
  if (s.percent.has_value()) {
    c.successes = std::clamp<int64_t>(
        std::llround(*s.percent * static_cast<double>(s.n) / 100), 0, s.n);
  }
  return c;
}

KpiLine BuildKpiLine(const ScorecardInput& input, Kpi kpi) {
  KpiLine line;
  line.kpi = kpi;
  if (IsDurationKpi(kpi)) {
    const DurationSample& a = DurationOf(input.agent.service, kpi);
    const DurationSample& t = DurationOf(input.team.service, kpi);
    const DurationSample& r = DurationOf(input.rest.service, kpi);
    line.n = a.n;
    line.team_n = t.n;
    line.rest_n = r.n;
    line.value = a.p50;
    line.team_value = t.p50;
    line.rest_value = r.p50;
    const std::optional<LogMedian> la = LogMedianOf(a), lr = LogMedianOf(r);
    if (!la.has_value() || !lr.has_value()) return line;
    const double d = la->log_median - lr->log_median;
    const double se = std::sqrt(la->se * la->se + lr->se * lr->se);
    line.effect = std::exp(d);
    line.effect_ci = Interval{std::exp(d - kZ95 * se), std::exp(d + kZ95 * se)};
    line.judgement = JudgeInterval(*line.effect_ci, 1, HigherIsBetter(kpi));
    return line;
  }
  const RateSample& a = RateOf(input.agent.service, kpi);
  const RateSample& t = RateOf(input.team.service, kpi);
  const RateSample& r = RateOf(input.rest.service, kpi);
  line.n = a.percent.has_value() ? a.n : 0;
  line.team_n = t.percent.has_value() ? t.n : 0;
  line.rest_n = r.percent.has_value() ? r.n : 0;
  line.value = a.percent;
  line.team_value = t.percent;
  line.rest_value = r.percent;
  if (line.n < kMinTicketsToJudge || line.rest_n < kMinTicketsToJudge) {
    return line;
  }
  line.effect = *a.percent - *r.percent;
  const Interval ci = ProportionDifference(CountsOfRate(a), CountsOfRate(r));
  line.effect_ci = Interval{100 * ci.low, 100 * ci.high};
  line.judgement = JudgeInterval(*line.effect_ci, 0, HigherIsBetter(kpi));
  return line;
}

// The strongest significant pair among `pairs` that matches `match` and
// whose sign says better service goes with a better score.
template <typename Match>
std::optional<DriverEvidence> StrongestDriver(
    const std::vector<DriverEvidence>& pairs, Match match) {
  std::optional<DriverEvidence> best;
  double best_strength = 0;
  for (const DriverEvidence& p : pairs) {
    if (!p.significant || !match(p)) continue;
    const bool expected_sign = HigherIsBetter(p.kpi) ? p.rho > 0 : p.rho < 0;
    if (!expected_sign) continue;
    const double strength = CorrelationStrength(p.ci);
    if (strength > best_strength) {
      best_strength = strength;
      best = p;
    }
  }
  return best;
}

// |estimate| in units of its standard error, from the 95% interval.
double Clarity(double center, double low, double high) {
  const double se = (high - low) / (2 * kZ95);
  if (se <= 0) return 0;
  return std::abs(center) / se;
}

bool IsMaterial(const MetricLine& line) {
  const double threshold =
      IsNps(line.metric) ? kMaterialNpsPoints : kMaterialPercentPoints;
  return std::abs(*line.delta) >= threshold;
}

bool IsMaterial(const KpiLine& line) {
  if (IsDurationKpi(line.kpi)) {
    return *line.effect >= kMaterialDurationRatio ||
           *line.effect <= 1 / kMaterialDurationRatio;
  }
  return std::abs(*line.effect) >= kMaterialPercentPoints;
}

struct Candidate {
  CoachingPoint point;
  Judgement judgement;
};

void AddCandidates(const Scorecard& card, const ScorecardInput& input,
                   std::vector<Candidate>* out) {
  for (const KpiLine& line : card.kpis) {
    if (line.judgement != Judgement::kBetter &&
        line.judgement != Judgement::kWorse) {
      continue;
    }
    if (!IsMaterial(line)) continue;
    CoachingPoint p;
    p.subject = CoachingPoint::Subject::kKpi;
    p.kpi = line.kpi;
    p.value = line.value;
    p.rest_value = line.rest_value;
    p.team_value = line.team_value;
    p.n = line.n;
    p.rest_n = line.rest_n;
    p.effect = *line.effect;
    p.effect_ci = *line.effect_ci;
    p.driver = StrongestDriver(input.drivers, [&](const DriverEvidence& d) {
      return d.kpi == line.kpi;
    });
    p.weight = 1 + (p.driver ? CorrelationStrength(p.driver->ci) : 0);
    const double clarity =
        IsDurationKpi(line.kpi)
            ? Clarity(std::log(p.effect), std::log(p.effect_ci.low),
                      std::log(p.effect_ci.high))
            : Clarity(p.effect, p.effect_ci.low, p.effect_ci.high);
    p.priority = p.weight * clarity;
    out->push_back({p, line.judgement});
  }
  for (const MetricLine& line : card.metrics) {
    if (line.judgement != Judgement::kBetter &&
        line.judgement != Judgement::kWorse) {
      continue;
    }
    if (!IsMaterial(line)) continue;
    CoachingPoint p;
    p.subject = CoachingPoint::Subject::kMetric;
    p.metric = line.metric;
    p.value = line.agent.value;
    p.rest_value = line.rest.value;
    p.team_value = line.team.value;
    p.n = line.agent.n;
    p.rest_n = line.rest.n;
    p.effect = *line.delta;
    p.effect_ci = *line.delta_ci;
    p.driver = StrongestDriver(input.drivers, [&](const DriverEvidence& d) {
      return d.metric == line.metric;
    });
    // NPS gives an agent nothing to act on unless this team's data shows it
    // moving with service (docs/scorecards.md).
    if (IsNps(line.metric) && !p.driver.has_value()) continue;
    // A metric whose driver KPI is itself a point in the same direction is
    // that point's evidence, not a second point.
    if (p.driver.has_value()) {
      const bool covered =
          std::any_of(out->begin(), out->end(), [&](const Candidate& c) {
            return c.point.subject == CoachingPoint::Subject::kKpi &&
                   c.point.kpi == p.driver->kpi &&
                   c.judgement == line.judgement;
          });
      if (covered) continue;
    }
    p.weight = 1 + (p.driver ? CorrelationStrength(p.driver->ci) : 0);
    p.priority =
        p.weight * Clarity(p.effect, p.effect_ci.low, p.effect_ci.high);
    out->push_back({p, line.judgement});
  }
}

// Highest priority first; ties: KPIs before metrics, then enum order.
bool ByPriority(const CoachingPoint& a, const CoachingPoint& b) {
  if (a.priority != b.priority) return a.priority > b.priority;
  auto key = [](const CoachingPoint& p) {
    return std::make_tuple(p.subject == CoachingPoint::Subject::kKpi ? 0 : 1,
                           static_cast<int>(p.kpi), static_cast<int>(p.metric));
  };
  return key(a) < key(b);
}

void AddWarnings(const ScorecardInput& input, Scorecard* card) {
  auto add = [&](WarningCode code, int64_t n, int64_t needed,
                 std::optional<Metric> metric = std::nullopt) {
    card->warnings.push_back(ScorecardWarning{code, metric, n, needed});
  };
  if (input.agent.survey.responses() == 0) {
    add(WarningCode::kNoResponses, 0, kMinResponsesToJudge);
  } else {
    for (Metric m : kAllMetrics) {
      const int64_t n = input.agent.survey.n(m);
      if (n > 0 && n < kMinResponsesToJudge) {
        add(WarningCode::kFewResponses, n, kMinResponsesToJudge, m);
      }
    }
  }
  const ServiceSample& s = input.agent.service;
  if (s.interactions == 0) {
    add(WarningCode::kNoInteractions, 0, kMinTicketsToJudge);
  } else if (s.interactions < kMinTicketsToJudge) {
    add(WarningCode::kFewTickets, s.interactions, kMinTicketsToJudge);
  } else if (s.closed < kMinTicketsToJudge) {
    add(WarningCode::kFewClosed, s.closed, kMinTicketsToJudge);
  }
  const bool rest_empty = input.rest.survey.responses() == 0 &&
                          input.rest.service.interactions == 0;
  if (input.team_agents <= 1 || rest_empty) {
    add(WarningCode::kNoTeammates, 0, 0);
  }
  if (input.responses_in_other_teams > 0) {
    add(WarningCode::kOtherTeams, input.responses_in_other_teams, 0);
  }
  const bool any_driver =
      std::any_of(input.drivers.begin(), input.drivers.end(),
                  [](const DriverEvidence& d) { return d.significant; });
  if (!any_driver) add(WarningCode::kNoDrivers, 0, 0);
}

}  // namespace

DayRange DefaultScorecardPeriod(int32_t today) {
  return DayRange{today - (kDefaultScorecardDays - 1), today};
}

int64_t SurveyCounts::n(Metric metric) const {
  if (IsNps(metric)) return nps.n();
  return ProportionOf(*this, metric).n;
}

int64_t SurveyCounts::responses() const {
  return std::max({nps.n(), csat.n, ces.n, ves.n});
}

std::string_view JudgementName(Judgement judgement) {
  switch (judgement) {
    case Judgement::kBetter:
      return "better";
    case Judgement::kInLine:
      return "in_line";
    case Judgement::kWorse:
      return "worse";
    case Judgement::kNoData:
      break;
  }
  return "";
}

Interval ProportionDifference(const ProportionCounts& x,
                              const ProportionCounts& y) {
  const double px = static_cast<double>(x.successes) / static_cast<double>(x.n);
  const double py = static_cast<double>(y.successes) / static_cast<double>(y.n);
  const Interval wx = WilsonInterval(x.successes, x.n);
  const Interval wy = WilsonInterval(y.successes, y.n);
  const double d = px - py;
  return Interval{d - std::sqrt((px - wx.low) * (px - wx.low) +
                                (wy.high - py) * (wy.high - py)),
                  d + std::sqrt((wx.high - px) * (wx.high - px) +
                                (py - wy.low) * (py - wy.low))};
}

Scorecard BuildScorecard(const ScorecardInput& input) {
  Scorecard card;
  for (Metric m : kAllMetrics) {
    card.metrics[static_cast<int>(m)] = BuildMetricLine(input, m);
  }
  for (Kpi kpi : kScorecardKpis) {
    card.kpis.push_back(BuildKpiLine(input, kpi));
  }
  const NpsCounts& nps = input.agent.survey.nps;
  if (nps.n() > 0) {
    const double n = static_cast<double>(nps.n());
    card.nps_shares = NpsShares{100 * nps.promoters / n, 100 * nps.passives / n,
                                100 * nps.detractors / n};
  }

  std::vector<Candidate> candidates;
  AddCandidates(card, input, &candidates);
  for (const Candidate& c : candidates) {
    (c.judgement == Judgement::kBetter ? card.strengths : card.focus)
        .push_back(c.point);
  }
  std::sort(card.strengths.begin(), card.strengths.end(), ByPriority);
  std::sort(card.focus.begin(), card.focus.end(), ByPriority);
  if (card.strengths.size() > kMaxStrengths) {
    card.strengths.resize(kMaxStrengths);
  }
  if (card.focus.size() > kMaxFocusPoints) card.focus.resize(kMaxFocusPoints);

  AddWarnings(input, &card);
  return card;
}

}  // namespace cxscore
