// `cxscore drivers` for people: the verdict, the ranking of the metrics and
// a table of every pair (docs/cli.md shows an example). Not meant for
// parsing; use json or csv.
#ifndef CXSCORE_CLIENT_DRIVERS_TABLE_H_
#define CXSCORE_CLIENT_DRIVERS_TABLE_H_

#include <optional>
#include <ostream>
#include <string>

#include "client/scores_query.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

// A correlation with two decimals ("-0.42", never "-0.00"); "-" when absent.
std::string FormatRho(std::optional<double> rho);

void WriteDriversTable(const v1::GetDriversResponse& response,
                       std::ostream& out);

// A grouped answer (--by attr.NAME): per group a line with its key
// ("attr.plan gold") and then WriteDriversTable of the group, a blank line
// between groups; "(no records match)" without groups.
void WriteDriverGroupsTable(const v1::GetDriversResponse& response,
                            const Grouping& grouping, std::ostream& out);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_DRIVERS_TABLE_H_
