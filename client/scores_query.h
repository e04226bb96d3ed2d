// The arguments of `cxscore scores`, checked and turned into a
// GetScoresRequest before anything is sent.
#ifndef CXSCORE_CLIENT_SCORES_QUERY_H_
#define CXSCORE_CLIENT_SCORES_QUERY_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "client/selection_args.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

struct ScoresQuery {
  // Each entry a comma list of agent, team, channel, day, week, month; all
  // entries together give the grouping, in the order given.
  std::vector<std::string> by;
  SelectionArgs selection;  // --from, --to, --agent, --team, --channel
  std::string nps_interval = "adjusted-wald";  // or "wald"
  // Unset = no comparison; else "previous" or "FROM..TO" (compare_range.h).
  std::optional<std::string> compare;
};

// "agent", "team", ...; "dimension_N" for values this client does not know.
std::string DimensionName(v1::Dimension dimension);

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

#endif  // CXSCORE_CLIENT_SCORES_QUERY_H_
