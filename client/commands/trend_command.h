// `cxscore trend`: one GetTrend call, its answer as a Table (a series per
// group, a point per period) printed in the chosen format. The JSON shape is
// what other programs read (docs/cli.md): field names and nesting are a
// contract.
#ifndef CXSCORE_CLIENT_COMMANDS_TREND_COMMAND_H_
#define CXSCORE_CLIENT_COMMANDS_TREND_COMMAND_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "client/commands/query_command.h"
#include "client/commands/scores_query.h"
#include "client/commands/trend_query.h"
#include "client/printers/table.h"
#include "cxscore/v1/cxscore.grpc.pb.h"

namespace cxscore::client {

struct TrendCommandOptions : QueryCommandOptions {
  TrendQuery query;
};

// As RunScoresCommand: 0, or 2 when the query is invalid (before any call)
// or the call fails with any status.
int RunTrendCommand(v1::CxScore::StubInterface& stub,
                    const TrendCommandOptions& options, std::ostream& out,
                    std::ostream& err);

// The answer in every format; `grouping` is the request's grouping,
// `metric` the trended metric.
//  - table: per series a header line with its key and a sparkline, then its
//    points; a footnote on the change marks.
//  - json: {"series": [{"key": {...}, "points": [TrendPointToJson(p,
//    metric)...]}]} in the server's order, the key as in `scores`.
//  - csv: one row per point: the key's values, then TrendPointToJson's.
Table TrendTable(const v1::GetTrendResponse& response, const Grouping& grouping,
                 v1::Metric metric);

// PrintTable(TrendTable(...)).
void WriteTrend(const v1::GetTrendResponse& response, const Grouping& grouping,
                v1::Metric metric, OutputFormat format, std::ostream& out);

// {"period", "n", "value", "ci_low", "ci_high", "change", "p"}; change is
// "drop", "rise" or null (empty on the wire). For METRIC_NPS also
// "promoters", "passives", "detractors" (shares in percent). Unset numbers
// are null; numbers are not rounded.
Json TrendPointToJson(const v1::TrendPoint& point, v1::Metric metric);

// One character per value: ▁▂▃▄▅▆▇█ from the smallest present value to the
// largest (linear), a space for an absent value (a period without data).
// All present values equal: ▄ each.
std::string Sparkline(const std::vector<std::optional<double>>& values);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_COMMANDS_TREND_COMMAND_H_
