// Wire messages (cxscore.v1) <-> domain and storage types. No logic beyond
// the mapping: validation happens in core, behind the store.
#ifndef CXSCORE_SERVER_PROTO_CONVERT_H_
#define CXSCORE_SERVER_PROTO_CONVERT_H_

#include <vector>

#include "absl/status/statusor.h"
#include "core/records.h"
#include "core/scores.h"
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
NpsIntervalMethod NpsMethodFromProto(const v1::GetScoresRequest& in);

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

// Adds the outcomes of one batch whose first record has stream position
// `first_index`.
void AddOutcomes(const std::vector<storage::RecordOutcome>& outcomes,
                 uint64_t first_index,
                 const std::vector<std::string>& record_ids,
                 v1::IngestSummary* summary);

// `query`: the query that produced the group (its grouping names the key).
void ToProto(const GroupScores& scores, const storage::RollupQuery& query,
             v1::GroupScores* out);

// Key parts of `key` (one per `query.group_by` entry; nullopt =
// unattributed); attribute parts carry their name from `query.attributes`.
void AddKeyParts(const std::vector<std::optional<std::string>>& key,
                 const storage::RollupQuery& query,
                 google::protobuf::RepeatedPtrField<v1::KeyPart>* out);

}  // namespace cxscore::server

#endif  // CXSCORE_SERVER_PROTO_CONVERT_H_
