// Wire messages (cxscore.v1) <-> domain and storage types. No logic beyond
// the mapping: validation happens in core, behind the store.
#ifndef CXSCORE_SERVER_PROTO_CONVERT_H_
#define CXSCORE_SERVER_PROTO_CONVERT_H_

#include <vector>

#include "absl/status/statusor.h"
#include "core/records.h"
#include "core/scores.h"
#include "cxscore/v1/cxscore.pb.h"
#include "storage/store.h"

namespace cxscore::server {

Interaction FromProto(const v1::Interaction& in);
SurveyResponse FromProto(const v1::SurveyResponse& in);

// INVALID_ARGUMENT naming the field for unspecified or repeated dimensions
// and for an empty range (to not after from).
absl::StatusOr<storage::RollupQuery> FromProto(const v1::GetScoresRequest& in);
NpsIntervalMethod NpsMethodFromProto(const v1::GetScoresRequest& in);

// Adds the outcomes of one batch whose first record has stream position
// `first_index`.
void AddOutcomes(const std::vector<storage::RecordOutcome>& outcomes,
                 uint64_t first_index,
                 const std::vector<std::string>& record_ids,
                 v1::IngestSummary* summary);

void ToProto(const storage::GroupCounts& group,
             const std::vector<storage::GroupDim>& group_by,
             const ScoreSummary& summary, v1::GroupScores* out);

}  // namespace cxscore::server

#endif  // CXSCORE_SERVER_PROTO_CONVERT_H_
