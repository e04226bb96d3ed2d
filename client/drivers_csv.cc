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

}  // namespace cxscore::client
