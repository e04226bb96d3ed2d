#include "core/drivers.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "core/metric_score.h"
#include "core/rollup.h"
#include "core/scores.h"

namespace cxscore {
namespace {

constexpr double kSignificanceLevel = 0.05;

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(c));
  return out;
}

// Fills q, significant, ranking and verdict from the pairs' correlations.
void Conclude(std::span<const Kpi> kpis, DriversReport* report,
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
  for (Metric metric : kAllMetrics) {
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
    report->verdict =
        absl::StrCat("No metric moves significantly with ",
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
      moved[0], std::string(KpiName(top.kpi)), *c.rho, c.ci.low, c.ci.high, c.n,
      std::string(unit));
  if (moved.size() > 1)
    absl::StrAppend(&report->verdict, "; then ",
                    absl::StrJoin(moved.begin() + 1, moved.end(), ", then "));
  if (!not_moved.empty())
    absl::StrAppend(&report->verdict,
                    "; not shown to move: ", absl::StrJoin(not_moved, ", "));
  absl::StrAppend(&report->verdict, ".");
}

std::vector<Kpi> Selected(std::span<const Kpi> kpis) {
  if (kpis.empty()) return {kAllKpis.begin(), kAllKpis.end()};
  return {kpis.begin(), kpis.end()};
}

}  // namespace

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
  for (Metric metric : kAllMetrics) {
    const std::optional<int32_t> row = MetricInfoOf(metric).level_of(response);
    if (!row) continue;
    for (Kpi kpi : kAllKpis) {
      if (const std::optional<int32_t> column =
              KpiInfoOf(kpi).column_of(interaction))
        counts.pair(metric, kpi).Add(*row, *column, 1);
    }
  }
  return counts;
}

DriversReport AnalyzeDrivers(const DriverCounts& counts,
                             std::span<const Kpi> kpis) {
  const std::vector<Kpi> selected = Selected(kpis);
  DriversReport report;
  for (Metric metric : kAllMetrics) {
    for (Kpi kpi : selected) {
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
  for (Metric m : kAllMetrics)
    unit.metrics[static_cast<int>(m)] =
        ScoreOf(counts.scores, m, NpsIntervalMethod::kAdjustedWald).value;
  for (Kpi k : kAllKpis)
    unit.kpis[static_cast<int>(k)] = KpiInfoOf(k).unit_value(s.service);
  return unit;
}

DriversReport AnalyzeDriverUnits(std::span<const UnitObservation> units,
                                 std::span<const Kpi> kpis,
                                 std::string_view unit) {
  const std::vector<Kpi> selected = Selected(kpis);
  DriversReport report;
  for (Metric metric : kAllMetrics) {
    for (Kpi kpi : selected) {
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
