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

// Adds the outcomes of one batch whose first record has stream position
// `first_index`.
void AddOutcomes(const std::vector<storage::RecordOutcome>& outcomes,
                 uint64_t first_index,
                 const std::vector<std::string>& record_ids,
                 v1::IngestSummary* summary);

void ToProto(const GroupScores& scores,
             const std::vector<storage::GroupDim>& group_by,
             v1::GroupScores* out);

// Key parts of `key` (one per `group_by` entry; nullopt = unattributed).
void AddKeyParts(const std::vector<std::optional<std::string>>& key,
                 const std::vector<storage::GroupDim>& group_by,
                 google::protobuf::RepeatedPtrField<v1::KeyPart>* out);

}  // namespace cxscore::server

#endif  // CXSCORE_SERVER_PROTO_CONVERT_H_
