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

// The DriverCounts::pairs index, row and column of field `id`; false for
// an id no encoder writes (unknown pair id, row beyond the metric's levels,
// column beyond the KPI's).
bool DecodeFieldId(uint64_t id, int* pair, int32_t* row, int32_t* column) {
  const uint64_t c = id & (kColumns - 1);
  const uint64_t r = (id >> kColumnBits) % kRows;
  const uint64_t pair_id = (id >> kColumnBits) / kRows;
  if (pair_id >= kDriverPairIdLimit || kPairIndexById[pair_id] < 0)
    return false;
  const int index = kPairIndexById[pair_id];
  const auto metric = static_cast<Metric>(index / kKpiCount);
  const auto kpi = static_cast<Kpi>(index % kKpiCount);
  if (r >= static_cast<uint64_t>(MetricInfoOf(metric).levels) ||
      c > static_cast<uint64_t>(KpiInfoOf(kpi).max_column))
    return false;
  *pair = index;
  *row = static_cast<int32_t>(r);
  *column = static_cast<int32_t>(c);
  return true;
}

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
    int pair = 0;
    int32_t row = 0, column = 0;
    if (!DecodeFieldId(id, &pair, &row, &column) ||
        !counts->pairs[pair].AddChecked(row, column, value))
      return false;
  }
  return reader.ok();
}

bool IsValidDriverCell(std::string_view cell) {
  CellReader reader(cell);
  uint64_t id = 0;
  int64_t value = 0;
  int pair = 0;
  int32_t row = 0, column = 0;
  while (reader.Next(&id, &value))
    if (!DecodeFieldId(id, &pair, &row, &column)) return false;
  return reader.ok();
}

}  // namespace cxscore::storage
