#include "storage/attribute_rebuild.h"

#include <memory>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "core/calendar.h"
#include "core/drivers.h"
#include "core/rollup.h"
#include "core/status_macros.h"
#include "storage/driver_codec.h"
#include "storage/merge_operand_check.h"
#include "storage/record_codec.h"
#include "storage/rocks_status.h"
#include "storage/rollup_codec.h"
#include "storage/rollup_key.h"

namespace cxscore::storage {
namespace {

// Collects the attribute-view deltas of a run of records and writes them as
// one batch of merges.
class Rebuilder {
 public:
  Rebuilder(rocksdb::DB* db, const ColumnFamilies& cfs, size_t batch_records)
      : db_(db), cfs_(cfs), batch_records_(batch_records) {}

  template <typename Record>
  absl::Status AddRecord(const Record& record, absl::Time at) {
    const int32_t day = DayNumberOf(at);
    if (!record.attributes.empty()) {
      const RollupCounts counts = ContributionOf(record);
      for (const auto& [name, value] : record.attributes)
        rollups_[EncodeAttributeRollupKey(name, value, day)].AddAll(counts, 1);
    }
    return Counted();
  }

  absl::Status AddDriverPairs(const SurveyResponse& response,
                              const Interaction& interaction) {
    if (response.attributes.empty()) return absl::OkStatus();
    const DriverCounts counts = DriverContributionOf(response, interaction);
    if (counts.IsZero()) return absl::OkStatus();
    const int32_t day = DayNumberOf(response.submitted_at);
    for (const auto& [name, value] : response.attributes)
      drivers_[EncodeAttributeRollupKey(name, value, day)].AddAll(counts, 1);
    return absl::OkStatus();
  }

  absl::Status Flush() {
    rocksdb::WriteBatch batch;
    for (const auto& [key, delta] : rollups_)
      if (!delta.IsZero())
        batch.Merge(cfs_.rollups, key, EncodeRollupCell(delta));
    for (const auto& [key, delta] : drivers_)
      if (!delta.IsZero())
        batch.Merge(cfs_.driver_rollups, key, EncodeDriverCell(delta));
    rollups_.clear();
    drivers_.clear();
    pending_ = 0;
    if (batch.Count() == 0) return absl::OkStatus();
    RETURN_IF_ERROR(CheckMergeOperands(batch, cfs_.rollups->GetID(),
                                       cfs_.driver_rollups->GetID()));
    return FromRocks(db_->Write(rocksdb::WriteOptions(), &batch),
                     "writing rebuilt attribute cells");
  }

 private:
  absl::Status Counted() {
    return ++pending_ >= batch_records_ ? Flush() : absl::OkStatus();
  }

  rocksdb::DB* db_;
  ColumnFamilies cfs_;
  size_t batch_records_;
  size_t pending_ = 0;
  absl::flat_hash_map<std::string, RollupCounts> rollups_;
  absl::flat_hash_map<std::string, DriverCounts> drivers_;
};

// Calls `visit(value)` for every record of `cf`.
template <typename Visit>
absl::Status ForEachRecord(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf,
                           Visit visit) {
  std::unique_ptr<rocksdb::Iterator> it(
      db->NewIterator(rocksdb::ReadOptions(), cf));
  for (it->SeekToFirst(); it->Valid(); it->Next())
    RETURN_IF_ERROR(visit(it->value().ToStringView()));
  return FromRocks(it->status(), "reading records");
}

}  // namespace

absl::Status RebuildAttributeView(rocksdb::DB* db, const ColumnFamilies& cfs,
                                  size_t batch_records) {
  // Whatever an interrupted earlier run merged goes first; a range deletion
  // also hides merge operands written before it.
  const std::string begin(1, static_cast<char>(kAttributeViewId));
  const std::string end(1, static_cast<char>(kAttributeViewId + 1));
  rocksdb::WriteBatch clear;
  clear.DeleteRange(cfs.rollups, begin, end);
  clear.DeleteRange(cfs.driver_rollups, begin, end);
  RETURN_IF_ERROR(FromRocks(db->Write(rocksdb::WriteOptions(), &clear),
                            "clearing the attribute view"));

  Rebuilder rebuilder(db, cfs, batch_records == 0 ? 1 : batch_records);
  RETURN_IF_ERROR(ForEachRecord(
      db, cfs.interactions, [&](std::string_view value) -> absl::Status {
        ASSIGN_OR_RETURN(Interaction interaction, DecodeInteraction(value));
        return rebuilder.AddRecord(interaction, interaction.opened_at);
      }));

  RETURN_IF_ERROR(ForEachRecord(
      db, cfs.responses, [&](std::string_view value) -> absl::Status {
        ASSIGN_OR_RETURN(SurveyResponse response, DecodeResponse(value));
        if (!response.interaction_id.empty() && !response.attributes.empty()) {
          std::string stored;
          rocksdb::Status s = db->Get(rocksdb::ReadOptions(), cfs.interactions,
                                      response.interaction_id, &stored);
          if (s.ok()) {
            ASSIGN_OR_RETURN(Interaction interaction,
                             DecodeInteraction(stored));
            RETURN_IF_ERROR(rebuilder.AddDriverPairs(response, interaction));
          } else if (!s.IsNotFound()) {
            return FromRocks(s, "reading a linked interaction");
          }
        }
        return rebuilder.AddRecord(response, response.submitted_at);
      }));
  return rebuilder.Flush();
}

}  // namespace cxscore::storage
