// `cxscore scores`: one GetScores call, printed in the chosen format.
#ifndef CXSCORE_CLIENT_SCORES_COMMAND_H_
#define CXSCORE_CLIENT_SCORES_COMMAND_H_

#include <ostream>
#include <string>

#include "absl/time/time.h"
#include "client/output_format.h"
#include "client/scores_query.h"
#include "cxscore/v1/cxscore.grpc.pb.h"

namespace cxscore::client {

struct ScoresCommandOptions {
  ScoresQuery query;
  OutputFormat format = OutputFormat::kTable;
  absl::Duration timeout = absl::Seconds(30);  // deadline of the call
  std::string server;                          // for messages
};

// Checks the query (exit 2 before any call when it is wrong), calls
// GetScores with the deadline, writes the result to `out` and errors to
// `err`. Returns 0, or 2 when the query is invalid or the call fails with
// any status.
int RunScoresCommand(v1::CxScore::StubInterface& stub,
                     const ScoresCommandOptions& options, std::ostream& out,
                     std::ostream& err);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_SCORES_COMMAND_H_
