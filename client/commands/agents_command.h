// `cxscore agents`: one RankAgents call, its answer as a Table (one row per
// agent) printed in the chosen format. The JSON shape is what other
// programs read (docs/cli.md): field names and nesting are a contract.
#ifndef CXSCORE_CLIENT_COMMANDS_AGENTS_COMMAND_H_
#define CXSCORE_CLIENT_COMMANDS_AGENTS_COMMAND_H_

#include <ostream>

#include "client/commands/agents_query.h"
#include "client/commands/query_command.h"
#include "client/printers/table.h"
#include "cxscore/v1/cxscore.grpc.pb.h"

namespace cxscore::client {

struct AgentsCommandOptions : QueryCommandOptions {
  AgentsQuery query;
};

// As RunScoresCommand: 0, or 2 when the query is invalid (before any call)
// or the call fails with any status.
int RunAgentsCommand(v1::CxScore::StubInterface& stub,
                     const AgentsCommandOptions& options, std::ostream& out,
                     std::ostream& err);

// The answer in every format; `metric` is the ranking metric.
//  - table: the ranking with raw and adjusted values, the agents that need
//    attention marked, and a footnote on "adjusted" (docs/cli.md).
//  - json: {"agents": [AgentToJson(a)...] (the server's order: by adjusted
//    value, best first), "needs_attention": ["id", ...],
//    "selection": {"n", "value", "ci_low", "ci_high"} (all agents together),
//    "prior": {"strength": pseudo-responses, "fitted": bool}}.
//  - csv: one row per agent in the server's order: AgentToJson's fields,
//    then needs_attention (true/false). The selection and prior are in the
//    json format only.
Table AgentsTable(const v1::RankAgentsResponse& response, v1::Metric metric);

// PrintTable(AgentsTable(...)).
void WriteAgents(const v1::RankAgentsResponse& response, v1::Metric metric,
                 OutputFormat format, std::ostream& out);

// {"agent", "n", "value", "ci_low", "ci_high", "adjusted"}; unset numbers
// null, numbers unrounded.
Json AgentToJson(const v1::AgentRank& agent);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_COMMANDS_AGENTS_COMMAND_H_
