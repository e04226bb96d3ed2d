// A metric per period, with a change flag against the previous period.
#ifndef CXSCORE_CORE_TREND_H_
#define CXSCORE_CORE_TREND_H_

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "core/calendar.h"
#include "core/comparison.h"
#include "core/metric_score.h"

namespace cxscore {

struct PeriodCounts {
  std::string period;  // PeriodKey of the trend's Period
  ScoreCounts scores;
};

struct NpsShares {
  double promoters = 0, passives = 0, detractors = 0;  // percent
};

struct TrendPoint {
  std::string period;
  MetricScore score;
  std::optional<NpsShares> shares;  // NPS only, when n > 0
  // Against the previous period: kDrop/kRise when p < kChangeAlpha, except
  // that a move back after a flagged change (a rise after a drop, or the
  // reverse) is kNone unless it is also significant against the period
  // before that change (an overshoot). So a one-period dip is flagged once,
  // and a lasting shift once, at its start.
  Change change = Change::kNone;
  // Of the test against the previous period; nullopt when either period has
  // n = 0.
  std::optional<double> p;
};

// One point per period from the first to the last period of `periods`
// (any order; keys must be of `period`'s kind, else INVALID_ARGUMENT), with
// n = 0 points filling the gaps so that "previous" is always the calendar's
// previous period.
absl::StatusOr<std::vector<TrendPoint>> BuildTrend(
    std::span<const PeriodCounts> periods, Period period, Metric metric,
    NpsIntervalMethod method);

}  // namespace cxscore

#endif  // CXSCORE_CORE_TREND_H_
