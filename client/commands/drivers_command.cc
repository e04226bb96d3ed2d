#include "client/commands/drivers_command.h"

#include <cmath>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "client/commands/group_key.h"
#include "client/commands/metric_names.h"
#include "client/printers/table_format.h"

namespace cxscore::client {
namespace {

using Pairs = google::protobuf::RepeatedPtrField<v1::DriverPair>;
using Ranking = google::protobuf::RepeatedPtrField<v1::MetricStrength>;

// "CES", "-" for an unspecified metric.
std::string MetricCell(v1::Metric metric) {
  if (metric == v1::METRIC_UNSPECIFIED) return std::string(kAbsent);
  return absl::AsciiStrToUpper(MetricName(metric));
}

std::string KpiCell(v1::Kpi kpi) {
  if (kpi == v1::KPI_UNSPECIFIED) return std::string(kAbsent);
  return KpiName(kpi);
}

std::string RhoCell(const v1::DriverPair& pair) {
  std::string text = FormatRho(IfPresent(pair.has_rho(), pair.rho()));
  if (pair.has_rho() && pair.has_ci_low() && pair.has_ci_high()) {
    absl::StrAppend(&text, " [", FormatRho(pair.ci_low()), ", ",
                    FormatRho(pair.ci_high()), "]");
  }
  return text;
}

// --format table of one analysis (the selection's or a group's).
void AddAnalysisRows(const Pairs& pairs, const Ranking& ranking,
                     const std::string& verdict, Table& table) {
  table.AddText(absl::StrCat(verdict.empty() ? "(no verdict)" : verdict, "\n"));
  table.AddText(
      "\nMetrics, most moved by service first (strength: the 95% "
      "interval bound nearest 0, 0 when not significant):\n");
  std::vector<std::vector<std::string>> ranks;
  for (const v1::MetricStrength& entry : ranking) {
    ranks.push_back({absl::StrCat(ranks.size() + 1), MetricCell(entry.metric()),
                     KpiCell(entry.kpi()),
                     absl::StrFormat("%.2f", entry.strength())});
  }
  if (ranks.empty()) {
    table.AddText("  (no metric has data)\n");
  } else {
    table.AddRows({{"rank", true},
                   {"metric", false},
                   {"moves most with", false},
                   {"strength", true}},
                  std::move(ranks), "  ");
  }

  table.AddText(
      "\nPairs (Spearman rho, 95% interval; q: Benjamini-Hochberg; "
      "* significant, q < 0.05):\n");
  std::vector<std::vector<std::string>> rows;
  for (const v1::DriverPair& pair : pairs) {
    rows.push_back({MetricCell(pair.metric()), KpiCell(pair.kpi()),
                    RhoCell(pair), absl::StrCat(pair.n()),
                    FormatPValue(pair.p()), FormatPValue(pair.q()),
                    pair.significant() ? "*" : ""});
  }
  if (rows.empty()) {
    table.AddText("  (no pairs)\n");
  } else {
    table.AddRows({{"metric", false},
                   {"KPI", false},
                   {"rho [95% CI]", true},
                   {"n", true},
                   {"p", true},
                   {"q", true},
                   {"", false}},
                  std::move(rows), "  ");
  }
}

// The JSON of one analysis, "pairs", "ranking" and "verdict" added to
// `out`; one CSV row per pair, each after `key_cells`.
void AddAnalysis(const Pairs& pairs, const Ranking& ranking,
                 const std::string& verdict,
                 const std::vector<std::string>& key_cells, Json& out,
                 Table& table) {
  Json pair_list = Json::array();
  for (const v1::DriverPair& pair : pairs) {
    Json json = DriverPairToJson(pair);
    std::vector<std::string> row = key_cells;
    AppendCsvCells(json, row);
    table.csv_rows.push_back(std::move(row));
    pair_list.push_back(std::move(json));
  }
  Json ranks = Json::array();
  for (const v1::MetricStrength& entry : ranking) {
    Json item;
    item["metric"] = MetricJson(entry.metric());
    item["kpi"] = KpiJson(entry.kpi());
    item["strength"] = entry.strength();
    ranks.push_back(std::move(item));
  }
  out["pairs"] = std::move(pair_list);
  out["ranking"] = std::move(ranks);
  out["verdict"] = verdict;
}

}  // namespace

std::string FormatRho(std::optional<double> rho) {
  if (!rho.has_value() || std::isnan(*rho)) return std::string(kAbsent);
  std::string text = absl::StrFormat("%.2f", *rho);
  if (text == "-0.00") text = "0.00";
  return text;
}

Json DriverPairToJson(const v1::DriverPair& pair) {
  Json out;
  out["metric"] = MetricJson(pair.metric());
  out["kpi"] = KpiJson(pair.kpi());
  out["n"] = pair.n();
  out["rho"] = OptionalNumber(pair.has_rho(), pair.rho());
  out["ci_low"] = OptionalNumber(pair.has_ci_low(), pair.ci_low());
  out["ci_high"] = OptionalNumber(pair.has_ci_high(), pair.ci_high());
  out["p"] = pair.p();
  out["q"] = pair.q();
  out["significant"] = pair.significant();
  return out;
}

Table DriversTable(const v1::GetDriversResponse& response,
                   const Grouping& grouping) {
  Table table;
  const std::vector<std::string> columns = grouping.ColumnNames();
  table.csv_header = columns;
  for (std::string& name : CsvNames(DriverPairToJson(v1::DriverPair()))) {
    table.csv_header.push_back(std::move(name));
  }
  if (grouping.dimensions.empty()) {
    AddAnalysisRows(response.pairs(), response.ranking(), response.verdict(),
                    table);
    AddAnalysis(response.pairs(), response.ranking(), response.verdict(), {},
                table.json, table);
    return table;
  }
  if (response.groups().empty()) table.AddText("(no records match)\n");
  Json groups = Json::array();
  for (const v1::DriverGroup& group : response.groups()) {
    if (groups.size() > 0) table.AddText("\n");
    table.AddText(absl::StrCat(KeyText(group.key(), grouping), "\n"));
    AddAnalysisRows(group.pairs(), group.ranking(), group.verdict(), table);
    Json item;
    item["key"] = KeyToJson(group.key());
    AddAnalysis(group.pairs(), group.ranking(), group.verdict(),
                KeyCsvCells(group.key(), columns), item, table);
    groups.push_back(std::move(item));
  }
  table.json["groups"] = std::move(groups);
  return table;
}

void WriteDrivers(const v1::GetDriversResponse& response,
                  const Grouping& grouping, OutputFormat format,
                  std::ostream& out) {
  PrintTable(DriversTable(response, grouping), format, out);
}

void WriteDrivers(const v1::GetDriversResponse& response, OutputFormat format,
                  std::ostream& out) {
  PrintTable(DriversTable(response), format, out);
}

int RunDriversCommand(v1::CxScore::StubInterface& stub,
                      const DriversCommandOptions& options, std::ostream& out,
                      std::ostream& err) {
  return RunQuery(
      stub, &v1::CxScore::StubInterface::GetDrivers,
      BuildDriversRequest(options.query), options, err,
      [&](const v1::GetDriversRequest& request,
          const v1::GetDriversResponse& response) {
        const Grouping grouping = GroupingOf(request);
        if (!grouping.dimensions.empty() && response.groups().empty() &&
            response.pairs_size() > 0) {
          // A server older than drivers --by ignores the grouping; its
          // answer is the whole selection, which must not be shown as a
          // segment.
          err << "cxscore: the server at " << options.server
              << " does not group drivers (it may be older than drivers "
                 "--by)\n";
          return kExitFailure;
        }
        WriteDrivers(response, grouping, options.format, out);
        return kExitOk;
      });
}

}  // namespace cxscore::client
