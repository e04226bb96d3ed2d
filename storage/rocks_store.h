// The product Store: RocksDB on local disk.
#ifndef CXSCORE_STORAGE_ROCKS_STORE_H_
#define CXSCORE_STORAGE_ROCKS_STORE_H_

#include <cstddef>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "storage/store.h"

namespace cxscore::storage {

struct StoreOptions {
  // Directory of the database; created if missing. Required.
  std::string data_dir;

  // fsync every write group before acknowledging it, whatever the request
  // asks (group commit: one fsync per group). Default true: an
  // acknowledged write survives a power cut. false (cxscored --no-sync):
  // the WAL is written before the acknowledgement (it survives a process
  // kill) and synced by the OS later, so a power cut can lose the last
  // acknowledged writes; a request may still ask for sync.
  bool sync_writes = true;

  // Upper bound on records applied in one write group (one WriteBatch, at
  // most one fsync). Larger groups amortise the sync; smaller ones bound the
  // latency a request waits behind others.
  size_t max_group_records = 50000;

  // Shared block cache for all column families, in bytes.
  size_t block_cache_bytes = size_t{128} << 20;

  // All column families' memtables together, in bytes (RocksDB's
  // db_write_buffer_size): when their sum reaches it, the largest is
  // flushed early. Without it each of the six column families may hold two
  // 64 MiB memtables, and the server's memory grows with the ingest rate.
  size_t memtable_bytes = size_t{128} << 20;

  // Directory of the backups (storage/backup.h); created if missing. Empty:
  // no backups (CreateBackup and ListBackups answer FAILED_PRECONDITION).
  std::string backup_dir = {};
};

// One phrase for logs: what an acknowledgement of a store opened with
// `options` promises ("fsync per write group" or the --no-sync warning).
const char* DurabilityDescription(const StoreOptions& options);

// Opens (or creates) the store. A format version 1 database is migrated
// first (its attribute view rebuilt from the raw records, which reads every
// record once; docs/storage-format.md). Fails with FAILED_PRECONDITION when
// the directory holds a database of another format version, UNAVAILABLE
// when it is locked by another process or unreadable.
absl::StatusOr<std::unique_ptr<Store>> OpenRocksStore(
    const StoreOptions& options);

// Offline maintenance: flushes every memtable and fully compacts every
// column family, applying all pending rollup merges. REQUIRES: no store is
// open on the directory.
absl::Status CompactRocksStore(const StoreOptions& options);

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_ROCKS_STORE_H_
