#include "client/agents_command.h"

#include "client/exit_codes.h"
#include "client/rpc.h"

namespace cxscore::client {

int RunAgentsCommand(v1::CxScore::StubInterface& stub,
                     const AgentsCommandOptions& options, std::ostream& out,
                     std::ostream& err) {
  absl::StatusOr<v1::RankAgentsRequest> request =
      BuildAgentsRequest(options.query);
  if (!request.ok()) {
    err << "cxscore: " << request.status().message() << "\n";
    return kExitFailure;
  }
  v1::RankAgentsResponse response;
  absl::Status status = CallWithDeadline(
      options.timeout, options.server, [&](grpc::ClientContext* context) {
        return stub.RankAgents(context, *request, &response);
      });
  if (!status.ok()) {
    err << "cxscore: " << status.message() << "\n";
    return kExitFailure;
  }
  WriteAgents(response, request->rank_by(), options.format, out);
  return kExitOk;
}

}  // namespace cxscore::client
