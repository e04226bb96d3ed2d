// The service logic behind the gRPC API, in plain C++ (no gRPC types), so it
// can be used and tested without a network. Every method blocks on rollup
// scans: call it off the RPC reactor.
#ifndef CXSCORE_SERVER_SCORE_SERVICE_H_
#define CXSCORE_SERVER_SCORE_SERVICE_H_

#include <array>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "core/agent_ranking.h"
#include "core/calendar.h"
#include "core/drivers.h"
#include "core/metric_score.h"
#include "core/scores.h"
#include "core/trend.h"
#include "storage/store.h"

namespace cxscore::server {

struct GroupScores {
  storage::GroupCounts group;  // key and the summed counts
  ScoreSummary summary;
  // Per Metric, this group minus the same group in the comparison
  // range; set when a comparison was asked for.
  std::optional<std::array<MetricDelta, kMetricCount>> comparison;
};

enum class DriverLevel { kResponse, kAgent, kWeek };

// Which commented responses ListComments returns. Detractors: NPS 0..6, or
// without an NPS answer CSAT 1..2; promoters: NPS 9..10, or without NPS
// CSAT 5.
enum class CommentFilter { kAny, kDetractors, kPromoters };

// The drivers of one group of a grouped GetDriverGroups.
struct DriverGroup {
  std::vector<std::optional<std::string>> key;  // as in storage::Grouped
  DriversReport report;
};

struct TrendSeries {
  std::vector<std::optional<std::string>> key;  // the attribution dims
  std::vector<TrendPoint> points;
};

class ScoreService {
 public:
  // `store` must outlive the service.
  explicit ScoreService(storage::Store* store) : store_(store) {}

  storage::Store& store() { return *store_; }

  // Scores per group, sorted by key. With `compare`, each group also gets
  // its deltas against the same group under `compare` (same grouping and
  // filters, another range).
  absl::StatusOr<std::vector<GroupScores>> GetScores(
      const storage::RollupQuery& query, NpsIntervalMethod method,
      const std::optional<storage::RollupQuery>& compare = std::nullopt);

  // `selection` must not group. kpis empty = all.
  absl::StatusOr<DriversReport> GetDrivers(
      const storage::RollupQuery& selection, std::span<const Kpi> kpis,
      DriverLevel level);

  // Response-level drivers per group of `grouped.group_by` (e.g. an
  // attribute), sorted by key; groups without linked responses are absent.
  absl::StatusOr<std::vector<DriverGroup>> GetDriverGroups(
      const storage::RollupQuery& grouped, std::span<const Kpi> kpis);

  // One series per group of `selection.group_by` (attribution dims or an
  // attribute).
  absl::StatusOr<std::vector<TrendSeries>> GetTrend(
      const storage::RollupQuery& selection, Period period, Metric metric,
      NpsIntervalMethod method);

  // Newest first; `limit` >= 1.
  absl::StatusOr<std::vector<SurveyResponse>> ListComments(
      const storage::RollupQuery& selection, CommentFilter filter,
      size_t limit);

  // `selection` must not group.
  absl::StatusOr<AgentRanking> RankAgents(const storage::RollupQuery& selection,
                                          Metric metric,
                                          NpsIntervalMethod method);

 private:
  storage::Store* store_;
};

}  // namespace cxscore::server

#endif  // CXSCORE_SERVER_SCORE_SERVICE_H_
