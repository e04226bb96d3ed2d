// Rebuilds the attribute view (rollup_key.h, kAttributeViewId) from the raw
// records: the migration of a format version 1 database, whose records were
// stored before attributes were rolled up.
#ifndef CXSCORE_STORAGE_ATTRIBUTE_REBUILD_H_
#define CXSCORE_STORAGE_ATTRIBUTE_REBUILD_H_

#include <cstddef>

#include "absl/status/status.h"
#include "rocksdb/db.h"
#include "storage/write_planner.h"

namespace cxscore::storage {

// Deletes the attribute view's key range in `rollups` and `driver_rollups`,
// then adds the contribution of every stored interaction and response (and
// the driver pairs of every response whose interaction is stored) under each
// of its attributes, as WritePlanner does on ingest. Writes in batches of at
// most `batch_records` records, so memory stays bounded.
//
// Idempotent: a run interrupted part-way (crash, error) leaves partial cells
// that the next run deletes first. The caller marks the database migrated
// only after this returns OK. REQUIRES: no concurrent writer.
absl::Status RebuildAttributeView(rocksdb::DB* db, const ColumnFamilies& cfs,
                                  size_t batch_records = 10000);

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_ATTRIBUTE_REBUILD_H_
