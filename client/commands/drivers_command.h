// `cxscore drivers`: one GetDrivers call, its answer as a Table printed in
// the chosen format. The JSON shape is what other programs read
// (docs/cli.md): field names and nesting are a contract.
#ifndef CXSCORE_CLIENT_COMMANDS_DRIVERS_COMMAND_H_
#define CXSCORE_CLIENT_COMMANDS_DRIVERS_COMMAND_H_

#include <optional>
#include <ostream>
#include <string>

#include "client/commands/drivers_query.h"
#include "client/commands/query_command.h"
#include "client/commands/scores_query.h"
#include "client/printers/table.h"
#include "cxscore/v1/cxscore.grpc.pb.h"

namespace cxscore::client {

struct DriversCommandOptions : QueryCommandOptions {
  DriversQuery query;
};

// As RunScoresCommand: 0, or 2 when the query is invalid (before any call)
// or the call fails with any status.
int RunDriversCommand(v1::CxScore::StubInterface& stub,
                      const DriversCommandOptions& options, std::ostream& out,
                      std::ostream& err);

// The answer in every format. Ungrouped (`grouping` empty):
//  - table: the verdict, the ranking of the metrics and every pair.
//  - json: {"pairs": [DriverPairToJson(p)...], "ranking": [{"metric",
//    "kpi", "strength"}...], "verdict": "..."}, in the server's order.
//  - csv: one row per pair (DriverPairToJson).
// Grouped (--by attr.NAME), per group:
//  - table: a line with its key ("attr.plan gold"), then the group as
//    above, a blank line between groups; "(no records match)" without
//    groups.
//  - json: {"groups": [{"key": {...}, "pairs", "ranking", "verdict"}...]}.
//  - csv: the key's values, then the pair's columns.
Table DriversTable(const v1::GetDriversResponse& response,
                   const Grouping& grouping = {});

// PrintTable(DriversTable(...)).
void WriteDrivers(const v1::GetDriversResponse& response,
                  const Grouping& grouping, OutputFormat format,
                  std::ostream& out);
void WriteDrivers(const v1::GetDriversResponse& response, OutputFormat format,
                  std::ostream& out);

// {"metric": "ces", "kpi": "time_to_close", "n", "rho", "ci_low",
//  "ci_high", "p", "q", "significant"}; rho and its interval null when the
// server leaves them unset (n < 2, a constant column). Metric and KPI as
// named on the command line (metric_names.h).
Json DriverPairToJson(const v1::DriverPair& pair);

// A correlation with two decimals ("-0.42", never "-0.00"); "-" when absent.
std::string FormatRho(std::optional<double> rho);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_COMMANDS_DRIVERS_COMMAND_H_
