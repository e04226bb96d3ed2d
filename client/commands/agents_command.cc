#include "client/commands/agents_command.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "client/commands/metric_names.h"
#include "client/printers/table_format.h"

namespace cxscore::client {
namespace {

// --format table.
void AddAgentsRows(const v1::RankAgentsResponse& response, v1::Metric metric,
                   Table& table) {
  const std::string title = MetricTitle(metric);
  const auto& flagged = response.needs_attention();
  std::vector<std::vector<std::string>> rows;
  for (const v1::AgentRank& agent : response.agents()) {
    const bool needs_attention = std::find(flagged.begin(), flagged.end(),
                                           agent.agent()) != flagged.end();
    rows.push_back(
        {absl::StrCat(rows.size() + 1),
         agent.agent().empty() ? std::string(kUnattributed) : agent.agent(),
         absl::StrCat(agent.n()),
         FormatWithInterval(IfPresent(agent.has_value(), agent.value()),
                            IfPresent(agent.has_ci_low(), agent.ci_low()),
                            IfPresent(agent.has_ci_high(), agent.ci_high())),
         FormatOneDecimal(IfPresent(agent.has_adjusted(), agent.adjusted())),
         needs_attention ? "! needs attention" : ""});
  }
  if (rows.empty()) {
    table.AddText("(no agent has responses)\n");
    return;
  }
  table.AddRows({{"rank", true},
                 {"agent", false},
                 {"n", true},
                 {absl::StrCat(title, " [95% CI]"), true},
                 {"adjusted", true},
                 {"", false}},
                std::move(rows));

  const v1::AgentRank& all = response.selection();
  std::string notes = absl::StrCat(
      "\nselection (every matching response): ", title, " ",
      FormatWithInterval(IfPresent(all.has_value(), all.value()),
                         IfPresent(all.has_ci_low(), all.ci_low()),
                         IfPresent(all.has_ci_high(), all.ci_high())),
      ", n ", all.n(), "\n");
  absl::StrAppend(
      &notes,
      absl::StrFormat(
          "adjusted: the agent's value pulled toward the selection's, as if "
          "the "
          "agent had %.1f more responses at the selection's rates (%s). Few "
          "responses are pulled most, so a lucky small sample cannot top the "
          "list. Ranked by adjusted, best first.\n",
          response.prior_strength(),
          response.prior_fitted()
              ? "fitted from the spread between agents"
              : "a weak fixed prior: too few agents, or "
                "too little spread between them, to fit one"));
  absl::StrAppend(
      &notes,
      "! needs attention: the agent's 95% interval lies wholly below the "
      "selection's.\n");
  table.AddText(std::move(notes));
}

}  // namespace

Json AgentToJson(const v1::AgentRank& agent) {
  Json out;
  out["agent"] = agent.agent();
  out["n"] = agent.n();
  out["value"] = OptionalNumber(agent.has_value(), agent.value());
  out["ci_low"] = OptionalNumber(agent.has_ci_low(), agent.ci_low());
  out["ci_high"] = OptionalNumber(agent.has_ci_high(), agent.ci_high());
  out["adjusted"] = OptionalNumber(agent.has_adjusted(), agent.adjusted());
  return out;
}

Table AgentsTable(const v1::RankAgentsResponse& response, v1::Metric metric) {
  Table table;
  AddAgentsRows(response, metric, table);
  table.csv_header = CsvNames(AgentToJson(v1::AgentRank()));
  table.csv_header.push_back("needs_attention");
  const auto& flagged = response.needs_attention();
  Json agents = Json::array();
  for (const v1::AgentRank& agent : response.agents()) {
    Json json = AgentToJson(agent);
    std::vector<std::string> row;
    AppendCsvCells(json, row);
    const bool needs_attention = std::find(flagged.begin(), flagged.end(),
                                           agent.agent()) != flagged.end();
    row.push_back(needs_attention ? "true" : "false");
    table.csv_rows.push_back(std::move(row));
    agents.push_back(std::move(json));
  }
  Json needs_attention = Json::array();
  for (const std::string& agent : response.needs_attention()) {
    needs_attention.push_back(agent);
  }
  const v1::AgentRank& all = response.selection();
  Json selection;
  selection["n"] = all.n();
  selection["value"] = OptionalNumber(all.has_value(), all.value());
  selection["ci_low"] = OptionalNumber(all.has_ci_low(), all.ci_low());
  selection["ci_high"] = OptionalNumber(all.has_ci_high(), all.ci_high());
  Json prior;
  prior["strength"] = response.prior_strength();
  prior["fitted"] = response.prior_fitted();

  table.json["agents"] = std::move(agents);
  table.json["needs_attention"] = std::move(needs_attention);
  table.json["selection"] = std::move(selection);
  table.json["prior"] = std::move(prior);
  return table;
}

void WriteAgents(const v1::RankAgentsResponse& response, v1::Metric metric,
                 OutputFormat format, std::ostream& out) {
  PrintTable(AgentsTable(response, metric), format, out);
}

int RunAgentsCommand(v1::CxScore::StubInterface& stub,
                     const AgentsCommandOptions& options, std::ostream& out,
                     std::ostream& err) {
  return RunQuery(stub, &v1::CxScore::StubInterface::RankAgents,
                  BuildAgentsRequest(options.query), options, err,
                  [&](const v1::RankAgentsRequest& request,
                      const v1::RankAgentsResponse& response) {
                    WriteAgents(response, request.rank_by(), options.format,
                                out);
                    return kExitOk;
                  });
}

}  // namespace cxscore::client
