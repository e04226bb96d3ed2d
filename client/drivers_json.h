// `cxscore drivers --format json`: the JSON shape other programs read
// (docs/cli.md). Field names and nesting are a contract; do not rename.
#ifndef CXSCORE_CLIENT_DRIVERS_JSON_H_
#define CXSCORE_CLIENT_DRIVERS_JSON_H_

#include "client/json_format.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

// {"pairs": [DriverPairToJson(p)...], "ranking": [{"metric", "kpi",
//  "strength"}...], "verdict": "..."}, lists in the server's order.
Json DriversToJson(const v1::GetDriversResponse& response);

// A grouped answer (--by attr.NAME): {"groups": [{"key": {...}, "pairs",
// "ranking", "verdict"}...]}, each group shaped like DriversToJson with its
// key first (KeyToJson), in the server's order.
Json DriverGroupsToJson(const v1::GetDriversResponse& response);

// The group as an ungrouped answer (its pairs, ranking and verdict), so
// that every format renders a group as it renders a whole selection.
v1::GetDriversResponse GroupAsResponse(const v1::DriverGroup& group);

// {"metric": "ces", "kpi": "time_to_close", "n", "rho", "ci_low",
//  "ci_high", "p", "q", "significant"}; rho and its interval null when the
// server leaves them unset (n < 2, a constant column). Metric and KPI as
// named on the command line (metric_names.h).
Json DriverPairToJson(const v1::DriverPair& pair);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_DRIVERS_JSON_H_
