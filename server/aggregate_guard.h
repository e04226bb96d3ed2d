// The data side of the rule that an agent token never reads a group of
// fewer than auth::kMinAgentsInAggregate agents (issue 11): how many
// distinct agents each group of an answer covers.
#ifndef CXSCORE_SERVER_AGGREGATE_GUARD_H_
#define CXSCORE_SERVER_AGGREGATE_GUARD_H_

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/metric.h"
#include "server/auth/principal.h"
#include "storage/store.h"

namespace cxscore::server {

// How many distinct named agents have records in one group of an answer:
// in all, and per part of the answer that could come from different agents
// (one per Metric, in kAllMetrics order, then the service KPIs).
struct AgentsInGroup {
  static constexpr int kParts = kMetricCount + 1;
  int in_group = 0;
  std::array<int, kParts> per_part{};
};
using AgentCounts =
    std::map<std::vector<std::optional<std::string>>, AgentsInGroup>;

// AgentsInGroup for every group of `query`'s answer, keyed like
// storage::GroupCounts::key. One rollup query grouped additionally by agent
// (unless it groups by agent already); INVALID_ARGUMENT when `query` groups
// by an attribute.
absl::StatusOr<AgentCounts> CountAgentsPerGroup(storage::Store& store,
                                                storage::RollupQuery query);

// OK when every group that `query` answers covers at least
// auth::kMinAgentsInAggregate distinct agents (unattributed records do not
// count as an agent), and so does each part of the group's answer that has
// data: each metric (the agents with answers to it) and the service KPIs
// (the agents with interactions); PERMISSION_DENIED naming the rule
// otherwise. (A team of three whose NPS comes from two of them would give
// either of the two the other's NPS.) Costs one
// rollup query grouped additionally by agent. `query` must not group by
// agent or by an attribute (the policy refuses both to agent aggregates).
// Its exclude_agents are ignored: the policy lets an agent exclude only
// itself, and a group without the agent is the whole group minus the
// agent's own numbers, so the whole group is what has to be large enough.
absl::Status CheckAggregateGroups(storage::Store& store,
                                  storage::RollupQuery query,
                                  const auth::Principal& principal);

}  // namespace cxscore::server

#endif  // CXSCORE_SERVER_AGGREGATE_GUARD_H_
