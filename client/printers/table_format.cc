#include "client/printers/table_format.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace cxscore::client {
namespace {

std::string Pad(const std::string& text, size_t width, bool right) {
  size_t shown = DisplayWidth(text);
  if (shown >= width) return text;
  std::string padding(width - shown, ' ');
  return right ? padding + text : text + padding;
}

}  // namespace

std::optional<double> IfPresent(bool present, double value) {
  if (!present) return std::nullopt;
  return value;
}

std::string FormatOneDecimal(std::optional<double> value) {
  if (!value.has_value() || std::isnan(*value)) return std::string(kAbsent);
  std::string text = absl::StrFormat("%.1f", *value);
  if (text == "-0.0") text = "0.0";
  return text;
}

std::string FormatSignedOneDecimal(std::optional<double> value) {
  std::string text = FormatOneDecimal(value);
  if (text == kAbsent || text == "0.0" || text[0] == '-') return text;
  return absl::StrCat("+", text);
}

std::string FormatWithInterval(std::optional<double> value,
                               std::optional<double> low,
                               std::optional<double> high) {
  if (!value.has_value()) return std::string(kAbsent);
  std::string text = FormatOneDecimal(value);
  if (low.has_value() && high.has_value()) {
    absl::StrAppend(&text, " [", FormatOneDecimal(low), ", ",
                    FormatOneDecimal(high), "]");
  }
  return text;
}

std::string FormatDuration(std::optional<double> seconds) {
  if (!seconds.has_value() || std::isnan(*seconds)) return std::string(kAbsent);
  int64_t s = std::llround(std::max(*seconds, 0.0));
  if (s < 60) return absl::StrFormat("%ds", s);
  if (s < 3600) return absl::StrFormat("%dm %02ds", s / 60, s % 60);
  int64_t m = (s + 30) / 60;  // minutes, rounded
  if (m < 24 * 60) return absl::StrFormat("%dh %02dm", m / 60, m % 60);
  int64_t h = (s + 1800) / 3600;  // hours, rounded
  return absl::StrFormat("%dd %02dh", h / 24, h % 24);
}

std::string FormatPValue(std::optional<double> p) {
  if (!p.has_value() || std::isnan(*p)) return std::string(kAbsent);
  if (*p < 0.0005) return "<0.001";
  return absl::StrFormat("%.3f", *p);
}

size_t DisplayWidth(absl::string_view text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return (c & 0xC0) != 0x80; });
}

void WriteAlignedTable(const std::vector<TableColumn>& columns,
                       const std::vector<std::vector<std::string>>& rows,
                       std::ostream& out, absl::string_view indent) {
  std::vector<size_t> widths;
  for (const TableColumn& column : columns) {
    widths.push_back(DisplayWidth(column.title));
  }
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
    }
  }
  auto write_line = [&](const std::vector<std::string>& cells) {
    std::string line(indent);
    for (size_t i = 0; i < cells.size() && i < columns.size(); ++i) {
      if (i > 0) line += "  ";
      line += Pad(cells[i], widths[i], columns[i].right_aligned);
    }
    // No trailing spaces from a left-aligned last column.
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << "\n";
  };
  std::vector<std::string> titles;
  for (const TableColumn& column : columns) titles.push_back(column.title);
  write_line(titles);
  for (const auto& row : rows) write_line(row);
}

}  // namespace cxscore::client
