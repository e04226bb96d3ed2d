// RocksDB merge operator that adds sparse cells (sparse_cell.h): used by
// every rollup column family.
//
// Its name carries the format version. RocksDB refuses to open a column
// family written with a different merge operator name, so a future format
// change must come with a new name and a migration.
#ifndef CXSCORE_STORAGE_ROLLUP_MERGE_OPERATOR_H_
#define CXSCORE_STORAGE_ROLLUP_MERGE_OPERATOR_H_

#include <memory>

#include "rocksdb/merge_operator.h"

namespace cxscore::storage {

inline constexpr char kRollupMergeOperatorName[] = "cxscore.RollupAdd.v1";

// Associative and commutative: cell(a) + cell(b). Returns false (RocksDB
// then reports Corruption) rather than guessing when the existing value or
// an operand is not a well-formed cell (sparse_cell.h: varints, increasing
// ids, no zero values) or a field's sum overflows int64. It does not know
// which column family it merges, so what the field ids mean is checked
// before an operand is written (merge_operand_check.h) and when a cell is
// read (rollup_codec.h, driver_codec.h).
std::shared_ptr<rocksdb::MergeOperator> NewRollupMergeOperator();

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_ROLLUP_MERGE_OPERATOR_H_
