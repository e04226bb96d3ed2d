#include "client/commands/metric_names.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "core/metric.h"
#include "wire/enum_mapping.h"

namespace cxscore::client {
namespace {

absl::string_view View(std::string_view text) {
  return absl::string_view(text.data(), text.size());
}

std::string Normalized(absl::string_view text) {
  return absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
}

// "nps, csat, ces, ves" / "time_to_first_response, ...": from the catalogue.
std::string MetricList() {
  return absl::StrJoin(kAllMetrics, ", ", [](std::string* out, Metric m) {
    absl::StrAppend(out, View(cxscore::MetricName(m)));
  });
}

std::string KpiList() {
  return absl::StrJoin(kAllKpis, ", ", [](std::string* out, Kpi k) {
    absl::StrAppend(out, View(cxscore::KpiName(k)));
  });
}

}  // namespace

std::string MetricName(v1::Metric metric) {
  const std::optional<Metric> m = wire::MetricFromProto(metric);
  if (!m.has_value()) return absl::StrCat("metric_", static_cast<int>(metric));
  return std::string(cxscore::MetricName(*m));
}

nlohmann::ordered_json MetricJson(v1::Metric metric) {
  if (metric == v1::METRIC_UNSPECIFIED) return nullptr;
  return MetricName(metric);
}

std::string MetricTitle(v1::Metric metric) {
  const std::optional<Metric> m = wire::MetricFromProto(metric);
  if (!m.has_value()) return MetricName(metric);
  // A net score is a number (-100..100), a proportion a percentage.
  const MetricInfo& info = MetricInfoOf(*m);
  std::string title = absl::AsciiStrToUpper(View(info.cli_name));
  if (info.kind == MetricKind::kProportion) title += "%";
  return title;
}

bool IsNetScore(v1::Metric metric) {
  const std::optional<Metric> m = wire::MetricFromProto(metric);
  return m.has_value() && MetricInfoOf(*m).kind == MetricKind::kNetPromoter;
}

absl::StatusOr<v1::Metric> ParseMetric(absl::string_view text,
                                       absl::string_view flag) {
  const std::string name = Normalized(text);
  const std::optional<Metric> m = cxscore::MetricFromName(name);
  if (m.has_value()) return wire::ToProto(*m);
  return absl::InvalidArgumentError(absl::StrCat(
      flag, ": unknown metric \"", text, "\"; expected ", MetricList()));
}

std::string KpiName(v1::Kpi kpi) {
  const std::optional<Kpi> k = wire::KpiFromProto(kpi);
  if (!k.has_value()) return absl::StrCat("kpi_", static_cast<int>(kpi));
  return std::string(cxscore::KpiName(*k));
}

nlohmann::ordered_json KpiJson(v1::Kpi kpi) {
  if (kpi == v1::KPI_UNSPECIFIED) return nullptr;
  return KpiName(kpi);
}

absl::StatusOr<std::vector<v1::Kpi>> ParseKpiLists(
    const std::vector<std::string>& lists) {
  std::vector<v1::Kpi> kpis;
  for (const std::string& list : lists) {
    for (absl::string_view item : absl::StrSplit(list, ',')) {
      const std::string name = Normalized(item);
      if (name.empty()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "--kpi \"", list, "\" has an empty entry; expected ", KpiList()));
      }
      const std::optional<Kpi> found = cxscore::KpiFromName(name);
      if (!found.has_value()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "--kpi: unknown KPI \"", item, "\"; expected ", KpiList()));
      }
      const v1::Kpi kpi = wire::ToProto(*found);
      if (std::find(kpis.begin(), kpis.end(), kpi) != kpis.end()) {
        return absl::InvalidArgumentError(
            absl::StrCat("--kpi: KPI \"", name, "\" is given twice"));
      }
      kpis.push_back(kpi);
    }
  }
  return kpis;
}

}  // namespace cxscore::client
