#include "core/comparison.h"

#include <cmath>
#include <cstdint>
#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "core/proportion.h"
#include "core/scores.h"

namespace cxscore {
namespace {

absl::Status CheckCounts(const ProportionCounts& c, const char* name) {
  if (c.n < 0 || c.successes < 0 || c.successes > c.n) {
    return absl::InvalidArgumentError(absl::StrCat(
        name, " has ", c.successes, " successes of ", c.n, " responses"));
  }
  return absl::OkStatus();
}

absl::Status CheckCounts(const NpsCounts& c, const char* name) {
  if (c.detractors < 0 || c.passives < 0 || c.promoters < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, " has a negative count"));
  }
  return absl::OkStatus();
}

PeriodChange ChangeOf(const TwoSampleResult& test) {
  PeriodChange c;
  c.test = test;
  if (test.p < kChangeAlpha && test.delta != 0) {
    c.change = test.delta < 0 ? Change::kDrop : Change::kRise;
  }
  return c;
}

}  // namespace

absl::StatusOr<TwoSampleResult> CompareProportions(const ProportionCounts& x,
                                                   const ProportionCounts& y) {
  if (absl::Status s = CheckCounts(x, "x"); !s.ok()) return s;
  if (absl::Status s = CheckCounts(y, "y"); !s.ok()) return s;
  if (x.n == 0 || y.n == 0) {
    return absl::InvalidArgumentError(
        "two-proportion test: a sample has no responses");
  }
  const double nx = static_cast<double>(x.n);
  const double ny = static_cast<double>(y.n);
  const double px = static_cast<double>(x.successes) / nx;
  const double py = static_cast<double>(y.successes) / ny;
  TwoSampleResult r;
  r.delta = px - py;
  r.se = std::sqrt(px * (1 - px) / nx + py * (1 - py) / ny);
  r.ci = Interval{r.delta - kZ95 * r.se, r.delta + kZ95 * r.se};
  const double pooled =
      static_cast<double>(x.successes + y.successes) / (nx + ny);
  const double pooled_se = std::sqrt(pooled * (1 - pooled) * (1 / nx + 1 / ny));
  // pooled_se = 0 only when both samples are all successes or all failures,
  // and then delta = 0.
  r.p = pooled_se > 0
            ? std::erfc(std::abs(r.delta) / pooled_se / std::sqrt(2.0))
            : 1.0;
  return r;
}

absl::StatusOr<PeriodChange> NpsChange(const NpsCounts& previous,
                                       const NpsCounts& current) {
  if (absl::Status s = CheckCounts(previous, "previous"); !s.ok()) return s;
  if (absl::Status s = CheckCounts(current, "current"); !s.ok()) return s;
  if (previous.n() == 0 || current.n() == 0) return PeriodChange{};
  return ChangeOf(CompareNps(current, previous));
}

absl::StatusOr<PeriodChange> ProportionChange(const ProportionCounts& previous,
                                              const ProportionCounts& current) {
  if (absl::Status s = CheckCounts(previous, "previous"); !s.ok()) return s;
  if (absl::Status s = CheckCounts(current, "current"); !s.ok()) return s;
  if (previous.n == 0 || current.n == 0) return PeriodChange{};
  absl::StatusOr<TwoSampleResult> test = CompareProportions(current, previous);
  if (!test.ok()) return test.status();
  return ChangeOf(*test);
}

}  // namespace cxscore
