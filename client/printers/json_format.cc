#include "client/printers/json_format.h"

namespace cxscore::client {
namespace {

void Flatten(const Json& node, const std::string& prefix,
             const std::string& skip,
             std::vector<std::pair<std::string, const Json*>>* leaves) {
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (prefix.empty() && !skip.empty() && it.key() == skip) continue;
    std::string path = prefix.empty() ? it.key() : prefix + "_" + it.key();
    if (it->is_object()) {
      Flatten(*it, path, "", leaves);
    } else {
      leaves->emplace_back(std::move(path), &*it);
    }
  }
}

}  // namespace

Json OptionalNumber(bool present, double value) {
  return present ? Json(value) : Json(nullptr);
}

void WriteJson(const Json& json, std::ostream& out) {
  out << json.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

std::vector<std::pair<std::string, const Json*>> FlattenJson(
    const Json& node, const std::string& skip) {
  std::vector<std::pair<std::string, const Json*>> leaves;
  Flatten(node, "", skip, &leaves);
  return leaves;
}

std::string CsvCell(const Json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace cxscore::client
