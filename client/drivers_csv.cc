#include "client/drivers_csv.h"

#include "client/csv_writer.h"
#include "client/drivers_json.h"
#include "client/json_format.h"

namespace cxscore::client {

std::vector<std::string> DriversCsvHeader() {
  std::vector<std::string> header;
  Json empty = DriverPairToJson(v1::DriverPair());
  for (auto& [path, value] : FlattenJson(empty)) header.push_back(path);
  return header;
}

void WriteDriversCsv(const v1::GetDriversResponse& response,
                     std::ostream& out) {
  WriteCsvRow(out, DriversCsvHeader());
  for (const v1::DriverPair& pair : response.pairs()) {
    Json json = DriverPairToJson(pair);
    std::vector<std::string> row;
    for (auto& [path, value] : FlattenJson(json)) {
      row.push_back(CsvCell(*value));
    }
    WriteCsvRow(out, row);
  }
}

void WriteDriverGroupsCsv(const v1::GetDriversResponse& response,
                          const Grouping& grouping, std::ostream& out) {
  const std::vector<std::string> columns = grouping.ColumnNames();
  std::vector<std::string> header = columns;
  for (std::string& name : DriversCsvHeader()) header.push_back(std::move(name));
  WriteCsvRow(out, header);
  for (const v1::DriverGroup& group : response.groups()) {
    std::vector<std::string> key_cells;
    for (const std::string& column : columns) {
      const v1::KeyPart* part = FindKeyPart(group.key(), column);
      key_cells.push_back(part != nullptr && part->has_value() ? part->value()
                                                               : "");
    }
    for (const v1::DriverPair& pair : group.pairs()) {
      std::vector<std::string> row = key_cells;
      Json json = DriverPairToJson(pair);
      for (auto& [path, value] : FlattenJson(json)) {
        row.push_back(CsvCell(*value));
      }
      WriteCsvRow(out, row);
    }
  }
}

}  // namespace cxscore::client
