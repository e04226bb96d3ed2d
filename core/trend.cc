#include "core/trend.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "core/proportion.h"

namespace cxscore {
namespace {

absl::StatusOr<PeriodChange> ChangeBetween(const ScoreCounts& previous,
                                           const ScoreCounts& current,
                                           Metric metric) {
  if (MetricInfoOf(metric).kind == MetricKind::kNetPromoter)
    return NpsChange(NpsCountsOf(previous), NpsCountsOf(current));
  return ProportionChange(ProportionCountsOf(previous, metric),
                          ProportionCountsOf(current, metric));
}

}  // namespace

absl::StatusOr<std::vector<TrendPoint>> BuildTrend(
    std::span<const PeriodCounts> periods, Period period, Metric metric,
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
  // The counts of each point so far, so that a move back after a flagged
  // change can be judged against the level before that change.
  std::vector<const ScoreCounts*> counts;
  const int32_t last = by_start.rbegin()->first;
  for (int32_t start = by_start.begin()->first; start <= last;
       start = NextPeriodStartDay(period, start)) {
    const auto it = by_start.find(start);
    const ScoreCounts& current = it == by_start.end() ? empty : *it->second;
    TrendPoint point;
    point.period = PeriodKey(period, start);
    point.score = ScoreOf(current, metric, method);
    if (MetricInfoOf(metric).kind == MetricKind::kNetPromoter &&
        point.score.n > 0) {
      const NpsCounts c = NpsCountsOf(current);
      const double n = static_cast<double>(c.n());
      point.shares = NpsShares{100 * c.promoters / n, 100 * c.passives / n,
                               100 * c.detractors / n};
    }
    if (!counts.empty()) {
      absl::StatusOr<PeriodChange> change =
          ChangeBetween(*counts.back(), current, metric);
      if (!change.ok()) return change.status();
      point.change = change->change;
      if (change->test) point.p = change->test->p;
      const Change before = points.back().change;
      if (point.change != Change::kNone && before != Change::kNone &&
          point.change != before) {
        // A move back after a flagged change is a return, not a new change,
        // unless it overshoots the level before that change.
        point.change = Change::kNone;
        if (counts.size() >= 2) {
          absl::StatusOr<PeriodChange> against_level =
              ChangeBetween(*counts[counts.size() - 2], current, metric);
          if (!against_level.ok()) return against_level.status();
          if (against_level->change != before)
            point.change = against_level->change;
        }
      }
    }
    points.push_back(std::move(point));
    counts.push_back(&current);
  }
  return points;
}

}  // namespace cxscore
