// Answers a RollupQuery from the rollup column family.
#ifndef CXSCORE_STORAGE_ROLLUP_SCAN_H_
#define CXSCORE_STORAGE_ROLLUP_SCAN_H_

#include <vector>

#include "absl/status/statusor.h"
#include "rocksdb/db.h"
#include "storage/store.h"

namespace cxscore::storage {

// Reads the smallest view that covers the query's grouped and filtered
// dimensions, or for an attribute grouping the attribute view (one prefix
// per attribute name; INVALID_ARGUMENT when the query also groups or filters
// by agent, team or channel, or names other than one attribute). Within a group
// the scan seeks straight to from_day and leaves at to_day, so the cost is
// O(groups x days in range), independent of how many records those cells
// summarise.
absl::StatusOr<std::vector<GroupCounts>> ScanRollups(
    rocksdb::DB* db, rocksdb::ColumnFamilyHandle* rollups,
    const RollupQuery& query);

// The same over the driver_rollups column family (same key layout).
absl::StatusOr<std::vector<GroupDriverCounts>> ScanDriverRollups(
    rocksdb::DB* db, rocksdb::ColumnFamilyHandle* driver_rollups,
    const RollupQuery& query);

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_ROLLUP_SCAN_H_
