#include "storage/rocks_options.h"

namespace cxscore::storage {

rocksdb::DBOptions RocksDbOptions(const StoreOptions& options) {
  rocksdb::DBOptions db_options;
  db_options.create_if_missing = true;
  db_options.create_missing_column_families = true;
  db_options.max_background_jobs = 2;
  db_options.bytes_per_sync = 1 << 20;
  db_options.wal_recovery_mode = kWalRecoveryMode;
  db_options.track_and_verify_wals_in_manifest = true;
  db_options.db_write_buffer_size = options.memtable_bytes;
  return db_options;
}

rocksdb::WriteOptions GroupWriteOptions(const StoreOptions& options,
                                        bool request_sync) {
  rocksdb::WriteOptions write_options;
  write_options.sync = options.sync_writes || request_sync;
  return write_options;
}

}  // namespace cxscore::storage
