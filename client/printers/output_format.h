// The --format flag: how a query command prints its answer (table.h).
#ifndef CXSCORE_CLIENT_PRINTERS_OUTPUT_FORMAT_H_
#define CXSCORE_CLIENT_PRINTERS_OUTPUT_FORMAT_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace cxscore::client {

enum class OutputFormat { kTable, kJson, kCsv };

// "table", "json" or "csv".
absl::StatusOr<OutputFormat> ParseOutputFormat(absl::string_view text);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_PRINTERS_OUTPUT_FORMAT_H_
