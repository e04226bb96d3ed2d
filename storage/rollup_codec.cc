#include "storage/rollup_codec.h"

#include <cstdint>

#include "storage/varint.h"

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

class CellWriter {
 public:
  CellWriter() { out_.push_back(kRollupFormatVersion); }
  void Field(uint64_t id, int64_t value) {
    if (value == 0) return;
    AppendVarint(id, &out_);
    AppendVarint(ZigZagEncode(value), &out_);
  }
  template <size_t N>
  void Fields(uint64_t base, const std::array<int64_t, N>& values) {
    for (size_t i = 0; i < N; ++i) Field(base + i, values[i]);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

// Iterates (field id, value) pairs of one encoded cell.
class CellReader {
 public:
  explicit CellReader(std::string_view cell) : rest_(cell) {
    ok_ = !rest_.empty() && rest_.front() == kRollupFormatVersion;
    if (ok_) rest_.remove_prefix(1);
  }
  bool ok() const { return ok_; }
  // False at the end or on malformed input (then ok() is false).
  bool Next(uint64_t* id, int64_t* value) {
    if (!ok_ || rest_.empty()) return false;
    uint64_t raw = 0;
    if (!ReadVarint(&rest_, id) || !ReadVarint(&rest_, &raw)) {
      ok_ = false;
      return false;
    }
    *value = ZigZagDecode(raw);
    return true;
  }

 private:
  std::string_view rest_;
  bool ok_;
};

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
  w.Fields(kNpsBase, s.nps);
  w.Fields(kCsatBase, s.csat);
  w.Fields(kCesBase, s.ces);
  w.Fields(kVesBase, s.ves_doubled_mean);
  w.Fields(kAbilityBase, s.ves_ability);
  w.Fields(kConfidenceBase, s.ves_confidence);
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

bool MergeEncodedCells(std::string_view a, std::string_view b,
                       std::string* out) {
  CellReader left(a), right(b);
  CellWriter w;
  uint64_t left_id = 0, right_id = 0;
  int64_t left_value = 0, right_value = 0;
  bool has_left = left.Next(&left_id, &left_value);
  bool has_right = right.Next(&right_id, &right_value);
  while (has_left || has_right) {
    if (has_left && (!has_right || left_id < right_id)) {
      w.Field(left_id, left_value);
      has_left = left.Next(&left_id, &left_value);
    } else if (has_right && (!has_left || right_id < left_id)) {
      w.Field(right_id, right_value);
      has_right = right.Next(&right_id, &right_value);
    } else {
      w.Field(left_id, left_value + right_value);
      has_left = left.Next(&left_id, &left_value);
      has_right = right.Next(&right_id, &right_value);
    }
  }
  if (!left.ok() || !right.ok()) return false;
  *out = w.Take();
  return true;
}

}  // namespace cxscore::storage
