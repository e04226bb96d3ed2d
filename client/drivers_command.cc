#include "client/drivers_command.h"

#include "client/exit_codes.h"
#include "client/rpc.h"

namespace cxscore::client {

int RunDriversCommand(v1::CxScore::StubInterface& stub,
                      const DriversCommandOptions& options, std::ostream& out,
                      std::ostream& err) {
  absl::StatusOr<v1::GetDriversRequest> request =
      BuildDriversRequest(options.query);
  if (!request.ok()) {
    err << "cxscore: " << request.status().message() << "\n";
    return kExitFailure;
  }
  v1::GetDriversResponse response;
  absl::Status status = CallWithDeadline(
      options.timeout, options.server, [&](grpc::ClientContext* context) {
        return stub.GetDrivers(context, *request, &response);
      });
  if (!status.ok()) {
    err << "cxscore: " << status.message() << "\n";
    return kExitFailure;
  }
  const Grouping grouping = GroupingOf(*request);
  if (!grouping.dimensions.empty() && response.groups().empty() &&
      response.pairs_size() > 0) {
    // A server older than drivers --by ignores the grouping; its answer is
    // the whole selection, which must not be shown as a segment.
    err << "cxscore: the server at " << options.server
        << " does not group drivers (it may be older than drivers --by)\n";
    return kExitFailure;
  }
  WriteDrivers(response, grouping, options.format, out);
  return kExitOk;
}

}  // namespace cxscore::client
