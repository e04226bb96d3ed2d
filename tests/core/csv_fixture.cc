#include "tests/core/csv_fixture.h"

#include <cstdint>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace cxscore::testing {
namespace {

constexpr char kTestdataDir[] = "tests/core/testdata/";

// Splits RFC 4180 text into records of fields. Quoted fields may hold
// commas, doubled quotes and line breaks.
absl::StatusOr<std::vector<std::vector<std::string>>> ParseCsv(
    const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  bool field_started = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted) {
      if (ch != '"') {
        field += ch;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
      continue;
    }
    if (ch == '"') {
      quoted = true;
      field_started = true;
    } else if (ch == ',') {
      record.push_back(std::move(field));
      field.clear();
      field_started = true;
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (field_started || !field.empty()) {
        record.push_back(std::move(field));
        records.push_back(std::move(record));
      }
      record.clear();
      field.clear();
      field_started = false;
    } else {
      field += ch;
      field_started = true;
    }
  }
  if (quoted) return absl::DataLossError("unterminated quoted field");
  if (field_started || !field.empty()) {
    record.push_back(std::move(field));
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace

absl::StatusOr<std::vector<CsvRow>> ReadFixture(const std::string& file) {
  const std::string path = absl::StrCat(kTestdataDir, file);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat(
        "cannot open ", path, "; run the test from the repository root"));
  }
  std::stringstream text;
  text << in.rdbuf();
  absl::StatusOr<std::vector<std::vector<std::string>>> records =
      ParseCsv(text.str());
  if (!records.ok()) return records.status();
  if (records->empty())
    return absl::DataLossError(absl::StrCat(path, " is empty"));
  const std::vector<std::string>& header = records->front();
  std::vector<CsvRow> rows;
  for (size_t r = 1; r < records->size(); ++r) {
    const std::vector<std::string>& record = (*records)[r];
    if (record.size() != header.size()) {
      return absl::DataLossError(absl::StrCat(path, " record ", r, " has ",
                                              record.size(), " fields, header ",
                                              header.size()));
    }
    CsvRow row;
    for (size_t c = 0; c < header.size(); ++c) row[header[c]] = record[c];
    rows.push_back(std::move(row));
  }
  return rows;
}

double Number(const CsvRow& row, const std::string& column) {
  double value = std::numeric_limits<double>::quiet_NaN();
  const auto it = row.find(column);
  if (it == row.end() || !absl::SimpleAtod(it->second, &value)) {
    ADD_FAILURE() << "column " << column << " is missing or not a number";
  }
  return value;
}

int64_t Integer(const CsvRow& row, const std::string& column) {
  int64_t value = 0;
  const auto it = row.find(column);
  if (it == row.end() || !absl::SimpleAtoi(it->second, &value)) {
    ADD_FAILURE() << "column " << column << " is missing or not an integer";
  }
  return value;
}

}  // namespace cxscore::testing
