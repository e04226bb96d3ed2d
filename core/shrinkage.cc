#include "core/shrinkage.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "core/proportion.h"
#include "core/scores.h"

namespace cxscore {
namespace {

// One group's value (a proportion on 0..1 or an NPS on -1..1) and its n.
struct GroupValue {
  double value = 0;
  int64_t n = 0;
};

// Method-of-moments prior strength s, or nullopt when it cannot be fitted.
//
// If each group's true value has mean `mean` and variance tau^2 across
// groups, and one response has variance `unit_variance` around the team,
// then a group value over n responses has variance
//   tau^2 + (unit_variance - tau^2) / n,
// both for the Beta-binomial (tau^2 = m (1 - m) / (s + 1)) and for NPS under
// a Dirichlet-multinomial (tau^2 = v / (s + 1)). Averaging over k groups with
// h = mean(1 / n_i) and the spread S = sum((value_i - mean)^2) / (k - 1):
//   tau^2 = (S - unit_variance * h) / (1 - h),  s = unit_variance / tau^2 - 1.
std::optional<double> MomentStrength(const std::vector<GroupValue>& groups,
                                     double mean, double unit_variance) {
  if (groups.size() < 2 || !(unit_variance > 0)) return std::nullopt;
  const double k = static_cast<double>(groups.size());
  double spread = 0;
  double h = 0;
  for (const GroupValue& g : groups) {
    const double dev = g.value - mean;
    spread += dev * dev;
    h += 1 / static_cast<double>(g.n);
  }
  spread /= k - 1;
  h /= k;
  if (!(h < 1)) return std::nullopt;  // every group has one response
  const double tau2 = (spread - unit_variance * h) / (1 - h);
  if (!(tau2 > 0)) return std::nullopt;  // no spread beyond noise
  const double strength = unit_variance / tau2 - 1;
  if (!(strength > 0) || !std::isfinite(strength)) return std::nullopt;
  return strength;
}

}  // namespace

absl::StatusOr<BetaPrior> FitBetaPrior(
    std::span<const ProportionCounts> groups) {
  std::vector<GroupValue> values;
  int64_t successes = 0;
  int64_t n = 0;
  for (size_t i = 0; i < groups.size(); ++i) {
    const ProportionCounts& g = groups[i];
    if (g.n < 0 || g.successes < 0 || g.successes > g.n) {
      return absl::InvalidArgumentError(absl::StrCat("beta prior: group ", i,
                                                     " has ", g.successes,
                                                     " successes of ", g.n));
    }
    if (g.n == 0) continue;
    successes += g.successes;
    n += g.n;
    values.push_back(GroupValue{
        static_cast<double>(g.successes) / static_cast<double>(g.n), g.n});
  }
  if (n == 0) {
    return absl::InvalidArgumentError("beta prior: no group has a response");
  }
  const double mean = static_cast<double>(successes) / static_cast<double>(n);
  const std::optional<double> fitted =
      MomentStrength(values, mean, mean * (1 - mean));
  const double strength = fitted.value_or(kFallbackPriorStrength);
  return BetaPrior{mean * strength, (1 - mean) * strength, fitted.has_value()};
}

std::optional<double> AdjustedProportion(const BetaPrior& prior,
                                         const ProportionCounts& group) {
  if (group.n <= 0) return std::nullopt;
  return (static_cast<double>(group.successes) + prior.alpha) /
         (static_cast<double>(group.n) + prior.alpha + prior.beta);
}

absl::StatusOr<NpsPrior> FitNpsPrior(std::span<const NpsCounts> groups) {
  std::vector<GroupValue> values;
  NpsCounts team;
  for (size_t i = 0; i < groups.size(); ++i) {
    const NpsCounts& g = groups[i];
    if (g.detractors < 0 || g.passives < 0 || g.promoters < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("nps prior: group ", i, " has a negative count"));
    }
    if (g.n() == 0) continue;
    team.detractors += g.detractors;
    team.passives += g.passives;
    team.promoters += g.promoters;
    values.push_back(
        GroupValue{static_cast<double>(g.promoters - g.detractors) /
                       static_cast<double>(g.n()),
                   g.n()});
  }
  if (team.n() == 0) {
    return absl::InvalidArgumentError("nps prior: no group has a response");
  }
  const double n = static_cast<double>(team.n());
  const double d = static_cast<double>(team.detractors) / n;
  const double p = static_cast<double>(team.passives) / n;
  const double r = static_cast<double>(team.promoters) / n;
  const double mean = r - d;
  const std::optional<double> fitted =
      MomentStrength(values, mean, (r + d) - mean * mean);
  const double strength = fitted.value_or(kFallbackPriorStrength);
  return NpsPrior{d * strength, p * strength, r * strength, fitted.has_value()};
}

std::optional<double> AdjustedNps(const NpsPrior& prior,
                                  const NpsCounts& counts) {
  if (counts.n() <= 0) return std::nullopt;
  const double r = static_cast<double>(counts.promoters) + prior.promoters;
  const double d = static_cast<double>(counts.detractors) + prior.detractors;
  return (r - d) / (static_cast<double>(counts.n()) + prior.strength());
}

}  // namespace cxscore
