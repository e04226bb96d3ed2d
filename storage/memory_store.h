// A Store in memory: the test double of the RocksDB store (the way LevelDB
// tests run over an in-memory Env).
//
// It has the semantics of storage/store.h, checked by the contract suite
// that runs against both implementations
// (tests/storage/store_contract_test.cc): the same validation, duplicate and
// upsert rules, links in either arrival order, grouping, filtering and
// ordering. It keeps only the raw records and answers every query by
// reading all of them (O(records), where RocksDB reads O(days x groups)
// rollup cells), so the rollup arithmetic of the product store is checked
// against an independent sum of ContributionOf / DriverContributionOf.
// Nothing survives the object.
//
// Writes are applied in arrival order on one writer thread, as in the
// RocksDB store; each callback runs exactly once on that thread, after the
// write is visible to queries and outside the store's lock (a callback may
// call the store, but must not block). WriteOptions::sync has nothing to
// sync and is ignored. Queries and Get* run on the caller's thread. Every
// method is thread-safe.
#ifndef CXSCORE_STORAGE_MEMORY_STORE_H_
#define CXSCORE_STORAGE_MEMORY_STORE_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "storage/store.h"
#include "storage/write_queue.h"

namespace cxscore::storage {

class MemoryStore final : public Store {
 public:
  MemoryStore();
  // Applies every write already queued (running its callback) first.
  ~MemoryStore() override;

  void RecordInteractions(std::vector<Interaction> interactions,
                          WriteOptions options, WriteCallback done) override;
  void SubmitResponses(std::vector<SurveyResponse> responses,
                       WriteOptions options, WriteCallback done) override;
  absl::StatusOr<std::vector<GroupCounts>> QueryRollups(
      const RollupQuery& query) override;
  absl::StatusOr<std::vector<GroupDriverCounts>> QueryDrivers(
      const RollupQuery& query) override;
  absl::StatusOr<std::vector<SurveyResponse>> ListComments(
      const RollupQuery& query, size_t limit,
      const std::function<bool(const SurveyResponse&)>& accept) override;
  absl::StatusOr<std::optional<Interaction>> GetInteraction(
      const std::string& interaction_id) override;
  absl::StatusOr<std::optional<SurveyResponse>> GetResponse(
      const std::string& response_id) override;
  // No derived data to check: an empty, consistent report (store.h).
  absl::StatusOr<VerifyReport> Verify(bool repair) override;
  // UNIMPLEMENTED: nothing in memory survives the object to back up.
  absl::StatusOr<BackupInfo> CreateBackup() override;
  absl::StatusOr<std::vector<BackupInfo>> ListBackups() override;

 private:
  // Runs on the writer thread.
  void ApplyGroup(std::vector<WriteRequest>& group);
  RecordOutcome Apply(const Interaction& interaction)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  RecordOutcome Apply(const SurveyResponse& response)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  absl::Mutex mu_;
  // Normalised records by id, as a round trip through RocksDB returns them.
  std::map<std::string, Interaction> interactions_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, SurveyResponse> responses_ ABSL_GUARDED_BY(mu_);
  std::unique_ptr<WriteQueue> queue_;  // last: its thread uses the above
};

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_MEMORY_STORE_H_
