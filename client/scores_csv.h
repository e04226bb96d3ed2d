// `cxscore scores --format csv`: one row per group. Columns are the grouped
// dimensions (named as on the command line; empty cell = unattributed), then
// every number of the JSON output, named by its JSON path joined with '_'
// (nps_n, nps_value, ..., service_time_to_close_s_p50, ..., and with
// --compare comparison_nps_delta, ...). Empty cell = null. Numbers are not
// rounded.
#ifndef CXSCORE_CLIENT_SCORES_CSV_H_
#define CXSCORE_CLIENT_SCORES_CSV_H_

#include <ostream>
#include <string>
#include <vector>

#include "client/scores_query.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

// The header row for `grouping`; `compared` adds the
// comparison_* columns.
std::vector<std::string> ScoresCsvHeader(
    const Grouping& grouping, bool compared = false);

// Header and one row per group. `grouping` is the request's grouping; it
// names the key columns also when there are no groups.
void WriteScoresCsv(const v1::GetScoresResponse& response,
                    const Grouping& grouping, bool compared,
                    std::ostream& out);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_SCORES_CSV_H_
