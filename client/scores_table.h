// `cxscore scores` for people: an aligned table, values rounded for reading
// (docs/cli.md shows an example). Not meant for parsing; use json or csv.
#ifndef CXSCORE_CLIENT_SCORES_TABLE_H_
#define CXSCORE_CLIENT_SCORES_TABLE_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

// One decimal ("32.5", never "-0.0"); "-" when absent.
std::string FormatOneDecimal(std::optional<double> value);

// "32.5 [20.1, 43.0]"; "-" when the value is absent; no brackets when the
// interval is absent.
std::string FormatWithInterval(std::optional<double> value,
                               std::optional<double> low,
                               std::optional<double> high);

// Seconds for reading: "45s", "12m 30s", "3h 05m", "2d 04h"; "-" when absent.
std::string FormatDuration(std::optional<double> seconds);

// Header and one line per group; "(none)" for an unattributed key value,
// "-" for an absent number. With no groups, a note instead of rows.
void WriteScoresTable(const v1::GetScoresResponse& response,
                      const std::vector<v1::Dimension>& dimensions,
                      std::ostream& out);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_SCORES_TABLE_H_
