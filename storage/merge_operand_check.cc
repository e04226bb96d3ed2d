#include "storage/merge_operand_check.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "storage/driver_codec.h"
#include "storage/rollup_codec.h"
#include "storage/rollup_key.h"

namespace cxscore::storage {
namespace {

absl::string_view NameOf(MergeCf cf) {
  return cf == MergeCf::kRollups ? "rollups" : "driver_rollups";
}

class OperandChecker : public rocksdb::WriteBatch::Handler {
 public:
  OperandChecker(uint32_t rollups_cf_id, uint32_t driver_rollups_cf_id)
      : rollups_cf_id_(rollups_cf_id),
        driver_rollups_cf_id_(driver_rollups_cf_id) {}

  rocksdb::Status MergeCF(uint32_t cf_id, const rocksdb::Slice& key,
                          const rocksdb::Slice& value) override {
    if (cf_id == rollups_cf_id_) {
      status_ = CheckMergeOperand(MergeCf::kRollups, key.ToStringView(),
                                  value.ToStringView());
    } else if (cf_id == driver_rollups_cf_id_) {
      status_ = CheckMergeOperand(MergeCf::kDriverRollups, key.ToStringView(),
                                  value.ToStringView());
    } else {
      status_ = absl::InternalError(
          absl::StrCat("merge into column family ", cf_id,
                       ", which holds no rollup cells; nothing was written"));
    }
    // Stops the iteration at the first bad operand.
    return status_.ok() ? rocksdb::Status::OK()
                        : rocksdb::Status::Aborted("bad merge operand");
  }
  // Puts and deletes are not checked.
  rocksdb::Status PutCF(uint32_t, const rocksdb::Slice&,
                        const rocksdb::Slice&) override {
    return rocksdb::Status::OK();
  }
  rocksdb::Status DeleteCF(uint32_t, const rocksdb::Slice&) override {
    return rocksdb::Status::OK();
  }
  rocksdb::Status SingleDeleteCF(uint32_t, const rocksdb::Slice&) override {
    return rocksdb::Status::OK();
  }
  rocksdb::Status DeleteRangeCF(uint32_t, const rocksdb::Slice&,
                                const rocksdb::Slice&) override {
    return rocksdb::Status::OK();
  }

  const absl::Status& status() const { return status_; }

 private:
  const uint32_t rollups_cf_id_;
  const uint32_t driver_rollups_cf_id_;
  absl::Status status_;
};

}  // namespace

absl::Status CheckMergeOperand(MergeCf cf, std::string_view key,
                               std::string_view operand) {
  if (!DecodeRollupKey(key).has_value())
    return absl::InternalError(
        absl::StrCat("refusing a merge into ", NameOf(cf),
                     " under a malformed rollup key; nothing was written"));
  const bool valid = cf == MergeCf::kRollups ? IsValidRollupCell(operand)
                                             : IsValidDriverCell(operand);
  if (!valid)
    return absl::InternalError(absl::StrCat("refusing a malformed ", NameOf(cf),
                                            " merge operand (", operand.size(),
                                            " bytes); nothing was written"));
  return absl::OkStatus();
}

absl::Status CheckMergeOperands(const rocksdb::WriteBatch& batch,
                                uint32_t rollups_cf_id,
                                uint32_t driver_rollups_cf_id) {
  OperandChecker checker(rollups_cf_id, driver_rollups_cf_id);
  const rocksdb::Status s = batch.Iterate(&checker);
  if (!checker.status().ok()) return checker.status();
  if (!s.ok())
    return absl::InternalError(
        absl::StrCat("reading the write batch back: ", s.ToString(),
                     "; nothing was written"));
  return absl::OkStatus();
}

}  // namespace cxscore::storage
