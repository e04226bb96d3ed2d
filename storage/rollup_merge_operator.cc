#include "storage/rollup_merge_operator.h"

#include <string>

#include "storage/sparse_cell.h"

namespace cxscore::storage {
namespace {

class RollupMergeOperator : public rocksdb::AssociativeMergeOperator {
 public:
  bool Merge(const rocksdb::Slice& /*key*/,
             const rocksdb::Slice* existing_value, const rocksdb::Slice& value,
             std::string* new_value,
             rocksdb::Logger* /*logger*/) const override {
    if (existing_value == nullptr) {
      // Copied only when well formed: a bad operand fails the merge
      // (RocksDB reports Corruption) instead of landing in the cell.
      if (!IsWellFormedCell(value.ToStringView())) return false;
      new_value->assign(value.data(), value.size());
      return true;
    }
    return MergeEncodedCells(existing_value->ToStringView(),
                             value.ToStringView(), new_value);
  }

  const char* Name() const override { return kRollupMergeOperatorName; }
};

}  // namespace

std::shared_ptr<rocksdb::MergeOperator> NewRollupMergeOperator() {
  return std::make_shared<RollupMergeOperator>();
}

}  // namespace cxscore::storage
