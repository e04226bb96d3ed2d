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

#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

// The header row for a grouping by `dimensions`; `compared` adds the
// comparison_* columns.
std::vector<std::string> ScoresCsvHeader(
    const std::vector<v1::Dimension>& dimensions, bool compared = false);

// Header and one row per group. `dimensions` is the request's group_by; it
// names the key columns also when there are no groups.
void WriteScoresCsv(const v1::GetScoresResponse& response,
                    const std::vector<v1::Dimension>& dimensions, bool compared,
                    std::ostream& out);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_SCORES_CSV_H_
