// JSON, CSV and table rendering of hand-built RankAgents responses.
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "client/commands/agents_command.h"
#include "client/commands/drivers_command.h"
#include "client/commands/scores_command.h"
#include "client/commands/trend_command.h"
#include "client/import/csv_reader.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/client/commands/output_test_util.h"

namespace cxscore::client {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;
using Json = nlohmann::json;

v1::RankAgentsResponse SampleAgents() {
  v1::RankAgentsResponse response;
  v1::AgentRank* a = response.add_agents();
  a->set_agent("veteran");
  a->set_n(300);
  a->set_value(60);
  a->set_ci_low(51.5);
  a->set_ci_high(67.7);
  a->set_adjusted(58.2);
  a = response.add_agents();
  a->set_agent("newcomer");
  a->set_n(2);
  a->set_value(100);
  a->set_ci_low(-9.6);
  a->set_ci_high(100);
  a->set_adjusted(43.1);
  a = response.add_agents();
  a->set_agent("struggling");
  a->set_n(80);
  a->set_value(-20);
  a->set_ci_low(-38);
  a->set_ci_high(-1.5);
  a->set_adjusted(-12.4);
  a = response.add_agents();  // no responses for the metric
  a->set_agent("quiet");
  response.add_needs_attention("struggling");
  v1::AgentRank* all = response.mutable_selection();
  all->set_n(382);
  all->set_value(42);
  all->set_ci_low(35);
  all->set_ci_high(48);
  response.set_prior_strength(25.3);
  response.set_prior_fitted(true);
  return response;
}

std::string PrintedAgents(const v1::RankAgentsResponse& response,
                          OutputFormat format) {
  std::ostringstream out;
  WriteAgents(response, v1::METRIC_NPS, format, out);
  return out.str();
}

TEST(AgentsJsonTest, ExactShape) {
  std::string printed = PrintedAgents(SampleAgents(), OutputFormat::kJson);
  Json json = Json::parse(printed);
  EXPECT_EQ(json["agents"][0], Json::parse(R"(
    {"agent": "veteran", "n": 300, "value": 60.0, "ci_low": 51.5,
     "ci_high": 67.7, "adjusted": 58.2})"));
  EXPECT_EQ(json["agents"][3], Json::parse(R"(
    {"agent": "quiet", "n": 0, "value": null, "ci_low": null,
     "ci_high": null, "adjusted": null})"));
  EXPECT_EQ(json["needs_attention"], Json::parse(R"(["struggling"])"));
  EXPECT_EQ(json["selection"], Json::parse(R"(
    {"n": 382, "value": 42.0, "ci_low": 35.0, "ci_high": 48.0})"));
  EXPECT_EQ(json["prior"],
            Json::parse(R"({"strength": 25.3, "fitted": true})"));
  EXPECT_THAT(OrderedKeys(printed, ""),
              ElementsAre("agents", "needs_attention", "selection", "prior"));
  EXPECT_THAT(
      OrderedKeys(printed, "/agents/0"),
      ElementsAre("agent", "n", "value", "ci_low", "ci_high", "adjusted"));
  std::vector<std::string> order;
  for (const Json& agent : json["agents"]) order.push_back(agent["agent"]);
  EXPECT_THAT(order, ElementsAre("veteran", "newcomer", "struggling", "quiet"));
}

TEST(AgentsJsonTest, EmptyAnswer) {
  Json json =
      Json::parse(PrintedAgents(v1::RankAgentsResponse(), OutputFormat::kJson));
  EXPECT_EQ(json["agents"], Json::array());
  EXPECT_EQ(json["needs_attention"], Json::array());
  EXPECT_TRUE(json["selection"]["value"].is_null());
  EXPECT_EQ(json["prior"]["fitted"], false);
}

TEST(AgentsCsvTest, OneRowPerAgentWithTheAttentionFlag) {
  auto rows = ParseCsv(PrintedAgents(SampleAgents(), OutputFormat::kCsv));
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_THAT(rows[0], ElementsAre("agent", "n", "value", "ci_low", "ci_high",
                                   "adjusted", "needs_attention"));
  EXPECT_THAT(rows[1], ElementsAre("veteran", "300", "60.0", "51.5", "67.7",
                                   "58.2", "false"));
  EXPECT_THAT(rows[3], ElementsAre("struggling", "80", "-20.0", "-38.0", "-1.5",
                                   "-12.4", "true"));
  EXPECT_THAT(rows[4], ElementsAre("quiet", "0", "", "", "", "", "false"));
}

TEST(AgentsTableTest, RankedRowsMarkerAndFootnote) {
  std::vector<std::string> lines =
      Lines(PrintedAgents(SampleAgents(), OutputFormat::kTable));
  ASSERT_GE(lines.size(), 8u);
  EXPECT_THAT(lines[0], StartsWith("rank  agent"));
  EXPECT_THAT(lines[0], HasSubstr("NPS [95% CI]"));
  EXPECT_THAT(lines[0], HasSubstr("adjusted"));
  EXPECT_THAT(lines[1], StartsWith("   1  veteran"));
  EXPECT_THAT(lines[1], HasSubstr("60.0 [51.5, 67.7]"));
  EXPECT_THAT(lines[1], HasSubstr("58.2"));
  EXPECT_THAT(lines[1], Not(HasSubstr("attention")));
  EXPECT_THAT(lines[2], StartsWith("   2  newcomer"));
  EXPECT_THAT(lines[3], StartsWith("   3  struggling"));
  EXPECT_THAT(lines[3], HasSubstr("! needs attention"));
  EXPECT_THAT(lines[4], StartsWith("   4  quiet"));
  std::string text = absl::StrJoin(lines, "\n");
  EXPECT_THAT(text, HasSubstr("42.0 [35.0, 48.0], n 382"));
  EXPECT_THAT(text, HasSubstr("adjusted: "));
  EXPECT_THAT(text, HasSubstr("25.3 more responses"));
  EXPECT_THAT(text, HasSubstr("fitted from the spread between agents"));
  for (const std::string& line : lines) {
    EXPECT_THAT(line, Not(testing::EndsWith(" "))) << line;
  }
}

TEST(AgentsTableTest, FallbackPriorAndNoAgents) {
  v1::RankAgentsResponse response = SampleAgents();
  response.set_prior_fitted(false);
  response.set_prior_strength(10);
  EXPECT_THAT(PrintedAgents(response, OutputFormat::kTable),
              HasSubstr("10.0 more responses at the selection's rates (a weak "
                        "fixed prior"));
  EXPECT_EQ(PrintedAgents(v1::RankAgentsResponse(), OutputFormat::kTable),
            "(no agent has responses)\n");
}

}  // namespace
}  // namespace cxscore::client
