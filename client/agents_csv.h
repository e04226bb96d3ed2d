// `cxscore agents --format csv`: one row per agent, in the server's order:
// the fields of a JSON agent (agent,n,value,ci_low,ci_high,adjusted), then
// needs_attention (true/false). Empty cell = null; numbers unrounded. The
// selection and prior are in the json format.
#ifndef CXSCORE_CLIENT_AGENTS_CSV_H_
#define CXSCORE_CLIENT_AGENTS_CSV_H_

#include <ostream>
#include <string>
#include <vector>

#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

std::vector<std::string> AgentsCsvHeader();

void WriteAgentsCsv(const v1::RankAgentsResponse& response, std::ostream& out);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_AGENTS_CSV_H_
