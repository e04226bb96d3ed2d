// The filter flags every query command shares (--from, --to, --agent,
// --team, --channel), checked and turned into a v1::Selection before
// anything is sent.
#ifndef CXSCORE_CLIENT_COMMANDS_SELECTION_ARGS_H_
#define CXSCORE_CLIENT_COMMANDS_SELECTION_ARGS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

struct SelectionArgs {
  std::string from;  // "" = unbounded
  std::string to;    // "" = unbounded
  // Filters; an empty string selects unattributed records.
  std::vector<std::string> agents;
  std::vector<std::string> teams;
  std::vector<std::string> channels;
};

enum class TimeBound { kFrom, kTo };

// A date YYYY-MM-DD is a whole UTC day: --from starts at its midnight, --to
// includes it (so it becomes the next midnight, the wire's bound being
// exclusive). An RFC 3339 timestamp is taken as is.
absl::StatusOr<absl::Time> ParseTimeBound(absl::string_view text,
                                          TimeBound bound);

// The dates, the filters (values must be valid UTF-8), and --from before
// --to. InvalidArgument with a message naming the flag otherwise.
absl::StatusOr<v1::Selection> BuildSelection(const SelectionArgs& args);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_COMMANDS_SELECTION_ARGS_H_
