// `cxscore scores --format json`: the JSON shape other programs read
// (docs/cli.md). Field names and nesting are a contract; do not rename.
#ifndef CXSCORE_CLIENT_SCORES_JSON_H_
#define CXSCORE_CLIENT_SCORES_JSON_H_

#include "client/json_format.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

// {"groups": [GroupToJson(g, compared)...]} in the server's order.
Json ScoresToJson(const v1::GetScoresResponse& response, bool compared = false);

// {"key": {...}, "nps": {...}, "csat": {...}, "ces": {...}, "ves": {...},
//  "service": {...}}, and with `compared` (--compare) also
// "comparison": {"nps": Delta, "csat": Delta, "ces": Delta, "ves": Delta},
// each Delta {"delta", "ci_low", "ci_high", "p", "other_n", "other_value"}.
// The key holds one entry per grouped dimension, named as on the command
// line, with null for an unattributed value. A value or bound unset on the
// wire (n = 0) is null; numbers are not rounded.
Json GroupToJson(const v1::GroupScores& group, bool compared = false);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_SCORES_JSON_H_
