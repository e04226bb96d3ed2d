// JSON, CSV and table rendering of hand-built GetDrivers, GetTrend and
// RankAgents responses, and of GetScores with a comparison.
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "client/csv_reader.h"
#include "client/drivers_table.h"
#include "client/output_format.h"
#include "client/scores_csv.h"
#include "client/scores_json.h"
#include "client/scores_table.h"
#include "client/trend_table.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace cxscore::client {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;
using Json = nlohmann::json;

const double kThird = 1.0 / 3.0;  // not representable in few digits

std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::istringstream in(text);
  CsvReader reader(&in);
  std::vector<std::vector<std::string>> rows;
  CsvRecord record;
  while (reader.Next(&record)) rows.push_back(record.fields);
  return rows;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines = absl::StrSplit(text, '\n');
  EXPECT_EQ(lines.back(), "");  // ends with a newline
  lines.pop_back();
  return lines;
}

// The keys of a printed JSON object in document order.
std::vector<std::string> OrderedKeys(const std::string& printed,
                                     const std::string& pointer) {
  nlohmann::ordered_json json = nlohmann::ordered_json::parse(printed);
  std::vector<std::string> keys;
  const auto& object = json.at(nlohmann::ordered_json::json_pointer(pointer));
  for (auto it = object.begin(); it != object.end(); ++it) {
    keys.push_back(it.key());
  }
  return keys;
}

// --- drivers ---------------------------------------------------------------

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

// --- trend -----------------------------------------------------------------

v1::TrendPoint* AddPoint(v1::TrendSeries* series, const std::string& period,
                         uint64_t n, std::optional<double> value) {
  v1::TrendPoint* point = series->add_points();
  point->set_period(period);
  point->set_n(n);
  if (value.has_value()) {
    point->set_value(*value);
    point->set_ci_low(*value - 10);
    point->set_ci_high(*value + 10);
  }
  return point;
}

// Two series by channel: "email" with a drop, a gap and a rise;
// unattributed with a single point.
v1::GetTrendResponse SampleTrend() {
  v1::GetTrendResponse response;
  v1::TrendSeries* email = response.add_series();
  v1::KeyPart* part = email->add_key();
  part->set_dimension(v1::DIMENSION_CHANNEL);
  part->set_value("email");
  v1::TrendPoint* p = AddPoint(email, "2025-W20", 120, 40);
  p->set_promoters(50);
  p->set_passives(40);
  p->set_detractors(10);
  p = AddPoint(email, "2025-W21", 110, 10);
  p->set_change("drop");
  p->set_p(0.004);
  p->set_promoters(30);
  p->set_passives(50);
  p->set_detractors(20);
  AddPoint(email, "2025-W22", 0, std::nullopt);
  p = AddPoint(email, "2025-W23", 90, 100 * kThird);
  p->set_p(0.2);
  v1::TrendSeries* none = response.add_series();
  none->add_key()->set_dimension(v1::DIMENSION_CHANNEL);
  AddPoint(none, "2025-W20", 3, 0);
  return response;
}

const std::vector<v1::Dimension> kByChannel = {v1::DIMENSION_CHANNEL};

std::string PrintedTrend(const v1::GetTrendResponse& response,
                         const std::vector<v1::Dimension>& dims,
                         v1::Metric metric, OutputFormat format) {
  std::ostringstream out;
  WriteTrend(response, dims, metric, format, out);
  return out.str();
}

TEST(TrendJsonTest, ExactShapeForNps) {
  std::string printed = PrintedTrend(SampleTrend(), kByChannel, v1::METRIC_NPS,
                                     OutputFormat::kJson);
  Json json = Json::parse(printed);
  ASSERT_EQ(json["series"].size(), 2u);
  EXPECT_EQ(json["series"][0]["key"], Json::parse(R"({"channel": "email"})"));
  EXPECT_EQ(json["series"][1]["key"], Json::parse(R"({"channel": null})"));
  EXPECT_EQ(json["series"][0]["points"][0], Json::parse(R"(
    {"period": "2025-W20", "n": 120, "value": 40.0, "ci_low": 30.0,
     "ci_high": 50.0, "change": null, "p": null, "promoters": 50.0,
     "passives": 40.0, "detractors": 10.0})"));
  EXPECT_EQ(json["series"][0]["points"][1]["change"], "drop");
  EXPECT_EQ(json["series"][0]["points"][1]["p"].get<double>(), 0.004);
  EXPECT_EQ(json["series"][0]["points"][2], Json::parse(R"(
    {"period": "2025-W22", "n": 0, "value": null, "ci_low": null,
     "ci_high": null, "change": null, "p": null, "promoters": null,
     "passives": null, "detractors": null})"));
  EXPECT_EQ(json["series"][0]["points"][3]["value"].get<double>(),
            100 * kThird);  // unrounded
  EXPECT_THAT(OrderedKeys(printed, "/series/0"), ElementsAre("key", "points"));
  EXPECT_THAT(OrderedKeys(printed, "/series/0/points/0"),
              ElementsAre("period", "n", "value", "ci_low", "ci_high", "change",
                          "p", "promoters", "passives", "detractors"));
}

TEST(TrendJsonTest, OtherMetricsHaveNoShares) {
  std::string printed = PrintedTrend(SampleTrend(), kByChannel, v1::METRIC_CSAT,
                                     OutputFormat::kJson);
  EXPECT_THAT(
      OrderedKeys(printed, "/series/0/points/1"),
      ElementsAre("period", "n", "value", "ci_low", "ci_high", "change", "p"));
}

TEST(TrendJsonTest, KeyIsEmptyWithoutGroupingAndNoSeriesIsAnEmptyList) {
  v1::GetTrendResponse response;
  AddPoint(response.add_series(), "2025-02", 5, 80);
  Json json = Json::parse(
      PrintedTrend(response, {}, v1::METRIC_CES, OutputFormat::kJson));
  EXPECT_EQ(json["series"][0]["key"].dump(), "{}");
  EXPECT_EQ(Json::parse(PrintedTrend(v1::GetTrendResponse(), {}, v1::METRIC_CES,
                                     OutputFormat::kJson)),
            Json::parse(R"({"series": []})"));
}

TEST(TrendCsvTest, OneRowPerPointWithTheKeyColumns) {
  auto rows = ParseCsv(PrintedTrend(SampleTrend(), kByChannel, v1::METRIC_NPS,
                                    OutputFormat::kCsv));
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_THAT(rows[0], ElementsAre("channel", "period", "n", "value", "ci_low",
                                   "ci_high", "change", "p", "promoters",
                                   "passives", "detractors"));
  EXPECT_THAT(rows[2],
              ElementsAre("email", "2025-W21", "110", "10.0", "0.0", "20.0",
                          "drop", "0.004", "30.0", "50.0", "20.0"));
  EXPECT_THAT(rows[3], ElementsAre("email", "2025-W22", "0", "", "", "", "", "",
                                   "", "", ""));
  EXPECT_EQ(rows[5][0], "");  // unattributed
  EXPECT_EQ(rows[5][1], "2025-W20");

  rows = ParseCsv(
      PrintedTrend(SampleTrend(), {}, v1::METRIC_CSAT, OutputFormat::kCsv));
  EXPECT_THAT(rows[0], ElementsAre("period", "n", "value", "ci_low", "ci_high",
                                   "change", "p"));
}

TEST(TrendTableTest, SparklineDrawsValuesAndGaps) {
  EXPECT_EQ(Sparkline({}), "");
  EXPECT_EQ(Sparkline({0, 1, 2, 3, 4, 5, 6, 7}), "▁▂▃▄▅▆▇█");
  EXPECT_EQ(Sparkline({-50, std::nullopt, 50}), "▁ █");
  EXPECT_EQ(Sparkline({10, 10}), "▄▄");
  EXPECT_EQ(Sparkline({std::nullopt}), " ");
  EXPECT_EQ(Sparkline({0, 100, 49}), "▁█▄");
}

TEST(TrendTableTest, SeriesHeaderWithSparklineThenPoints) {
  std::vector<std::string> lines = Lines(PrintedTrend(
      SampleTrend(), kByChannel, v1::METRIC_NPS, OutputFormat::kTable));
  ASSERT_GE(lines.size(), 10u);
  EXPECT_EQ(lines[0], "channel email  █▁ ▆");
  EXPECT_THAT(lines[1], StartsWith("  period"));
  EXPECT_THAT(lines[1], HasSubstr("NPS [95% CI]"));
  EXPECT_THAT(lines[1], HasSubstr("promoters%"));
  EXPECT_THAT(lines[2], StartsWith("  2025-W20"));
  EXPECT_THAT(lines[2], HasSubstr("40.0 [30.0, 50.0]"));
  EXPECT_THAT(lines[3], HasSubstr("10.0 [0.0, 20.0]"));
  EXPECT_THAT(lines[3], HasSubstr("↓ drop (p 0.004)"));
  EXPECT_THAT(lines[4], StartsWith("  2025-W22"));
  EXPECT_THAT(lines[4], HasSubstr(" - "));
  EXPECT_THAT(lines[5], HasSubstr("33.3"));
  EXPECT_THAT(lines[5], Not(HasSubstr("rise")));  // p 0.2: no flag
  EXPECT_EQ(lines[6], "");
  EXPECT_EQ(lines[7], "channel (none)  ▄");
  EXPECT_THAT(lines.back(), HasSubstr("p < 0.01"));
}

TEST(TrendTableTest, UngroupedSeriesIsAllAndEmptyAnswerSaysSo) {
  v1::GetTrendResponse response;
  v1::TrendPoint* p = AddPoint(response.add_series(), "2025-02-13", 4, 75);
  p->set_change("rise");
  std::vector<std::string> lines =
      Lines(PrintedTrend(response, {}, v1::METRIC_CSAT, OutputFormat::kTable));
  EXPECT_EQ(lines[0], "all  ▄");
  EXPECT_THAT(lines[1], HasSubstr("CSAT% [95% CI]"));
  EXPECT_THAT(lines[1], Not(HasSubstr("promoters")));
  EXPECT_THAT(lines[2], HasSubstr("↑ rise"));
  EXPECT_EQ(PrintedTrend(v1::GetTrendResponse(), {}, v1::METRIC_CSAT,
                         OutputFormat::kTable),
            "(no records match)\n");
}

// trend --by attr.plan: the key is named attr.plan in every format.
TEST(TrendOutputTest, AttributeKeyIsNamedAttrDotName) {
  v1::GetTrendResponse response;
  v1::TrendSeries* gold = response.add_series();
  v1::KeyPart* part = gold->add_key();
  part->set_dimension(v1::DIMENSION_ATTRIBUTE);
  part->set_attribute("plan");
  part->set_value("gold");
  AddPoint(gold, "2025-W20", 12, 40);
  Grouping grouping({v1::DIMENSION_ATTRIBUTE});
  grouping.attributes = {"plan"};
  const auto printed = [&](OutputFormat format) {
    std::ostringstream out;
    WriteTrend(response, grouping, v1::METRIC_CSAT, format, out);
    return out.str();
  };
  EXPECT_EQ(Json::parse(printed(OutputFormat::kJson))["series"][0]["key"],
            Json::parse(R"({"attr.plan": "gold"})"));
  auto rows = ParseCsv(printed(OutputFormat::kCsv));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], "attr.plan");
  EXPECT_EQ(rows[0][1], "period");
  EXPECT_EQ(rows[1][0], "gold");
  EXPECT_THAT(Lines(printed(OutputFormat::kTable))[0],
              StartsWith("attr.plan gold"));
}

// --- agents ----------------------------------------------------------------

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

// --- scores --compare --------------------------------------------------------

v1::GetScoresResponse ComparedScores() {
  v1::GetScoresResponse response;
  v1::GroupScores* g = response.add_groups();
  v1::KeyPart* part = g->add_key();
  part->set_dimension(v1::DIMENSION_CHANNEL);
  part->set_value("email");
  g->mutable_nps()->set_n(100);
  g->mutable_nps()->set_value(30);
  g->mutable_csat()->set_n(100);
  g->mutable_csat()->set_value(80);
  v1::Delta* nps = g->mutable_comparison()->mutable_nps();
  nps->set_delta(-12.5);
  nps->set_ci_low(-20.31);
  nps->set_ci_high(-4.76);
  nps->set_p(0.002);
  nps->set_other_n(90);
  nps->set_other_value(42.5);
  v1::Delta* csat = g->mutable_comparison()->mutable_csat();
  csat->set_delta(20);
  csat->set_ci_low(7.6);
  csat->set_ci_high(32.4);
  csat->set_p(0.0020);
  csat->set_other_n(100);
  csat->set_other_value(60);
  v1::Delta* ces = g->mutable_comparison()->mutable_ces();
  ces->set_delta(3);
  ces->set_ci_low(-5);
  ces->set_ci_high(11);
  ces->set_p(0.45);
  ces->set_other_n(50);
  ces->set_other_value(70);
  g->mutable_comparison()->mutable_ves()->set_other_n(0);  // no data
  return response;
}

std::string PrintedScores(const v1::GetScoresResponse& response, bool compared,
                          OutputFormat format) {
  std::ostringstream out;
  WriteScores(response, kByChannel, compared, format, out);
  return out.str();
}

TEST(ScoresCompareJsonTest, EachGroupGetsAComparison) {
  std::string printed =
      PrintedScores(ComparedScores(), true, OutputFormat::kJson);
  Json json = Json::parse(printed);
  EXPECT_EQ(json["groups"][0]["comparison"], Json::parse(R"({
    "nps": {"delta": -12.5, "ci_low": -20.31, "ci_high": -4.76, "p": 0.002,
            "other_n": 90, "other_value": 42.5},
    "csat": {"delta": 20.0, "ci_low": 7.6, "ci_high": 32.4, "p": 0.002,
             "other_n": 100, "other_value": 60.0},
    "ces": {"delta": 3.0, "ci_low": -5.0, "ci_high": 11.0, "p": 0.45,
            "other_n": 50, "other_value": 70.0},
    "ves": {"delta": null, "ci_low": null, "ci_high": null, "p": null,
            "other_n": 0, "other_value": null}})"));
  EXPECT_THAT(
      OrderedKeys(printed, "/groups/0"),
      ElementsAre("key", "nps", "csat", "ces", "ves", "service", "comparison"));
  EXPECT_THAT(
      OrderedKeys(printed, "/groups/0/comparison/nps"),
      ElementsAre("delta", "ci_low", "ci_high", "p", "other_n", "other_value"));
}

TEST(ScoresCompareJsonTest, AComparisonTheServerLeftOutIsAllNull) {
  v1::GetScoresResponse response;
  response.add_groups();
  Json json = Json::parse(PrintedScores(response, true, OutputFormat::kJson));
  for (const char* metric : {"nps", "csat", "ces", "ves"}) {
    EXPECT_TRUE(json["groups"][0]["comparison"][metric]["delta"].is_null());
    EXPECT_EQ(json["groups"][0]["comparison"][metric]["other_n"], 0);
  }
}

TEST(ScoresCompareJsonTest, WithoutCompareTheOutputIsUnchanged) {
  // Even when the server sends a comparison, it is printed only on request,
  // and the rest is byte for byte what it was without one.
  v1::GetScoresResponse with = ComparedScores();
  v1::GetScoresResponse without = with;
  without.mutable_groups(0)->clear_comparison();
  for (OutputFormat format :
       {OutputFormat::kJson, OutputFormat::kCsv, OutputFormat::kTable}) {
    std::string printed = PrintedScores(with, false, format);
    EXPECT_EQ(printed, PrintedScores(without, false, format));
    EXPECT_THAT(printed, Not(HasSubstr("comparison")));
    EXPECT_THAT(printed, Not(HasSubstr("Δ")));
  }
  EXPECT_THAT(
      OrderedKeys(PrintedScores(with, false, OutputFormat::kJson), "/groups/0"),
      ElementsAre("key", "nps", "csat", "ces", "ves", "service"));
}

TEST(ScoresCompareCsvTest, ComparisonColumnsOnlyWhenComparing) {
  auto rows =
      ParseCsv(PrintedScores(ComparedScores(), true, OutputFormat::kCsv));
  ASSERT_EQ(rows.size(), 2u);
  std::vector<std::string> plain = ScoresCsvHeader(kByChannel);
  ASSERT_EQ(rows[0].size(), plain.size() + 24);
  EXPECT_TRUE(std::equal(plain.begin(), plain.end(), rows[0].begin()));
  std::vector<std::string> tail(rows[0].begin() + plain.size(), rows[0].end());
  EXPECT_THAT(
      tail,
      ElementsAre("comparison_nps_delta", "comparison_nps_ci_low",
                  "comparison_nps_ci_high", "comparison_nps_p",
                  "comparison_nps_other_n", "comparison_nps_other_value",
                  "comparison_csat_delta", "comparison_csat_ci_low",
                  "comparison_csat_ci_high", "comparison_csat_p",
                  "comparison_csat_other_n", "comparison_csat_other_value",
                  "comparison_ces_delta", "comparison_ces_ci_low",
                  "comparison_ces_ci_high", "comparison_ces_p",
                  "comparison_ces_other_n", "comparison_ces_other_value",
                  "comparison_ves_delta", "comparison_ves_ci_low",
                  "comparison_ves_ci_high", "comparison_ves_p",
                  "comparison_ves_other_n", "comparison_ves_other_value"));
  std::map<std::string, std::string> cell;
  for (size_t i = 0; i < rows[0].size(); ++i) cell[rows[0][i]] = rows[1][i];
  EXPECT_EQ(cell["comparison_nps_delta"], "-12.5");
  EXPECT_EQ(cell["comparison_nps_other_n"], "90");
  EXPECT_EQ(cell["comparison_ves_delta"], "");
  EXPECT_EQ(cell["comparison_ves_other_n"], "0");
  EXPECT_EQ(ScoresCsvHeader(kByChannel, true), rows[0]);
}

TEST(ScoresCompareTableTest, DeltaColumnPerMetricWithArrows) {
  std::vector<std::string> lines =
      Lines(PrintedScores(ComparedScores(), true, OutputFormat::kTable));
  ASSERT_GE(lines.size(), 3u);
  const std::string& header = lines[0];
  EXPECT_LT(header.find("NPS [95% CI]"), header.find("ΔNPS"));
  EXPECT_LT(header.find("ΔNPS"), header.find("CSAT% [95% CI]"));
  EXPECT_LT(header.find("ΔCSAT"), header.find("CES% [95% CI]"));
  EXPECT_LT(header.find("ΔCES"), header.find("VES% [95% CI]"));
  EXPECT_LT(header.find("ΔVES"), header.find("tickets"));
  EXPECT_THAT(lines[1], HasSubstr("-12.5 [-20.3, -4.8] ↓"));
  EXPECT_THAT(lines[1], HasSubstr("+20.0 [7.6, 32.4] ↑"));
  EXPECT_THAT(lines[1], HasSubstr("+3.0 [-5.0, 11.0]"));
  EXPECT_THAT(lines[1], Not(HasSubstr("11.0] ↑")));  // p 0.45: no arrow
  EXPECT_THAT(lines.back(), HasSubstr("p < 0.05"));
  // Columns stay aligned with the multi-byte Δ and arrows.
  EXPECT_EQ(DisplayWidth(lines[1]), DisplayWidth(lines[0]));
}

TEST(ScoresCompareTableTest, FormatsDeltas) {
  v1::Delta delta;
  EXPECT_EQ(FormatDelta(delta), "-");
  delta.set_delta(0.04);
  EXPECT_EQ(FormatDelta(delta), "0.0");
  delta.set_delta(2.26);
  delta.set_p(0.049);
  EXPECT_EQ(FormatDelta(delta), "+2.3 ↑");
  delta.set_p(0.05);
  EXPECT_EQ(FormatDelta(delta), "+2.3");
  delta.set_delta(-2.26);
  delta.set_ci_low(-4.01);
  delta.set_ci_high(-0.51);
  delta.set_p(0.01);
  EXPECT_EQ(FormatDelta(delta), "-2.3 [-4.0, -0.5] ↓");
}

}  // namespace
}  // namespace cxscore::client
