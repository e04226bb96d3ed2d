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

  grpc::ClientContext context;
  context.set_deadline(DeadlineFromNow(options.timeout));
  v1::GetScoresResponse response;
  grpc::Status status = stub.GetScores(&context, *request, &response);
  if (!status.ok()) {
    err << "cxscore: "
        << RpcError(status, options.server, options.timeout).message() << "\n";
    return kExitFailure;
  }

  std::vector<v1::Dimension> dimensions;
  for (int d : request->group_by()) {
    dimensions.push_back(static_cast<v1::Dimension>(d));
  }
  WriteScores(response, dimensions, options.format, out);
  return kExitOk;
}

}  // namespace cxscore::client
