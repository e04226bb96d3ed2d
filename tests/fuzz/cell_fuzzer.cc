// Fuzzes the decoders of stored rollup cells (storage/sparse_cell.h,
// rollup_codec.h, driver_codec.h, rollup_key.h) and the merge operator's
// FullMergeV2 (rollup_merge_operator.h) on arbitrary operands.
//
// Input: an existing value and operands, separated by the byte sequence
// "|cx|" (the first part is the existing value; an empty first part means
// none). Checked properties:
// - no decoder crashes, whatever the bytes;
// - a cell decodes exactly when its validity check says it does, and
//   re-encoding what decoded gives the same bytes (the format is canonical);
// - when the merge succeeds its result is a well-formed cell, and when every
//   input is a rollup (driver) cell the result decodes to their sum.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rocksdb/merge_operator.h"
#include "storage/driver_codec.h"
#include "storage/rollup_codec.h"
#include "storage/rollup_key.h"
#include "storage/rollup_merge_operator.h"
#include "storage/sparse_cell.h"

using namespace cxscore;           // NOLINT: a fuzz target of this API
using namespace cxscore::storage;  // NOLINT

namespace {

std::vector<std::string_view> Split(std::string_view input) {
  std::vector<std::string_view> parts;
  for (;;) {
    const size_t at = input.find("|cx|");
    parts.push_back(input.substr(0, at));
    if (at == std::string_view::npos) return parts;
    input.remove_prefix(at + 4);
  }
}

// Decodes one part both ways and checks the codecs agree with themselves.
void CheckCell(std::string_view cell) {
  const bool well_formed = IsWellFormedCell(cell);
  RollupCounts rollup;
  const bool rollup_ok = AddEncodedCell(cell, &rollup);
  if (rollup_ok != IsValidRollupCell(cell)) std::abort();
  if (rollup_ok && !well_formed) std::abort();
  if (rollup_ok && EncodeRollupCell(rollup) != cell) std::abort();
  DriverCounts driver;
  const bool driver_ok = AddEncodedDriverCell(cell, &driver);
  if (driver_ok != IsValidDriverCell(cell)) std::abort();
  if (driver_ok && !well_formed) std::abort();
  if (driver_ok && EncodeDriverCell(driver) != cell) std::abort();
  (void)DecodeRollupKey(cell);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)DecodeRollupKey(input);
  std::vector<std::string_view> parts = Split(input);
  for (std::string_view part : parts) CheckCell(part);
  if (parts.size() < 2) return 0;

  static const auto op = NewRollupMergeOperator();
  const rocksdb::Slice key("key");
  const rocksdb::Slice existing(parts[0].data(), parts[0].size());
  std::vector<rocksdb::Slice> operands;
  for (size_t i = 1; i < parts.size(); ++i)
    operands.emplace_back(parts[i].data(), parts[i].size());
  const bool has_existing = !parts[0].empty();
  const rocksdb::MergeOperator::MergeOperationInput in(
      key, has_existing ? &existing : nullptr, operands, nullptr);
  std::string new_value;
  rocksdb::Slice existing_operand(nullptr, 0);
  rocksdb::MergeOperator::MergeOperationOutput out(new_value, existing_operand);
  if (!op->FullMergeV2(in, &out)) return 0;
  const std::string_view merged = existing_operand.data() != nullptr
                                      ? existing_operand.ToStringView()
                                      : std::string_view(new_value);
  if (!IsWellFormedCell(merged)) std::abort();

  // Sum of the inputs by the codecs, where every input is a cell of that
  // codec and no sum overflows.
  RollupCounts rollup_sum;
  DriverCounts driver_sum;
  bool rollup_ok = true, driver_ok = true;
  for (size_t i = has_existing ? 0 : 1; i < parts.size(); ++i) {
    rollup_ok = rollup_ok && AddEncodedCell(parts[i], &rollup_sum);
    driver_ok = driver_ok && AddEncodedDriverCell(parts[i], &driver_sum);
  }
  if (rollup_ok) {
    RollupCounts decoded;
    if (!AddEncodedCell(merged, &decoded) || !(decoded == rollup_sum))
      std::abort();
  }
  if (driver_ok) {
    DriverCounts decoded;
    if (!AddEncodedDriverCell(merged, &decoded) || !(decoded == driver_sum))
      std::abort();
  }
  return 0;
}
