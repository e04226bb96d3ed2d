#include "client/output_format.h"

#include "absl/strings/str_cat.h"
#include "client/agents_csv.h"
#include "client/agents_json.h"
#include "client/agents_table.h"
#include "client/drivers_csv.h"
#include "client/drivers_json.h"
#include "client/drivers_table.h"
#include "client/json_format.h"
#include "client/scores_csv.h"
#include "client/scores_json.h"
#include "client/scores_table.h"
#include "client/trend_csv.h"
#include "client/trend_json.h"
#include "client/trend_table.h"

namespace cxscore::client {

absl::StatusOr<OutputFormat> ParseOutputFormat(absl::string_view text) {
  if (text == "table") return OutputFormat::kTable;
  if (text == "json") return OutputFormat::kJson;
  if (text == "csv") return OutputFormat::kCsv;
  return absl::InvalidArgumentError(
      absl::StrCat("--format \"", text, "\": expected table, json or csv"));
}

void WriteScores(const v1::GetScoresResponse& response,
                 const Grouping& grouping, bool compared,
                 OutputFormat format, std::ostream& out) {
  switch (format) {
    case OutputFormat::kJson:
      WriteJson(ScoresToJson(response, compared), out);
      return;
    case OutputFormat::kCsv:
      WriteScoresCsv(response, grouping, compared, out);
      return;
    case OutputFormat::kTable:
      WriteScoresTable(response, grouping, compared, out);
      return;
  }
}

void WriteDrivers(const v1::GetDriversResponse& response,
                  const Grouping& grouping, OutputFormat format,
                  std::ostream& out) {
  if (grouping.dimensions.empty()) {
    WriteDrivers(response, format, out);
    return;
  }
  switch (format) {
    case OutputFormat::kJson:
      WriteJson(DriverGroupsToJson(response), out);
      return;
    case OutputFormat::kCsv:
      WriteDriverGroupsCsv(response, grouping, out);
      return;
    case OutputFormat::kTable:
      WriteDriverGroupsTable(response, grouping, out);
      return;
  }
}

void WriteDrivers(const v1::GetDriversResponse& response, OutputFormat format,
                  std::ostream& out) {
  switch (format) {
    case OutputFormat::kJson:
      WriteJson(DriversToJson(response), out);
      return;
    case OutputFormat::kCsv:
      WriteDriversCsv(response, out);
      return;
    case OutputFormat::kTable:
      WriteDriversTable(response, out);
      return;
  }
}

void WriteTrend(const v1::GetTrendResponse& response,
                const Grouping& grouping, v1::Metric metric,
                OutputFormat format, std::ostream& out) {
  switch (format) {
    case OutputFormat::kJson:
      WriteJson(TrendToJson(response, metric), out);
      return;
    case OutputFormat::kCsv:
      WriteTrendCsv(response, grouping, metric, out);
      return;
    case OutputFormat::kTable:
      WriteTrendTable(response, grouping, metric, out);
      return;
  }
}

void WriteAgents(const v1::RankAgentsResponse& response, v1::Metric metric,
                 OutputFormat format, std::ostream& out) {
  switch (format) {
    case OutputFormat::kJson:
      WriteJson(AgentsToJson(response), out);
      return;
    case OutputFormat::kCsv:
      WriteAgentsCsv(response, out);
      return;
    case OutputFormat::kTable:
      WriteAgentsTable(response, metric, out);
      return;
  }
}

}  // namespace cxscore::client
