#include "core/shrinkage.h"

#include <cmath>
#include <cstdint>
#include <optional>
#include <random>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/proportion.h"
#include "core/scores.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cxscore {
namespace {

NpsCounts Nps(int64_t d, int64_t p, int64_t r) {
  NpsCounts c;
  c.detractors = d;
  c.passives = p;
  c.promoters = r;
  return c;
}

double RawNps(const NpsCounts& c) {
  return static_cast<double>(c.promoters - c.detractors) /
         static_cast<double>(c.n());
}

double Raw(const ProportionCounts& c) {
  return static_cast<double>(c.successes) / static_cast<double>(c.n);
}

BetaPrior FitBetaOk(const std::vector<ProportionCounts>& groups) {
  absl::StatusOr<BetaPrior> prior = FitBetaPrior(groups);
  EXPECT_OK(prior);
  return prior.ok() ? *prior : BetaPrior{};
}

NpsPrior FitNpsOk(const std::vector<NpsCounts>& groups) {
  absl::StatusOr<NpsPrior> prior = FitNpsPrior(groups);
  EXPECT_OK(prior);
  return prior.ok() ? *prior : NpsPrior{};
}

double Beta(std::mt19937_64& rng, double a, double b) {
  const double x = std::gamma_distribution<double>(a)(rng);
  const double y = std::gamma_distribution<double>(b)(rng);
  return x / (x + y);
}

// ---- Formulas -------------------------------------------------------------

TEST(AdjustedProportionTest, IsThePosteriorMean) {
  const BetaPrior prior{8, 2, true};
  EXPECT_EQ(prior.strength(), 10);
  // (3 + 8) / (5 + 10)
  EXPECT_NEAR(*AdjustedProportion(prior, ProportionCounts{3, 5}), 11.0 / 15,
              1e-15);
  EXPECT_EQ(AdjustedProportion(prior, ProportionCounts{0, 0}), std::nullopt);
}

TEST(AdjustedNpsTest, IsTheNpsOfCountsPlusPseudoCounts) {
  const NpsPrior prior{1.5, 3, 5.5, true};
  EXPECT_EQ(prior.strength(), 10);
  // (2 + 5.5 - 1 - 1.5) / (4 + 10)
  EXPECT_NEAR(*AdjustedNps(prior, Nps(1, 1, 2)), 5.0 / 14, 1e-15);
  EXPECT_EQ(AdjustedNps(prior, Nps(0, 0, 0)), std::nullopt);
}

TEST(FitBetaPriorTest, CentresOnTheTeamProportion) {
  const std::vector<ProportionCounts> team = {{70, 100}, {40, 50}, {150, 180},
                                              {20, 40},  {9, 10},  {60, 90}};
  const BetaPrior prior = FitBetaOk(team);
  EXPECT_TRUE(prior.fitted);
  EXPECT_NEAR(prior.alpha / prior.strength(), 349.0 / 470, 1e-12);
  // Groups with no responses change nothing.
  std::vector<ProportionCounts> with_empty = team;
  with_empty.push_back({0, 0});
  const BetaPrior same = FitBetaOk(with_empty);
  EXPECT_EQ(same.alpha, prior.alpha);
  EXPECT_EQ(same.beta, prior.beta);
}

// ---- Known truth ----------------------------------------------------------

// Agents' true CSAT rates drawn from Beta(16, 4): mean 0.8, strength 20.
TEST(FitBetaPriorTest, RecoversAPlantedPriorAndBeatsRawRates) {
  std::mt19937_64 rng(42);
  std::vector<ProportionCounts> agents;
  std::vector<double> truth;
  for (int i = 0; i < 400; ++i) {
    const double p = Beta(rng, 16, 4);
    const int64_t n = std::uniform_int_distribution<int64_t>(3, 150)(rng);
    agents.push_back({std::binomial_distribution<int64_t>(n, p)(rng), n});
    truth.push_back(p);
  }
  const BetaPrior prior = FitBetaOk(agents);
  EXPECT_TRUE(prior.fitted);
  EXPECT_NEAR(prior.alpha / prior.strength(), 0.8, 0.02);
  EXPECT_GT(prior.strength(), 13);
  EXPECT_LT(prior.strength(), 30);
  double raw_error = 0, adjusted_error = 0;
  for (size_t i = 0; i < agents.size(); ++i) {
    raw_error += std::pow(Raw(agents[i]) - truth[i], 2);
    adjusted_error +=
        std::pow(*AdjustedProportion(prior, agents[i]) - truth[i], 2);
  }
  EXPECT_LT(adjusted_error, 0.7 * raw_error);
}

// Agents' true shares drawn from Dirichlet(30 * (0.15, 0.30, 0.55)).
TEST(FitNpsPriorTest, RecoversAPlantedPriorAndBeatsRawNps) {
  std::mt19937_64 rng(7);
  std::vector<NpsCounts> agents;
  std::vector<double> truth;
  for (int i = 0; i < 400; ++i) {
    const double gd = std::gamma_distribution<double>(30 * 0.15)(rng);
    const double gp = std::gamma_distribution<double>(30 * 0.30)(rng);
    const double gr = std::gamma_distribution<double>(30 * 0.55)(rng);
    const double sum = gd + gp + gr;
    const int64_t n = std::uniform_int_distribution<int64_t>(3, 150)(rng);
    const int64_t d = std::binomial_distribution<int64_t>(n, gd / sum)(rng);
    const int64_t p =
        std::binomial_distribution<int64_t>(n - d, gp / (gp + gr))(rng);
    agents.push_back(Nps(d, p, n - d - p));
    truth.push_back((gr - gd) / sum);
  }
  const NpsPrior prior = FitNpsOk(agents);
  EXPECT_TRUE(prior.fitted);
  EXPECT_NEAR(prior.detractors / prior.strength(), 0.15, 0.02);
  EXPECT_NEAR(prior.promoters / prior.strength(), 0.55, 0.02);
  EXPECT_GT(prior.strength(), 20);
  EXPECT_LT(prior.strength(), 45);
  double raw_error = 0, adjusted_error = 0;
  for (size_t i = 0; i < agents.size(); ++i) {
    raw_error += std::pow(RawNps(agents[i]) - truth[i], 2);
    adjusted_error += std::pow(*AdjustedNps(prior, agents[i]) - truth[i], 2);
  }
  EXPECT_LT(adjusted_error, 0.7 * raw_error);
}

// ---- Ranking scenarios ----------------------------------------------------

// metrics.md: "Two responses of 10 must not outrank 300 responses at NPS
// +60", in a team of ten agents around +30 with the usual spread.
TEST(AdjustedNpsTest, TwoTensDoNotOutrankThreeHundredResponsesAtSixty) {
  const NpsCounts newcomer = Nps(0, 0, 2);     // +100 from 2 responses
  const NpsCounts veteran = Nps(30, 60, 210);  // +60 from 300
  const std::vector<NpsCounts> team = {
      Nps(20, 30, 50), Nps(15, 25, 60), Nps(30, 30, 40), Nps(12, 28, 40),
      Nps(25, 35, 60), Nps(8, 22, 30),  Nps(18, 27, 45), Nps(10, 15, 25),
      Nps(35, 40, 75), Nps(5, 10, 25),  veteran,         newcomer};
  ASSERT_GT(RawNps(newcomer), RawNps(veteran));  // raw order is unfair
  const NpsPrior prior = FitNpsOk(team);
  EXPECT_TRUE(prior.fitted);
  EXPECT_GT(prior.strength(), 5);
  const double adjusted_newcomer = *AdjustedNps(prior, newcomer);
  const double adjusted_veteran = *AdjustedNps(prior, veteran);
  EXPECT_LT(adjusted_newcomer, adjusted_veteran);
  // The veteran barely moves; the newcomer lands near the team (+38).
  EXPECT_NEAR(adjusted_veteran, 0.6, 0.03);
  EXPECT_LT(adjusted_newcomer, 0.5);
  // Every agent lies between its raw NPS and the team's.
  const double team_nps =
      (prior.promoters - prior.detractors) / prior.strength();
  for (const NpsCounts& agent : team) {
    const double raw = RawNps(agent);
    const double adjusted = *AdjustedNps(prior, agent);
    EXPECT_GE(adjusted, std::min(raw, team_nps) - 1e-12);
    EXPECT_LE(adjusted, std::max(raw, team_nps) + 1e-12);
  }
  // Even the fallback strength keeps the order.
  const NpsPrior fallback{0.2 * kFallbackPriorStrength,
                          0.3 * kFallbackPriorStrength,
                          0.5 * kFallbackPriorStrength, false};
  EXPECT_LT(*AdjustedNps(fallback, newcomer), *AdjustedNps(fallback, veteran));
}

TEST(AdjustedProportionTest, TwoOfTwoDoesNotOutrankTwoEightyOfThreeHundred) {
  const ProportionCounts newcomer{2, 2};
  const ProportionCounts veteran{280, 300};  // 93.3%
  const std::vector<ProportionCounts> team = {
      {80, 100}, {70, 100}, {66, 80}, {110, 150}, {45, 60},
      {52, 70},  {85, 110}, {30, 45}, veteran,    newcomer};
  const BetaPrior prior = FitBetaOk(team);
  EXPECT_TRUE(prior.fitted);
  EXPECT_LT(*AdjustedProportion(prior, newcomer),
            *AdjustedProportion(prior, veteran));
  // 300 responses move the veteran a few points; 2 move the newcomer most
  // of the way to the team.
  EXPECT_NEAR(*AdjustedProportion(prior, veteran), 280.0 / 300, 0.05);
  EXPECT_LT(*AdjustedProportion(prior, newcomer), 0.9);
}

TEST(AdjustedProportionTest, MoreResponsesMoveFurtherFromTheTeam) {
  const BetaPrior prior{16, 4, true};  // team at 0.8
  // Same raw rate 0.95: the more responses, the closer to it.
  const double few = *AdjustedProportion(prior, {19, 20});
  const double many = *AdjustedProportion(prior, {190, 200});
  EXPECT_GT(few, 0.8);
  EXPECT_LT(few, many);
  EXPECT_LT(many, 0.95);
  // Equal n keeps the raw order.
  EXPECT_LT(*AdjustedProportion(prior, {10, 20}),
            *AdjustedProportion(prior, {11, 20}));
}

// ---- Degenerate fits ------------------------------------------------------

TEST(FitBetaPriorTest, FallsBackToAWeakPriorWhenTheFitIsDegenerate) {
  struct Case {
    const char* name;
    std::vector<ProportionCounts> groups;
    double mean;
  };
  const Case cases[] = {
      {"one group", {{30, 40}}, 0.75},
      {"identical agents", {{8, 10}, {16, 20}, {40, 50}}, 0.8},
      {"one response each", {{1, 1}, {0, 1}, {1, 1}, {1, 1}}, 0.75},
      {"all satisfied", {{10, 10}, {3, 3}}, 1.0},
      {"less spread than noise", {{5, 10}, {6, 10}, {5, 10}, {4, 10}}, 0.5},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const BetaPrior prior = FitBetaOk(c.groups);
    EXPECT_FALSE(prior.fitted);
    EXPECT_NEAR(prior.strength(), kFallbackPriorStrength, 1e-12);
    EXPECT_NEAR(prior.alpha / prior.strength(), c.mean, 1e-12);
  }
  // With everyone satisfied, so is every adjusted value.
  EXPECT_EQ(*AdjustedProportion(FitBetaOk({{10, 10}, {3, 3}}), {3, 3}), 1.0);
}

TEST(FitNpsPriorTest, FallsBackToAWeakPriorWhenTheFitIsDegenerate) {
  for (const std::vector<NpsCounts>& groups :
       {std::vector<NpsCounts>{Nps(1, 2, 7)},
        std::vector<NpsCounts>{Nps(0, 0, 5), Nps(0, 0, 9)},
        std::vector<NpsCounts>{Nps(2, 4, 14), Nps(1, 2, 7), Nps(3, 6, 21)}}) {
    const NpsPrior prior = FitNpsOk(groups);
    EXPECT_FALSE(prior.fitted);
    EXPECT_NEAR(prior.strength(), kFallbackPriorStrength, 1e-12);
  }
  const NpsPrior prior = FitNpsOk({Nps(1, 2, 7), Nps(0, 0, 0)});
  EXPECT_NEAR(prior.detractors, 1, 1e-12);
  EXPECT_NEAR(prior.passives, 2, 1e-12);
  EXPECT_NEAR(prior.promoters, 7, 1e-12);
}

TEST(FitPriorTest, RefusesBadCountsAndEmptyTeams) {
  EXPECT_EQ(FitBetaPrior(std::vector<ProportionCounts>{{5, 4}}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(
      FitBetaPrior(std::vector<ProportionCounts>{{-1, 4}}).status().code(),
      absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FitBetaPrior(std::vector<ProportionCounts>{}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FitBetaPrior(std::vector<ProportionCounts>{{0, 0}}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FitNpsPrior(std::vector<NpsCounts>{Nps(1, -1, 3)}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FitNpsPrior(std::vector<NpsCounts>{Nps(0, 0, 0)}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace cxscore
