#include "core/proportion.h"

#include <cstddef>
#include <cstdint>
#include <span>

#include "core/rollup.h"

namespace cxscore {

ProportionCounts ProportionCountsOf(const ScoreCounts& scores, Metric metric) {
  const MetricInfo& info = MetricInfoOf(metric);
  const std::span<const int64_t> levels = info.histogram(scores);
  ProportionCounts c;
  for (size_t i = 0; i < levels.size(); ++i) {
    c.n += levels[i];
    if (i >= static_cast<size_t>(info.success_level)) c.successes += levels[i];
  }
  return c;
}

}  // namespace cxscore
