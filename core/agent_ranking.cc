#include "core/agent_ranking.h"

#include <algorithm>

#include "core/proportion.h"
#include "core/shrinkage.h"

namespace cxscore {

absl::StatusOr<AgentRanking> RankAgents(std::span<const AgentCounts> agents,
                                        Metric metric,
                                        NpsIntervalMethod method) {
  AgentRanking ranking;
  ScoreCounts total;
  std::vector<const AgentCounts*> answered;
  for (const AgentCounts& a : agents) {
    if (ScoreOf(a.scores, metric, method).n == 0) continue;
    answered.push_back(&a);
    total.AddAll(a.scores);
  }
  ranking.selection = ScoreOf(total, metric, method);
  if (answered.empty()) return ranking;

  if (MetricInfoOf(metric).kind == MetricKind::kNetPromoter) {
    std::vector<NpsCounts> groups;
    for (const AgentCounts* a : answered)
      groups.push_back(NpsCountsOf(a->scores));
    absl::StatusOr<NpsPrior> prior = FitNpsPrior(groups);
    if (!prior.ok()) return prior.status();
    ranking.prior_strength = prior->strength();
    ranking.prior_fitted = prior->fitted;
    for (size_t i = 0; i < answered.size(); ++i) {
      std::optional<double> adjusted = AdjustedNps(*prior, groups[i]);
      ranking.agents.push_back(
          {answered[i]->agent, ScoreOf(answered[i]->scores, metric, method),
           adjusted ? std::optional<double>(100 * *adjusted) : std::nullopt});
    }
  } else {
    std::vector<ProportionCounts> groups;
    for (const AgentCounts* a : answered)
      groups.push_back(ProportionCountsOf(a->scores, metric));
    absl::StatusOr<BetaPrior> prior = FitBetaPrior(groups);
    if (!prior.ok()) return prior.status();
    ranking.prior_strength = prior->strength();
    ranking.prior_fitted = prior->fitted;
    for (size_t i = 0; i < answered.size(); ++i) {
      std::optional<double> adjusted = AdjustedProportion(*prior, groups[i]);
      ranking.agents.push_back(
          {answered[i]->agent, ScoreOf(answered[i]->scores, metric, method),
           adjusted ? std::optional<double>(100 * *adjusted) : std::nullopt});
    }
  }

  std::stable_sort(ranking.agents.begin(), ranking.agents.end(),
                   [](const RankedAgent& a, const RankedAgent& b) {
                     if (a.adjusted != b.adjusted)
                       return a.adjusted > b.adjusted;
                     return a.score.n > b.score.n;
                   });
  if (ranking.selection.ci) {
    for (const RankedAgent& a : ranking.agents)
      if (a.score.ci && a.score.ci->high < ranking.selection.ci->low)
        ranking.needs_attention.push_back(a.agent);
  }
  return ranking;
}

}  // namespace cxscore
