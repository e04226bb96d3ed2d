// What every `--format table` output shares: numbers rounded for reading
// and columns aligned for a terminal. Not meant for parsing.
#ifndef CXSCORE_CLIENT_PRINTERS_TABLE_FORMAT_H_
#define CXSCORE_CLIENT_PRINTERS_TABLE_FORMAT_H_

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace cxscore::client {

// A number that does not exist (n = 0), never a zero.
inline constexpr absl::string_view kAbsent = "-";
// An unattributed agent, team or channel.
inline constexpr absl::string_view kUnattributed = "(none)";

// `value` when present; nullopt otherwise (for proto `optional` fields).
std::optional<double> IfPresent(bool present, double value);

// One decimal ("32.5", never "-0.0"); "-" when absent.
std::string FormatOneDecimal(std::optional<double> value);

// One decimal with a sign: "+2.5", "-0.4", "0.0"; "-" when absent.
std::string FormatSignedOneDecimal(std::optional<double> value);

// "32.5 [20.1, 43.0]"; "-" when the value is absent; no brackets when the
// interval is absent.
std::string FormatWithInterval(std::optional<double> value,
                               std::optional<double> low,
                               std::optional<double> high);

// Seconds for reading: "45s", "12m 30s", "3h 05m", "2d 04h"; "-" when absent.
std::string FormatDuration(std::optional<double> seconds);

// A p- or q-value: three decimals ("0.034"), "<0.001" below that; "-" when
// absent.
std::string FormatPValue(std::optional<double> p);

// Terminal columns taken by UTF-8 text: one per code point (good enough for
// the ids, names, arrows and blocks found in these tables).
size_t DisplayWidth(absl::string_view text);

struct TableColumn {
  std::string title;
  bool right_aligned = false;  // numbers are; names and keys are not
};

// The title line, then one line per row, each cell padded to its column's
// widest cell and separated by two spaces, each line prefixed by `indent`.
// No trailing spaces. REQUIRES: every row has one cell per column.
void WriteAlignedTable(const std::vector<TableColumn>& columns,
                       const std::vector<std::vector<std::string>>& rows,
                       std::ostream& out, absl::string_view indent = "");

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_PRINTERS_TABLE_FORMAT_H_
