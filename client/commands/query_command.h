// What the query commands (scores, trend, drivers, agents) share: the
// options of the call and the one way they run (check the flags, make one
// unary call with a deadline, print the answer).
#ifndef CXSCORE_CLIENT_COMMANDS_QUERY_COMMAND_H_
#define CXSCORE_CLIENT_COMMANDS_QUERY_COMMAND_H_

#include <ostream>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "client/exit_codes.h"
#include "client/printers/output_format.h"
#include "client/rpc.h"
#include "cxscore/v1/cxscore.grpc.pb.h"

namespace cxscore::client {

struct QueryCommandOptions {
  OutputFormat format = OutputFormat::kTable;
  absl::Duration timeout = absl::Seconds(30);  // deadline of the call
  std::string server;                          // for messages
};

// Runs a query command: with `request` (the flags, checked) calls
// `stub.*method` with the deadline and then returns `print(*request,
// response)`, the exit code. An invalid request or a failed call (any
// status) writes its message to `err` and returns kExitFailure, before any
// call for the former.
template <typename Request, typename Response, typename Print>
int RunQuery(v1::CxScore::StubInterface& stub,
             grpc::Status (v1::CxScore::StubInterface::*method)(
                 grpc::ClientContext*, const Request&, Response*),
             const absl::StatusOr<Request>& request,
             const QueryCommandOptions& options, std::ostream& err,
             Print print) {
  if (!request.ok()) {
    err << "cxscore: " << request.status().message() << "\n";
    return kExitFailure;
  }
  Response response;
  absl::Status status = CallWithDeadline(
      options.timeout, options.server, [&](grpc::ClientContext* context) {
        return (stub.*method)(context, *request, &response);
      });
  if (!status.ok()) {
    err << "cxscore: " << status.message() << "\n";
    return kExitFailure;
  }
  return print(*request, response);
}

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_COMMANDS_QUERY_COMMAND_H_
