#include "server/score_service.h"

#include <algorithm>
#include <map>

namespace cxscore::server {
namespace {

storage::GroupDim GroupDimOf(Period period) {
  switch (period) {
    case Period::kDay:
      return storage::GroupDim::kDay;
    case Period::kWeek:
      return storage::GroupDim::kWeek;
    case Period::kMonth:
      return storage::GroupDim::kMonth;
  }
  return storage::GroupDim::kDay;
}

}  // namespace

absl::StatusOr<std::vector<GroupScores>> ScoreService::GetScores(
    const storage::RollupQuery& query, NpsIntervalMethod method,
    const std::optional<storage::RollupQuery>& compare) {
  absl::StatusOr<std::vector<storage::GroupCounts>> groups =
      store_->QueryRollups(query);
  if (!groups.ok()) return groups.status();
  std::vector<GroupScores> scores;
  scores.reserve(groups->size());
  for (storage::GroupCounts& group : *groups) {
    ScoreSummary summary = Summarize(group.counts, method);
    scores.push_back({std::move(group), std::move(summary), std::nullopt});
  }
  // Without grouping the answer is one group even with no data, so that a
  // client always gets the totals (with n = 0 and null values).
  if (scores.empty() && query.group_by.empty())
    scores.push_back({{}, Summarize(RollupCounts{}, method), std::nullopt});
  if (!compare) return scores;

  absl::StatusOr<std::vector<storage::GroupCounts>> others =
      store_->QueryRollups(*compare);
  if (!others.ok()) return others.status();
  std::map<std::vector<std::optional<std::string>>, const ScoreCounts*> by_key;
  for (const storage::GroupCounts& other : *others)
    by_key[other.key] = &other.counts.scores;
  const ScoreCounts empty;
  for (GroupScores& group : scores) {
    const auto it = by_key.find(group.group.key);
    const ScoreCounts& other = it == by_key.end() ? empty : *it->second;
    auto& deltas = group.comparison.emplace();
    for (Metric metric : kAllMetrics)
      deltas[static_cast<int>(metric)] =
          CompareMetric(group.group.counts.scores, other, metric);
  }
  return scores;
}

absl::StatusOr<DriversReport> ScoreService::GetDrivers(
    const storage::RollupQuery& selection, std::span<const Kpi> kpis,
    DriverLevel level) {
  if (level == DriverLevel::kResponse) {
    absl::StatusOr<std::vector<storage::GroupDriverCounts>> groups =
        store_->QueryDrivers(selection);
    if (!groups.ok()) return groups.status();
    return AnalyzeDrivers(
        groups->empty() ? DriverCounts{} : (*groups)[0].counts, kpis);
  }
  storage::RollupQuery by_unit = selection;
  by_unit.group_by = {level == DriverLevel::kAgent ? storage::GroupDim::kAgent
                                                   : storage::GroupDim::kWeek};
  absl::StatusOr<std::vector<storage::GroupCounts>> groups =
      store_->QueryRollups(by_unit);
  if (!groups.ok()) return groups.status();
  std::vector<UnitObservation> units;
  for (const storage::GroupCounts& group : *groups) {
    if (!group.key[0]) continue;  // unattributed is not an agent
    units.push_back(UnitObservationOf(group.counts));
  }
  return AnalyzeDriverUnits(units, kpis,
                            level == DriverLevel::kAgent ? "agent" : "week");
}

absl::StatusOr<std::vector<DriverGroup>> ScoreService::GetDriverGroups(
    const storage::RollupQuery& grouped, std::span<const Kpi> kpis) {
  absl::StatusOr<std::vector<storage::GroupDriverCounts>> groups =
      store_->QueryDrivers(grouped);
  if (!groups.ok()) return groups.status();
  std::vector<DriverGroup> reports;
  reports.reserve(groups->size());
  for (storage::GroupDriverCounts& group : *groups)
    reports.push_back(
        {std::move(group.key), AnalyzeDrivers(group.counts, kpis)});
  return reports;
}

absl::StatusOr<std::vector<TrendSeries>> ScoreService::GetTrend(
    const storage::RollupQuery& selection, Period period, Metric metric,
    NpsIntervalMethod method) {
  storage::RollupQuery query = selection;
  query.group_by.push_back(GroupDimOf(period));
  absl::StatusOr<std::vector<storage::GroupCounts>> groups =
      store_->QueryRollups(query);
  if (!groups.ok()) return groups.status();
  // Groups are sorted by key, so each series' periods are consecutive.
  std::vector<TrendSeries> series;
  std::vector<PeriodCounts> periods;
  const auto flush = [&]() -> absl::Status {
    if (periods.empty()) return absl::OkStatus();
    absl::StatusOr<std::vector<TrendPoint>> points =
        BuildTrend(periods, period, metric, method);
    if (!points.ok()) return points.status();
    // Periods at either end without an answer to this metric are trimmed.
    while (!points->empty() && points->back().score.n == 0) points->pop_back();
    auto first =
        std::find_if(points->begin(), points->end(),
                     [](const TrendPoint& p) { return p.score.n > 0; });
    points->erase(points->begin(), first);
    series.back().points = *std::move(points);
    periods.clear();
    return absl::OkStatus();
  };
  for (storage::GroupCounts& group : *groups) {
    std::optional<std::string> period_key = std::move(group.key.back());
    group.key.pop_back();
    if (series.empty() || series.back().key != group.key) {
      if (absl::Status s = flush(); !s.ok()) return s;
      series.push_back({group.key, {}});
    }
    periods.push_back({period_key.value_or(""), group.counts.scores});
  }
  if (absl::Status s = flush(); !s.ok()) return s;
  // Series with no answer to this metric carry nothing to show.
  std::erase_if(series, [](const TrendSeries& s) { return s.points.empty(); });
  return series;
}

absl::StatusOr<std::vector<SurveyResponse>> ScoreService::ListComments(
    const storage::RollupQuery& selection, CommentFilter filter, size_t limit) {
  const auto accept = [filter](const SurveyResponse& r) {
    switch (filter) {
      case CommentFilter::kAny:
        return true;
      case CommentFilter::kDetractors:
        return r.nps ? *r.nps <= 6 : (r.csat && *r.csat <= 2);
      case CommentFilter::kPromoters:
        return r.nps ? *r.nps >= 9 : (r.csat && *r.csat == 5);
    }
    return false;
  };
  return store_->ListComments(selection, limit, accept);
}

absl::StatusOr<AgentRanking> ScoreService::RankAgents(
    const storage::RollupQuery& selection, Metric metric,
    NpsIntervalMethod method) {
  storage::RollupQuery query = selection;
  query.group_by = {storage::GroupDim::kAgent};
  absl::StatusOr<std::vector<storage::GroupCounts>> groups =
      store_->QueryRollups(query);
  if (!groups.ok()) return groups.status();
  std::vector<AgentCounts> agents;
  for (storage::GroupCounts& group : *groups) {
    if (!group.key[0]) continue;  // unattributed is not an agent
    agents.push_back({*std::move(group.key[0]), group.counts.scores});
  }
  return cxscore::RankAgents(agents, metric, method);
}

}  // namespace cxscore::server
