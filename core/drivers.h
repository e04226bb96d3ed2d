// Which survey metric moves with service performance: joint histograms of
// each metric's score against each service KPI, and the analysis of them
// (Spearman per pair, Benjamini-Hochberg across pairs, ranking, verdict).
// Definitions: docs/metrics.md, "Relating metrics to service performance".
#ifndef CXSCORE_CORE_DRIVERS_H_
#define CXSCORE_CORE_DRIVERS_H_

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/correlation.h"
#include "core/metric.h"
#include "core/records.h"
#include "core/rollup.h"

namespace cxscore {

// Counts of (metric score, KPI value) over responses linked to interactions.
// Rows are score levels (NPS 0..10, CSAT 1..5, CES 1..7 and VES doubled mean
// 2..14, each minus its scale minimum). Columns: DurationHistogram buckets for
// the two durations (so values within ~2% are ties), the count for reopens
// and transfers (capped at kMaxCountColumn), 0/1 for first-contact
// resolution. Additive like RollupCounts.
struct DriverCounts {
  static constexpr int kMaxCountColumn = cxscore::kMaxCountColumn;

  // Indexed by metric x kKpiCount + KPI (catalogue positions, in memory
  // only; storage/persisted_ids.h holds the ids written to disk).
  std::array<JointHistogram, kMetricCount * kKpiCount> pairs;

  JointHistogram& pair(Metric m, Kpi k) {
    return pairs[static_cast<int>(m) * kKpiCount + static_cast<int>(k)];
  }
  const JointHistogram& pair(Metric m, Kpi k) const {
    return pairs[static_cast<int>(m) * kKpiCount + static_cast<int>(k)];
  }
  void AddAll(const DriverCounts& other, int64_t sign = 1);
  bool IsZero() const;
  bool operator==(const DriverCounts&) const = default;
};

// What one linked (response, interaction) pair adds. Pairs whose KPI is
// unknown (an open ticket has no time to close) or whose score is absent are
// left out. REQUIRES: both records passed validation.
DriverCounts DriverContributionOf(const SurveyResponse& response,
                                  const Interaction& interaction);

struct DriverPair {
  Metric metric;
  Kpi kpi;
  RankCorrelation correlation;
  double q = 1;              // Benjamini-Hochberg across all pairs with a rho
  bool significant = false;  // q < 0.05
};

struct MetricStrength {
  Metric metric;
  Kpi kpi;          // the KPI it moves with most
  double strength;  // CorrelationStrength of that pair: 0 = not shown to move
};

struct DriversReport {
  std::vector<DriverPair> pairs;        // metric-major, in enum order
  std::vector<MetricStrength> ranking;  // strongest first; metrics with data
  std::string verdict;                  // one sentence, English
};

// Response level: one Spearman per metric x selected KPI (empty = all).
DriversReport AnalyzeDrivers(const DriverCounts& counts,
                             std::span<const Kpi> kpis);

// Agent or period level: one observation per unit (agent, week) holding the
// unit's metric values and KPI summaries (e.g. median time to close);
// absent values are left out pairwise. `unit` names a unit in the verdict
// ("agent", "week").
struct UnitObservation {
  std::array<std::optional<double>, kMetricCount> metrics;
  std::array<std::optional<double>, kKpiCount> kpis;
};
// The unit-level observation of one agent's or week's counts: metric values
// (display scale) and KPI summaries: median time to first response and to
// close (seconds), reopen rate and FCR rate (percent), mean transfers.
UnitObservation UnitObservationOf(const RollupCounts& counts);

DriversReport AnalyzeDriverUnits(std::span<const UnitObservation> units,
                                 std::span<const Kpi> kpis,
                                 std::string_view unit);

}  // namespace cxscore

#endif  // CXSCORE_CORE_DRIVERS_H_
