#include "client/scores_query.h"

#include <algorithm>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "client/cell_values.h"

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

absl::string_view FlagName(TimeBound bound) {
  return bound == TimeBound::kFrom ? "--from" : "--to";
}

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

absl::StatusOr<absl::Time> ParseTimeBound(absl::string_view text,
                                          TimeBound bound) {
  if (text.find('T') == absl::string_view::npos &&
      text.find('t') == absl::string_view::npos) {
    absl::StatusOr<absl::Time> day = ParseUtcDate(text);
    if (day.ok()) {
      return bound == TimeBound::kFrom ? *day : *day + absl::Hours(24);
    }
  } else {
    absl::StatusOr<absl::Time> t = ParseRfc3339(text);
    if (t.ok()) return *t;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      FlagName(bound), " \"", text,
      "\": expected a date YYYY-MM-DD (UTC) or an RFC 3339 timestamp such as "
      "2025-02-13T09:30:00Z"));
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
  std::vector<v1::Dimension> all;
  for (const std::string& list : query.by) {
    absl::StatusOr<std::vector<v1::Dimension>> dimensions =
        ParseDimensions(list);
    if (!dimensions.ok()) return dimensions.status();
    for (v1::Dimension d : *dimensions) {
      if (std::find(all.begin(), all.end(), d) != all.end()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "--by: dimension \"", DimensionName(d), "\" is given twice"));
      }
      all.push_back(d);
      request.add_group_by(d);
    }
  }

  std::optional<absl::Time> from;
  std::optional<absl::Time> to;
  if (!query.from.empty()) {
    absl::StatusOr<absl::Time> t = ParseTimeBound(query.from, TimeBound::kFrom);
    if (!t.ok()) return t.status();
    from = *t;
    *request.mutable_from() = ToProtoTimestamp(*t);
  }
  if (!query.to.empty()) {
    absl::StatusOr<absl::Time> t = ParseTimeBound(query.to, TimeBound::kTo);
    if (!t.ok()) return t.status();
    to = *t;
    *request.mutable_to() = ToProtoTimestamp(*t);
  }
  if (from.has_value() && to.has_value() && *from >= *to) {
    return absl::InvalidArgumentError(
        absl::StrCat("--from ", query.from, " is not before --to ", query.to,
                     " (the period would be empty)"));
  }

  struct Filter {
    absl::string_view flag;
    const std::vector<std::string>* values;
    google::protobuf::RepeatedPtrField<std::string>* wire;
  };
  for (const Filter& filter :
       {Filter{"--agent", &query.agents, request.mutable_agents()},
        Filter{"--team", &query.teams, request.mutable_teams()},
        Filter{"--channel", &query.channels, request.mutable_channels()}}) {
    for (const std::string& value : *filter.values) {
      // protobuf cannot carry invalid UTF-8 in a string field.
      if (!IsValidUtf8(value)) {
        return absl::InvalidArgumentError(
            absl::StrCat(filter.flag, " value is not valid UTF-8"));
      }
      filter.wire->Add(std::string(value));
    }
  }

  absl::StatusOr<v1::NpsInterval> interval =
      ParseNpsInterval(query.nps_interval);
  if (!interval.ok()) return interval.status();
  request.set_nps_interval(*interval);
  return request;
}

}  // namespace cxscore::client
