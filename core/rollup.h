// The additive content of one rollup cell: score histograms and service-KPI
// sums for one (day, group). Cells add up: the sum of the cells of many days
// and groups is the cell of their union, which is why queries never read raw
// records. Counts are signed so that an upsert can subtract the old record's
// contribution.
#ifndef CXSCORE_CORE_ROLLUP_H_
#define CXSCORE_CORE_ROLLUP_H_

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/records.h"

namespace cxscore {

// *acc += value; false (and *acc unchanged) when the sum overflows int64.
// For counts read from outside, which no validation has bounded.
[[nodiscard]] inline bool AddChecked(int64_t* acc, int64_t value) {
  int64_t sum = 0;
  if (__builtin_add_overflow(*acc, value, &sum)) return false;
  *acc = sum;
  return true;
}

// Counts of durations in logarithmic buckets (seconds). Bucket 0 holds
// durations <= 0 s; bucket b >= 1 holds (kGrowth^(b-1), kGrowth^b] seconds,
// except that bucket 1 also takes 1 s (whole seconds: bucket 1 is exactly
// {1 s}). The bucket's representative value 2*g^b/(g+1) is within
// (g-1)/(g+1) < 1% of any duration in it, so quantiles have < 1% relative
// error.
class DurationHistogram {
 public:
  static constexpr double kGrowth = 1.02;
  // BucketOf(INT64_MAX); Add() clamps bucket indices to [0, kMaxBucket], and
  // a decoder should reject larger indices as corrupt.
  static constexpr int kMaxBucket = 2206;

  static int BucketOf(int64_t seconds);
  static double RepresentativeSeconds(int bucket);

  void Add(int bucket, int64_t count);
  // Like Add, for counts read from outside (a decoder): false, and nothing
  // added, when `bucket` is outside [0, kMaxBucket] or the bucket's count
  // would overflow int64.
  [[nodiscard]] bool AddChecked(int bucket, int64_t count);
  void AddSeconds(int64_t seconds, int64_t count) {
    Add(BucketOf(seconds), count);
  }
  void AddAll(const DurationHistogram& other, int64_t sign = 1);

  // The q-quantile (0 <= q <= 1) by the nearest-rank rule, in seconds;
  // nullopt when empty.
  std::optional<double> Quantile(double q) const;
  int64_t Total() const;

  // Non-zero buckets in increasing order; for encoding.
  template <typename F>
  void ForEachBucket(F&& f) const {
    for (size_t b = 0; b < counts_.size(); ++b)
      if (counts_[b] != 0) f(static_cast<int>(b), counts_[b]);
  }
  bool operator==(const DurationHistogram& other) const;

 private:
  std::vector<int64_t> counts_;  // grows on demand; trailing zeros allowed
};

// Survey answers per scale point. Index = score - scale minimum.
struct ScoreCounts {
  std::array<int64_t, 11> nps{};               // 0..10
  std::array<int64_t, 5> csat{};               // 1..5
  std::array<int64_t, 7> ces{};                // 1..7
  std::array<int64_t, 13> ves_doubled_mean{};  // 2*mean in 2..14 -> index 0..12
  std::array<int64_t, 7> ves_ability{};        // 1..7
  std::array<int64_t, 7> ves_confidence{};     // 1..7

  // this += sign * other, field by field. sign is +1 or -1.
  void AddAll(const ScoreCounts& other, int64_t sign = 1);
  bool operator==(const ScoreCounts&) const = default;
};

// Service KPIs of interactions; durations in whole seconds.
struct ServiceCounts {
  int64_t interactions = 0;
  int64_t closed = 0;
  int64_t close_seconds_sum = 0;
  DurationHistogram time_to_close;
  int64_t first_responses = 0;
  int64_t first_response_seconds_sum = 0;
  DurationHistogram time_to_first_response;
  int64_t fcr_known = 0;
  int64_t fcr_yes = 0;
  int64_t reopens_known = 0;
  int64_t reopened = 0;  // interactions with reopens >= 1
  int64_t reopens_sum = 0;
  int64_t transfers_known = 0;
  int64_t transfers_sum = 0;

  bool operator==(const ServiceCounts&) const = default;
};

struct RollupCounts {
  ScoreCounts scores;
  ServiceCounts service;

  // this += sign * other, field by field. sign is +1 or -1.
  void AddAll(const RollupCounts& other, int64_t sign = 1);
  bool IsZero() const;
  bool operator==(const RollupCounts&) const = default;
};

// What one record adds to the cells it falls in. REQUIRES: the record passed
// validation.
RollupCounts ContributionOf(const SurveyResponse& response);
RollupCounts ContributionOf(const Interaction& interaction);

}  // namespace cxscore

#endif  // CXSCORE_CORE_ROLLUP_H_
