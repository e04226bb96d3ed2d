#include "client/commands/group_key.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "client/printers/table_format.h"

namespace cxscore::client {

Json KeyToJson(const Key& key) {
  Json out = Json::object();
  for (const v1::KeyPart& part : key) {
    out[KeyPartName(part)] =
        part.has_value() ? Json(part.value()) : Json(nullptr);
  }
  return out;
}

std::vector<std::string> KeyCsvCells(const Key& key,
                                     const std::vector<std::string>& columns) {
  const Json json = KeyToJson(key);
  std::vector<std::string> cells;
  for (const std::string& column : columns) {
    auto it = json.find(column);
    cells.push_back(it == json.end() ? "" : CsvCell(*it));
  }
  return cells;
}

std::string KeyText(const Key& key, const Grouping& grouping) {
  std::vector<std::string> parts;
  for (const std::string& name : grouping.ColumnNames()) {
    std::string value(kAbsent);
    if (const v1::KeyPart* part = FindKeyPart(key, name)) {
      value = part->has_value() ? part->value() : std::string(kUnattributed);
    }
    parts.push_back(absl::StrCat(name, " ", value));
  }
  if (parts.empty()) return "all";
  return absl::StrJoin(parts, ", ");
}

}  // namespace cxscore::client
