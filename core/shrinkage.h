// Empirical-Bayes shrinkage toward the team, for fair agent rankings
// (docs/metrics.md, "Small samples and ranking"): an agent with few responses
// is pulled strongly toward the team's value, one with many barely moves.
#ifndef CXSCORE_CORE_SHRINKAGE_H_
#define CXSCORE_CORE_SHRINKAGE_H_

#include <optional>
#include <span>

#include "absl/status/statusor.h"
#include "core/proportion.h"
#include "core/scores.h"

namespace cxscore {

// Prior strength (in pseudo-responses at the team's rates) used when the
// method of moments cannot be fitted: fewer than 2 groups with responses,
// every group with a single response, a team whose responses all fall in one
// category, or agents that differ no more than sampling noise explains (the
// fit would then pool everyone into the team value).
inline constexpr double kFallbackPriorStrength = 10;

// Beta(alpha, beta) prior of a proportion, mean alpha / (alpha + beta) equal
// to the team's pooled proportion.
struct BetaPrior {
  double alpha = 0;     // pseudo-successes
  double beta = 0;      // pseudo-failures
  bool fitted = false;  // false: kFallbackPriorStrength was used
  double strength() const { return alpha + beta; }
};

// Fits the prior across groups (agents) by the method of moments: with the
// team proportion m = sum(successes) / sum(n), the spread of the groups'
// proportions beyond binomial noise, tau^2, gives the strength
// alpha + beta = m (1 - m) / tau^2 - 1. Groups with n = 0 are ignored.
// InvalidArgument when a count is negative or successes > n, or when no
// group has a response.
absl::StatusOr<BetaPrior> FitBetaPrior(
    std::span<const ProportionCounts> groups);

// Posterior mean (successes + alpha) / (n + alpha + beta) on 0..1; nullopt
// when n = 0 (no data, no value).
std::optional<double> AdjustedProportion(const BetaPrior& prior,
                                         const ProportionCounts& group);

// Dirichlet pseudo-counts for NPS, proportional to the team's shares of
// detractors, passives and promoters.
struct NpsPrior {
  double detractors = 0;
  double passives = 0;
  double promoters = 0;
  bool fitted = false;  // false: kFallbackPriorStrength was used
  double strength() const { return detractors + passives + promoters; }
};

// Fits the prior strength s across groups (agents) by the method of moments
// on their NPS values: with the team's NPS m and per-response variance
// v = (r + d) / n - m^2, the spread of the groups' NPS beyond sampling noise,
// tau^2, gives s = v / tau^2 - 1 (as for a Beta prior: a Dirichlet with
// strength s puts variance v / (s + 1) on a group's true NPS). The
// pseudo-counts are s times the team's shares. Groups with n = 0 are
// ignored. InvalidArgument when a count is negative or no group has a
// response.
absl::StatusOr<NpsPrior> FitNpsPrior(std::span<const NpsCounts> groups);

// NPS of counts + pseudo-counts on -1..1: (r + r0 - d - d0) / (n + s).
// nullopt when counts.n() = 0.
std::optional<double> AdjustedNps(const NpsPrior& prior,
                                  const NpsCounts& counts);

}  // namespace cxscore

#endif  // CXSCORE_CORE_SHRINKAGE_H_
