// The --format flag: how a query command prints its answer.
#ifndef CXSCORE_CLIENT_OUTPUT_FORMAT_H_
#define CXSCORE_CLIENT_OUTPUT_FORMAT_H_

#include <ostream>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

enum class OutputFormat { kTable, kJson, kCsv };

// "table", "json" or "csv".
absl::StatusOr<OutputFormat> ParseOutputFormat(absl::string_view text);

// Writes `response` in `format`; `dimensions` is the request's group_by,
// `compared` whether the request asked for a comparison (--compare).
void WriteScores(const v1::GetScoresResponse& response,
                 const std::vector<v1::Dimension>& dimensions, bool compared,
                 OutputFormat format, std::ostream& out);

// `cxscore drivers` (drivers_json.h, drivers_csv.h, drivers_table.h).
void WriteDrivers(const v1::GetDriversResponse& response, OutputFormat format,
                  std::ostream& out);

// `cxscore trend`; `dimensions` is the request's group_by, `metric` the
// trended metric (trend_json.h, trend_csv.h, trend_table.h).
void WriteTrend(const v1::GetTrendResponse& response,
                const std::vector<v1::Dimension>& dimensions, v1::Metric metric,
                OutputFormat format, std::ostream& out);

// `cxscore agents`; `metric` is the ranking metric (agents_json.h,
// agents_csv.h, agents_table.h).
void WriteAgents(const v1::RankAgentsResponse& response, v1::Metric metric,
                 OutputFormat format, std::ostream& out);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_OUTPUT_FORMAT_H_
