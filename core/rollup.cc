#include "core/rollup.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "absl/time/time.h"
#include "core/metric.h"
#include "core/records.h"

namespace cxscore {
namespace {

template <size_t N>
void AddArray(std::array<int64_t, N>& to, const std::array<int64_t, N>& from,
              int64_t sign) {
  for (size_t i = 0; i < N; ++i) to[i] += sign * from[i];
}

template <size_t N>
bool ArrayIsZero(const std::array<int64_t, N>& a) {
  return std::all_of(a.begin(), a.end(), [](int64_t c) { return c == 0; });
}

// Counts `score` at index score - low when it is on the scale. Validated
// records are always on the scale; the check only keeps a broken caller
// from writing out of bounds.
template <size_t N>
void CountScore(std::array<int64_t, N>& counts,
                const std::optional<int64_t>& score, int64_t low) {
  if (!score.has_value()) return;
  const int64_t index = *score - low;
  if (index >= 0 && index < static_cast<int64_t>(N)) ++counts[index];
}

// Whole seconds from `from` to `to`, rounded down.
int64_t WholeSeconds(absl::Time from, absl::Time to) {
  return absl::ToInt64Seconds(absl::Floor(to - from, absl::Seconds(1)));
}

}  // namespace

int DurationHistogram::BucketOf(int64_t seconds) {
  if (seconds <= 0) return 0;
  const int bucket = static_cast<int>(
      std::ceil(std::log(static_cast<double>(seconds)) / std::log(kGrowth)));
  return std::clamp(bucket, 1, kMaxBucket);
}

double DurationHistogram::RepresentativeSeconds(int bucket) {
  if (bucket <= 0) return 0;
  return 2 * std::pow(kGrowth, bucket) / (kGrowth + 1);
}

void DurationHistogram::Add(int bucket, int64_t count) {
  if (count == 0) return;
  bucket = std::clamp(bucket, 0, kMaxBucket);
  if (static_cast<size_t>(bucket) >= counts_.size()) {
    counts_.resize(bucket + 1, 0);
  }
  counts_[bucket] += count;
}

bool DurationHistogram::AddChecked(int bucket, int64_t count) {
  if (bucket < 0 || bucket > kMaxBucket) return false;
  if (count == 0) return true;
  const int64_t before =
      static_cast<size_t>(bucket) < counts_.size() ? counts_[bucket] : 0;
  int64_t sum = before;
  if (!cxscore::AddChecked(&sum, count)) return false;
  Add(bucket, count);
  return true;
}

void DurationHistogram::AddAll(const DurationHistogram& other, int64_t sign) {
  if (other.counts_.size() > counts_.size()) {
    counts_.resize(other.counts_.size(), 0);
  }
  for (size_t b = 0; b < other.counts_.size(); ++b) {
    counts_[b] += sign * other.counts_[b];
  }
}

std::optional<double> DurationHistogram::Quantile(double q) const {
  const int64_t total = Total();
  if (total <= 0) return std::nullopt;
  q = std::clamp(q, 0.0, 1.0);
  // Nearest rank: the smallest value with at least ceil(q * total) values at
  // or below it. The epsilon keeps 0.9 * 10 from rounding up to rank 10.
  const int64_t rank = std::clamp<int64_t>(
      static_cast<int64_t>(std::ceil(q * static_cast<double>(total) - 1e-9)), 1,
      total);
  int64_t seen = 0;
  int last_nonzero = 0;
  for (size_t b = 0; b < counts_.size(); ++b) {
    if (counts_[b] == 0) continue;
    last_nonzero = static_cast<int>(b);
    seen += counts_[b];
    if (seen >= rank) return RepresentativeSeconds(static_cast<int>(b));
  }
  // Reached only while a cell holds negative counts mid-update.
  return RepresentativeSeconds(last_nonzero);
}

int64_t DurationHistogram::Total() const {
  int64_t total = 0;
  for (int64_t c : counts_) total += c;
  return total;
}

bool DurationHistogram::operator==(const DurationHistogram& other) const {
  const std::vector<int64_t>& shorter =
      counts_.size() <= other.counts_.size() ? counts_ : other.counts_;
  const std::vector<int64_t>& longer =
      counts_.size() <= other.counts_.size() ? other.counts_ : counts_;
  if (!std::equal(shorter.begin(), shorter.end(), longer.begin())) {
    return false;
  }
  return std::all_of(longer.begin() + shorter.size(), longer.end(),
                     [](int64_t c) { return c == 0; });
}

void ScoreCounts::AddAll(const ScoreCounts& other, int64_t sign) {
  for (Metric metric : kAllMetrics) {
    const MetricInfo& info = MetricInfoOf(metric);
    const std::span<int64_t> to = info.mutable_histogram(*this);
    const std::span<const int64_t> from = info.histogram(other);
    for (size_t i = 0; i < to.size(); ++i) to[i] += sign * from[i];
  }
  AddArray(ves_ability, other.ves_ability, sign);
  AddArray(ves_confidence, other.ves_confidence, sign);
}

void RollupCounts::AddAll(const RollupCounts& other, int64_t sign) {
  scores.AddAll(other.scores, sign);

  ServiceCounts& s = service;
  const ServiceCounts& o = other.service;
  s.interactions += sign * o.interactions;
  s.closed += sign * o.closed;
  s.close_seconds_sum += sign * o.close_seconds_sum;
  s.time_to_close.AddAll(o.time_to_close, sign);
  s.first_responses += sign * o.first_responses;
  s.first_response_seconds_sum += sign * o.first_response_seconds_sum;
  s.time_to_first_response.AddAll(o.time_to_first_response, sign);
  s.fcr_known += sign * o.fcr_known;
  s.fcr_yes += sign * o.fcr_yes;
  s.reopens_known += sign * o.reopens_known;
  s.reopened += sign * o.reopened;
  s.reopens_sum += sign * o.reopens_sum;
  s.transfers_known += sign * o.transfers_known;
  s.transfers_sum += sign * o.transfers_sum;
}

bool RollupCounts::IsZero() const {
  // Histograms compare equal to an empty one exactly when all buckets are 0.
  return *this == RollupCounts{};
}

RollupCounts ContributionOf(const SurveyResponse& response) {
  RollupCounts c;
  ScoreCounts& s = c.scores;
  for (Metric metric : kAllMetrics) {
    const MetricInfo& info = MetricInfoOf(metric);
    const std::optional<int32_t> level = info.level_of(response);
    const std::span<int64_t> levels = info.mutable_histogram(s);
    // Validated records are always on the scale; the check only keeps a
    // broken caller from writing out of bounds.
    if (level && *level >= 0 && static_cast<size_t>(*level) < levels.size())
      ++levels[*level];
  }
  // The VES items' own histograms (item means; not a metric of their own).
  CountScore(s.ves_ability, response.ves_ability, 1);
  CountScore(s.ves_confidence, response.ves_confidence, 1);
  return c;
}

RollupCounts ContributionOf(const Interaction& interaction) {
  RollupCounts c;
  ServiceCounts& s = c.service;
  s.interactions = 1;
  if (interaction.closed_at) {
    const int64_t seconds =
        WholeSeconds(interaction.opened_at, *interaction.closed_at);
    s.closed = 1;
    s.close_seconds_sum = seconds;
    s.time_to_close.AddSeconds(seconds, 1);
  }
  if (interaction.first_response_at) {
    const int64_t seconds =
        WholeSeconds(interaction.opened_at, *interaction.first_response_at);
    s.first_responses = 1;
    s.first_response_seconds_sum = seconds;
    s.time_to_first_response.AddSeconds(seconds, 1);
  }
  if (interaction.first_contact_resolution) {
    s.fcr_known = 1;
    s.fcr_yes = *interaction.first_contact_resolution ? 1 : 0;
  }
  if (interaction.reopens) {
    s.reopens_known = 1;
    s.reopened = *interaction.reopens >= 1 ? 1 : 0;
    s.reopens_sum = *interaction.reopens;
  }
  if (interaction.transfers) {
    s.transfers_known = 1;
    s.transfers_sum = *interaction.transfers;
  }
  return c;
}

}  // namespace cxscore
