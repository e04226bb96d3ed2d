#include "client/printers/output_format.h"

#include "absl/strings/str_cat.h"

namespace cxscore::client {

absl::StatusOr<OutputFormat> ParseOutputFormat(absl::string_view text) {
  if (text == "table") return OutputFormat::kTable;
  if (text == "json") return OutputFormat::kJson;
  if (text == "csv") return OutputFormat::kCsv;
  return absl::InvalidArgumentError(
      absl::StrCat("--format \"", text, "\": expected table, json or csv"));
}

}  // namespace cxscore::client
