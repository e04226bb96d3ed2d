#include "client/agents_csv.h"

#include <algorithm>

#include "client/agents_json.h"
#include "client/csv_writer.h"
#include "client/json_format.h"

namespace cxscore::client {

std::vector<std::string> AgentsCsvHeader() {
  std::vector<std::string> header;
  Json empty = AgentToJson(v1::AgentRank());
  for (auto& [path, value] : FlattenJson(empty)) header.push_back(path);
  header.push_back("needs_attention");
  return header;
}

void WriteAgentsCsv(const v1::RankAgentsResponse& response, std::ostream& out) {
  WriteCsvRow(out, AgentsCsvHeader());
  const auto& flagged = response.needs_attention();
  for (const v1::AgentRank& agent : response.agents()) {
    Json json = AgentToJson(agent);
    std::vector<std::string> row;
    for (auto& [path, value] : FlattenJson(json)) {
      row.push_back(CsvCell(*value));
    }
    const bool needs_attention = std::find(flagged.begin(), flagged.end(),
                                           agent.agent()) != flagged.end();
    row.push_back(needs_attention ? "true" : "false");
    WriteCsvRow(out, row);
  }
}

}  // namespace cxscore::client
