#include "client/trend_command.h"

#include <vector>

#include "client/exit_codes.h"
#include "client/rpc.h"

namespace cxscore::client {

int RunTrendCommand(v1::CxScore::StubInterface& stub,
                    const TrendCommandOptions& options, std::ostream& out,
                    std::ostream& err) {
  absl::StatusOr<v1::GetTrendRequest> request =
      BuildTrendRequest(options.query);
  if (!request.ok()) {
    err << "cxscore: " << request.status().message() << "\n";
    return kExitFailure;
  }
  v1::GetTrendResponse response;
  absl::Status status = CallWithDeadline(
      options.timeout, options.server, [&](grpc::ClientContext* context) {
        return stub.GetTrend(context, *request, &response);
      });
  if (!status.ok()) {
    err << "cxscore: " << status.message() << "\n";
    return kExitFailure;
  }
  const Grouping grouping = GroupingOf(*request);
  WriteTrend(response, grouping, request->metric(), options.format, out);
  return kExitOk;
}

}  // namespace cxscore::client
