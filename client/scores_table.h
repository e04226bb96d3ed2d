// `cxscore scores` for people: an aligned table, values rounded for reading
// (docs/cli.md shows an example). Not meant for parsing; use json or csv.
#ifndef CXSCORE_CLIENT_SCORES_TABLE_H_
#define CXSCORE_CLIENT_SCORES_TABLE_H_

#include <ostream>
#include <string>
#include <vector>

#include "client/table_format.h"
#include "client/scores_query.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

// A comparison cell: "+20.0 [7.6, 32.4] ↑" (↑ or ↓ when p < 0.05); "-" when
// the delta is unset.
std::string FormatDelta(const v1::Delta& delta);

// Header and one line per group; "(none)" for an unattributed key value,
// "-" for an absent number. With no groups, a note instead of rows. With
// `compared` (--compare), a Δ column follows each metric's n, and a
// footnote explains it.
void WriteScoresTable(const v1::GetScoresResponse& response,
                      const Grouping& grouping,
                      bool compared, std::ostream& out);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_SCORES_TABLE_H_
