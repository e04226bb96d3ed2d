// Helpers of the output tests of the analytics commands (drivers, trend,
// agents, scores --compare): parse what a renderer printed.
#ifndef CXSCORE_TESTS_CLIENT_COMMANDS_OUTPUT_TEST_UTIL_H_
#define CXSCORE_TESTS_CLIENT_COMMANDS_OUTPUT_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "client/import/csv_reader.h"
#include "nlohmann/json.hpp"

namespace cxscore::client {

inline constexpr double kThird = 1.0 / 3.0;  // not representable in few digits

inline std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::istringstream in(text);
  CsvReader reader(&in);
  std::vector<std::vector<std::string>> rows;
  CsvRecord record;
  while (reader.Next(&record)) rows.push_back(record.fields);
  return rows;
}

// The lines of `text`, which must end with a newline.
inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines = absl::StrSplit(text, '\n');
  EXPECT_EQ(lines.back(), "");
  lines.pop_back();
  return lines;
}

// The keys of a printed JSON object in document order.
inline std::vector<std::string> OrderedKeys(const std::string& printed,
                                            const std::string& pointer) {
  nlohmann::ordered_json json = nlohmann::ordered_json::parse(printed);
  std::vector<std::string> keys;
  const auto& object = json.at(nlohmann::ordered_json::json_pointer(pointer));
  for (auto it = object.begin(); it != object.end(); ++it) {
    keys.push_back(it.key());
  }
  return keys;
}

}  // namespace cxscore::client

#endif  // CXSCORE_TESTS_CLIENT_COMMANDS_OUTPUT_TEST_UTIL_H_
