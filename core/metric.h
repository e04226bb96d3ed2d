// The catalogue of survey metrics (NPS, CSAT, CES, VES) and service KPIs:
// one table row per metric and per KPI holding its names, scale, success
// rule, direction and what it produces. Code that needs to know something
// about a metric or KPI reads its row (MetricInfoOf, KpiInfoOf) instead of
// switching over the enum. Definitions: docs/metrics.md.
//
// The enum values are positions in the catalogue, not persisted ids: ids
// written to disk are explicit constants in storage/persisted_ids.h.
#ifndef CXSCORE_CORE_METRIC_H_
#define CXSCORE_CORE_METRIC_H_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace cxscore {

struct ScoreCounts;     // core/rollup.h
struct ServiceSummary;  // core/scores.h
struct SurveyResponse;  // core/records.h
struct Interaction;     // core/records.h

enum class Metric { kNps, kCsat, kCes, kVes };
inline constexpr int kMetricCount = 4;
inline constexpr std::array<Metric, kMetricCount> kAllMetrics = {
    Metric::kNps, Metric::kCsat, Metric::kCes, Metric::kVes};

enum class Kpi {
  kTimeToFirstResponse,
  kTimeToClose,
  kReopens,
  kTransfers,
  kFirstContactResolution,
};
inline constexpr int kKpiCount = 5;
inline constexpr std::array<Kpi, kKpiCount> kAllKpis = {
    Kpi::kTimeToFirstResponse, Kpi::kTimeToClose, Kpi::kReopens,
    Kpi::kTransfers, Kpi::kFirstContactResolution};

// Whether a larger value is better (CSAT, FCR) or worse (durations, reopens).
enum class Direction { kHigherIsBetter, kLowerIsBetter };

// What a metric's headline is (display scale).
enum class MetricKind {
  // -100..100: % promoters (levels >= success_level) minus % detractors
  // (levels < detractor_below_level).
  kNetPromoter,
  // 0..100: % of answers at levels >= success_level, with a Wilson interval.
  kProportion,
};

// What a KPI's unit-level value is (scorecards, agent/week drivers).
enum class KpiKind {
  kDuration,  // seconds; median of a DurationHistogram
  kRate,      // percent of interactions
  kMean,      // mean count per interaction
};

struct MetricInfo {
  Metric metric;
  std::string_view wire_name;  // the cxscore.v1.Metric value, "METRIC_NPS"
  std::string_view cli_name;   // command line, JSON and CSV: "nps"
  std::string_view name_en;    // display: "CSAT (% satisfied)"
  std::string_view name_nl;    // display: "CSAT (% tevreden)"
  int scale_min, scale_max;    // of one answer (VES: of each item)
  MetricKind kind;
  // The metric's histogram in ScoreCounts has `levels` levels: level = score
  // minus scale_min (VES: the response's doubled item mean minus 2).
  int levels;
  int success_level;          // first success (promoter) level
  int detractor_below_level;  // kNetPromoter: levels below are detractors
  Direction direction;
  // The response's level; nullopt when it did not answer.
  std::optional<int32_t> (*level_of)(const SurveyResponse& response);
  // The metric's histogram (index = level) in a cell's ScoreCounts.
  std::span<const int64_t> (*histogram)(const ScoreCounts& scores);
  std::span<int64_t> (*mutable_histogram)(ScoreCounts& scores);
};

struct KpiInfo {
  Kpi kpi;
  std::string_view wire_name;  // the cxscore.v1.Kpi value
  std::string_view cli_name;   // "time_to_first_response"
  std::string_view name_en;    // display: "Time to first response"
  std::string_view name_nl;    // display: "Tijd tot eerste reactie"
  KpiKind kind;
  Direction direction;
  // The interaction's column in a driver histogram (core/drivers.h):
  // duration bucket, count capped at kMaxCountColumn, or 0/1; nullopt when
  // unknown (an open ticket has no time to close).
  std::optional<int32_t> (*column_of)(const Interaction& interaction);
  // The largest column column_of returns (columns start at 0); a decoder
  // rejects larger ones as corrupt.
  int32_t max_column;
  // The unit-level value of a group's service summary: median seconds,
  // percent or mean; nullopt when no interaction has it.
  std::optional<double> (*unit_value)(const ServiceSummary& service);
};

// The catalogue rows, in enum order.
const MetricInfo& MetricInfoOf(Metric metric);
const KpiInfo& KpiInfoOf(Kpi kpi);

// The cli_name: "nps", "csat", "ces", "ves" / "time_to_first_response",
// "time_to_close", "reopens", "transfers", "first_contact_resolution".
std::string_view MetricName(Metric metric);
std::string_view KpiName(Kpi kpi);
// By cli_name; nullopt for an unknown name.
std::optional<Metric> MetricFromName(std::string_view name);
std::optional<Kpi> KpiFromName(std::string_view name);

// Whether a higher value of the KPI is better service (FCR) or worse (the
// durations, reopens, transfers).
bool HigherIsBetter(Kpi kpi);
// Durations (seconds) or rates/means.
bool IsDurationKpi(Kpi kpi);

// The largest count column of a driver histogram (reopens, transfers).
inline constexpr int kMaxCountColumn = 4095;

}  // namespace cxscore

#endif  // CXSCORE_CORE_METRIC_H_
