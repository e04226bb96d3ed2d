// `cxscore trend --format csv`: one row per point. Columns are the grouped
// dimensions (named as on the command line; empty cell = unattributed),
// then the fields of a JSON point (period,n,value,ci_low,ci_high,change,p
// and for NPS promoters,passives,detractors). Empty cell = null; numbers
// unrounded.
#ifndef CXSCORE_CLIENT_TREND_CSV_H_
#define CXSCORE_CLIENT_TREND_CSV_H_

#include <ostream>
#include <string>
#include <vector>

#include "client/scores_query.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

std::vector<std::string> TrendCsvHeader(
    const Grouping& grouping, v1::Metric metric);

// Header and one row per point, series after series in the server's order.
// `grouping` is the request's grouping.
void WriteTrendCsv(const v1::GetTrendResponse& response,
                   const Grouping& grouping,
                   v1::Metric metric, std::ostream& out);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_TREND_CSV_H_
