#include "client/commands/selection_args.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "client/import/cell_values.h"

namespace cxscore::client {
namespace {

absl::string_view FlagName(TimeBound bound) {
  return bound == TimeBound::kFrom ? "--from" : "--to";
}

}  // namespace

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

absl::StatusOr<v1::Selection> BuildSelection(const SelectionArgs& args) {
  v1::Selection selection;
  std::optional<absl::Time> from;
  std::optional<absl::Time> to;
  if (!args.from.empty()) {
    absl::StatusOr<absl::Time> t = ParseTimeBound(args.from, TimeBound::kFrom);
    if (!t.ok()) return t.status();
    from = *t;
    *selection.mutable_from() = ToProtoTimestamp(*t);
  }
  if (!args.to.empty()) {
    absl::StatusOr<absl::Time> t = ParseTimeBound(args.to, TimeBound::kTo);
    if (!t.ok()) return t.status();
    to = *t;
    *selection.mutable_to() = ToProtoTimestamp(*t);
  }
  if (from.has_value() && to.has_value() && *from >= *to) {
    return absl::InvalidArgumentError(
        absl::StrCat("--from ", args.from, " is not before --to ", args.to,
                     " (the period would be empty)"));
  }

  struct Filter {
    absl::string_view flag;
    const std::vector<std::string>* values;
    google::protobuf::RepeatedPtrField<std::string>* wire;
  };
  for (const Filter& filter :
       {Filter{"--agent", &args.agents, selection.mutable_agents()},
        Filter{"--team", &args.teams, selection.mutable_teams()},
        Filter{"--channel", &args.channels, selection.mutable_channels()}}) {
    for (const std::string& value : *filter.values) {
      // protobuf cannot carry invalid UTF-8 in a string field.
      if (!IsValidUtf8(value)) {
        return absl::InvalidArgumentError(
            absl::StrCat(filter.flag, " value is not valid UTF-8"));
      }
      filter.wire->Add(std::string(value));
    }
  }
  return selection;
}

}  // namespace cxscore::client
