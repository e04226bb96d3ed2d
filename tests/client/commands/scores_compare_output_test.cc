// JSON, CSV and table rendering of GetScores answers with a comparison
// (scores --compare).
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

const std::vector<v1::Dimension> kByChannel = {v1::DIMENSION_CHANNEL};

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
