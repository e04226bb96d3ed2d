// `cxscore trend --format json`: the JSON shape other programs read
// (docs/cli.md). Field names and nesting are a contract; do not rename.
#ifndef CXSCORE_CLIENT_TREND_JSON_H_
#define CXSCORE_CLIENT_TREND_JSON_H_

#include "client/json_format.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

// {"series": [{"key": {...}, "points": [TrendPointToJson(p, metric)...]}]}
// in the server's order. The key as in `scores` (KeyToJson).
Json TrendToJson(const v1::GetTrendResponse& response, v1::Metric metric);

// {"period", "n", "value", "ci_low", "ci_high", "change", "p"}; change is
// "drop", "rise" or null (empty on the wire). For METRIC_NPS also
// "promoters", "passives", "detractors" (shares in percent). Unset numbers
// are null; numbers are not rounded.
Json TrendPointToJson(const v1::TrendPoint& point, v1::Metric metric);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_TREND_JSON_H_
