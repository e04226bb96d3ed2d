// Reads the small CSV fixtures under tests/core/testdata/ (RFC 4180 quoting).
#ifndef CXSCORE_TESTS_CORE_CSV_FIXTURE_H_
#define CXSCORE_TESTS_CORE_CSV_FIXTURE_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace cxscore::testing {

using CsvRow = std::map<std::string, std::string>;  // header -> cell

// Rows of `file` under tests/core/testdata/, keyed by the header line.
// Paths are relative to the repository root, the tests' working directory.
absl::StatusOr<std::vector<CsvRow>> ReadFixture(const std::string& file);

// The cell parsed as a number; a test failure and NaN when it is not one.
double Number(const CsvRow& row, const std::string& column);
int64_t Integer(const CsvRow& row, const std::string& column);

}  // namespace cxscore::testing

#endif  // CXSCORE_TESTS_CORE_CSV_FIXTURE_H_
