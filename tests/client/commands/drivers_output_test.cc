// JSON, CSV and table rendering of hand-built GetDrivers responses.
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

v1::GetDriversResponse SampleDrivers() {
  v1::GetDriversResponse response;
  v1::DriverPair* pair = response.add_pairs();
  pair->set_metric(v1::METRIC_CES);
  pair->set_kpi(v1::KPI_TIME_TO_CLOSE);
  pair->set_n(1200);
  pair->set_rho(-0.42);
  pair->set_ci_low(-0.46);
  pair->set_ci_high(-0.38);
  pair->set_p(1e-40);
  pair->set_q(4e-39);
  pair->set_significant(true);

  pair = response.add_pairs();  // cannot be computed: rho and interval unset
  pair->set_metric(v1::METRIC_NPS);
  pair->set_kpi(v1::KPI_REOPENS);
  pair->set_n(1);
  pair->set_p(1);
  pair->set_q(1);

  v1::MetricStrength* strength = response.add_ranking();
  strength->set_metric(v1::METRIC_CES);
  strength->set_kpi(v1::KPI_TIME_TO_CLOSE);
  strength->set_strength(0.38);
  strength = response.add_ranking();
  strength->set_metric(v1::METRIC_NPS);
  strength->set_kpi(v1::KPI_REOPENS);
  strength->set_strength(0);
  response.set_verdict(
      "CES moves most with service: lower when time to close is longer.");
  return response;
}

std::string PrintedDrivers(const v1::GetDriversResponse& response,
                           OutputFormat format) {
  std::ostringstream out;
  WriteDrivers(response, format, out);
  return out.str();
}

TEST(DriversJsonTest, ExactShapeWithNulls) {
  std::string printed = PrintedDrivers(SampleDrivers(), OutputFormat::kJson);
  EXPECT_EQ(Json::parse(printed), Json::parse(R"({
    "pairs": [
      {"metric": "ces", "kpi": "time_to_close", "n": 1200, "rho": -0.42,
       "ci_low": -0.46, "ci_high": -0.38, "p": 1e-40, "q": 4e-39,
       "significant": true},
      {"metric": "nps", "kpi": "reopens", "n": 1, "rho": null,
       "ci_low": null, "ci_high": null, "p": 1.0, "q": 1.0,
       "significant": false}],
    "ranking": [
      {"metric": "ces", "kpi": "time_to_close", "strength": 0.38},
      {"metric": "nps", "kpi": "reopens", "strength": 0.0}],
    "verdict": "CES moves most with service: lower when time to close is longer."
  })"));
  EXPECT_THAT(OrderedKeys(printed, ""),
              ElementsAre("pairs", "ranking", "verdict"));
  EXPECT_THAT(OrderedKeys(printed, "/pairs/0"),
              ElementsAre("metric", "kpi", "n", "rho", "ci_low", "ci_high", "p",
                          "q", "significant"));
  // Counts are integers, not 1200.0.
  EXPECT_THAT(printed, HasSubstr("\"n\": 1200,"));
}

TEST(DriversJsonTest, EmptyAnswerHasEmptyLists) {
  v1::GetDriversResponse response;
  response.set_verdict("No data.");
  EXPECT_EQ(
      Json::parse(PrintedDrivers(response, OutputFormat::kJson)),
      Json::parse(R"({"pairs": [], "ranking": [], "verdict": "No data."})"));
}

TEST(DriversJsonTest, UnspecifiedKpiIsNull) {
  v1::GetDriversResponse response;
  response.add_ranking()->set_metric(v1::METRIC_CSAT);
  Json json = Json::parse(PrintedDrivers(response, OutputFormat::kJson));
  EXPECT_EQ(json["ranking"][0]["metric"], "csat");
  EXPECT_TRUE(json["ranking"][0]["kpi"].is_null());
}

TEST(DriversCsvTest, OneRowPerPair) {
  auto rows = ParseCsv(PrintedDrivers(SampleDrivers(), OutputFormat::kCsv));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_THAT(rows[0], ElementsAre("metric", "kpi", "n", "rho", "ci_low",
                                   "ci_high", "p", "q", "significant"));
  EXPECT_THAT(rows[1], ElementsAre("ces", "time_to_close", "1200", "-0.42",
                                   "-0.46", "-0.38", "1e-40", "4e-39", "true"));
  EXPECT_THAT(rows[2], ElementsAre("nps", "reopens", "1", "", "", "", "1.0",
                                   "1.0", "false"));
  // No pairs: the header only.
  rows = ParseCsv(PrintedDrivers(v1::GetDriversResponse(), OutputFormat::kCsv));
  EXPECT_EQ(rows.size(), 1u);
}

TEST(DriversTableTest, VerdictThenRankingThenPairs) {
  std::vector<std::string> lines =
      Lines(PrintedDrivers(SampleDrivers(), OutputFormat::kTable));
  ASSERT_GE(lines.size(), 10u);
  EXPECT_EQ(lines[0],
            "CES moves most with service: lower when time to close is longer.");
  std::string text = absl::StrJoin(lines, "\n");
  size_t ranking = text.find("most moved by service first");
  size_t pairs = text.find("Pairs");
  ASSERT_NE(ranking, std::string::npos);
  ASSERT_NE(pairs, std::string::npos);
  EXPECT_LT(ranking, pairs);
  // Ranking rows, numbered, strongest first.
  EXPECT_THAT(text, HasSubstr("1  CES     time_to_close"));
  EXPECT_THAT(text, HasSubstr("2  NPS     reopens"));
  EXPECT_THAT(text, HasSubstr("0.38"));
  // Pair rows: rho with its interval, n, p and q, the significance mark.
  size_t ces_row = text.find("CES     time_to_close  -0.42 [-0.46, -0.38]");
  ASSERT_NE(ces_row, std::string::npos) << text;
  std::string ces_line =
      text.substr(ces_row, text.find('\n', ces_row) - ces_row);
  EXPECT_THAT(ces_line, HasSubstr("1200"));
  EXPECT_THAT(ces_line, HasSubstr("<0.001"));
  EXPECT_THAT(ces_line, testing::EndsWith("*"));
  size_t nps_row = text.find("NPS     reopens", pairs);
  ASSERT_NE(nps_row, std::string::npos);
  std::string nps_line =
      text.substr(nps_row, text.find('\n', nps_row) - nps_row);
  EXPECT_THAT(nps_line, HasSubstr(" - "));  // rho absent
  EXPECT_THAT(nps_line, HasSubstr("1.000"));
  EXPECT_THAT(nps_line, Not(HasSubstr("*")));
  for (const std::string& line : lines) {
    EXPECT_THAT(line, Not(testing::EndsWith(" "))) << line;
  }
}

TEST(DriversTableTest, EmptyAnswerSaysSo) {
  v1::GetDriversResponse response;
  response.set_verdict("Nothing to correlate.");
  std::string text = PrintedDrivers(response, OutputFormat::kTable);
  EXPECT_THAT(text, StartsWith("Nothing to correlate.\n"));
  EXPECT_THAT(text, HasSubstr("(no metric has data)"));
  EXPECT_THAT(text, HasSubstr("(no pairs)"));
}

TEST(DriversTableTest, FormatsRho) {
  EXPECT_EQ(FormatRho(std::nullopt), "-");
  EXPECT_EQ(FormatRho(-0.4249), "-0.42");
  EXPECT_EQ(FormatRho(-0.001), "0.00");
  EXPECT_EQ(FormatRho(1), "1.00");
}

// drivers --by attr.plan: one analysis per plan, key first.
TEST(DriversOutputTest, GroupedAnswerShowsTheAttributeKey) {
  v1::GetDriversResponse response;
  v1::DriverGroup* group = response.add_groups();
  v1::KeyPart* part = group->add_key();
  part->set_dimension(v1::DIMENSION_ATTRIBUTE);
  part->set_attribute("plan");
  part->set_value("gold");
  const v1::GetDriversResponse sample = SampleDrivers();
  *group->mutable_pairs() = sample.pairs();
  *group->mutable_ranking() = sample.ranking();
  group->set_verdict(sample.verdict());
  Grouping grouping({v1::DIMENSION_ATTRIBUTE});
  grouping.attributes = {"plan"};
  const auto printed = [&](OutputFormat format) {
    std::ostringstream out;
    WriteDrivers(response, grouping, format, out);
    return out.str();
  };

  const std::string json_text = printed(OutputFormat::kJson);
  EXPECT_THAT(OrderedKeys(json_text, ""), ElementsAre("groups"));
  EXPECT_THAT(OrderedKeys(json_text, "/groups/0"),
              ElementsAre("key", "pairs", "ranking", "verdict"));
  Json json = Json::parse(json_text);
  EXPECT_EQ(json["groups"][0]["key"], Json::parse(R"({"attr.plan": "gold"})"));
  // A group reads like the ungrouped answer.
  EXPECT_EQ(json["groups"][0]["pairs"],
            Json::parse(PrintedDrivers(sample, OutputFormat::kJson))["pairs"]);

  auto rows = ParseCsv(printed(OutputFormat::kCsv));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][0], "attr.plan");
  EXPECT_EQ(rows[0][1], "metric");
  EXPECT_EQ(rows[1][0], "gold");
  EXPECT_EQ(rows[1][1], "ces");

  std::vector<std::string> lines = Lines(printed(OutputFormat::kTable));
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(lines[0], "attr.plan gold");
  EXPECT_EQ(lines[1], sample.verdict());

  response.clear_groups();
  EXPECT_EQ(printed(OutputFormat::kTable), "(no records match)\n");
  EXPECT_EQ(Json::parse(printed(OutputFormat::kJson)),
            Json::parse(R"({"groups": []})"));
}

}  // namespace
}  // namespace cxscore::client
