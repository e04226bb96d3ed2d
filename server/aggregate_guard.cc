#include "server/aggregate_guard.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "server/auth/policy.h"

namespace cxscore::server {

absl::Status CheckAggregateGroups(storage::Store& store,
                                  storage::RollupQuery query,
                                  const auth::Principal& principal) {
  query.group_by.push_back(storage::GroupDim::kAgent);
  absl::StatusOr<std::vector<storage::GroupCounts>> rows =
      store.QueryRollups(query);
  if (!rows.ok()) return rows.status();
  // Agents per answer group: the key without its last (agent) part.
  std::map<std::vector<std::optional<std::string>>, int> agents_per_group;
  for (const storage::GroupCounts& row : *rows) {
    std::vector<std::optional<std::string>> group(row.key.begin(),
                                                  row.key.end() - 1);
    int& agents = agents_per_group[group];
    if (row.key.back().has_value()) ++agents;
  }
  for (const auto& [group, agents] : agents_per_group) {
    if (absl::Status s = auth::CheckMinimumGroup(principal, agents); !s.ok())
      return s;
  }
  return absl::OkStatus();
}

}  // namespace cxscore::server
