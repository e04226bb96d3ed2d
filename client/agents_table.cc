#include "client/agents_table.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "client/metric_names.h"
#include "client/table_format.h"

namespace cxscore::client {

void WriteAgentsTable(const v1::RankAgentsResponse& response, v1::Metric metric,
                      std::ostream& out) {
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
    out << "(no agent has responses)\n";
    return;
  }
  WriteAlignedTable({{"rank", true},
                     {"agent", false},
                     {"n", true},
                     {absl::StrCat(title, " [95% CI]"), true},
                     {"adjusted", true},
                     {"", false}},
                    rows, out);

  const v1::AgentRank& all = response.selection();
  out << "\nselection (every matching response): " << title << " "
      << FormatWithInterval(IfPresent(all.has_value(), all.value()),
                            IfPresent(all.has_ci_low(), all.ci_low()),
                            IfPresent(all.has_ci_high(), all.ci_high()))
      << ", n " << all.n() << "\n";
  out << absl::StrFormat(
      "adjusted: the agent's value pulled toward the selection's, as if the "
      "agent had %.1f more responses at the selection's rates (%s). Few "
      "responses are pulled most, so a lucky small sample cannot top the "
      "list. Ranked by adjusted, best first.\n",
      response.prior_strength(),
      response.prior_fitted() ? "fitted from the spread between agents"
                              : "a weak fixed prior: too few agents, or "
                                "too little spread between them, to fit one");
  out << "! needs attention: the agent's 95% interval lies wholly below the "
         "selection's.\n";
}

}  // namespace cxscore::client
