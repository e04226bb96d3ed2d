// The RocksDB options behind OpenRocksStore that decide what an
// acknowledgement promises (docs/storage-format.md, "Durability"). Split
// out of rocks_store.cc so that tests can check them without pulling the
// plug.
#ifndef CXSCORE_STORAGE_ROCKS_OPTIONS_H_
#define CXSCORE_STORAGE_ROCKS_OPTIONS_H_

#include "rocksdb/options.h"
#include "storage/rocks_store.h"

namespace cxscore::storage {

// The WAL recovery mode of every open: a torn (incomplete) last record of a
// WAL is dropped, any other corruption refuses to open (DATA_LOSS) rather
// than silently roll back acknowledged, synced writes.
inline constexpr rocksdb::WALRecoveryMode kWalRecoveryMode =
    rocksdb::WALRecoveryMode::kTolerateCorruptedTailRecords;

// The DBOptions OpenRocksStore and CompactRocksStore open the database with:
// kWalRecoveryMode, track_and_verify_wals_in_manifest (a synced WAL that is
// missing or shorter than recorded fails the open), create if missing.
rocksdb::DBOptions RocksDbOptions(const StoreOptions& options);

// Whether a write group of `options` is fsynced before it is acknowledged,
// whatever the request asks: StoreOptions::sync_writes.
rocksdb::WriteOptions GroupWriteOptions(const StoreOptions& options,
                                        bool request_sync);

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_ROCKS_OPTIONS_H_
