// The names of metrics (nps, csat, ces, ves) and service KPIs
// (time_to_first_response, ...) on the command line and in JSON and CSV
// output. The names are a contract; do not rename.
#ifndef CXSCORE_CLIENT_COMMANDS_METRIC_NAMES_H_
#define CXSCORE_CLIENT_COMMANDS_METRIC_NAMES_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "cxscore/v1/cxscore.pb.h"
#include "nlohmann/json.hpp"

namespace cxscore::client {

// "nps", "csat", "ces", "ves"; "metric_N" for a value this client does not
// know.
std::string MetricName(v1::Metric metric);

// The name for JSON: MetricName, or null for METRIC_UNSPECIFIED.
nlohmann::ordered_json MetricJson(v1::Metric metric);

// For table titles: "NPS", "CSAT%", "CES%", "VES%" (the scores table's).
std::string MetricTitle(v1::Metric metric);

// Whether the metric is a net score (-100..100, promoters minus detractors:
// NPS) rather than a proportion; false for a value this client does not know.
bool IsNetScore(v1::Metric metric);

// One of the names above, case-insensitive, surrounding spaces ignored.
// InvalidArgument naming `flag` otherwise.
absl::StatusOr<v1::Metric> ParseMetric(absl::string_view text,
                                       absl::string_view flag);

// "time_to_first_response", "time_to_close", "reopens", "transfers",
// "first_contact_resolution"; "kpi_N" for a value this client does not know.
std::string KpiName(v1::Kpi kpi);

// The name for JSON: KpiName, or null for KPI_UNSPECIFIED.
nlohmann::ordered_json KpiJson(v1::Kpi kpi);

// Every --kpi value, each a KPI name or a comma list of them
// (case-insensitive), in the order given. InvalidArgument for an unknown,
// empty or repeated name.
absl::StatusOr<std::vector<v1::Kpi>> ParseKpiLists(
    const std::vector<std::string>& lists);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_COMMANDS_METRIC_NAMES_H_
