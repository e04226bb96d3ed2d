// The data side of the rule that an agent token never reads a group of
// fewer than auth::kMinAgentsInAggregate agents (issue 11): how many
// distinct agents each group of an answer covers.
#ifndef CXSCORE_SERVER_AGGREGATE_GUARD_H_
#define CXSCORE_SERVER_AGGREGATE_GUARD_H_

#include "absl/status/status.h"
#include "server/auth/principal.h"
#include "storage/store.h"

namespace cxscore::server {

// OK when every group that `query` answers covers at least
// auth::kMinAgentsInAggregate distinct agents (unattributed records do not
// count as an agent), and so does each part of the group's answer that has
// data: each metric (the agents with answers to it) and the service KPIs
// (the agents with interactions); PERMISSION_DENIED naming the rule
// otherwise. (A team of three whose NPS comes from two of them would give
// either of the two the other's NPS.) Costs one
// rollup query grouped additionally by agent. `query` must not group by
// agent or by an attribute (the policy refuses both to agent aggregates).
absl::Status CheckAggregateGroups(storage::Store& store,
                                  storage::RollupQuery query,
                                  const auth::Principal& principal);

}  // namespace cxscore::server

#endif  // CXSCORE_SERVER_AGGREGATE_GUARD_H_
