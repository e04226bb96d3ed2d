#include "core/agent_ranking.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

#include "tests/testing/status_matchers.h"

namespace cxscore {
namespace {

ScoreCounts Nps(int detractors, int passives, int promoters) {
  ScoreCounts c;
  c.nps[3] = detractors;
  c.nps[7] = passives;
  c.nps[10] = promoters;
  return c;
}

TEST(AgentRankingTest, TwoTensDoNotOutrankThreeHundredAtPlusSixty) {
  std::vector<AgentCounts> agents = {
      {"veteran", Nps(30, 60, 210)},  // n = 300, NPS +60
      {"newcomer", Nps(0, 0, 2)},     // two 10s, NPS +100
  };
  std::mt19937 rng(5);
  // A team of ordinary agents around NPS +20.
  for (int i = 0; i < 10; ++i) {
    const int n = 80 + static_cast<int>(rng() % 60);
    const int d = n * (20 + static_cast<int>(rng() % 10)) / 100;
    const int r = n * (40 + static_cast<int>(rng() % 10)) / 100;
    agents.push_back({"agent" + std::to_string(i), Nps(d, n - d - r, r)});
  }
  auto ranking = RankAgents(agents, Metric::kNps,
                            NpsIntervalMethod::kAdjustedWald);
  ASSERT_OK(ranking);
  ASSERT_EQ(ranking->agents.size(), 12u);
  EXPECT_EQ(ranking->agents[0].agent, "veteran");
  const auto newcomer = std::find_if(
      ranking->agents.begin(), ranking->agents.end(),
      [](const RankedAgent& a) { return a.agent == "newcomer"; });
  EXPECT_DOUBLE_EQ(*newcomer->score.value, 100.0) << "raw value stays raw";
  EXPECT_LT(*newcomer->adjusted, *ranking->agents[0].adjusted);
  EXPECT_EQ(ranking->selection.n, 302 + [&] {
    int n = 0;
    for (size_t i = 2; i < agents.size(); ++i)
      for (int64_t c : agents[i].scores.nps) n += static_cast<int>(c);
    return n;
  }());
}

TEST(AgentRankingTest, NeedsAttentionOnlyWhenTheWholeIntervalIsBelow) {
  ScoreCounts good, bad, small_bad;
  good.csat[4] = 450;
  good.csat[0] = 50;  // 90%
  bad.csat[4] = 120;
  bad.csat[0] = 80;  // 60%, n = 200
  small_bad.csat[4] = 2;
  small_bad.csat[0] = 2;  // 50% but n = 4: interval too wide to judge
  std::vector<AgentCounts> agents = {
      {"good", good}, {"bad", bad}, {"small", small_bad}};
  auto ranking =
      RankAgents(agents, Metric::kCsat, NpsIntervalMethod::kAdjustedWald);
  ASSERT_OK(ranking);
  EXPECT_THAT(ranking->needs_attention, ::testing::ElementsAre("bad"));
  EXPECT_EQ(ranking->agents.front().agent, "good");
}

TEST(AgentRankingTest, AgentsWithoutTheMetricAreLeftOut) {
  ScoreCounts only_nps = Nps(1, 1, 1);
  ScoreCounts csat;
  csat.csat[4] = 3;
  std::vector<AgentCounts> agents = {{"a", only_nps}, {"b", csat}};
  auto ranking =
      RankAgents(agents, Metric::kCsat, NpsIntervalMethod::kAdjustedWald);
  ASSERT_OK(ranking);
  ASSERT_EQ(ranking->agents.size(), 1u);
  EXPECT_EQ(ranking->agents[0].agent, "b");
}

}  // namespace
}  // namespace cxscore
