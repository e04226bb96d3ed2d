// The --format flag: how `cxscore scores` prints its answer.
#ifndef CXSCORE_CLIENT_OUTPUT_FORMAT_H_
#define CXSCORE_CLIENT_OUTPUT_FORMAT_H_

#include <ostream>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

enum class OutputFormat { kTable, kJson, kCsv };

// "table", "json" or "csv".
absl::StatusOr<OutputFormat> ParseOutputFormat(absl::string_view text);

// Writes `response` in `format`; `dimensions` is the request's group_by.
void WriteScores(const v1::GetScoresResponse& response,
                 const std::vector<v1::Dimension>& dimensions,
                 OutputFormat format, std::ostream& out);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_OUTPUT_FORMAT_H_
