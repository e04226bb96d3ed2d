// The storage interface: raw records in, aggregated rollup counts out.
//
// Start here. A Store validates and keeps interactions and survey responses
// (the source of truth) and maintains per-day rollups of them, so that
// QueryRollups reads O(days x groups) cells and never raw responses.
//
// Thread safety: every method may be called from any thread concurrently.
// Writes are applied in one order by the store; concurrent or retried writes
// of the same record never count twice.
#ifndef CXSCORE_STORAGE_STORE_H_
#define CXSCORE_STORAGE_STORE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "core/calendar.h"
#include "core/drivers.h"
#include "core/records.h"
#include "core/rollup.h"
#include "core/validation.h"

namespace cxscore::storage {

// What became of one record of a write.
struct RecordOutcome {
  enum class Kind {
    kAccepted,   // stored (interactions: inserted or replaced)
    kDuplicate,  // identical to the stored record; nothing changed
    kStale,      // interactions: updated_at older than the stored record's;
                 // nothing changed (storage/store_rules.h)
    kRejected,   // `violation` says why; nothing of it is stored
  };
  Kind kind = Kind::kAccepted;
  std::optional<Violation> violation;  // set iff kRejected
};

struct WriteOptions {
  // Acknowledge only after the write is fsynced. Without it, an acknowledged
  // write survives a crash of the process (the WAL is written before the
  // acknowledgement) but not necessarily a power loss.
  bool sync = false;
};

// outcomes[i] belongs to records[i]; or an error status when nothing of the
// batch was stored (e.g. disk failure: UNAVAILABLE, retry is safe).
using WriteResult = absl::StatusOr<std::vector<RecordOutcome>>;
using WriteCallback = absl::AnyInvocable<void(WriteResult) &&>;

// A grouping dimension of a query. kAttribute: a record attribute, named
// in RollupQuery::attributes.
enum class GroupDim {
  kAgent,
  kTeam,
  kChannel,
  kDay,
  kWeek,
  kMonth,
  kAttribute
};

struct RollupQuery {
  int32_t from_day = INT32_MIN;  // inclusive day numbers (core/calendar.h)
  int32_t to_day = INT32_MAX;
  std::vector<GroupDim> group_by;
  // A record matches when its value is one of the list; empty = no filter.
  // The empty string selects unattributed records.
  std::vector<std::string> agents, teams, channels;
  // Records whose agent is one of these do not match ("" = unattributed):
  // "the rest of a team" is teams = {T}, exclude_agents = {A}. Honoured by
  // QueryRollups and QueryDrivers; ListComments answers INVALID_ARGUMENT.
  std::vector<std::string> exclude_agents;
  // The attribute name of each kAttribute entry of group_by, in order.
  // A query groups by at most one attribute, and then by no agent, team or
  // channel and with none of their filters (the attribute view is rolled up
  // on its own; the scan answers INVALID_ARGUMENT otherwise). It counts only
  // records that carry the attribute.
  std::vector<std::string> attributes;
};

template <typename Counts>
struct Grouped {
  // One entry per group_by dimension, in its order. nullopt = unattributed
  // (an attribute part is always set: records without it are not counted).
  std::vector<std::optional<std::string>> key;
  Counts counts;
};
using GroupCounts = Grouped<RollupCounts>;
using GroupDriverCounts = Grouped<DriverCounts>;

// One backup of the database (storage/backup.h, docs/reliability.md).
struct BackupInfo {
  uint32_t id = 0;          // increasing, from 1
  absl::Time created_at;    // when the backup was taken (second precision)
  uint64_t size_bytes = 0;  // its files' bytes (shared files counted)
  uint32_t file_count = 0;  // its files (shared files counted)
  bool verified = false;    // its files were read back and matched their
                            // checksums after it was written
};

// One field of one derived cell whose stored value differs from the value
// recomputed from the raw records (Store::Verify). A cell absent on one side
// counts as all zeros there.
struct CellDifference {
  // "rollups/agent+channel", "driver_rollups/totals", "rollups/attribute",
  // or "comments" (the comment index).
  std::string view;
  // The group parts and the day: "agent=ann channel=chat day=2025-03-03";
  // "attr.plan=gold day=..." in the attribute view; "agent=ann
  // day=2025-03-03 response=r1" in the comment index.
  std::string key;
  // "nps:9 (field 9)", "interactions (field 64)", "nps x time_to_close
  // level 9 column 17 (field ...)"; "entry" in the comment index (1 =
  // present, 0 = absent).
  std::string field;
  int64_t stored = 0;
  int64_t recomputed = 0;
};

struct VerifyReport {
  // Cells compared: every rollup and driver cell stored or recomputed, and
  // every comment index entry stored or expected (each counted once).
  uint64_t cells_checked = 0;
  uint64_t rollup_cells = 0, driver_cells = 0, comment_entries = 0;
  // The differences found, at most kMaxListedDifferences of them (in key
  // order per column family); differences_total counts them all.
  std::vector<CellDifference> differences;
  uint64_t differences_total = 0;
  // Verify(repair = true) only: the differences were written back and a
  // second verify found the store right (then differences_after_repair is
  // 0; otherwise it is that verify's differences_total).
  bool repaired = false;
  uint64_t differences_after_repair = 0;
};
inline constexpr size_t kMaxListedDifferences = 1000;

class Store {
 public:
  virtual ~Store() = default;

  // Validates and applies a batch. The batch is atomic: on success every
  // accepted record is stored together with its rollup contributions. The
  // callback runs exactly once, on a store thread, after the write is
  // durable per `options`; it must not block.
  virtual void RecordInteractions(std::vector<Interaction> interactions,
                                  WriteOptions options, WriteCallback done) = 0;
  virtual void SubmitResponses(std::vector<SurveyResponse> responses,
                               WriteOptions options, WriteCallback done) = 0;

  // Groups sorted by key (unattributed first within a dimension). Groups with
  // no records in range are absent.
  virtual absl::StatusOr<std::vector<GroupCounts>> QueryRollups(
      const RollupQuery& query) = 0;

  // Joint histograms of metric x KPI over responses linked to a stored
  // interaction, grouped and filtered like QueryRollups (by the response's
  // day, attribution and attributes).
  virtual absl::StatusOr<std::vector<GroupDriverCounts>> QueryDrivers(
      const RollupQuery& query) = 0;

  // Responses with a non-empty comment in the query's day range and
  // filters, newest first (by day, then by response id descending), at most
  // `limit` of those for which `accept` returns true. The query must not
  // group. Cost: one seek per filtered agent (or a scan of the comment index
  // when no agent filter is given) plus one read per returned response.
  virtual absl::StatusOr<std::vector<SurveyResponse>> ListComments(
      const RollupQuery& query, size_t limit,
      const std::function<bool(const SurveyResponse&)>& accept) = 0;

  // Raw records by id; nullopt when absent.
  virtual absl::StatusOr<std::optional<Interaction>> GetInteraction(
      const std::string& interaction_id) = 0;
  virtual absl::StatusOr<std::optional<SurveyResponse>> GetResponse(
      const std::string& response_id) = 0;

  // Checks the derived data against the raw records: recomputes every
  // rollup cell, driver cell and comment index entry from the interactions
  // and responses of one consistent snapshot and compares them with what is
  // stored on that snapshot, both ways. Online: reads and writes go on
  // meanwhile.
  //
  // With `repair`, writes the difference of each differing cell as a merge
  // (recomputed minus stored, so writes made since the snapshot stay
  // counted) and fixes the comment index, as one synced batch between two
  // write groups, then verifies again (docs/reliability.md). The report
  // lists the differences found before the repair.
  //
  // MemoryStore keeps no derived data (it answers every query from the raw
  // records), so it is always consistent: 0 cells checked, no differences.
  virtual absl::StatusOr<VerifyReport> Verify(bool repair) = 0;

  // Backups (issue 12). CreateBackup takes an online, consistent backup
  // while writes continue and verifies it; one backup runs at a time (a
  // second call meanwhile answers FAILED_PRECONDITION at once). ListBackups
  // answers every backup, oldest first. FAILED_PRECONDITION when the store
  // was opened without a backup directory; UNIMPLEMENTED for a store that
  // keeps no backups (MemoryStore).
  virtual absl::StatusOr<BackupInfo> CreateBackup() = 0;
  virtual absl::StatusOr<std::vector<BackupInfo>> ListBackups() = 0;
};

// Blocking forms of the writes, for callers that may block.
WriteResult RecordInteractionsAndWait(Store& store,
                                      std::vector<Interaction> interactions,
                                      WriteOptions options = {});
WriteResult SubmitResponsesAndWait(Store& store,
                                   std::vector<SurveyResponse> responses,
                                   WriteOptions options = {});

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_STORE_H_
