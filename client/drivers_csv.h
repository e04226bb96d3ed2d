// `cxscore drivers --format csv`: one row per metric x KPI pair, the fields
// of a JSON pair as columns (metric,kpi,n,rho,ci_low,ci_high,p,q,
// significant). Empty cell = null; numbers unrounded; significant is
// true/false. The ranking and verdict are in the json and table formats.
// Grouped (--by attr.NAME): the key columns come first.
#ifndef CXSCORE_CLIENT_DRIVERS_CSV_H_
#define CXSCORE_CLIENT_DRIVERS_CSV_H_

#include <ostream>
#include <string>
#include <vector>

#include "client/scores_query.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

std::vector<std::string> DriversCsvHeader();

// Header and one row per pair, in the server's order.
void WriteDriversCsv(const v1::GetDriversResponse& response, std::ostream& out);

// A grouped answer (--by attr.NAME): the key columns (Grouping::ColumnNames)
// before the pair columns, one row per pair of each group.
void WriteDriverGroupsCsv(const v1::GetDriversResponse& response,
                          const Grouping& grouping, std::ostream& out);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_DRIVERS_CSV_H_
