#include "client/drivers_table.h"

#include <cmath>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "client/drivers_json.h"
#include "client/metric_names.h"
#include "client/table_format.h"

namespace cxscore::client {
namespace {

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

}  // namespace

std::string FormatRho(std::optional<double> rho) {
  if (!rho.has_value() || std::isnan(*rho)) return std::string(kAbsent);
  std::string text = absl::StrFormat("%.2f", *rho);
  if (text == "-0.00") text = "0.00";
  return text;
}

void WriteDriversTable(const v1::GetDriversResponse& response,
                       std::ostream& out) {
  out << (response.verdict().empty() ? "(no verdict)" : response.verdict())
      << "\n";

  out << "\nMetrics, most moved by service first (strength: the 95% "
         "interval bound nearest 0, 0 when not significant):\n";
  std::vector<std::vector<std::string>> ranking;
  for (const v1::MetricStrength& entry : response.ranking()) {
    ranking.push_back({absl::StrCat(ranking.size() + 1),
                       MetricCell(entry.metric()), KpiCell(entry.kpi()),
                       absl::StrFormat("%.2f", entry.strength())});
  }
  if (ranking.empty()) {
    out << "  (no metric has data)\n";
  } else {
    WriteAlignedTable({{"rank", true},
                       {"metric", false},
                       {"moves most with", false},
                       {"strength", true}},
                      ranking, out, "  ");
  }

  out << "\nPairs (Spearman rho, 95% interval; q: Benjamini-Hochberg; "
         "* significant, q < 0.05):\n";
  std::vector<std::vector<std::string>> pairs;
  for (const v1::DriverPair& pair : response.pairs()) {
    pairs.push_back({MetricCell(pair.metric()), KpiCell(pair.kpi()),
                     RhoCell(pair), absl::StrCat(pair.n()),
                     FormatPValue(pair.p()), FormatPValue(pair.q()),
                     pair.significant() ? "*" : ""});
  }
  if (pairs.empty()) {
    out << "  (no pairs)\n";
  } else {
    WriteAlignedTable({{"metric", false},
                       {"KPI", false},
                       {"rho [95% CI]", true},
                       {"n", true},
                       {"p", true},
                       {"q", true},
                       {"", false}},
                      pairs, out, "  ");
  }
}

void WriteDriverGroupsTable(const v1::GetDriversResponse& response,
                            const Grouping& grouping, std::ostream& out) {
  if (response.groups().empty()) {
    out << "(no records match)\n";
    return;
  }
  bool first = true;
  for (const v1::DriverGroup& group : response.groups()) {
    if (!first) out << "\n";
    first = false;
    std::vector<std::string> parts;
    for (const std::string& column : grouping.ColumnNames()) {
      const v1::KeyPart* part = FindKeyPart(group.key(), column);
      parts.push_back(absl::StrCat(
          column, " ",
          part == nullptr ? std::string(kAbsent)
          : part->has_value() ? part->value()
                              : std::string(kUnattributed)));
    }
    out << absl::StrJoin(parts, ", ") << "\n";
    WriteDriversTable(GroupAsResponse(group), out);
  }
}

}  // namespace cxscore::client
