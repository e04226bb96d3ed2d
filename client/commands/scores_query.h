// The arguments of `cxscore scores`, checked and turned into a
// GetScoresRequest before anything is sent.
#ifndef CXSCORE_CLIENT_COMMANDS_SCORES_QUERY_H_
#define CXSCORE_CLIENT_COMMANDS_SCORES_QUERY_H_

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "client/commands/selection_args.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

struct ScoresQuery {
  // Each entry a comma list of agent, team, channel, day, week, month and
  // attr.NAME; all entries together give the grouping, in the order given.
  std::vector<std::string> by;
  SelectionArgs selection;  // --from, --to, --agent, --team, --channel
  std::string nps_interval = "adjusted-wald";  // or "wald"
  // Unset = no comparison; else "previous" or "FROM..TO" (compare_range.h).
  std::optional<std::string> compare;
};

// "agent", "team", ...; "dimension_N" for values this client does not know.
std::string DimensionName(v1::Dimension dimension);

// A grouping as sent: the request's group_by and, for its
// DIMENSION_ATTRIBUTE entries in order, the attribute names
// (group_by_attributes). Implicit from plain dimensions.
struct Grouping {
  Grouping() = default;
  Grouping(std::vector<v1::Dimension> plain)  // NOLINT: plain dimensions
      : dimensions(std::move(plain)) {}
  Grouping(std::initializer_list<v1::Dimension> plain)  // NOLINT
      : dimensions(plain) {}

  std::vector<v1::Dimension> dimensions;
  std::vector<std::string> attributes;

  // One name per dimension, as on the command line and in the output:
  // "agent", "week", "attr.plan".
  std::vector<std::string> ColumnNames() const;
};

// The grouping of a built request (GetScores, GetTrend or GetDrivers):
// every one has group_by and group_by_attributes.
template <typename Request>
Grouping GroupingOf(const Request& request) {
  Grouping grouping;
  for (int d : request.group_by())
    grouping.dimensions.push_back(static_cast<v1::Dimension>(d));
  grouping.attributes.assign(request.group_by_attributes().begin(),
                             request.group_by_attributes().end());
  return grouping;
}

// The name of a key part in the output: DimensionName, or "attr.NAME" for
// an attribute.
std::string KeyPartName(const v1::KeyPart& part);

// The value of the key part of `key` named `column` (KeyPartName); nullptr
// when the key has no such part.
const v1::KeyPart* FindKeyPart(
    const google::protobuf::RepeatedPtrField<v1::KeyPart>& key,
    const std::string& column);

// As ParseDimensionLists, also accepting attr.NAME (an attribute; "attr." is
// case-insensitive, NAME is kept as written: 1..1024 bytes of UTF-8). At
// most one attribute, and not together with agent, team or channel
// (segments are rolled up on their own). InvalidArgument naming --by
// otherwise.
absl::StatusOr<Grouping> ParseGrouping(const std::vector<std::string>& lists);

// With an attribute in `grouping`, the --agent, --team and --channel
// filters are refused (InvalidArgument naming the flag).
absl::Status CheckSegmentFilters(const Grouping& grouping,
                                 const SelectionArgs& selection);

// Parses a comma list ("agent, week"); names are case-insensitive and may be
// padded with spaces. InvalidArgument for an unknown, empty or repeated name.
absl::StatusOr<std::vector<v1::Dimension>> ParseDimensions(
    absl::string_view list);

// Every --by value in turn (ParseDimensions), concatenated: --by agent --by
// week equals --by agent,week. A dimension may not repeat across them.
absl::StatusOr<std::vector<v1::Dimension>> ParseDimensionLists(
    const std::vector<std::string>& lists);

// "adjusted-wald" or "wald".
absl::StatusOr<v1::NpsInterval> ParseNpsInterval(absl::string_view text);

// All of the above, the selection (BuildSelection) and the comparison range
// (ParseCompareRange).
absl::StatusOr<v1::GetScoresRequest> BuildScoresRequest(
    const ScoresQuery& query);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_COMMANDS_SCORES_QUERY_H_
