// What every `--format json` and `--format csv` output shares: nullable
// numbers, printing, and the CSV columns derived from the JSON.
#ifndef CXSCORE_CLIENT_PRINTERS_JSON_FORMAT_H_
#define CXSCORE_CLIENT_PRINTERS_JSON_FORMAT_H_

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "nlohmann/json.hpp"

namespace cxscore::client {

using Json = nlohmann::ordered_json;

// `value` when present, else null (never 0): for proto `optional` fields.
Json OptionalNumber(bool present, double value);

// Indented, one field per line, then a newline. Invalid UTF-8 from the
// server becomes U+FFFD instead of throwing.
void WriteJson(const Json& json, std::ostream& out);

// The leaves of the object `node` as (path, value) pairs in document order,
// nested names joined with '_' ({"a": {"b": 1}} gives "a_b"). Members of
// `node` itself named `skip` are left out. Arrays are leaves.
std::vector<std::pair<std::string, const Json*>> FlattenJson(
    const Json& node, const std::string& skip = "");

// A CSV cell: "" for null, a string as is, anything else as JSON text
// (numbers unrounded, true/false).
std::string CsvCell(const Json& value);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_PRINTERS_JSON_FORMAT_H_
