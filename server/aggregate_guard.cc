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

// The parts of a group's answer that could each come from different agents:
// one per metric (its histogram), and the service KPIs (interactions).
constexpr int kParts = kMetricCount + 1;

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

absl::Status CheckAggregateGroups(storage::Store& store,
                                  storage::RollupQuery query,
                                  const auth::Principal& principal) {
  query.group_by.push_back(storage::GroupDim::kAgent);
  absl::StatusOr<std::vector<storage::GroupCounts>> rows =
      store.QueryRollups(query);
  if (!rows.ok()) return rows.status();
  // Agents per answer group (the key without its last, agent, part) and
  // part: a group's NPS made of two agents' answers gives one of them the
  // other's, however many agents the group's other records name.
  struct Agents {
    int in_group = 0;
    std::array<int, kParts> per_part{};
  };
  std::map<std::vector<std::optional<std::string>>, Agents> agents_per_group;
  for (const storage::GroupCounts& row : *rows) {
    std::vector<std::optional<std::string>> group(row.key.begin(),
                                                  row.key.end() - 1);
    Agents& agents = agents_per_group[group];
    if (!row.key.back().has_value()) continue;
    ++agents.in_group;
    const std::array<bool, kParts> parts = PartsOf(row.counts);
    for (int p = 0; p < kParts; ++p) agents.per_part[p] += parts[p] ? 1 : 0;
  }
  for (const auto& [group, agents] : agents_per_group) {
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
