#include "core/metric.h"

#include <algorithm>

#include "absl/time/time.h"
#include "core/records.h"
#include "core/rollup.h"
#include "core/scores.h"

namespace cxscore {
namespace {

std::optional<int32_t> LevelOf(const std::optional<int32_t>& score,
                               int32_t scale_min) {
  if (!score) return std::nullopt;
  return *score - scale_min;
}

// VES per response is the mean of the items answered; twice that mean is an
// integer (a + b, or 2a with one item), 2..14, which keeps it in a
// histogram.
std::optional<int32_t> VesLevel(const SurveyResponse& r) {
  if (r.ves_ability && r.ves_confidence)
    return *r.ves_ability + *r.ves_confidence - 2;
  if (r.ves_ability) return 2 * *r.ves_ability - 2;
  if (r.ves_confidence) return 2 * *r.ves_confidence - 2;
  return std::nullopt;
}

// Whole seconds, truncated toward zero.
int64_t WholeSeconds(absl::Duration d) { return absl::ToInt64Seconds(d); }

std::optional<int32_t> DurationColumn(absl::Time from,
                                      const std::optional<absl::Time>& to) {
  if (!to) return std::nullopt;
  return DurationHistogram::BucketOf(WholeSeconds(*to - from));
}

std::optional<int32_t> CountColumn(const std::optional<int32_t>& count) {
  if (!count) return std::nullopt;
  return std::clamp(*count, 0, kMaxCountColumn);
}

// clang-format off
constexpr std::array<MetricInfo, kMetricCount> kMetricRows = {{
    {Metric::kNps, "METRIC_NPS", "nps", "NPS", "NPS",
     /*scale=*/0, 10, MetricKind::kNetPromoter,
     /*levels=*/11, /*success_level=*/9, /*detractor_below_level=*/7,
     Direction::kHigherIsBetter,
     [](const SurveyResponse& r) { return LevelOf(r.nps, 0); },
     [](const ScoreCounts& s) { return std::span<const int64_t>(s.nps); },
     [](ScoreCounts& s) { return std::span<int64_t>(s.nps); }},
    {Metric::kCsat, "METRIC_CSAT", "csat", "CSAT (% satisfied)",
     "CSAT (% tevreden)",
     /*scale=*/1, 5, MetricKind::kProportion,
     /*levels=*/5, /*success_level=*/3, /*detractor_below_level=*/0,
     Direction::kHigherIsBetter,
     [](const SurveyResponse& r) { return LevelOf(r.csat, 1); },
     [](const ScoreCounts& s) { return std::span<const int64_t>(s.csat); },
     [](ScoreCounts& s) { return std::span<int64_t>(s.csat); }},
    {Metric::kCes, "METRIC_CES", "ces", "CES (% easy)", "CES (% makkelijk)",
     /*scale=*/1, 7, MetricKind::kProportion,
     /*levels=*/7, /*success_level=*/4, /*detractor_below_level=*/0,
     Direction::kHigherIsBetter,
     [](const SurveyResponse& r) { return LevelOf(r.ces, 1); },
     [](const ScoreCounts& s) { return std::span<const int64_t>(s.ces); },
     [](ScoreCounts& s) { return std::span<int64_t>(s.ces); }},
    // Levels are doubled response means 2..14 minus 2; "enhanced" is a
    // response mean >= 5, i.e. level >= 8.
    {Metric::kVes, "METRIC_VES", "ves", "VES (% enhanced)", "VES (% versterkt)",
     /*scale=*/1, 7, MetricKind::kProportion,
     /*levels=*/13, /*success_level=*/8, /*detractor_below_level=*/0,
     Direction::kHigherIsBetter,
     VesLevel,
     [](const ScoreCounts& s) {
       return std::span<const int64_t>(s.ves_doubled_mean);
     },
     [](ScoreCounts& s) { return std::span<int64_t>(s.ves_doubled_mean); }},
}};

constexpr std::array<KpiInfo, kKpiCount> kKpiRows = {{
    {Kpi::kTimeToFirstResponse, "KPI_TIME_TO_FIRST_RESPONSE",
     "time_to_first_response", "Time to first response",
     "Tijd tot eerste reactie", KpiKind::kDuration, Direction::kLowerIsBetter,
     [](const Interaction& i) {
       return DurationColumn(i.opened_at, i.first_response_at);
     },
     DurationHistogram::kMaxBucket,
     [](const ServiceSummary& s) { return s.time_to_first_response.p50; }},
    {Kpi::kTimeToClose, "KPI_TIME_TO_CLOSE", "time_to_close", "Time to close",
     "Doorlooptijd tot afsluiten", KpiKind::kDuration,
     Direction::kLowerIsBetter,
     [](const Interaction& i) { return DurationColumn(i.opened_at, i.closed_at); },
     DurationHistogram::kMaxBucket,
     [](const ServiceSummary& s) { return s.time_to_close.p50; }},
    {Kpi::kReopens, "KPI_REOPENS", "reopens", "Reopens", "Heropeningen",
     KpiKind::kRate, Direction::kLowerIsBetter,
     [](const Interaction& i) { return CountColumn(i.reopens); },
     kMaxCountColumn,
     [](const ServiceSummary& s) { return s.reopen_rate; }},
    {Kpi::kTransfers, "KPI_TRANSFERS", "transfers", "Transfers",
     "Doorverbindingen", KpiKind::kMean, Direction::kLowerIsBetter,
     [](const Interaction& i) { return CountColumn(i.transfers); },
     kMaxCountColumn,
     [](const ServiceSummary& s) { return s.mean_transfers; }},
    {Kpi::kFirstContactResolution, "KPI_FIRST_CONTACT_RESOLUTION",
     "first_contact_resolution", "First-contact resolution",
     "Oplossing bij eerste contact", KpiKind::kRate,
     Direction::kHigherIsBetter,
     [](const Interaction& i) -> std::optional<int32_t> {
       if (!i.first_contact_resolution) return std::nullopt;
       return *i.first_contact_resolution ? 1 : 0;
     },
     /*max_column=*/1,
     [](const ServiceSummary& s) { return s.fcr_rate; }},
}};
// clang-format on

constexpr bool RowsInEnumOrder() {
  for (int i = 0; i < kMetricCount; ++i)
    if (static_cast<int>(kMetricRows[i].metric) != i) return false;
  for (int i = 0; i < kKpiCount; ++i)
    if (static_cast<int>(kKpiRows[i].kpi) != i) return false;
  return true;
}
static_assert(RowsInEnumOrder(), "catalogue rows must follow the enum order");
// Each metric's levels are the size of its histogram in ScoreCounts.
static_assert(kMetricRows[0].levels ==
              std::tuple_size_v<decltype(ScoreCounts::nps)>);
static_assert(kMetricRows[1].levels ==
              std::tuple_size_v<decltype(ScoreCounts::csat)>);
static_assert(kMetricRows[2].levels ==
              std::tuple_size_v<decltype(ScoreCounts::ces)>);
static_assert(kMetricRows[3].levels ==
              std::tuple_size_v<decltype(ScoreCounts::ves_doubled_mean)>);

}  // namespace

const MetricInfo& MetricInfoOf(Metric metric) {
  return kMetricRows[static_cast<int>(metric)];
}

const KpiInfo& KpiInfoOf(Kpi kpi) { return kKpiRows[static_cast<int>(kpi)]; }

std::string_view MetricName(Metric metric) {
  return MetricInfoOf(metric).cli_name;
}

std::string_view KpiName(Kpi kpi) { return KpiInfoOf(kpi).cli_name; }

std::optional<Metric> MetricFromName(std::string_view name) {
  for (const MetricInfo& row : kMetricRows)
    if (row.cli_name == name) return row.metric;
  return std::nullopt;
}

std::optional<Kpi> KpiFromName(std::string_view name) {
  for (const KpiInfo& row : kKpiRows)
    if (row.cli_name == name) return row.kpi;
  return std::nullopt;
}

bool HigherIsBetter(Kpi kpi) {
  return KpiInfoOf(kpi).direction == Direction::kHigherIsBetter;
}

bool IsDurationKpi(Kpi kpi) {
  return KpiInfoOf(kpi).kind == KpiKind::kDuration;
}

}  // namespace cxscore
