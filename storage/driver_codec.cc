#include "storage/driver_codec.h"

#include "storage/persisted_ids.h"
#include "storage/sparse_cell.h"

namespace cxscore::storage {
namespace {

constexpr uint64_t kRows = 16;
constexpr uint64_t kColumnBits = 12;
constexpr uint64_t kColumns = uint64_t{1} << kColumnBits;
static_assert(DriverCounts::kMaxCountColumn < kColumns);
static_assert(DurationHistogram::kMaxBucket < kColumns);

// The in-memory pair (DriverCounts::pairs index) of each persisted pair id;
// -1 for an id no pair has.
constexpr std::array<int, kDriverPairIdLimit> PairIndexById() {
  std::array<int, kDriverPairIdLimit> index{};
  index.fill(-1);
  for (Metric m : kAllMetrics)
    for (Kpi k : kAllKpis)
      index[DriverPairId(m, k)] =
          static_cast<int>(m) * kKpiCount + static_cast<int>(k);
  return index;
}
constexpr std::array<int, kDriverPairIdLimit> kPairIndexById = PairIndexById();

}  // namespace

std::string EncodeDriverCell(const DriverCounts& counts) {
  CellWriter w;
  // By persisted id, so that field ids increase.
  for (uint64_t id = 0; id < kDriverPairIdLimit; ++id) {
    if (kPairIndexById[id] < 0) continue;
    // ForEachCell yields (row, column) in increasing order, so ids increase.
    counts.pairs[kPairIndexById[id]].ForEachCell(
        [&](int32_t row, int32_t column, int64_t n) {
          w.Field(((id * kRows + row) << kColumnBits) | column, n);
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
    const uint64_t pair_id = (id >> kColumnBits) / kRows;
    if (pair_id >= kDriverPairIdLimit || kPairIndexById[pair_id] < 0)
      return false;
    counts->pairs[kPairIndexById[pair_id]].Add(
        static_cast<int32_t>(row), static_cast<int32_t>(column), value);
  }
  return reader.ok();
}

}  // namespace cxscore::storage
