// Rules of storage/store.h that do not depend on how a Store keeps its
// records, written once for every implementation (the RocksDB store and
// MemoryStore).
#ifndef CXSCORE_STORAGE_STORE_RULES_H_
#define CXSCORE_STORAGE_STORE_RULES_H_

#include <optional>

#include "absl/status/status.h"
#include "core/records.h"
#include "storage/store.h"

namespace cxscore::storage {

// OK when a Store answers `query` with QueryRollups or QueryDrivers: one
// name in `attributes` per kAttribute entry of group_by, at most one such
// entry, and an attribute grouping combined with no agent, team or channel
// grouping or filter. INVALID_ARGUMENT (naming `attributes`) otherwise.
absl::Status CheckRollupQuery(const RollupQuery& query);

// OK when a Store answers `query` with ListComments: no exclude_agents
// (INVALID_ARGUMENT naming it otherwise).
absl::Status CheckCommentQuery(const RollupQuery& query);

// The outcome of a valid, normalised `response` whose id is already stored
// as `stored`: kDuplicate when the two are identical, otherwise kRejected
// with ALREADY_EXISTS on response_id (responses are immutable).
RecordOutcome ResentResponseOutcome(const SurveyResponse& response,
                                    const SurveyResponse& stored);

// The outcome of a valid, normalised `interaction` whose id is already
// stored as `stored`, when the upsert changes nothing: kDuplicate when the
// two are identical (updated_at included), kStale when both carry updated_at
// and the new one is older. nullopt when the upsert replaces the stored
// state: its updated_at is equal or newer (equal with other content: the
// last write wins), or either side has none (unversioned: the last write
// wins, as before updated_at existed).
std::optional<RecordOutcome> ResentInteractionOutcome(
    const Interaction& interaction, const Interaction& stored);

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_STORE_RULES_H_
