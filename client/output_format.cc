#include "client/output_format.h"

#include "absl/strings/str_cat.h"
#include "client/scores_csv.h"
#include "client/scores_json.h"
#include "client/scores_table.h"

namespace cxscore::client {

absl::StatusOr<OutputFormat> ParseOutputFormat(absl::string_view text) {
  if (text == "table") return OutputFormat::kTable;
  if (text == "json") return OutputFormat::kJson;
  if (text == "csv") return OutputFormat::kCsv;
  return absl::InvalidArgumentError(
      absl::StrCat("--format \"", text, "\": expected table, json or csv"));
}

void WriteScores(const v1::GetScoresResponse& response,
                 const std::vector<v1::Dimension>& dimensions,
                 OutputFormat format, std::ostream& out) {
  switch (format) {
    case OutputFormat::kJson:
      // Invalid UTF-8 from the server becomes U+FFFD instead of throwing.
      out << ScoresToJson(response).dump(
                 2, ' ', false,
                 nlohmann::ordered_json::error_handler_t::replace)
          << "\n";
      return;
    case OutputFormat::kCsv:
      WriteScoresCsv(response, dimensions, out);
      return;
    case OutputFormat::kTable:
      WriteScoresTable(response, dimensions, out);
      return;
  }
}

}  // namespace cxscore::client
