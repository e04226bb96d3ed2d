// Requests in: wire messages (cxscore.v1) -> domain and storage types. No
// logic beyond the mapping and the checks of the request's shape
// (INVALID_ARGUMENT naming the field); record validation happens in core,
// behind the store. Enum values are mapped by wire/enum_mapping.h.
#ifndef CXSCORE_SERVER_REQUEST_CONVERT_H_
#define CXSCORE_SERVER_REQUEST_CONVERT_H_

#include <optional>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "core/calendar.h"
#include "core/metric.h"
#include "core/records.h"
#include "cxscore/v1/cxscore.pb.h"
#include "server/score_service.h"
#include "storage/store.h"

namespace cxscore::server {

Interaction FromProto(const v1::Interaction& in);
SurveyResponse FromProto(const v1::SurveyResponse& in);

// INVALID_ARGUMENT naming the field for unspecified or repeated dimensions
// and for an empty range (to not after from).
absl::StatusOr<storage::RollupQuery> FromProto(const v1::GetScoresRequest& in);
// The comparison range of a GetScoresRequest applied to `query`; nullopt when
// the request does not compare.
absl::StatusOr<std::optional<storage::RollupQuery>> CompareQueryFromProto(
    const v1::GetScoresRequest& in, const storage::RollupQuery& query);
absl::StatusOr<storage::RollupQuery> FromProto(const v1::Selection& in);
// INVALID_ARGUMENT naming `field` for DIMENSION_UNSPECIFIED or unknown values.
absl::StatusOr<storage::GroupDim> GroupDimFromProto(v1::Dimension dimension,
                                                    std::string_view field);

// Names the DIMENSION_ATTRIBUTE entries of `query->group_by` after `names`
// (a request's group_by_attributes) and sets query->attributes.
// INVALID_ARGUMENT naming group_by_attributes when the count does not match,
// there is more than one, a name is empty, too long or not UTF-8, or the
// query also groups or filters by agent, team or channel (`filter_prefix`
// is prepended to the filter's field name, e.g. "selection.").
// REQUIRES: query->group_by and the filters are already set.
absl::Status ApplyAttributeGrouping(
    const google::protobuf::RepeatedPtrField<std::string>& names,
    std::string_view filter_prefix, storage::RollupQuery* query);

// INVALID_ARGUMENT naming `field` for METRIC_UNSPECIFIED or unknown values.
absl::StatusOr<Metric> MetricFromProto(v1::Metric metric,
                                       std::string_view field);
// INVALID_ARGUMENT naming kpis[i] for an unspecified, unknown or repeated KPI.
absl::StatusOr<std::vector<Kpi>> KpisFromProto(const v1::GetDriversRequest& in);
DriverLevel LevelFromProto(v1::DriverLevel level);
// DAY, WEEK or MONTH; INVALID_ARGUMENT naming `field` otherwise.
absl::StatusOr<Period> PeriodFromProto(v1::Dimension dimension,
                                       std::string_view field);

// The selection and grouping of a drivers request. group_by may only hold
// one DIMENSION_ATTRIBUTE (ApplyAttributeGrouping), and only at
// DRIVER_LEVEL_RESPONSE; INVALID_ARGUMENT naming the field otherwise.
absl::StatusOr<storage::RollupQuery> DriversQueryFromProto(
    const v1::GetDriversRequest& in);
// The selection and grouping of a trend: group_by may hold agent, team,
// channel and attribute entries (ApplyAttributeGrouping). INVALID_ARGUMENT
// naming the field otherwise.
absl::StatusOr<storage::RollupQuery> TrendQueryFromProto(
    const v1::GetTrendRequest& in);
CommentFilter CommentFilterFromProto(v1::CommentFilter filter);

}  // namespace cxscore::server

#endif  // CXSCORE_SERVER_REQUEST_CONVERT_H_
