// The arguments of `cxscore trend`, checked and turned into a
// GetTrendRequest before anything is sent.
#ifndef CXSCORE_CLIENT_COMMANDS_TREND_QUERY_H_
#define CXSCORE_CLIENT_COMMANDS_TREND_QUERY_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "client/commands/selection_args.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

struct TrendQuery {
  std::string metric;  // nps, csat, ces, ves; required
  // As ScoresQuery::by, but only agent, team, channel or attr.NAME (the
  // period is `interval`).
  std::vector<std::string> by;
  std::string interval;     // day, week, month; required
  SelectionArgs selection;  // --from, --to, --agent, --team, --channel
  std::string nps_interval = "adjusted-wald";  // or "wald"
};

// "day", "week" or "month", case-insensitive: DIMENSION_DAY/WEEK/MONTH.
absl::StatusOr<v1::Dimension> ParseTrendInterval(absl::string_view text);

// The metric, grouping, interval, selection (BuildSelection) and NPS
// interval method.
absl::StatusOr<v1::GetTrendRequest> BuildTrendRequest(const TrendQuery& query);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_COMMANDS_TREND_QUERY_H_
