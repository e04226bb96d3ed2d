// `cxscore scores`: one GetScores call, its answer as a Table (one row per
// group) printed in the chosen format. The JSON shape is what other
// programs read (docs/cli.md): field names and nesting are a contract.
#ifndef CXSCORE_CLIENT_COMMANDS_SCORES_COMMAND_H_
#define CXSCORE_CLIENT_COMMANDS_SCORES_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

#include "client/commands/query_command.h"
#include "client/commands/scores_query.h"
#include "client/printers/table.h"
#include "cxscore/v1/cxscore.grpc.pb.h"

namespace cxscore::client {

struct ScoresCommandOptions : QueryCommandOptions {
  ScoresQuery query;
};

// Checks the query (exit 2 before any call when it is wrong), calls
// GetScores with the deadline, writes the result to `out` and errors to
// `err`. Returns 0, or 2 when the query is invalid or the call fails with
// any status.
int RunScoresCommand(v1::CxScore::StubInterface& stub,
                     const ScoresCommandOptions& options, std::ostream& out,
                     std::ostream& err);

// The answer in every format; `grouping` is the request's grouping (it
// names the key columns also when there are no groups), `compared` whether
// the request asked for a comparison (--compare).
//  - table: one line per group, "(none)" for an unattributed key value, "-"
//    for an absent number, rounded for reading; with no groups a note
//    instead of rows; with `compared` a Δ column after each metric's n and
//    a footnote.
//  - json: ScoresToJson.
//  - csv: ScoresCsvHeader, then one row per group: the key's values (empty
//    = unattributed), then every leaf of GroupToJson, unrounded.
Table ScoresTable(const v1::GetScoresResponse& response,
                  const Grouping& grouping, bool compared);

// PrintTable(ScoresTable(...)).
void WriteScores(const v1::GetScoresResponse& response,
                 const Grouping& grouping, bool compared, OutputFormat format,
                 std::ostream& out);

// {"groups": [GroupToJson(g, compared)...]} in the server's order.
Json ScoresToJson(const v1::GetScoresResponse& response, bool compared = false);

// {"key": {...}, "nps": {...}, "csat": {...}, "ces": {...}, "ves": {...},
//  "service": {...}}, and with `compared` (--compare) also
// "comparison": {"nps": Delta, "csat": Delta, "ces": Delta, "ves": Delta},
// each Delta {"delta", "ci_low", "ci_high", "p", "other_n", "other_value"}.
// The key holds one entry per grouped dimension, named as on the command
// line, with null for an unattributed value. A value or bound unset on the
// wire (n = 0) is null; numbers are not rounded.
Json GroupToJson(const v1::GroupScores& group, bool compared = false);

// The CSV header for `grouping`: the grouped dimensions (named as on the
// command line), then every number of GroupToJson named by its JSON path
// joined with '_' (nps_n, ..., service_time_to_close_s_p50, ..., and with
// `compared` comparison_nps_delta, ...).
std::vector<std::string> ScoresCsvHeader(const Grouping& grouping,
                                         bool compared = false);

// A comparison cell: "+20.0 [7.6, 32.4] ↑" (↑ or ↓ when p < 0.05); "-" when
// the delta is unset.
std::string FormatDelta(const v1::Delta& delta);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_COMMANDS_SCORES_COMMAND_H_
