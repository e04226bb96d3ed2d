#include "client/commands/drivers_query.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "client/commands/metric_names.h"
#include "client/commands/scores_query.h"

namespace cxscore::client {

absl::StatusOr<v1::DriverLevel> ParseDriverLevel(absl::string_view text) {
  const std::string name =
      absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
  if (name == "response") return v1::DRIVER_LEVEL_RESPONSE;
  if (name == "agent") return v1::DRIVER_LEVEL_AGENT;
  if (name == "week") return v1::DRIVER_LEVEL_WEEK;
  return absl::InvalidArgumentError(
      absl::StrCat("--level \"", text, "\": expected response, agent or week"));
}

absl::StatusOr<v1::GetDriversRequest> BuildDriversRequest(
    const DriversQuery& query) {
  v1::GetDriversRequest request;
  absl::StatusOr<v1::Selection> selection = BuildSelection(query.selection);
  if (!selection.ok()) return selection.status();
  *request.mutable_selection() = *std::move(selection);

  absl::StatusOr<std::vector<v1::Kpi>> kpis = ParseKpiLists(query.kpis);
  if (!kpis.ok()) return kpis.status();
  for (v1::Kpi kpi : *kpis) request.add_kpis(kpi);

  absl::StatusOr<v1::DriverLevel> level = ParseDriverLevel(query.level);
  if (!level.ok()) return level.status();
  request.set_level(*level);

  absl::StatusOr<Grouping> grouping = ParseGrouping(query.by);
  if (!grouping.ok()) return grouping.status();
  for (v1::Dimension d : grouping->dimensions) {
    if (d != v1::DIMENSION_ATTRIBUTE) {
      return absl::InvalidArgumentError(
          absl::StrCat("--by: drivers are grouped by attr.NAME only, not by \"",
                       DimensionName(d), "\""));
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
  if (!grouping->attributes.empty() && *level != v1::DRIVER_LEVEL_RESPONSE) {
    return absl::InvalidArgumentError(
        absl::StrCat("--by attr.", grouping->attributes.front(),
                     " works with --level response only"));
  }
  return request;
}

}  // namespace cxscore::client
