// JSON, CSV and table rendering of hand-built GetTrend responses.
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

}  // namespace
}  // namespace cxscore::client
