// The --format flag: how a query command prints its answer.
#ifndef CXSCORE_CLIENT_OUTPUT_FORMAT_H_
#define CXSCORE_CLIENT_OUTPUT_FORMAT_H_

#include <ostream>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "client/scores_query.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

enum class OutputFormat { kTable, kJson, kCsv };

// "table", "json" or "csv".
absl::StatusOr<OutputFormat> ParseOutputFormat(absl::string_view text);

// Writes `response` in `format`; `grouping` is the request's grouping,
// `compared` whether the request asked for a comparison (--compare).
void WriteScores(const v1::GetScoresResponse& response,
                 const Grouping& grouping, bool compared,
                 OutputFormat format, std::ostream& out);

// `cxscore drivers` (drivers_json.h, drivers_csv.h, drivers_table.h).
void WriteDrivers(const v1::GetDriversResponse& response, OutputFormat format,
                  std::ostream& out);
// The same for a request grouped by `grouping` (--by attr.NAME); an empty
// grouping is the ungrouped form above.
void WriteDrivers(const v1::GetDriversResponse& response,
                  const Grouping& grouping, OutputFormat format,
                  std::ostream& out);

// `cxscore trend`; `grouping` is the request's grouping, `metric` the
// trended metric (trend_json.h, trend_csv.h, trend_table.h).
void WriteTrend(const v1::GetTrendResponse& response,
                const Grouping& grouping, v1::Metric metric,
                OutputFormat format, std::ostream& out);

// `cxscore agents`; `metric` is the ranking metric (agents_json.h,
// agents_csv.h, agents_table.h).
void WriteAgents(const v1::RankAgentsResponse& response, v1::Metric metric,
                 OutputFormat format, std::ostream& out);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_OUTPUT_FORMAT_H_
