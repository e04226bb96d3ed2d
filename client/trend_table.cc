#include "client/trend_table.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "client/metric_names.h"
#include "client/scores_query.h"
#include "client/table_format.h"

namespace cxscore::client {
namespace {

constexpr const char* kBlocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
constexpr int kLevels = 8;

// "channel email, agent (none)"; "all" without grouping.
std::string KeyText(const v1::TrendSeries& series,
                    const Grouping& grouping) {
  std::vector<std::string> parts;
  for (const std::string& name : grouping.ColumnNames()) {
    std::string value(kAbsent);
    if (const v1::KeyPart* part = FindKeyPart(series.key(), name)) {
      value = part->has_value() ? part->value() : std::string(kUnattributed);
    }
    parts.push_back(absl::StrCat(name, " ", value));
  }
  if (parts.empty()) return "all";
  return absl::StrJoin(parts, ", ");
}

std::string ChangeCell(const v1::TrendPoint& point) {
  if (point.change().empty()) return "";
  std::string mark = point.change() == "drop"   ? "↓ "
                     : point.change() == "rise" ? "↑ "
                                                : "";
  std::string text = absl::StrCat(mark, point.change());
  if (point.has_p())
    absl::StrAppend(&text, " (p ", FormatPValue(point.p()), ")");
  return text;
}

}  // namespace

std::string Sparkline(const std::vector<std::optional<double>>& values) {
  double low = std::numeric_limits<double>::infinity();
  double high = -low;
  for (const std::optional<double>& v : values) {
    if (!v.has_value() || std::isnan(*v)) continue;
    low = std::min(low, *v);
    high = std::max(high, *v);
  }
  std::string line;
  for (const std::optional<double>& v : values) {
    if (!v.has_value() || std::isnan(*v)) {
      line += " ";
      continue;
    }
    int level = kLevels / 2 - 1;
    if (high > low) {
      level = static_cast<int>(
          std::lround((*v - low) / (high - low) * (kLevels - 1)));
      level = std::clamp(level, 0, kLevels - 1);
    }
    line += kBlocks[level];
  }
  return line;
}

void WriteTrendTable(const v1::GetTrendResponse& response,
                     const Grouping& grouping,
                     v1::Metric metric, std::ostream& out) {
  if (response.series().empty()) {
    out << "(no records match)\n";
    return;
  }
  const bool nps = metric == v1::METRIC_NPS;
  std::vector<TableColumn> columns = {
      {"period", false},
      {"n", true},
      {absl::StrCat(MetricTitle(metric), " [95% CI]"), true}};
  if (nps) {
    columns.push_back({"promoters%", true});
    columns.push_back({"passives%", true});
    columns.push_back({"detractors%", true});
  }
  columns.push_back({"change", false});

  bool first = true;
  for (const v1::TrendSeries& series : response.series()) {
    if (!first) out << "\n";
    first = false;
    std::vector<std::optional<double>> values;
    std::vector<std::vector<std::string>> rows;
    for (const v1::TrendPoint& point : series.points()) {
      values.push_back(IfPresent(point.has_value(), point.value()));
      std::vector<std::string> row = {
          point.period(), absl::StrCat(point.n()),
          FormatWithInterval(IfPresent(point.has_value(), point.value()),
                             IfPresent(point.has_ci_low(), point.ci_low()),
                             IfPresent(point.has_ci_high(), point.ci_high()))};
      if (nps) {
        row.push_back(FormatOneDecimal(
            IfPresent(point.has_promoters(), point.promoters())));
        row.push_back(FormatOneDecimal(
            IfPresent(point.has_passives(), point.passives())));
        row.push_back(FormatOneDecimal(
            IfPresent(point.has_detractors(), point.detractors())));
      }
      row.push_back(ChangeCell(point));
      rows.push_back(std::move(row));
    }
    std::string header = KeyText(series, grouping);
    std::string spark = Sparkline(values);
    absl::StrAppend(&header, "  ", spark);
    header.erase(header.find_last_not_of(' ') + 1);
    out << header << "\n";
    WriteAlignedTable(columns, rows, out, "  ");
  }
  out << "\nchange: against the previous period, ↓ drop / ↑ rise where "
         "p < 0.01.\n";
}

}  // namespace cxscore::client
