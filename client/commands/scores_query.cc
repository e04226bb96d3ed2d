#include "client/commands/scores_query.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "client/commands/compare_range.h"
#include "client/import/cell_values.h"

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

constexpr absl::string_view kAttributePrefix = "attr.";
constexpr size_t kMaxAttributeNameBytes = 1024;  // as the server's rule

bool IsAttributeItem(absl::string_view item) {
  return item.size() >= kAttributePrefix.size() &&
         absl::EqualsIgnoreCase(item.substr(0, kAttributePrefix.size()),
                                kAttributePrefix);
}

}  // namespace

std::vector<std::string> Grouping::ColumnNames() const {
  std::vector<std::string> names;
  size_t attribute = 0;
  for (v1::Dimension d : dimensions) {
    if (d == v1::DIMENSION_ATTRIBUTE && attribute < attributes.size()) {
      names.push_back(absl::StrCat(kAttributePrefix, attributes[attribute++]));
    } else {
      names.push_back(DimensionName(d));
    }
  }
  return names;
}

std::string KeyPartName(const v1::KeyPart& part) {
  if (part.dimension() == v1::DIMENSION_ATTRIBUTE) {
    return absl::StrCat(kAttributePrefix, part.attribute());
  }
  return DimensionName(part.dimension());
}

const v1::KeyPart* FindKeyPart(
    const google::protobuf::RepeatedPtrField<v1::KeyPart>& key,
    const std::string& column) {
  for (const v1::KeyPart& part : key) {
    if (KeyPartName(part) == column) return &part;
  }
  return nullptr;
}

absl::StatusOr<Grouping> ParseGrouping(const std::vector<std::string>& lists) {
  Grouping grouping;
  for (const std::string& list : lists) {
    for (absl::string_view raw : absl::StrSplit(list, ',')) {
      const absl::string_view item = absl::StripAsciiWhitespace(raw);
      if (item.empty()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "--by \"", list, "\" has an empty entry; expected a comma list of ",
            kDimensionList, " or attr.NAME"));
      }
      if (!IsAttributeItem(item)) {
        // A plain name, with ParseDimensions' checks and messages.
        absl::StatusOr<std::vector<v1::Dimension>> plain =
            ParseDimensions(item);
        if (!plain.ok()) return plain.status();
        for (v1::Dimension d : *plain) {
          if (std::find(grouping.dimensions.begin(), grouping.dimensions.end(),
                        d) != grouping.dimensions.end()) {
            return absl::InvalidArgumentError(absl::StrCat(
                "--by: dimension \"", DimensionName(d), "\" is given twice"));
          }
          grouping.dimensions.push_back(d);
        }
        continue;
      }
      const std::string name(item.substr(kAttributePrefix.size()));
      if (name.empty()) {
        return absl::InvalidArgumentError(
            "--by: attr. needs an attribute name, as in attr.plan");
      }
      if (name.size() > kMaxAttributeNameBytes || !IsValidUtf8(name)) {
        return absl::InvalidArgumentError(
            absl::StrCat("--by: an attribute name must be 1 to ",
                         kMaxAttributeNameBytes, " bytes of valid UTF-8"));
      }
      if (!grouping.attributes.empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat("--by: at most one attr.NAME at a time (got attr.",
                         grouping.attributes.front(), " and attr.", name, ")"));
      }
      grouping.dimensions.push_back(v1::DIMENSION_ATTRIBUTE);
      grouping.attributes.push_back(name);
    }
  }
  if (!grouping.attributes.empty()) {
    for (v1::Dimension d : grouping.dimensions) {
      if (d == v1::DIMENSION_AGENT || d == v1::DIMENSION_TEAM ||
          d == v1::DIMENSION_CHANNEL) {
        return absl::InvalidArgumentError(absl::StrCat(
            "--by: attr.", grouping.attributes.front(),
            " cannot be combined with ", DimensionName(d),
            "; segments are rolled up on their own (combine it with day, "
            "week or month)"));
      }
    }
  }
  return grouping;
}

absl::Status CheckSegmentFilters(const Grouping& grouping,
                                 const SelectionArgs& selection) {
  if (grouping.attributes.empty()) return absl::OkStatus();
  for (auto [flag, values] : {std::pair{"--agent", &selection.agents},
                              std::pair{"--team", &selection.teams},
                              std::pair{"--channel", &selection.channels}}) {
    if (!values->empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--by attr.", grouping.attributes.front(),
          " cannot be combined with ", flag,
          "; segments are rolled up on their own (use --from and --to)"));
    }
  }
  return absl::OkStatus();
}

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
      return absl::InvalidArgumentError(
          absl::StrCat("--by: unknown dimension \"", item, "\"; expected ",
                       kDimensionList, " or attr.NAME"));
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
  absl::StatusOr<Grouping> grouping = ParseGrouping(query.by);
  if (!grouping.ok()) return grouping.status();
  for (v1::Dimension d : grouping->dimensions) request.add_group_by(d);
  for (const std::string& name : grouping->attributes) {
    request.add_group_by_attributes(name);
  }
  if (absl::Status s = CheckSegmentFilters(*grouping, query.selection);
      !s.ok()) {
    return s;
  }

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
