#include "client/commands/agents_query.h"

#include <utility>

#include "client/commands/metric_names.h"
#include "client/commands/scores_query.h"

namespace cxscore::client {

absl::StatusOr<v1::RankAgentsRequest> BuildAgentsRequest(
    const AgentsQuery& query) {
  v1::RankAgentsRequest request;
  if (query.rank_by.empty()) {
    return absl::InvalidArgumentError(
        "--rank-by is required: one of nps, csat, ces, ves");
  }
  absl::StatusOr<v1::Metric> metric = ParseMetric(query.rank_by, "--rank-by");
  if (!metric.ok()) return metric.status();
  request.set_rank_by(*metric);

  absl::StatusOr<v1::Selection> selection = BuildSelection(query.selection);
  if (!selection.ok()) return selection.status();
  *request.mutable_selection() = *std::move(selection);

  absl::StatusOr<v1::NpsInterval> nps_interval =
      ParseNpsInterval(query.nps_interval);
  if (!nps_interval.ok()) return nps_interval.status();
  request.set_nps_interval(*nps_interval);
  return request;
}

}  // namespace cxscore::client
