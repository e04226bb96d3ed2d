#include "storage/rollup_codec.h"

#include <cstdint>

#include "storage/sparse_cell.h"

namespace cxscore::storage {
namespace {

constexpr uint64_t kNpsBase = 0;
constexpr uint64_t kCsatBase = 16;
constexpr uint64_t kCesBase = 24;
constexpr uint64_t kVesBase = 32;
constexpr uint64_t kAbilityBase = 48;
constexpr uint64_t kConfidenceBase = 56;
constexpr uint64_t kServiceBase = 64;
constexpr uint64_t kServiceFields = 12;
constexpr uint64_t kCloseBucketBase = 1024;
constexpr uint64_t kFirstResponseBucketBase = 4096;
// Field-id room per histogram; DurationHistogram::kMaxBucket must fit.
constexpr uint64_t kMaxBuckets = 3072;
static_assert(DurationHistogram::kMaxBucket < kMaxBuckets);

// The service scalars in field-id order (kServiceBase + index).
template <typename Counts>
auto ServiceScalars(Counts& s) {
  return std::array{&s.interactions,    &s.closed,
                    &s.close_seconds_sum, &s.first_responses,
                    &s.first_response_seconds_sum, &s.fcr_known,
                    &s.fcr_yes,         &s.reopens_known,
                    &s.reopened,        &s.reopens_sum,
                    &s.transfers_known, &s.transfers_sum};
}

template <size_t N>
void WriteFields(uint64_t base, const std::array<int64_t, N>& values,
                 CellWriter* w) {
  for (size_t i = 0; i < N; ++i) w->Field(base + i, values[i]);
}

template <size_t N>
bool AddToArray(uint64_t id, uint64_t base, int64_t value,
                std::array<int64_t, N>* values) {
  if (id < base || id >= base + N) return false;
  (*values)[id - base] += value;
  return true;
}

bool AddField(uint64_t id, int64_t value, RollupCounts* counts) {
  ScoreCounts& s = counts->scores;
  if (id < kServiceBase) {
    return AddToArray(id, kNpsBase, value, &s.nps) ||
           AddToArray(id, kCsatBase, value, &s.csat) ||
           AddToArray(id, kCesBase, value, &s.ces) ||
           AddToArray(id, kVesBase, value, &s.ves_doubled_mean) ||
           AddToArray(id, kAbilityBase, value, &s.ves_ability) ||
           AddToArray(id, kConfidenceBase, value, &s.ves_confidence);
  }
  ServiceCounts& service = counts->service;
  if (id < kServiceBase + kServiceFields) {
    *ServiceScalars(service)[id - kServiceBase] += value;
    return true;
  }
  constexpr uint64_t kBuckets = DurationHistogram::kMaxBucket + 1;
  if (id >= kCloseBucketBase && id < kCloseBucketBase + kBuckets) {
    service.time_to_close.Add(static_cast<int>(id - kCloseBucketBase), value);
    return true;
  }
  if (id >= kFirstResponseBucketBase &&
      id < kFirstResponseBucketBase + kBuckets) {
    service.time_to_first_response.Add(
        static_cast<int>(id - kFirstResponseBucketBase), value);
    return true;
  }
  return false;
}

}  // namespace

std::string EncodeRollupCell(const RollupCounts& counts) {
  CellWriter w;
  const ScoreCounts& s = counts.scores;
  WriteFields(kNpsBase, s.nps, &w);
  WriteFields(kCsatBase, s.csat, &w);
  WriteFields(kCesBase, s.ces, &w);
  WriteFields(kVesBase, s.ves_doubled_mean, &w);
  WriteFields(kAbilityBase, s.ves_ability, &w);
  WriteFields(kConfidenceBase, s.ves_confidence, &w);
  const auto scalars = ServiceScalars(counts.service);
  for (size_t i = 0; i < scalars.size(); ++i)
    w.Field(kServiceBase + i, *scalars[i]);
  counts.service.time_to_close.ForEachBucket(
      [&](int b, int64_t n) { w.Field(kCloseBucketBase + b, n); });
  counts.service.time_to_first_response.ForEachBucket(
      [&](int b, int64_t n) { w.Field(kFirstResponseBucketBase + b, n); });
  return w.Take();
}

bool AddEncodedCell(std::string_view cell, RollupCounts* counts) {
  CellReader reader(cell);
  uint64_t id = 0;
  int64_t value = 0;
  while (reader.Next(&id, &value)) {
    if (!AddField(id, value, counts)) return false;
  }
  return reader.ok();
}

}  // namespace cxscore::storage
