// `cxscore report`: the team dashboard (docs/scorecards.md, "Team report").
#ifndef CXSCORE_CLIENT_DOCUMENTS_REPORT_COMMAND_H_
#define CXSCORE_CLIENT_DOCUMENTS_REPORT_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

#include "client/documents/scorecard_command.h"
#include "cxscore/v1/cxscore.grpc.pb.h"

namespace cxscore::client {

struct ReportCommandOptions {
  // Filters, as in `scores` (any of the values; "" selects unattributed).
  std::vector<std::string> teams, agents, channels;
  std::string output;        // -o FILE; "" = stdout (md and json only)
  DocumentOptions document;  // format default md
};

// Exit 0, or 2 on a usage error or a failed call (as RunScorecardCommand).
int RunReportCommand(v1::CxScore::StubInterface& stub,
                     const ReportCommandOptions& options, std::ostream& out,
                     std::ostream& err);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_DOCUMENTS_REPORT_COMMAND_H_
