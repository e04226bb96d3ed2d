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
// then reports Corruption) on malformed operands rather than guessing.
std::shared_ptr<rocksdb::MergeOperator> NewRollupMergeOperator();

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_ROLLUP_MERGE_OPERATOR_H_
