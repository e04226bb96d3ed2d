#include "client/commands/trend_query.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "client/commands/metric_names.h"
#include "client/commands/scores_query.h"

namespace cxscore::client {

absl::StatusOr<v1::Dimension> ParseTrendInterval(absl::string_view text) {
  const std::string name =
      absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
  if (name == "day") return v1::DIMENSION_DAY;
  if (name == "week") return v1::DIMENSION_WEEK;
  if (name == "month") return v1::DIMENSION_MONTH;
  return absl::InvalidArgumentError(
      absl::StrCat("--interval \"", text, "\": expected day, week or month"));
}

absl::StatusOr<v1::GetTrendRequest> BuildTrendRequest(const TrendQuery& query) {
  v1::GetTrendRequest request;
  if (query.metric.empty()) {
    return absl::InvalidArgumentError(
        "--metric is required: one of nps, csat, ces, ves");
  }
  absl::StatusOr<v1::Metric> metric = ParseMetric(query.metric, "--metric");
  if (!metric.ok()) return metric.status();
  request.set_metric(*metric);

  absl::StatusOr<Grouping> grouping = ParseGrouping(query.by);
  if (!grouping.ok()) return grouping.status();
  for (v1::Dimension d : grouping->dimensions) {
    if (d != v1::DIMENSION_AGENT && d != v1::DIMENSION_TEAM &&
        d != v1::DIMENSION_CHANNEL && d != v1::DIMENSION_ATTRIBUTE) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--by: a trend is grouped by agent, team, channel or attr.NAME "
          "only; \"",
          DimensionName(d), "\" is a period, given by --interval"));
    }
    request.add_group_by(d);
  }
  for (const std::string& name : grouping->attributes) {
    request.add_group_by_attributes(name);
  }
  if (absl::Status s = CheckSegmentFilters(*grouping, query.selection);
      !s.ok()) {
    return s;
  }

  if (query.interval.empty()) {
    return absl::InvalidArgumentError(
        "--interval is required: one of day, week, month");
  }
  absl::StatusOr<v1::Dimension> interval = ParseTrendInterval(query.interval);
  if (!interval.ok()) return interval.status();
  request.set_interval(*interval);

  absl::StatusOr<v1::Selection> selection = BuildSelection(query.selection);
  if (!selection.ok()) return selection.status();
  *request.mutable_selection() = *std::move(selection);

  absl::StatusOr<v1::NpsInterval> nps_interval =
      ParseNpsInterval(query.nps_interval);
  if (!nps_interval.ok()) return nps_interval.status();
  request.set_nps_interval(*nps_interval);
  return request;
}

}  // namespace cxscore::client
