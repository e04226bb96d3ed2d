#include "server/aggregate_guard.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/metric.h"
#include "core/rollup.h"
#include "server/auth/policy.h"

namespace cxscore::server {
namespace {

constexpr int kParts = AgentsInGroup::kParts;

// Which parts `counts` (one agent's records in a group) contributes to.
std::array<bool, kParts> PartsOf(const RollupCounts& counts) {
  std::array<bool, kParts> parts{};
  for (int m = 0; m < kMetricCount; ++m) {
    const std::span<const int64_t> histogram =
        MetricInfoOf(kAllMetrics[m]).histogram(counts.scores);
    parts[m] = std::any_of(histogram.begin(), histogram.end(),
                           [](int64_t c) { return c != 0; });
  }
  parts[kMetricCount] = counts.service.interactions != 0;
  return parts;
}

}  // namespace

absl::StatusOr<AgentCounts> CountAgentsPerGroup(storage::Store& store,
                                                storage::RollupQuery query) {
  const auto grouped_by = [&](storage::GroupDim dim) {
    return std::find(query.group_by.begin(), query.group_by.end(), dim) !=
           query.group_by.end();
  };
  if (grouped_by(storage::GroupDim::kAttribute))
    return absl::InvalidArgumentError(
        "count_agents: agents cannot be counted per segment (attribute "
        "grouping)");
  // Grouped by agent already: each named group is one agent.
  const bool add_agent = !grouped_by(storage::GroupDim::kAgent);
  if (add_agent) query.group_by.push_back(storage::GroupDim::kAgent);
  absl::StatusOr<std::vector<storage::GroupCounts>> rows =
      store.QueryRollups(query);
  if (!rows.ok()) return rows.status();
  AgentCounts counts;
  for (const storage::GroupCounts& row : *rows) {
    std::vector<std::optional<std::string>> group(
        row.key.begin(), row.key.end() - (add_agent ? 1 : 0));
    AgentsInGroup& agents = counts[group];
    const size_t agent_part =
        add_agent ? row.key.size() - 1
                  : static_cast<size_t>(std::find(query.group_by.begin(),
                                                  query.group_by.end(),
                                                  storage::GroupDim::kAgent) -
                                        query.group_by.begin());
    if (!row.key[agent_part].has_value()) continue;  // unattributed
    ++agents.in_group;
    const std::array<bool, kParts> parts = PartsOf(row.counts);
    for (int p = 0; p < kParts; ++p) agents.per_part[p] += parts[p] ? 1 : 0;
  }
  return counts;
}

absl::Status CheckAggregateGroups(storage::Store& store,
                                  storage::RollupQuery query,
                                  const auth::Principal& principal) {
  query.exclude_agents.clear();
  // Agents per answer group and part: a group's NPS made of two agents'
  // answers gives one of them the other's, however many agents the group's
  // other records name.
  absl::StatusOr<AgentCounts> counts = CountAgentsPerGroup(store, query);
  if (!counts.ok()) return counts.status();
  for (const auto& [group, agents] : *counts) {
    if (absl::Status s = auth::CheckMinimumGroup(principal, agents.in_group);
        !s.ok())
      return s;
    for (int count : agents.per_part) {
      if (count == 0) continue;  // a part without data gives nothing away
      if (absl::Status s = auth::CheckMinimumGroup(principal, count); !s.ok())
        return s;
    }
  }
  return absl::OkStatus();
}

}  // namespace cxscore::server
