#include "client/commands/metric_names.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace cxscore::client {
namespace {

struct NamedMetric {
  absl::string_view name;
  absl::string_view title;
  v1::Metric metric;
};

constexpr NamedMetric kMetrics[] = {
    {"nps", "NPS", v1::METRIC_NPS},
    {"csat", "CSAT%", v1::METRIC_CSAT},
    {"ces", "CES%", v1::METRIC_CES},
    {"ves", "VES%", v1::METRIC_VES},
};

struct NamedKpi {
  absl::string_view name;
  v1::Kpi kpi;
};

constexpr NamedKpi kKpis[] = {
    {"time_to_first_response", v1::KPI_TIME_TO_FIRST_RESPONSE},
    {"time_to_close", v1::KPI_TIME_TO_CLOSE},
    {"reopens", v1::KPI_REOPENS},
    {"transfers", v1::KPI_TRANSFERS},
    {"first_contact_resolution", v1::KPI_FIRST_CONTACT_RESOLUTION},
};

constexpr absl::string_view kKpiList =
    "time_to_first_response, time_to_close, reopens, transfers, "
    "first_contact_resolution";

std::string Normalized(absl::string_view text) {
  return absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
}

}  // namespace

std::string MetricName(v1::Metric metric) {
  for (const NamedMetric& m : kMetrics) {
    if (m.metric == metric) return std::string(m.name);
  }
  return absl::StrCat("metric_", static_cast<int>(metric));
}

nlohmann::ordered_json MetricJson(v1::Metric metric) {
  if (metric == v1::METRIC_UNSPECIFIED) return nullptr;
  return MetricName(metric);
}

std::string MetricTitle(v1::Metric metric) {
  for (const NamedMetric& m : kMetrics) {
    if (m.metric == metric) return std::string(m.title);
  }
  return MetricName(metric);
}

absl::StatusOr<v1::Metric> ParseMetric(absl::string_view text,
                                       absl::string_view flag) {
  const std::string name = Normalized(text);
  for (const NamedMetric& m : kMetrics) {
    if (m.name == name) return m.metric;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      flag, ": unknown metric \"", text, "\"; expected nps, csat, ces, ves"));
}

std::string KpiName(v1::Kpi kpi) {
  for (const NamedKpi& k : kKpis) {
    if (k.kpi == kpi) return std::string(k.name);
  }
  return absl::StrCat("kpi_", static_cast<int>(kpi));
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
            "--kpi \"", list, "\" has an empty entry; expected ", kKpiList));
      }
      const NamedKpi* found = nullptr;
      for (const NamedKpi& k : kKpis) {
        if (k.name == name) found = &k;
      }
      if (found == nullptr) {
        return absl::InvalidArgumentError(absl::StrCat(
            "--kpi: unknown KPI \"", item, "\"; expected ", kKpiList));
      }
      if (std::find(kpis.begin(), kpis.end(), found->kpi) != kpis.end()) {
        return absl::InvalidArgumentError(
            absl::StrCat("--kpi: KPI \"", name, "\" is given twice"));
      }
      kpis.push_back(found->kpi);
    }
  }
  return kpis;
}

}  // namespace cxscore::client
