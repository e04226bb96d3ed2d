#include "core/drivers.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "core/rollup.h"
#include "core/scores.h"

namespace cxscore {
namespace {

constexpr double kSignificanceLevel = 0.05;

// The row of a response's score for `metric`; nullopt when not answered.
std::optional<int32_t> ScoreRow(const SurveyResponse& r, DriverMetric metric) {
  switch (metric) {
    case DriverMetric::kNps:
      if (r.nps) return *r.nps;
      break;
    case DriverMetric::kCsat:
      if (r.csat) return *r.csat - 1;
      break;
    case DriverMetric::kCes:
      if (r.ces) return *r.ces - 1;
      break;
    case DriverMetric::kVes: {
      // Doubled mean of the answered items, 2..14 (as in ScoreCounts).
      if (r.ves_ability && r.ves_confidence)
        return *r.ves_ability + *r.ves_confidence - 2;
      if (r.ves_ability) return 2 * *r.ves_ability - 2;
      if (r.ves_confidence) return 2 * *r.ves_confidence - 2;
      break;
    }
  }
  return std::nullopt;
}

int64_t WholeSeconds(absl::Duration d) {
  return absl::ToInt64Seconds(d);  // truncates toward zero, as ContributionOf
}

std::optional<int32_t> KpiColumn(const Interaction& i, ServiceKpi kpi) {
  const auto capped = [](int32_t v) {
    return std::clamp(v, 0, DriverCounts::kMaxCountColumn);
  };
  switch (kpi) {
    case ServiceKpi::kTimeToFirstResponse:
      if (i.first_response_at)
        return DurationHistogram::BucketOf(
            WholeSeconds(*i.first_response_at - i.opened_at));
      break;
    case ServiceKpi::kTimeToClose:
      if (i.closed_at)
        return DurationHistogram::BucketOf(
            WholeSeconds(*i.closed_at - i.opened_at));
      break;
    case ServiceKpi::kReopens:
      if (i.reopens) return capped(*i.reopens);
      break;
    case ServiceKpi::kTransfers:
      if (i.transfers) return capped(*i.transfers);
      break;
    case ServiceKpi::kFirstContactResolution:
      if (i.first_contact_resolution) return *i.first_contact_resolution ? 1 : 0;
      break;
  }
  return std::nullopt;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(c));
  return out;
}

// Fills q, significant, ranking and verdict from the pairs' correlations.
void Conclude(std::span<const ServiceKpi> kpis, DriversReport* report,
              std::string_view unit) {
  std::vector<double> p_values;
  std::vector<DriverPair*> tested;
  for (DriverPair& pair : report->pairs) {
    if (!pair.correlation.rho) continue;
    p_values.push_back(pair.correlation.p);
    tested.push_back(&pair);
  }
  if (absl::StatusOr<std::vector<double>> q = BenjaminiHochberg(p_values);
      q.ok()) {
    for (size_t i = 0; i < tested.size(); ++i) {
      tested[i]->q = (*q)[i];
      tested[i]->significant = (*q)[i] < kSignificanceLevel;
    }
  }

  int64_t max_n = 0;
  for (DriverMetric metric : kAllDriverMetrics) {
    const DriverPair* best = nullptr;
    double best_strength = 0, best_abs_rho = -1;
    for (const DriverPair* pair : tested) {
      if (pair->metric != metric) continue;
      max_n = std::max(max_n, pair->correlation.n);
      const double strength =
          pair->significant ? CorrelationStrength(pair->correlation.ci) : 0;
      const double abs_rho = std::abs(*pair->correlation.rho);
      if (best == nullptr || strength > best_strength ||
          (strength == best_strength && abs_rho > best_abs_rho)) {
        best = pair;
        best_strength = strength;
        best_abs_rho = abs_rho;
      }
    }
    if (best != nullptr)
      report->ranking.push_back({metric, best->kpi, best_strength});
  }
  std::stable_sort(report->ranking.begin(), report->ranking.end(),
                   [](const MetricStrength& a, const MetricStrength& b) {
                     return a.strength > b.strength;
                   });

  if (report->ranking.empty()) {
    report->verdict = absl::StrCat(
        "No ", std::string(unit),
        " has both a score and the selected service KPIs, so nothing can be "
        "said about what moves with service performance.");
    return;
  }
  std::vector<std::string> moved, not_moved;
  for (const MetricStrength& m : report->ranking)
    (m.strength > 0 ? moved : not_moved).push_back(Upper(MetricName(m.metric)));
  if (moved.empty()) {
    report->verdict = absl::StrCat(
        "No metric moves significantly with ",
        kpis.size() == 1 ? std::string(KpiName(kpis[0]))
                         : std::string("service performance"),
        " in this data (up to n = ", max_n, " ", std::string(unit),
        "s; Benjamini-Hochberg q < 0.05 required).");
    return;
  }
  const MetricStrength& top = report->ranking.front();
  const DriverPair* top_pair = nullptr;
  for (const DriverPair* p : tested)
    if (p->metric == top.metric && p->kpi == top.kpi) top_pair = p;
  const RankCorrelation& c = top_pair->correlation;
  report->verdict = absl::StrFormat(
      "%s moves most with service performance (%s: rho %.2f, 95%% CI %.2f to "
      "%.2f, n = %d %ss)",
      moved[0], std::string(KpiName(top.kpi)), *c.rho, c.ci.low, c.ci.high,
      c.n, std::string(unit));
  if (moved.size() > 1)
    absl::StrAppend(&report->verdict, "; then ",
                    absl::StrJoin(moved.begin() + 1, moved.end(), ", then "));
  if (!not_moved.empty())
    absl::StrAppend(&report->verdict, "; not shown to move: ",
                    absl::StrJoin(not_moved, ", "));
  absl::StrAppend(&report->verdict, ".");
}

std::vector<ServiceKpi> Selected(std::span<const ServiceKpi> kpis) {
  if (kpis.empty()) return {kAllServiceKpis.begin(), kAllServiceKpis.end()};
  return {kpis.begin(), kpis.end()};
}

}  // namespace

std::string_view MetricName(DriverMetric metric) {
  static constexpr std::string_view kNames[] = {"nps", "csat", "ces", "ves"};
  return kNames[static_cast<int>(metric)];
}

std::string_view KpiName(ServiceKpi kpi) {
  static constexpr std::string_view kNames[] = {
      "time_to_first_response", "time_to_close", "reopens", "transfers",
      "first_contact_resolution"};
  return kNames[static_cast<int>(kpi)];
}

std::optional<DriverMetric> MetricFromName(std::string_view name) {
  for (DriverMetric m : kAllDriverMetrics)
    if (MetricName(m) == name) return m;
  return std::nullopt;
}

std::optional<ServiceKpi> KpiFromName(std::string_view name) {
  for (ServiceKpi k : kAllServiceKpis)
    if (KpiName(k) == name) return k;
  return std::nullopt;
}

void DriverCounts::AddAll(const DriverCounts& other, int64_t sign) {
  for (size_t i = 0; i < pairs.size(); ++i)
    if (!other.pairs[i].IsZero()) pairs[i].AddAll(other.pairs[i], sign);
}

bool DriverCounts::IsZero() const {
  return std::all_of(pairs.begin(), pairs.end(),
                     [](const JointHistogram& h) { return h.IsZero(); });
}

DriverCounts DriverContributionOf(const SurveyResponse& response,
                                  const Interaction& interaction) {
  DriverCounts counts;
  for (DriverMetric metric : kAllDriverMetrics) {
    const std::optional<int32_t> row = ScoreRow(response, metric);
    if (!row) continue;
    for (ServiceKpi kpi : kAllServiceKpis) {
      if (const std::optional<int32_t> column = KpiColumn(interaction, kpi))
        counts.pair(metric, kpi).Add(*row, *column, 1);
    }
  }
  return counts;
}

DriversReport AnalyzeDrivers(const DriverCounts& counts,
                             std::span<const ServiceKpi> kpis) {
  const std::vector<ServiceKpi> selected = Selected(kpis);
  DriversReport report;
  for (DriverMetric metric : kAllDriverMetrics) {
    for (ServiceKpi kpi : selected) {
      absl::StatusOr<RankCorrelation> c = Spearman(counts.pair(metric, kpi));
      // Negative cells cannot come from a consistent store; treat as no data.
      report.pairs.push_back(
          {metric, kpi, c.ok() ? *c : RankCorrelation{}, 1, false});
    }
  }
  Conclude(selected, &report, "linked response");
  return report;
}

UnitObservation UnitObservationOf(const RollupCounts& counts) {
  const ScoreSummary s = Summarize(counts, NpsIntervalMethod::kAdjustedWald);
  UnitObservation unit;
  const auto metric = [&](DriverMetric m) -> auto& {
    return unit.metrics[static_cast<int>(m)];
  };
  const auto kpi = [&](ServiceKpi k) -> auto& {
    return unit.kpis[static_cast<int>(k)];
  };
  metric(DriverMetric::kNps) = s.nps.value;
  metric(DriverMetric::kCsat) = s.csat.value;
  metric(DriverMetric::kCes) = s.ces.value;
  metric(DriverMetric::kVes) = s.ves.score.value;
  kpi(ServiceKpi::kTimeToFirstResponse) = s.service.time_to_first_response.p50;
  kpi(ServiceKpi::kTimeToClose) = s.service.time_to_close.p50;
  kpi(ServiceKpi::kReopens) = s.service.reopen_rate;
  kpi(ServiceKpi::kTransfers) = s.service.mean_transfers;
  kpi(ServiceKpi::kFirstContactResolution) = s.service.fcr_rate;
  return unit;
}

DriversReport AnalyzeDriverUnits(std::span<const UnitObservation> units,
                                 std::span<const ServiceKpi> kpis,
                                 std::string_view unit) {
  const std::vector<ServiceKpi> selected = Selected(kpis);
  DriversReport report;
  for (DriverMetric metric : kAllDriverMetrics) {
    for (ServiceKpi kpi : selected) {
      std::vector<double> x, y;
      for (const UnitObservation& u : units) {
        const auto& m = u.metrics[static_cast<int>(metric)];
        const auto& k = u.kpis[static_cast<int>(kpi)];
        if (m && k) {
          x.push_back(*m);
          y.push_back(*k);
        }
      }
      absl::StatusOr<RankCorrelation> c = Spearman(x, y);
      report.pairs.push_back(
          {metric, kpi, c.ok() ? *c : RankCorrelation{}, 1, false});
    }
  }
  Conclude(selected, &report, unit);
  return report;
}

}  // namespace cxscore
