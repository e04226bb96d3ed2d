// Checks every merge operand of a WriteBatch before it is written.
//
// A rollup cell is the sum of its merge operands, so one operand that its
// codec cannot read back poisons every later read of its key (DATA_LOSS
// forever, or a failing compaction). The encoders never write one; this
// check makes sure no bug or overflow does either: the store runs it on
// each batch and writes nothing of the batch when it fails.
#ifndef CXSCORE_STORAGE_MERGE_OPERAND_CHECK_H_
#define CXSCORE_STORAGE_MERGE_OPERAND_CHECK_H_

#include <cstdint>
#include <string_view>

#include "absl/status/status.h"
#include "rocksdb/write_batch.h"

namespace cxscore::storage {

// The column families whose cells the merge operator adds.
enum class MergeCf { kRollups, kDriverRollups };

// OK when `key` is a rollup key (rollup_key.h) and `operand` a cell that
// the codec of `cf` reads back (rollup_codec.h, driver_codec.h); INTERNAL
// naming the column family otherwise.
absl::Status CheckMergeOperand(MergeCf cf, std::string_view key,
                               std::string_view operand);

// CheckMergeOperand on every Merge of `batch`; a Merge into any other
// column family than the two given (by GetID()) is INTERNAL too.
absl::Status CheckMergeOperands(const rocksdb::WriteBatch& batch,
                                uint32_t rollups_cf_id,
                                uint32_t driver_rollups_cf_id);

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_MERGE_OPERAND_CHECK_H_
