// Wire messages of the analytics RPCs (GetDrivers, GetTrend, RankAgents)
// <-> core types.
#ifndef CXSCORE_SERVER_ANALYTICS_CONVERT_H_
#define CXSCORE_SERVER_ANALYTICS_CONVERT_H_

#include <vector>

#include "absl/status/statusor.h"
#include "core/agent_ranking.h"
#include "core/calendar.h"
#include "core/drivers.h"
#include "cxscore/v1/cxscore.pb.h"
#include "server/score_service.h"

namespace cxscore::server {

// INVALID_ARGUMENT naming `field` for METRIC_UNSPECIFIED or unknown values.
absl::StatusOr<DriverMetric> MetricFromProto(v1::Metric metric,
                                             std::string_view field);
absl::StatusOr<std::vector<ServiceKpi>> KpisFromProto(
    const v1::GetDriversRequest& in);
DriverLevel LevelFromProto(v1::DriverLevel level);
// DAY, WEEK or MONTH; INVALID_ARGUMENT naming `field` otherwise.
absl::StatusOr<Period> PeriodFromProto(v1::Dimension dimension,
                                       std::string_view field);

void ToProto(const DriversReport& report, v1::GetDriversResponse* out);
// `query`: the grouped query that produced the group (names its key).
void ToProto(const DriverGroup& group, const storage::RollupQuery& query,
             v1::DriverGroup* out);

// The selection and grouping of a drivers request. group_by may only hold
// one DIMENSION_ATTRIBUTE (ApplyAttributeGrouping), and only at
// DRIVER_LEVEL_RESPONSE; INVALID_ARGUMENT naming the field otherwise.
absl::StatusOr<storage::RollupQuery> DriversQueryFromProto(
    const v1::GetDriversRequest& in);
// `query`: the trend's selection with its grouping (without the period).
void ToProto(const TrendSeries& series, const storage::RollupQuery& query,
             v1::TrendSeries* out);

// The selection and grouping of a trend: group_by may hold agent, team,
// channel and attribute entries (ApplyAttributeGrouping). INVALID_ARGUMENT
// naming the field otherwise.
absl::StatusOr<storage::RollupQuery> TrendQueryFromProto(
    const v1::GetTrendRequest& in);
void ToProto(const AgentRanking& ranking, v1::RankAgentsResponse* out);
CommentFilter CommentFilterFromProto(v1::CommentFilter filter);
// customer_id is never copied.
void ToProto(const SurveyResponse& response, v1::Comment* out);

}  // namespace cxscore::server

#endif  // CXSCORE_SERVER_ANALYTICS_CONVERT_H_
