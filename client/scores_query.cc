#include "client/scores_query.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "client/cell_values.h"
#include "client/compare_range.h"

namespace cxscore::client {
namespace {

struct NamedDimension {
  absl::string_view name;
  v1::Dimension dimension;
};

constexpr NamedDimension kDimensions[] = {
    {"agent", v1::DIMENSION_AGENT},     {"team", v1::DIMENSION_TEAM},
    {"channel", v1::DIMENSION_CHANNEL}, {"day", v1::DIMENSION_DAY},
    {"week", v1::DIMENSION_WEEK},       {"month", v1::DIMENSION_MONTH},
};

constexpr absl::string_view kDimensionList =
    "agent, team, channel, day, week, month";

}  // namespace

std::string DimensionName(v1::Dimension dimension) {
  for (const NamedDimension& d : kDimensions) {
    if (d.dimension == dimension) return std::string(d.name);
  }
  return absl::StrCat("dimension_", static_cast<int>(dimension));
}

absl::StatusOr<std::vector<v1::Dimension>> ParseDimensions(
    absl::string_view list) {
  std::vector<v1::Dimension> dimensions;
  for (absl::string_view item : absl::StrSplit(list, ',')) {
    std::string name = absl::AsciiStrToLower(absl::StripAsciiWhitespace(item));
    if (name.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--by \"", list, "\" has an empty entry; expected a comma list of ",
          kDimensionList));
    }
    const NamedDimension* found = nullptr;
    for (const NamedDimension& d : kDimensions) {
      if (d.name == name) found = &d;
    }
    if (found == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--by: unknown dimension \"", item, "\"; expected ", kDimensionList));
    }
    if (std::find(dimensions.begin(), dimensions.end(), found->dimension) !=
        dimensions.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--by: dimension \"", name, "\" is given twice"));
    }
    dimensions.push_back(found->dimension);
  }
  return dimensions;
}

absl::StatusOr<std::vector<v1::Dimension>> ParseDimensionLists(
    const std::vector<std::string>& lists) {
  std::vector<v1::Dimension> all;
  for (const std::string& list : lists) {
    absl::StatusOr<std::vector<v1::Dimension>> dimensions =
        ParseDimensions(list);
    if (!dimensions.ok()) return dimensions.status();
    for (v1::Dimension d : *dimensions) {
      if (std::find(all.begin(), all.end(), d) != all.end()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "--by: dimension \"", DimensionName(d), "\" is given twice"));
      }
      all.push_back(d);
    }
  }
  return all;
}

absl::StatusOr<v1::NpsInterval> ParseNpsInterval(absl::string_view text) {
  if (text == "adjusted-wald") return v1::NPS_INTERVAL_ADJUSTED_WALD;
  if (text == "wald") return v1::NPS_INTERVAL_WALD;
  return absl::InvalidArgumentError(absl::StrCat(
      "--nps-interval \"", text, "\": expected adjusted-wald or wald"));
}

absl::StatusOr<v1::GetScoresRequest> BuildScoresRequest(
    const ScoresQuery& query) {
  v1::GetScoresRequest request;
  absl::StatusOr<std::vector<v1::Dimension>> dimensions =
      ParseDimensionLists(query.by);
  if (!dimensions.ok()) return dimensions.status();
  for (v1::Dimension d : *dimensions) request.add_group_by(d);

  absl::StatusOr<v1::Selection> selection = BuildSelection(query.selection);
  if (!selection.ok()) return selection.status();
  if (selection->has_from()) *request.mutable_from() = selection->from();
  if (selection->has_to()) *request.mutable_to() = selection->to();
  *request.mutable_agents() = selection->agents();
  *request.mutable_teams() = selection->teams();
  *request.mutable_channels() = selection->channels();

  absl::StatusOr<v1::NpsInterval> interval =
      ParseNpsInterval(query.nps_interval);
  if (!interval.ok()) return interval.status();
  request.set_nps_interval(*interval);

  if (query.compare.has_value()) {
    absl::StatusOr<CompareRange> range =
        ParseCompareRange(*query.compare, *selection);
    if (!range.ok()) return range.status();
    *request.mutable_compare_from() = ToProtoTimestamp(range->from);
    *request.mutable_compare_to() = ToProtoTimestamp(range->to);
  }
  return request;
}

}  // namespace cxscore::client
