// The arguments of `cxscore scores`, checked and turned into a
// GetScoresRequest before anything is sent.
#ifndef CXSCORE_CLIENT_SCORES_QUERY_H_
#define CXSCORE_CLIENT_SCORES_QUERY_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

struct ScoresQuery {
  // Each entry a comma list of agent, team, channel, day, week, month; all
  // entries together give the grouping, in the order given.
  std::vector<std::string> by;
  std::string from;  // "" = unbounded
  std::string to;    // "" = unbounded
  // Filters; an empty string selects unattributed records.
  std::vector<std::string> agents;
  std::vector<std::string> teams;
  std::vector<std::string> channels;
  std::string nps_interval = "adjusted-wald";  // or "wald"
};

// "agent", "team", ...; "dimension_N" for values this client does not know.
std::string DimensionName(v1::Dimension dimension);

// Parses a comma list ("agent, week"); names are case-insensitive and may be
// padded with spaces. InvalidArgument for an unknown, empty or repeated name.
absl::StatusOr<std::vector<v1::Dimension>> ParseDimensions(
    absl::string_view list);

enum class TimeBound { kFrom, kTo };

// A date YYYY-MM-DD is a whole UTC day: --from starts at its midnight, --to
// includes it (so it becomes the next midnight, the wire's bound being
// exclusive). An RFC 3339 timestamp is taken as is.
absl::StatusOr<absl::Time> ParseTimeBound(absl::string_view text,
                                          TimeBound bound);

// "adjusted-wald" or "wald".
absl::StatusOr<v1::NpsInterval> ParseNpsInterval(absl::string_view text);

// All of the above, plus: --from must lie before --to.
absl::StatusOr<v1::GetScoresRequest> BuildScoresRequest(
    const ScoresQuery& query);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_SCORES_QUERY_H_
