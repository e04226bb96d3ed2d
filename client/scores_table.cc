#include "client/scores_table.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "client/scores_query.h"

namespace cxscore::client {
namespace {

constexpr absl::string_view kAbsent = "-";
constexpr absl::string_view kUnattributed = "(none)";

// Terminal columns taken by UTF-8 text: one per code point (good enough for
// the ids and names found in these tables).
size_t DisplayWidth(absl::string_view text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return (c & 0xC0) != 0x80; });
}

struct Column {
  std::string title;
  bool right_aligned;
};

std::string Pad(const std::string& text, size_t width, bool right) {
  size_t shown = DisplayWidth(text);
  if (shown >= width) return text;
  std::string padding(width - shown, ' ');
  return right ? padding + text : text + padding;
}

std::optional<double> Opt(bool present, double value) {
  if (!present) return std::nullopt;
  return value;
}

std::string ProportionCell(const v1::ProportionScore& score) {
  return FormatWithInterval(Opt(score.has_value(), score.value()),
                            Opt(score.has_ci_low(), score.ci_low()),
                            Opt(score.has_ci_high(), score.ci_high()));
}

}  // namespace

std::string FormatOneDecimal(std::optional<double> value) {
  if (!value.has_value() || std::isnan(*value)) return std::string(kAbsent);
  std::string text = absl::StrFormat("%.1f", *value);
  if (text == "-0.0") text = "0.0";
  return text;
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

void WriteScoresTable(const v1::GetScoresResponse& response,
                      const std::vector<v1::Dimension>& dimensions,
                      std::ostream& out) {
  std::vector<Column> columns;
  for (v1::Dimension d : dimensions)
    columns.push_back({DimensionName(d), false});
  for (absl::string_view title :
       {"NPS [95% CI]", "n", "CSAT% [95% CI]", "n", "CES% [95% CI]", "n",
        "VES% [95% CI]", "n", "tickets", "closed", "1st reply p50", "close p50",
        "FCR%", "reopen%"}) {
    columns.push_back({std::string(title), true});
  }

  std::vector<std::vector<std::string>> rows;
  for (const v1::GroupScores& group : response.groups()) {
    std::vector<std::string> row;
    for (v1::Dimension d : dimensions) {
      std::string cell;
      for (const v1::KeyPart& part : group.key()) {
        if (part.dimension() != d) continue;
        cell = part.has_value() ? part.value() : std::string(kUnattributed);
      }
      row.push_back(std::move(cell));
    }
    const v1::NpsScore& nps = group.nps();
    row.push_back(FormatWithInterval(Opt(nps.has_value(), nps.value()),
                                     Opt(nps.has_ci_low(), nps.ci_low()),
                                     Opt(nps.has_ci_high(), nps.ci_high())));
    row.push_back(absl::StrCat(nps.n()));
    row.push_back(ProportionCell(group.csat()));
    row.push_back(absl::StrCat(group.csat().n()));
    row.push_back(ProportionCell(group.ces()));
    row.push_back(absl::StrCat(group.ces().n()));
    row.push_back(ProportionCell(group.ves().score()));
    row.push_back(absl::StrCat(group.ves().score().n()));
    const v1::ServiceStats& service = group.service();
    row.push_back(absl::StrCat(service.interactions()));
    row.push_back(absl::StrCat(service.closed()));
    const v1::DurationStats& reply = service.time_to_first_response();
    row.push_back(FormatDuration(Opt(reply.has_p50(), reply.p50())));
    const v1::DurationStats& close = service.time_to_close();
    row.push_back(FormatDuration(Opt(close.has_p50(), close.p50())));
    row.push_back(
        FormatOneDecimal(Opt(service.has_fcr_rate(), service.fcr_rate())));
    row.push_back(FormatOneDecimal(
        Opt(service.has_reopen_rate(), service.reopen_rate())));
    rows.push_back(std::move(row));
  }

  std::vector<size_t> widths;
  for (const Column& column : columns)
    widths.push_back(DisplayWidth(column.title));
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
    }
  }
  auto write_line = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) line += "  ";
      line += Pad(cells[i], widths[i], columns[i].right_aligned);
    }
    // No trailing spaces from a left-aligned last column.
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << "\n";
  };
  std::vector<std::string> titles;
  for (const Column& column : columns) titles.push_back(column.title);
  write_line(titles);
  for (const auto& row : rows) write_line(row);
  if (rows.empty()) out << "(no records match)\n";
}

}  // namespace cxscore::client
