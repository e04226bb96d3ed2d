// The arguments of `cxscore agents`, checked and turned into a
// RankAgentsRequest before anything is sent.
#ifndef CXSCORE_CLIENT_COMMANDS_AGENTS_QUERY_H_
#define CXSCORE_CLIENT_COMMANDS_AGENTS_QUERY_H_

#include <string>

#include "absl/status/statusor.h"
#include "client/commands/selection_args.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

struct AgentsQuery {
  std::string rank_by;      // nps, csat, ces, ves; required
  SelectionArgs selection;  // --from, --to, --agent, --team, --channel
  std::string nps_interval = "adjusted-wald";  // or "wald"
};

// The metric (ParseMetric), selection (BuildSelection) and NPS interval
// method (ParseNpsInterval).
absl::StatusOr<v1::RankAgentsRequest> BuildAgentsRequest(
    const AgentsQuery& query);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_COMMANDS_AGENTS_QUERY_H_
