// Replies out: domain and storage results -> wire messages (cxscore.v1). No
// logic beyond the mapping; enum values are mapped by wire/enum_mapping.h.
#ifndef CXSCORE_SERVER_REPLY_CONVERT_H_
#define CXSCORE_SERVER_REPLY_CONVERT_H_

#include <optional>
#include <string>
#include <vector>

#include "core/agent_ranking.h"
#include "core/drivers.h"
#include "core/records.h"
#include "cxscore/v1/cxscore.pb.h"
#include "server/score_service.h"
#include "storage/store.h"

namespace cxscore::server {

// Adds the outcomes of one batch whose first record has stream position
// `first_index`. Every rejection counts in rejected_total; it is listed in
// `rejected` only while fewer than `max_listed_rejections` are.
void AddOutcomes(const std::vector<storage::RecordOutcome>& outcomes,
                 uint64_t first_index,
                 const std::vector<std::string>& record_ids,
                 size_t max_listed_rejections, v1::IngestSummary* summary);

// `query`: the query that produced the group (its grouping names the key).
void ToProto(const GroupScores& scores, const storage::RollupQuery& query,
             v1::GroupScores* out);

// Key parts of `key` (one per `query.group_by` entry; nullopt =
// unattributed); attribute parts carry their name from `query.attributes`.
void AddKeyParts(const std::vector<std::optional<std::string>>& key,
                 const storage::RollupQuery& query,
                 google::protobuf::RepeatedPtrField<v1::KeyPart>* out);

void ToProto(const DriversReport& report, v1::GetDriversResponse* out);
// `query`: the grouped query that produced the group (names its key).
void ToProto(const DriverGroup& group, const storage::RollupQuery& query,
             v1::DriverGroup* out);
// `query`: the trend's selection with its grouping (without the period).
void ToProto(const TrendSeries& series, const storage::RollupQuery& query,
             v1::TrendSeries* out);
void ToProto(const AgentRanking& ranking, v1::RankAgentsResponse* out);
// customer_id is never copied.
void ToProto(const SurveyResponse& response, v1::Comment* out);
void ToProto(const storage::VerifyReport& report, v1::VerifyResponse* out);
void ToProto(const storage::BackupInfo& backup, v1::BackupInfo* out);

}  // namespace cxscore::server

#endif  // CXSCORE_SERVER_REPLY_CONVERT_H_
