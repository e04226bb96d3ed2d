// `cxscore drivers`: one GetDrivers call, printed in the chosen format.
#ifndef CXSCORE_CLIENT_DRIVERS_COMMAND_H_
#define CXSCORE_CLIENT_DRIVERS_COMMAND_H_

#include <ostream>
#include <string>

#include "absl/time/time.h"
#include "client/drivers_query.h"
#include "client/output_format.h"
#include "cxscore/v1/cxscore.grpc.pb.h"

namespace cxscore::client {

struct DriversCommandOptions {
  DriversQuery query;
  OutputFormat format = OutputFormat::kTable;
  absl::Duration timeout = absl::Seconds(30);  // deadline of the call
  std::string server;                          // for messages
};

// As RunScoresCommand: 0, or 2 when the query is invalid (before any call)
// or the call fails with any status.
int RunDriversCommand(v1::CxScore::StubInterface& stub,
                      const DriversCommandOptions& options, std::ostream& out,
                      std::ostream& err);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_DRIVERS_COMMAND_H_
