#include "client/scores_command.h"

#include <vector>

#include "client/exit_codes.h"
#include "client/rpc.h"

namespace cxscore::client {

int RunScoresCommand(v1::CxScore::StubInterface& stub,
                     const ScoresCommandOptions& options, std::ostream& out,
                     std::ostream& err) {
  absl::StatusOr<v1::GetScoresRequest> request =
      BuildScoresRequest(options.query);
  if (!request.ok()) {
    err << "cxscore: " << request.status().message() << "\n";
    return kExitFailure;
  }

  v1::GetScoresResponse response;
  absl::Status status = CallWithDeadline(
      options.timeout, options.server, [&](grpc::ClientContext* context) {
        return stub.GetScores(context, *request, &response);
      });
  if (!status.ok()) {
    err << "cxscore: " << status.message() << "\n";
    return kExitFailure;
  }

  const Grouping grouping = GroupingOf(*request);
  const bool compared = request->has_compare_from();
  if (compared && response.groups_size() > 0) {
    bool any = false;
    for (const v1::GroupScores& group : response.groups()) {
      any = any || group.has_comparison();
    }
    // A server older than --compare ignores the range; say so rather than
    // print a comparison of nulls without comment.
    if (!any) {
      err << "cxscore: warning: the server at " << options.server
          << " returned no comparison (it may be older than --compare); the "
             "comparison fields are null\n";
    }
  }
  WriteScores(response, grouping, compared, options.format, out);
  return kExitOk;
}

}  // namespace cxscore::client
