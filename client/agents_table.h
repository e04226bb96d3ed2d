// `cxscore agents` for people: the ranking with raw and adjusted values,
// the agents that need attention marked, and a footnote on "adjusted"
// (docs/cli.md shows an example). Not meant for parsing; use json or csv.
#ifndef CXSCORE_CLIENT_AGENTS_TABLE_H_
#define CXSCORE_CLIENT_AGENTS_TABLE_H_

#include <ostream>

#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

// `metric` is the ranking metric (for the column titles).
void WriteAgentsTable(const v1::RankAgentsResponse& response, v1::Metric metric,
                      std::ostream& out);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_AGENTS_TABLE_H_
