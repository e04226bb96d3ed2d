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
#include "core/records.h"
#include "core/rollup.h"

namespace cxscore {

enum class DriverMetric { kNps, kCsat, kCes, kVes };
enum class ServiceKpi {
  kTimeToFirstResponse,
  kTimeToClose,
  kReopens,
  kTransfers,
  kFirstContactResolution,
};
inline constexpr int kDriverMetrics = 4;
inline constexpr int kServiceKpis = 5;
inline constexpr std::array<DriverMetric, kDriverMetrics> kAllDriverMetrics = {
    DriverMetric::kNps, DriverMetric::kCsat, DriverMetric::kCes,
    DriverMetric::kVes};
inline constexpr std::array<ServiceKpi, kServiceKpis> kAllServiceKpis = {
    ServiceKpi::kTimeToFirstResponse, ServiceKpi::kTimeToClose,
    ServiceKpi::kReopens, ServiceKpi::kTransfers,
    ServiceKpi::kFirstContactResolution};

// "nps", "csat", "ces", "ves".
std::string_view MetricName(DriverMetric metric);
// "time_to_first_response", "time_to_close", "reopens", "transfers",
// "first_contact_resolution".
std::string_view KpiName(ServiceKpi kpi);
std::optional<DriverMetric> MetricFromName(std::string_view name);
std::optional<ServiceKpi> KpiFromName(std::string_view name);

// Counts of (metric score, KPI value) over responses linked to interactions.
// Rows are score levels (NPS 0..10, CSAT 1..5, CES 1..7 and VES doubled mean
// 2..14, each minus its scale minimum). Columns: DurationHistogram buckets for
// the two durations (so values within ~2% are ties), the count for reopens
// and transfers (capped at kMaxCountColumn), 0/1 for first-contact
// resolution. Additive like RollupCounts.
struct DriverCounts {
  static constexpr int kMaxCountColumn = 4095;

  std::array<JointHistogram, kDriverMetrics * kServiceKpis> pairs;

  JointHistogram& pair(DriverMetric m, ServiceKpi k) {
    return pairs[static_cast<int>(m) * kServiceKpis + static_cast<int>(k)];
  }
  const JointHistogram& pair(DriverMetric m, ServiceKpi k) const {
    return pairs[static_cast<int>(m) * kServiceKpis + static_cast<int>(k)];
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
  DriverMetric metric;
  ServiceKpi kpi;
  RankCorrelation correlation;
  double q = 1;  // Benjamini-Hochberg across all pairs with a rho
  bool significant = false;  // q < 0.05
};

struct MetricStrength {
  DriverMetric metric;
  ServiceKpi kpi;   // the KPI it moves with most
  double strength;  // CorrelationStrength of that pair: 0 = not shown to move
};

struct DriversReport {
  std::vector<DriverPair> pairs;         // metric-major, in enum order
  std::vector<MetricStrength> ranking;   // strongest first; metrics with data
  std::string verdict;                   // one sentence, English
};

// Response level: one Spearman per metric x selected KPI (empty = all).
DriversReport AnalyzeDrivers(const DriverCounts& counts,
                             std::span<const ServiceKpi> kpis);

// Agent or period level: one observation per unit (agent, week) holding the
// unit's metric values and KPI summaries (e.g. median time to close);
// absent values are left out pairwise. `unit` names a unit in the verdict
// ("agent", "week").
struct UnitObservation {
  std::array<std::optional<double>, kDriverMetrics> metrics;
  std::array<std::optional<double>, kServiceKpis> kpis;
};
// The unit-level observation of one agent's or week's counts: metric values
// (display scale) and KPI summaries: median time to first response and to
// close (seconds), reopen rate and FCR rate (percent), mean transfers.
UnitObservation UnitObservationOf(const RollupCounts& counts);

DriversReport AnalyzeDriverUnits(std::span<const UnitObservation> units,
                                 std::span<const ServiceKpi> kpis,
                                 std::string_view unit);

}  // namespace cxscore

#endif  // CXSCORE_CORE_DRIVERS_H_
