#include "client/agents_json.h"

namespace cxscore::client {

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

Json AgentsToJson(const v1::RankAgentsResponse& response) {
  Json agents = Json::array();
  for (const v1::AgentRank& agent : response.agents()) {
    agents.push_back(AgentToJson(agent));
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

  Json out;
  out["agents"] = std::move(agents);
  out["needs_attention"] = std::move(needs_attention);
  out["selection"] = std::move(selection);
  out["prior"] = std::move(prior);
  return out;
}

}  // namespace cxscore::client
