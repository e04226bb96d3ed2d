#include "client/commands/trend_command.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "absl/strings/str_cat.h"
#include "client/commands/group_key.h"
#include "client/commands/metric_names.h"
#include "client/printers/table_format.h"

namespace cxscore::client {
namespace {

constexpr const char *kBlocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
constexpr int kLevels = 8;

std::string ChangeCell(const v1::TrendPoint &point) {
  if (point.change().empty()) return "";
  std::string mark = point.change() == "drop"   ? "↓ "
                     : point.change() == "rise" ? "↑ "
                                                : "";
  std::string text = absl::StrCat(mark, point.change());
  if (point.has_p())
    absl::StrAppend(&text, " (p ", FormatPValue(point.p()), ")");
  return text;
}

// --format table: a header line and the points of each series.
void AddTrendRows(const v1::GetTrendResponse &response,
                  const Grouping &grouping, v1::Metric metric, Table &table) {
  if (response.series().empty()) {
    table.AddText("(no records match)\n");
    return;
  }
  const bool nps = IsNetScore(metric);
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
  for (const v1::TrendSeries &series : response.series()) {
    if (!first) table.AddText("\n");
    first = false;
    std::vector<std::optional<double>> values;
    std::vector<std::vector<std::string>> rows;
    for (const v1::TrendPoint &point : series.points()) {
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
    std::string header = KeyText(series.key(), grouping);
    std::string spark = Sparkline(values);
    absl::StrAppend(&header, "  ", spark);
    header.erase(header.find_last_not_of(' ') + 1);
    table.AddText(absl::StrCat(header, "\n"));
    table.AddRows(columns, std::move(rows), "  ");
  }
  table.AddText(
      "\nchange: against the previous period, ↓ drop / ↑ rise where "
      "p < 0.01.\n");
}

}  // namespace

std::string Sparkline(const std::vector<std::optional<double>> &values) {
  double low = std::numeric_limits<double>::infinity();
  double high = -low;
  for (const std::optional<double> &v : values) {
    if (!v.has_value() || std::isnan(*v)) continue;
    low = std::min(low, *v);
    high = std::max(high, *v);
  }
  std::string line;
  for (const std::optional<double> &v : values) {
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

Json TrendPointToJson(const v1::TrendPoint &point, v1::Metric metric) {
  Json out;
  out["period"] = point.period();
  out["n"] = point.n();
  out["value"] = OptionalNumber(point.has_value(), point.value());
  out["ci_low"] = OptionalNumber(point.has_ci_low(), point.ci_low());
  out["ci_high"] = OptionalNumber(point.has_ci_high(), point.ci_high());
  out["change"] = point.change().empty() ? Json(nullptr) : Json(point.change());
  out["p"] = OptionalNumber(point.has_p(), point.p());
  if (IsNetScore(metric)) {
    out["promoters"] = OptionalNumber(point.has_promoters(), point.promoters());
    out["passives"] = OptionalNumber(point.has_passives(), point.passives());
    out["detractors"] =
        OptionalNumber(point.has_detractors(), point.detractors());
  }
  return out;
}

Table TrendTable(const v1::GetTrendResponse &response, const Grouping &grouping,
                 v1::Metric metric) {
  Table table;
  AddTrendRows(response, grouping, metric, table);
  const std::vector<std::string> columns = grouping.ColumnNames();
  table.csv_header = columns;
  for (std::string &name : CsvNames(TrendPointToJson(v1::TrendPoint(), metric)))
    table.csv_header.push_back(std::move(name));
  Json series = Json::array();
  for (const v1::TrendSeries &s : response.series()) {
    const std::vector<std::string> key_cells = KeyCsvCells(s.key(), columns);
    Json points = Json::array();
    for (const v1::TrendPoint &point : s.points()) {
      Json json = TrendPointToJson(point, metric);
      std::vector<std::string> row = key_cells;
      AppendCsvCells(json, row);
      table.csv_rows.push_back(std::move(row));
      points.push_back(std::move(json));
    }
    Json item;
    item["key"] = KeyToJson(s.key());
    item["points"] = std::move(points);
    series.push_back(std::move(item));
  }
  table.json["series"] = std::move(series);
  return table;
}

void WriteTrend(const v1::GetTrendResponse &response, const Grouping &grouping,
                v1::Metric metric, OutputFormat format, std::ostream &out) {
  PrintTable(TrendTable(response, grouping, metric), format, out);
}

int RunTrendCommand(v1::CxScore::StubInterface &stub,
                    const TrendCommandOptions &options, std::ostream &out,
                    std::ostream &err) {
  return RunQuery(stub, &v1::CxScore::StubInterface::GetTrend,
                  BuildTrendRequest(options.query), options, err,
                  [&](const v1::GetTrendRequest &request,
                      const v1::GetTrendResponse &response) {
                    WriteTrend(response, GroupingOf(request), request.metric(),
                               options.format, out);
                    return kExitOk;
                  });
}

}  // namespace cxscore::client
