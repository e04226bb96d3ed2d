#include "storage/rollup_codec.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <tuple>
#include <utility>
#include <vector>

#include "storage/persisted_ids.h"
#include "storage/sparse_cell.h"

namespace cxscore::storage {
namespace {

// Field-id room per histogram; DurationHistogram::kMaxBucket must fit.
constexpr uint64_t kMaxBuckets = 3072;
static_assert(DurationHistogram::kMaxBucket < kMaxBuckets);

// The service scalars in field-id order (kServiceFieldBase + index).
template <typename Counts>
auto ServiceScalars(Counts& s) {
  return std::array{&s.interactions,
                    &s.closed,
                    &s.close_seconds_sum,
                    &s.first_responses,
                    &s.first_response_seconds_sum,
                    &s.fcr_known,
                    &s.fcr_yes,
                    &s.reopens_known,
                    &s.reopened,
                    &s.reopens_sum,
                    &s.transfers_known,
                    &s.transfers_sum};
}

// (field id, value) of the fields below kCloseBucketFieldBase.
using Fields = std::vector<std::pair<uint64_t, int64_t>>;

void AddFields(uint64_t base, std::span<const int64_t> values, Fields* out) {
  for (size_t i = 0; i < values.size(); ++i)
    if (values[i] != 0) out->emplace_back(base + i, values[i]);
}

// The metric whose score histogram holds field `id`, if any.
std::optional<Metric> MetricOfField(uint64_t id) {
  for (Metric m : kAllMetrics) {
    const uint64_t base = RollupFieldBase(m);
    if (id >= base && id < base + MetricInfoOf(m).levels) return m;
  }
  return std::nullopt;
}

template <size_t N>
bool AddToArray(uint64_t id, uint64_t base, int64_t value,
                std::array<int64_t, N>* values) {
  if (id < base || id >= base + N) return false;
  return AddChecked(&(*values)[id - base], value);
}

bool AddField(uint64_t id, int64_t value, RollupCounts* counts) {
  ScoreCounts& s = counts->scores;
  if (const std::optional<Metric> m = MetricOfField(id)) {
    return AddChecked(
        &MetricInfoOf(*m).mutable_histogram(s)[id - RollupFieldBase(*m)],
        value);
  }
  if (id < kServiceFieldBase) {
    return AddToArray(id, kVesAbilityFieldBase, value, &s.ves_ability) ||
           AddToArray(id, kVesConfidenceFieldBase, value, &s.ves_confidence);
  }
  ServiceCounts& service = counts->service;
  if (id < kServiceFieldBase + kServiceFieldCount) {
    return AddChecked(ServiceScalars(service)[id - kServiceFieldBase], value);
  }
  constexpr uint64_t kBuckets = DurationHistogram::kMaxBucket + 1;
  if (id >= kCloseBucketFieldBase && id < kCloseBucketFieldBase + kBuckets) {
    return service.time_to_close.AddChecked(
        static_cast<int>(id - kCloseBucketFieldBase), value);
  }
  if (id >= kFirstResponseBucketFieldBase &&
      id < kFirstResponseBucketFieldBase + kBuckets) {
    return service.time_to_first_response.AddChecked(
        static_cast<int>(id - kFirstResponseBucketFieldBase), value);
  }
  return false;
}

// Whether AddField knows `id` (a cell holds each id once, so a single
// value cannot overflow).
bool KnownField(uint64_t id) {
  constexpr uint64_t kBuckets = DurationHistogram::kMaxBucket + 1;
  const auto in = [id](uint64_t base, uint64_t count) {
    return id >= base && id < base + count;
  };
  constexpr uint64_t kItems =
      std::tuple_size_v<decltype(ScoreCounts::ves_ability)>;
  static_assert(kItems ==
                std::tuple_size_v<decltype(ScoreCounts::ves_confidence)>);
  return MetricOfField(id).has_value() || in(kVesAbilityFieldBase, kItems) ||
         in(kVesConfidenceFieldBase, kItems) ||
         in(kServiceFieldBase, kServiceFieldCount) ||
         in(kCloseBucketFieldBase, kBuckets) ||
         in(kFirstResponseBucketFieldBase, kBuckets);
}

}  // namespace

std::string EncodeRollupCell(const RollupCounts& counts) {
  const ScoreCounts& s = counts.scores;
  Fields fields;
  for (Metric m : kAllMetrics)
    AddFields(RollupFieldBase(m), MetricInfoOf(m).histogram(s), &fields);
  AddFields(kVesAbilityFieldBase, s.ves_ability, &fields);
  AddFields(kVesConfidenceFieldBase, s.ves_confidence, &fields);
  const auto scalars = ServiceScalars(counts.service);
  for (size_t i = 0; i < scalars.size(); ++i)
    if (*scalars[i] != 0)
      fields.emplace_back(kServiceFieldBase + i, *scalars[i]);
  // The field ids come from several tables; the cell wants them in order.
  std::sort(fields.begin(), fields.end());
  CellWriter w;
  for (const auto& [id, value] : fields) w.Field(id, value);
  counts.service.time_to_close.ForEachBucket(
      [&](int b, int64_t n) { w.Field(kCloseBucketFieldBase + b, n); });
  counts.service.time_to_first_response.ForEachBucket(
      [&](int b, int64_t n) { w.Field(kFirstResponseBucketFieldBase + b, n); });
  return w.Take();
}

bool IsValidRollupCell(std::string_view cell) {
  CellReader reader(cell);
  uint64_t id = 0;
  int64_t value = 0;
  while (reader.Next(&id, &value)) {
    if (!KnownField(id)) return false;
  }
  return reader.ok();
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
