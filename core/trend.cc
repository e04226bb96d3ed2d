#include "core/trend.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "core/proportion.h"

namespace cxscore {
namespace {

ProportionMetric ProportionOf(DriverMetric metric) {
  switch (metric) {
    case DriverMetric::kCes: return ProportionMetric::kCes;
    case DriverMetric::kVes: return ProportionMetric::kVes;
    default: return ProportionMetric::kCsat;
  }
}

absl::StatusOr<PeriodChange> ChangeBetween(const ScoreCounts& previous,
                                           const ScoreCounts& current,
                                           DriverMetric metric) {
  if (metric == DriverMetric::kNps)
    return NpsChange(NpsCountsOf(previous), NpsCountsOf(current));
  return ProportionChange(ProportionCountsOf(previous, ProportionOf(metric)),
                          ProportionCountsOf(current, ProportionOf(metric)));
}

}  // namespace

absl::StatusOr<std::vector<TrendPoint>> BuildTrend(
    std::span<const PeriodCounts> periods, Period period, DriverMetric metric,
    NpsIntervalMethod method) {
  std::map<int32_t, const ScoreCounts*> by_start;
  for (const PeriodCounts& p : periods) {
    const std::optional<int32_t> start = PeriodStartFromKey(period, p.period);
    if (!start)
      return absl::InvalidArgumentError(
          absl::StrCat("period: \"", p.period, "\" is not a period key"));
    by_start[*start] = &p.scores;
  }
  std::vector<TrendPoint> points;
  if (by_start.empty()) return points;
  const ScoreCounts empty;
  const ScoreCounts* previous = nullptr;
  const int32_t last = by_start.rbegin()->first;
  for (int32_t start = by_start.begin()->first; start <= last;
       start = NextPeriodStartDay(period, start)) {
    const auto it = by_start.find(start);
    const ScoreCounts& current = it == by_start.end() ? empty : *it->second;
    TrendPoint point;
    point.period = PeriodKey(period, start);
    point.score = ScoreOf(current, metric, method);
    if (metric == DriverMetric::kNps && point.score.n > 0) {
      const NpsCounts c = NpsCountsOf(current);
      const double n = static_cast<double>(c.n());
      point.shares = NpsShares{100 * c.promoters / n, 100 * c.passives / n,
                               100 * c.detractors / n};
    }
    if (previous != nullptr) {
      absl::StatusOr<PeriodChange> change =
          ChangeBetween(*previous, current, metric);
      if (!change.ok()) return change.status();
      point.change = change->change;
      if (change->test) point.p = change->test->p;
    }
    points.push_back(std::move(point));
    previous = &current;
  }
  return points;
}

}  // namespace cxscore
