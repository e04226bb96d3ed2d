#include "server/score_service.h"

namespace cxscore::server {

absl::StatusOr<std::vector<GroupScores>> ScoreService::GetScores(
    const storage::RollupQuery& query, NpsIntervalMethod method) {
  absl::StatusOr<std::vector<storage::GroupCounts>> groups =
      store_->QueryRollups(query);
  if (!groups.ok()) return groups.status();
  std::vector<GroupScores> scores;
  scores.reserve(groups->size());
  for (storage::GroupCounts& group : *groups) {
    ScoreSummary summary = Summarize(group.counts, method);
    scores.push_back({std::move(group), std::move(summary)});
  }
  // Without grouping the answer is one group even with no data, so that a
  // client always gets the totals (with n = 0 and null values).
  if (scores.empty() && query.group_by.empty())
    scores.push_back({{}, Summarize(RollupCounts{}, method)});
  return scores;
}

}  // namespace cxscore::server
