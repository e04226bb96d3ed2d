// Fair agent rankings: raw value, n and interval next to an empirical-Bayes
// adjusted value (shrinkage toward the selection, core/shrinkage.h).
#ifndef CXSCORE_CORE_AGENT_RANKING_H_
#define CXSCORE_CORE_AGENT_RANKING_H_

#include <span>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "core/metric_score.h"

namespace cxscore {

struct AgentCounts {
  std::string agent;  // non-empty
  ScoreCounts scores;
};

struct RankedAgent {
  std::string agent;
  MetricScore score;
  std::optional<double> adjusted;  // display scale; nullopt when n = 0
};

struct AgentRanking {
  std::vector<RankedAgent> agents;  // by adjusted value, best first
  // Agents whose interval lies wholly below the selection's interval.
  std::vector<std::string> needs_attention;
  MetricScore selection;  // all agents' responses together
  double prior_strength = 0;
  bool prior_fitted = false;
};

// Agents without an answer to `metric` are left out. The prior is fitted
// across the agents (Beta for proportions, Dirichlet for NPS) and centred on
// the pooled shares of all their responses. Ties on the adjusted value keep
// the larger n first.
absl::StatusOr<AgentRanking> RankAgents(std::span<const AgentCounts> agents,
                                        Metric metric,
                                        NpsIntervalMethod method);

}  // namespace cxscore

#endif  // CXSCORE_CORE_AGENT_RANKING_H_
