// Writes RFC 4180 CSV rows (the rejects file, `--format csv`).
#ifndef CXSCORE_CLIENT_PRINTERS_CSV_WRITER_H_
#define CXSCORE_CLIENT_PRINTERS_CSV_WRITER_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace cxscore::client {

// Returns `value` as one CSV field: verbatim unless it holds a comma, quote,
// CR or LF (or starts/ends with a space), then enclosed in quotes with inner
// quotes doubled.
std::string CsvField(absl::string_view value);

// Writes the fields separated by commas and ended by "\n".
void WriteCsvRow(std::ostream& out, const std::vector<std::string>& fields);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_PRINTERS_CSV_WRITER_H_
