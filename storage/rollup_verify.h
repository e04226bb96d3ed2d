// Verify and repair (docs/reliability.md): recomputes every derived cell
// from the raw records and compares it with what is stored.
//
// Derived data: the `rollups` and `driver_rollups` cells and the `comments`
// index. The raw records (`interactions`, `responses`) are the source of
// truth. Everything is read on one RocksDB snapshot, so the recomputed and
// the stored state belong to the same point in the write order: a write
// group is one atomic batch, visible entirely or not at all.
//
// Recomputing uses the definitions ingest uses: RollupCellKeys and
// CommentIndexKeyOf (record_cells.h) say which cells a record adds to,
// ContributionOf and DriverContributionOf what it adds.
//
// Memory: the recomputed cells are held in memory, encoded (sparse_cell.h),
// keyed by their rollup key: about 100 to 300 bytes per cell (the key, the
// encoded fields at 2 to 4 bytes each, the hash map slot and a sort
// pointer), plus about 100 bytes per comment index entry. The stored cells
// are streamed, never held.
#ifndef CXSCORE_STORAGE_ROLLUP_VERIFY_H_
#define CXSCORE_STORAGE_ROLLUP_VERIFY_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "rocksdb/db.h"
#include "storage/store.h"
#include "storage/write_planner.h"

namespace cxscore::storage {

// Runs its argument while no write group is applied (WriteQueue's
// RunExclusive).
using RunBetweenGroups = std::function<void(absl::FunctionRef<void()>)>;

// Store::Verify of RocksStore (store.h has the contract).
//
// Repair writes, through `between_groups` and as one synced WriteBatch:
//  - for each differing cell that decodes, a merge of (recomputed minus
//    stored on the snapshot), field by field: cells are sums, so the writes
//    applied after the snapshot stay counted;
//  - for a comment index entry that is missing, a put (responses are
//    immutable, so it is still due); for one that should not exist, a
//    delete, unless the response it names has been stored since the
//    snapshot with that very entry (checked between groups);
//  - a stored cell that does not decode (a malformed value cannot take a
//    merge: the merge operator refuses it) cannot be fixed by a delta. Then
//    the whole check runs again between groups, on a snapshot with no write
//    in flight, and that cell is overwritten with its recomputed value (a
//    put); ingest waits for one scan of the records meanwhile.
// Then it verifies again. A cell whose merge operands do not merge is
// reported by RocksDB as corruption while it is read: verify then fails
// with DATA_LOSS.
absl::StatusOr<VerifyReport> VerifyRollups(
    rocksdb::DB* db, const ColumnFamilies& cfs, bool repair,
    const RunBetweenGroups& between_groups);

// How a rollup key and a field are shown in a CellDifference (store.h).
// `family` is "rollups" or "driver_rollups".
std::string RollupViewName(std::string_view family, std::string_view key);
std::string RollupKeyName(std::string_view key);
std::string RollupFieldName(uint64_t field_id);
std::string DriverFieldName(uint64_t field_id);

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_ROLLUP_VERIFY_H_
