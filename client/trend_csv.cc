#include "client/trend_csv.h"

#include "client/csv_writer.h"
#include "client/json_format.h"
#include "client/scores_query.h"
#include "client/trend_json.h"

namespace cxscore::client {

std::vector<std::string> TrendCsvHeader(
    const Grouping& grouping, v1::Metric metric) {
  std::vector<std::string> header;
  for (const std::string& name : grouping.ColumnNames()) {
    header.push_back(name);
  }
  Json empty = TrendPointToJson(v1::TrendPoint(), metric);
  for (auto& [path, value] : FlattenJson(empty)) header.push_back(path);
  return header;
}

void WriteTrendCsv(const v1::GetTrendResponse& response,
                   const Grouping& grouping,
                   v1::Metric metric, std::ostream& out) {
  WriteCsvRow(out, TrendCsvHeader(grouping, metric));
  const std::vector<std::string> columns = grouping.ColumnNames();
  for (const v1::TrendSeries& series : response.series()) {
    Json key = KeyToJson(series.key());
    std::vector<std::string> key_cells;
    for (const std::string& column : columns) {
      auto it = key.find(column);
      key_cells.push_back(it == key.end() ? "" : CsvCell(*it));
    }
    for (const v1::TrendPoint& point : series.points()) {
      std::vector<std::string> row = key_cells;
      Json json = TrendPointToJson(point, metric);
      for (auto& [path, value] : FlattenJson(json)) {
        row.push_back(CsvCell(*value));
      }
      WriteCsvRow(out, row);
    }
  }
}

}  // namespace cxscore::client
