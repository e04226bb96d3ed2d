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
  WriteDrivers(response, options.format, out);
  return kExitOk;
}

}  // namespace cxscore::client
