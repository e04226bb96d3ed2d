// Every id that cxscore writes to disk, as an explicit constant: rollup
// cell field ids (storage/rollup_codec.cc) and driver pair ids
// (storage/driver_codec.cc). docs/storage-format.md documents them. These
// are never derived from an enum's position, so inserting a metric or KPI
// anywhere in the catalogue (core/metric.h) changes no stored id; a new
// metric or KPI gets new ids here, and existing ids are never renumbered.
#ifndef CXSCORE_STORAGE_PERSISTED_IDS_H_
#define CXSCORE_STORAGE_PERSISTED_IDS_H_

#include <array>
#include <cstdint>
#include <optional>

#include "core/metric.h"

namespace cxscore::storage {

// --- `rollups` cells -------------------------------------------------------

// The field id of level 0 of a metric's score histogram (level i is base +
// i; room for 16 levels at most below the next base).
constexpr uint64_t RollupFieldBase(Metric metric) {
  switch (metric) {
    case Metric::kNps:
      return 0;  // 0..10
    case Metric::kCsat:
      return 16;  // 16..20
    case Metric::kCes:
      return 24;  // 24..30
    case Metric::kVes:
      return 32;  // 32..44, by doubled mean
  }
  return UINT64_MAX;  // unreachable: -Wswitch flags a metric without a base
}
inline constexpr uint64_t kVesAbilityFieldBase = 48;     // 48..54
inline constexpr uint64_t kVesConfidenceFieldBase = 56;  // 56..62
// The service scalars: interactions, closed, close seconds, first responses,
// first response seconds, FCR known, FCR yes, reopens known, reopened,
// reopens sum, transfers known, transfers sum (64..75, in that order).
inline constexpr uint64_t kServiceFieldBase = 64;
inline constexpr uint64_t kServiceFieldCount = 12;
// Duration histogram buckets (time to close, time to first response).
inline constexpr uint64_t kCloseBucketFieldBase = 1024;
inline constexpr uint64_t kFirstResponseBucketFieldBase = 4096;

static_assert(RollupFieldBase(Metric::kNps) == 0);
static_assert(RollupFieldBase(Metric::kCsat) == 16);
static_assert(RollupFieldBase(Metric::kCes) == 24);
static_assert(RollupFieldBase(Metric::kVes) == 32);

// --- `driver_rollups` cells ------------------------------------------------

// The persisted id of each (metric, KPI) pair: field id = ((pair id * 16 +
// row) << 12) | column (driver_codec.h). Format version 2 stores metric x 5
// + KPI of the original catalogue order; a new metric or KPI appends rows
// with new ids (20 and up), in any order.
struct DriverPairIdRow {
  Metric metric;
  Kpi kpi;
  uint32_t id;
};
inline constexpr std::array<DriverPairIdRow, kMetricCount* kKpiCount>
    kDriverPairIds = {{
        {Metric::kNps, Kpi::kTimeToFirstResponse, 0},
        {Metric::kNps, Kpi::kTimeToClose, 1},
        {Metric::kNps, Kpi::kReopens, 2},
        {Metric::kNps, Kpi::kTransfers, 3},
        {Metric::kNps, Kpi::kFirstContactResolution, 4},
        {Metric::kCsat, Kpi::kTimeToFirstResponse, 5},
        {Metric::kCsat, Kpi::kTimeToClose, 6},
        {Metric::kCsat, Kpi::kReopens, 7},
        {Metric::kCsat, Kpi::kTransfers, 8},
        {Metric::kCsat, Kpi::kFirstContactResolution, 9},
        {Metric::kCes, Kpi::kTimeToFirstResponse, 10},
        {Metric::kCes, Kpi::kTimeToClose, 11},
        {Metric::kCes, Kpi::kReopens, 12},
        {Metric::kCes, Kpi::kTransfers, 13},
        {Metric::kCes, Kpi::kFirstContactResolution, 14},
        {Metric::kVes, Kpi::kTimeToFirstResponse, 15},
        {Metric::kVes, Kpi::kTimeToClose, 16},
        {Metric::kVes, Kpi::kReopens, 17},
        {Metric::kVes, Kpi::kTransfers, 18},
        {Metric::kVes, Kpi::kFirstContactResolution, 19},
    }};
// One more than the largest pair id.
constexpr uint32_t DriverPairIdLimit() {
  uint32_t limit = 0;
  for (const DriverPairIdRow& row : kDriverPairIds)
    limit = row.id + 1 > limit ? row.id + 1 : limit;
  return limit;
}
inline constexpr uint32_t kDriverPairIdLimit = DriverPairIdLimit();

constexpr uint32_t DriverPairId(Metric metric, Kpi kpi) {
  for (const DriverPairIdRow& row : kDriverPairIds)
    if (row.metric == metric && row.kpi == kpi) return row.id;
  return UINT32_MAX;
}

// Every pair has exactly one id, below kDriverPairIdLimit, and no two pairs
// share one.
constexpr bool DriverPairIdsAreComplete() {
  std::array<bool, kDriverPairIdLimit> used{};
  for (Metric m : kAllMetrics)
    for (Kpi k : kAllKpis) {
      const uint32_t id = DriverPairId(m, k);
      if (id >= kDriverPairIdLimit || used[id]) return false;
      used[id] = true;
    }
  return true;
}
static_assert(DriverPairIdsAreComplete());

// The ids of format version 2, pinned.
static_assert(DriverPairId(Metric::kNps, Kpi::kTimeToFirstResponse) == 0);
static_assert(DriverPairId(Metric::kNps, Kpi::kTimeToClose) == 1);
static_assert(DriverPairId(Metric::kNps, Kpi::kReopens) == 2);
static_assert(DriverPairId(Metric::kNps, Kpi::kTransfers) == 3);
static_assert(DriverPairId(Metric::kNps, Kpi::kFirstContactResolution) == 4);
static_assert(DriverPairId(Metric::kCsat, Kpi::kTimeToFirstResponse) == 5);
static_assert(DriverPairId(Metric::kCsat, Kpi::kTimeToClose) == 6);
static_assert(DriverPairId(Metric::kCsat, Kpi::kReopens) == 7);
static_assert(DriverPairId(Metric::kCsat, Kpi::kTransfers) == 8);
static_assert(DriverPairId(Metric::kCsat, Kpi::kFirstContactResolution) == 9);
static_assert(DriverPairId(Metric::kCes, Kpi::kTimeToFirstResponse) == 10);
static_assert(DriverPairId(Metric::kCes, Kpi::kTimeToClose) == 11);
static_assert(DriverPairId(Metric::kCes, Kpi::kReopens) == 12);
static_assert(DriverPairId(Metric::kCes, Kpi::kTransfers) == 13);
static_assert(DriverPairId(Metric::kCes, Kpi::kFirstContactResolution) == 14);
static_assert(DriverPairId(Metric::kVes, Kpi::kTimeToFirstResponse) == 15);
static_assert(DriverPairId(Metric::kVes, Kpi::kTimeToClose) == 16);
static_assert(DriverPairId(Metric::kVes, Kpi::kReopens) == 17);
static_assert(DriverPairId(Metric::kVes, Kpi::kTransfers) == 18);
static_assert(DriverPairId(Metric::kVes, Kpi::kFirstContactResolution) == 19);

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_PERSISTED_IDS_H_
