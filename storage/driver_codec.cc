#include "storage/driver_codec.h"

#include "storage/sparse_cell.h"

namespace cxscore::storage {
namespace {

constexpr uint64_t kRows = 16;
constexpr uint64_t kColumnBits = 12;
constexpr uint64_t kColumns = uint64_t{1} << kColumnBits;
static_assert(DriverCounts::kMaxCountColumn < kColumns);
static_assert(DurationHistogram::kMaxBucket < kColumns);

}  // namespace

std::string EncodeDriverCell(const DriverCounts& counts) {
  CellWriter w;
  for (size_t pair = 0; pair < counts.pairs.size(); ++pair) {
    // ForEachCell yields (row, column) in increasing order, so ids increase.
    counts.pairs[pair].ForEachCell([&](int32_t row, int32_t column, int64_t n) {
      w.Field(((pair * kRows + row) << kColumnBits) | column, n);
    });
  }
  return w.Take();
}

bool AddEncodedDriverCell(std::string_view cell, DriverCounts* counts) {
  CellReader reader(cell);
  uint64_t id = 0;
  int64_t value = 0;
  while (reader.Next(&id, &value)) {
    const uint64_t column = id & (kColumns - 1);
    const uint64_t row = (id >> kColumnBits) % kRows;
    const uint64_t pair = (id >> kColumnBits) / kRows;
    if (pair >= counts->pairs.size()) return false;
    counts->pairs[pair].Add(static_cast<int32_t>(row),
                            static_cast<int32_t>(column), value);
  }
  return reader.ok();
}

}  // namespace cxscore::storage
