// `cxscore trend` for people: per series a header line with its key and a
// sparkline, then its points (docs/cli.md shows an example). Not meant for
// parsing; use json or csv.
#ifndef CXSCORE_CLIENT_TREND_TABLE_H_
#define CXSCORE_CLIENT_TREND_TABLE_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "client/scores_query.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

// One character per value: ▁▂▃▄▅▆▇█ from the smallest present value to the
// largest (linear), a space for an absent value (a period without data).
// All present values equal: ▄ each.
std::string Sparkline(const std::vector<std::optional<double>>& values);

void WriteTrendTable(const v1::GetTrendResponse& response,
                     const Grouping& grouping,
                     v1::Metric metric, std::ostream& out);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_TREND_TABLE_H_
