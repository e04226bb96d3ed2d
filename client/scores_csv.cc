#include "client/scores_csv.h"

#include "client/csv_writer.h"
#include "client/json_format.h"
#include "client/scores_json.h"
#include "client/scores_query.h"

namespace cxscore::client {

// The CSV columns are the JSON fields (FlattenJson), always in step with the
// JSON format.
std::vector<std::string> ScoresCsvHeader(
    const Grouping& grouping, bool compared) {
  std::vector<std::string> header;
  for (const std::string& name : grouping.ColumnNames()) {
    header.push_back(name);
  }
  Json empty = GroupToJson(v1::GroupScores(), compared);
  for (auto& [path, value] : FlattenJson(empty, "key")) {
    header.push_back(path);
  }
  return header;
}

void WriteScoresCsv(const v1::GetScoresResponse& response,
                    const Grouping& grouping, bool compared,
                    std::ostream& out) {
  WriteCsvRow(out, ScoresCsvHeader(grouping, compared));
  const std::vector<std::string> columns = grouping.ColumnNames();
  for (const v1::GroupScores& group : response.groups()) {
    Json json = GroupToJson(group, compared);
    std::vector<std::string> row;
    for (const std::string& column : columns) {
      auto it = json["key"].find(column);
      row.push_back(it == json["key"].end() ? "" : CsvCell(*it));
    }
    for (auto& [path, value] : FlattenJson(json, "key")) {
      row.push_back(CsvCell(*value));
    }
    WriteCsvRow(out, row);
  }
}

}  // namespace cxscore::client
