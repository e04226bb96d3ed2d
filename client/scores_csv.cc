#include "client/scores_csv.h"

#include <utility>

#include "client/csv_writer.h"
#include "client/scores_json.h"
#include "client/scores_query.h"

namespace cxscore::client {
namespace {

using Json = nlohmann::ordered_json;

// Appends the leaves of `node` (skipping "key") as (path, value) pairs in
// document order. The CSV columns are thereby the JSON fields, always in
// step with the JSON format.
void Flatten(const Json& node, const std::string& prefix,
             std::vector<std::pair<std::string, const Json*>>* leaves) {
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (prefix.empty() && it.key() == "key") continue;
    std::string path = prefix.empty() ? it.key() : prefix + "_" + it.key();
    if (it->is_object()) {
      Flatten(*it, path, leaves);
    } else {
      leaves->emplace_back(std::move(path), &*it);
    }
  }
}

std::string Cell(const Json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::vector<std::string> ScoresCsvHeader(
    const std::vector<v1::Dimension>& dimensions) {
  std::vector<std::string> header;
  for (v1::Dimension d : dimensions) header.push_back(DimensionName(d));
  Json empty = GroupToJson(v1::GroupScores());
  std::vector<std::pair<std::string, const Json*>> leaves;
  Flatten(empty, "", &leaves);
  for (auto& [path, value] : leaves) header.push_back(path);
  return header;
}

void WriteScoresCsv(const v1::GetScoresResponse& response,
                    const std::vector<v1::Dimension>& dimensions,
                    std::ostream& out) {
  WriteCsvRow(out, ScoresCsvHeader(dimensions));
  for (const v1::GroupScores& group : response.groups()) {
    Json json = GroupToJson(group);
    std::vector<std::string> row;
    for (v1::Dimension d : dimensions) {
      auto it = json["key"].find(DimensionName(d));
      row.push_back(it == json["key"].end() ? "" : Cell(*it));
    }
    std::vector<std::pair<std::string, const Json*>> leaves;
    Flatten(json, "", &leaves);
    for (auto& [path, value] : leaves) row.push_back(Cell(*value));
    WriteCsvRow(out, row);
  }
}

}  // namespace cxscore::client
