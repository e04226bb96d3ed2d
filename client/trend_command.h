// `cxscore trend`: one GetTrend call, printed in the chosen format.
#ifndef CXSCORE_CLIENT_TREND_COMMAND_H_
#define CXSCORE_CLIENT_TREND_COMMAND_H_

#include <ostream>
#include <string>

#include "absl/time/time.h"
#include "client/output_format.h"
#include "client/trend_query.h"
#include "cxscore/v1/cxscore.grpc.pb.h"

namespace cxscore::client {

struct TrendCommandOptions {
  TrendQuery query;
  OutputFormat format = OutputFormat::kTable;
  absl::Duration timeout = absl::Seconds(30);  // deadline of the call
  std::string server;                          // for messages
};

// As RunScoresCommand: 0, or 2 when the query is invalid (before any call)
// or the call fails with any status.
int RunTrendCommand(v1::CxScore::StubInterface& stub,
                    const TrendCommandOptions& options, std::ostream& out,
                    std::ostream& err);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_TREND_COMMAND_H_
