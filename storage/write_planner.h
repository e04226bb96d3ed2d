// Turns a group of write requests into one atomic RocksDB WriteBatch.
//
// Decides each record's outcome against what is stored (and what earlier
// records of the same group wrote), then emits raw puts plus one merge per
// touched rollup cell: deltas are collapsed per cell across the whole group,
// so a batch of N responses costs far fewer than N x views merges.
//
// Each record also adds to the attribute view (rollup_key.h), once per
// attribute it carries; an interaction upsert takes its old contribution
// back from its old attributes' cells.
//
// Driver rollups hold (score, KPI) pairs of responses whose interaction is
// stored, in the response's attribution and under the response's
// attributes. Whichever of the two arrives second adds the pair; an interaction
// upsert moves the pairs of every response linked to it (found through
// response_links) from its old KPIs to its new ones.
// Not thread-safe: the store's single writer thread owns it.
#ifndef CXSCORE_STORAGE_WRITE_PLANNER_H_
#define CXSCORE_STORAGE_WRITE_PLANNER_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "core/records.h"
#include "core/rollup.h"
#include "rocksdb/db.h"
#include "rocksdb/write_batch.h"
#include "storage/store.h"

namespace cxscore::storage {

struct ColumnFamilies {
  rocksdb::ColumnFamilyHandle* interactions = nullptr;
  rocksdb::ColumnFamilyHandle* responses = nullptr;
  rocksdb::ColumnFamilyHandle* response_links = nullptr;
  rocksdb::ColumnFamilyHandle* rollups = nullptr;
  rocksdb::ColumnFamilyHandle* driver_rollups = nullptr;
  rocksdb::ColumnFamilyHandle* comments = nullptr;
};

class WritePlanner {
 public:
  WritePlanner(rocksdb::DB* db, const ColumnFamilies& cfs);

  // Plans the records; appends one outcome per record to `outcomes`.
  // An error status means the stored state could not be read; then nothing
  // of this planner may be written.
  absl::Status AddInteractions(const std::vector<Interaction>& interactions,
                               std::vector<RecordOutcome>* outcomes);
  absl::Status AddResponses(const std::vector<SurveyResponse>& responses,
                            std::vector<RecordOutcome>* outcomes);

  // Adds the collapsed rollup merges and returns the batch.
  rocksdb::WriteBatch Finish();

 private:
  // Reads the stored values of `ids` not yet written by this planner.
  absl::Status Prefetch(
      rocksdb::ColumnFamilyHandle* cf, const std::vector<std::string_view>& ids,
      absl::flat_hash_map<std::string, std::optional<std::string>>* seen);
  // Adds `counts` x `sign` to the record's cell in every attribution view
  // and to its attribute-view cell of each of its `attributes`.
  template <typename Record>
  void AddContribution(const Record& record, absl::Time at,
                       const RollupCounts& counts, int64_t sign);
  void AddDriverContribution(const SurveyResponse& response,
                             const Interaction& interaction, int64_t sign);
  // Moves the driver pairs of the responses linked to an interaction from
  // `old_state` (nullopt: not stored before) to `new_state`.
  absl::Status RelinkResponses(const std::optional<Interaction>& old_state,
                               const Interaction& new_state);
  absl::StatusOr<std::optional<SurveyResponse>> LoadResponse(
      const std::string& response_id);

  rocksdb::DB* db_;
  ColumnFamilies cfs_;
  rocksdb::WriteBatch batch_;
  // Encoded record by id as it will stand after this batch (nullopt: absent).
  absl::flat_hash_map<std::string, std::optional<std::string>> interactions_;
  absl::flat_hash_map<std::string, std::optional<std::string>> responses_;
  absl::flat_hash_map<std::string, RollupCounts> rollup_deltas_;
  absl::flat_hash_map<std::string, DriverCounts> driver_deltas_;
  // Links written by this planner (not yet in the DB): interaction id ->
  // response ids.
  absl::flat_hash_map<std::string, std::vector<std::string>> pending_links_;
};

// Key of the response_links column family: varint length + interaction_id,
// then response_id. Lists the responses that name an interaction, whether or
// not the interaction is stored yet.
std::string ResponseLinkKey(std::string_view interaction_id,
                            std::string_view response_id);

// Key of the comments column family (an index of responses with a comment):
// varint length + agent_id, 4-byte day (as in rollup keys), response_id.
std::string CommentKey(std::string_view agent_id, int32_t day,
                       std::string_view response_id);

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_WRITE_PLANNER_H_
