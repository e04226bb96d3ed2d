// `cxscore agents --format json`: the JSON shape other programs read
// (docs/cli.md). Field names and nesting are a contract; do not rename.
#ifndef CXSCORE_CLIENT_AGENTS_JSON_H_
#define CXSCORE_CLIENT_AGENTS_JSON_H_

#include "client/json_format.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

// {"agents": [AgentToJson(a)...] (the server's order: by adjusted value,
//  best first), "needs_attention": ["id", ...],
//  "selection": {"n", "value", "ci_low", "ci_high"} (all agents together),
//  "prior": {"strength": pseudo-responses, "fitted": bool}}.
Json AgentsToJson(const v1::RankAgentsResponse& response);

// {"agent", "n", "value", "ci_low", "ci_high", "adjusted"}; unset numbers
// null, numbers unrounded.
Json AgentToJson(const v1::AgentRank& agent);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_AGENTS_JSON_H_
