// `cxscore scores --format json`: the JSON shape other programs read
// (docs/cli.md). Field names and nesting are a contract; do not rename.
#ifndef CXSCORE_CLIENT_SCORES_JSON_H_
#define CXSCORE_CLIENT_SCORES_JSON_H_

#include "cxscore/v1/cxscore.pb.h"
#include "nlohmann/json.hpp"

namespace cxscore::client {

// {"groups": [GroupToJson(g)...]} in the server's order.
nlohmann::ordered_json ScoresToJson(const v1::GetScoresResponse& response);

// {"key": {...}, "nps": {...}, "csat": {...}, "ces": {...}, "ves": {...},
//  "service": {...}}. The key holds one entry per grouped dimension, named
// as on the command line, with null for an unattributed value. A value or
// bound unset on the wire (n = 0) is null; numbers are not rounded.
nlohmann::ordered_json GroupToJson(const v1::GroupScores& group);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_SCORES_JSON_H_
