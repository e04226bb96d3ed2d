// JSON, CSV and table rendering of a hand-built GetScoresResponse.
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "client/commands/agents_command.h"
#include "client/commands/drivers_command.h"
#include "client/commands/scores_command.h"
#include "client/commands/trend_command.h"
#include "client/import/csv_reader.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace cxscore::client {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using Json = nlohmann::json;

const double kThird = 100.0 / 3.0;  // not representable in few digits

// Group 1: channel "email", agent unattributed, most metrics present.
// Group 2: channel unattributed, agent "a1", nothing measured.
v1::GetScoresResponse SampleResponse() {
  v1::GetScoresResponse response;
  v1::GroupScores* g = response.add_groups();
  v1::KeyPart* part = g->add_key();
  part->set_dimension(v1::DIMENSION_CHANNEL);
  part->set_value("email");
  g->add_key()->set_dimension(v1::DIMENSION_AGENT);  // value unset

  v1::NpsScore* nps = g->mutable_nps();
  nps->set_n(3);
  nps->set_value(kThird);
  nps->set_ci_low(-26.74);
  nps->set_ci_high(71.19);
  nps->set_promoters(2);
  nps->set_passives(0);
  nps->set_detractors(1);

  v1::ProportionScore* csat = g->mutable_csat();
  csat->set_n(10);
  csat->set_value(80);
  csat->set_ci_low(49.01);
  csat->set_ci_high(94.33);
  csat->set_mean(4.1);
  csat->set_mean_ci_low(3.5);
  csat->set_mean_ci_high(4.7);

  g->mutable_ces()->set_n(0);

  v1::VesScore* ves = g->mutable_ves();
  ves->mutable_score()->set_n(2);
  ves->mutable_score()->set_value(50);
  ves->set_ability_mean(5.5);

  v1::ServiceStats* service = g->mutable_service();
  service->set_interactions(4);
  service->set_closed(3);
  service->mutable_time_to_close()->set_n(3);
  service->mutable_time_to_close()->set_mean(3600);
  service->mutable_time_to_close()->set_p50(1800);
  service->mutable_time_to_close()->set_p90(7200);
  service->set_fcr_rate(75);
  service->set_reopen_rate(25);

  v1::GroupScores* empty = response.add_groups();
  empty->add_key()->set_dimension(v1::DIMENSION_CHANNEL);
  part = empty->add_key();
  part->set_dimension(v1::DIMENSION_AGENT);
  part->set_value("a1");
  return response;
}

const std::vector<v1::Dimension> kDims = {v1::DIMENSION_CHANNEL,
                                          v1::DIMENSION_AGENT};

std::vector<std::string> Keys(const Json& object) {
  std::vector<std::string> keys;
  for (auto it = object.begin(); it != object.end(); ++it) {
    keys.push_back(it.key());
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

// The JSON as another program reads it: the printed text, parsed.
Json PrintedJson(const v1::GetScoresResponse& response) {
  std::ostringstream out;
  WriteScores(response, kDims, /*compared=*/false, OutputFormat::kJson, out);
  return Json::parse(out.str());
}

TEST(ScoresJsonTest, TopLevelShape) {
  Json json = PrintedJson(SampleResponse());
  EXPECT_THAT(Keys(json), ElementsAre("groups"));
  ASSERT_EQ(json["groups"].size(), 2u);
  EXPECT_THAT(Keys(json["groups"][0]),
              ElementsAre("ces", "csat", "key", "nps", "service", "ves"));
}

TEST(ScoresJsonTest, KeyHoldsGroupedDimensionsWithNullForUnattributed) {
  Json json = PrintedJson(SampleResponse());
  EXPECT_EQ(json["groups"][0]["key"],
            Json::parse(R"({"channel": "email", "agent": null})"));
  EXPECT_EQ(json["groups"][1]["key"],
            Json::parse(R"({"channel": null, "agent": "a1"})"));
  EXPECT_TRUE(json["groups"][0]["key"]["agent"].is_null());
}

TEST(ScoresJsonTest, KeyIsAnEmptyObjectWithoutGrouping) {
  v1::GetScoresResponse response;
  response.add_groups()->mutable_nps()->set_n(1);
  Json json = ScoresToJson(response);
  EXPECT_TRUE(json["groups"][0]["key"].is_object());
  EXPECT_TRUE(json["groups"][0]["key"].empty());
  EXPECT_EQ(json["groups"][0]["key"].dump(), "{}");
}

TEST(ScoresJsonTest, NoGroupsIsAnEmptyList) {
  Json json = PrintedJson(v1::GetScoresResponse());
  EXPECT_EQ(json, Json::parse(R"({"groups": []})"));
}

TEST(ScoresJsonTest, NpsFields) {
  Json nps = PrintedJson(SampleResponse())["groups"][0]["nps"];
  EXPECT_THAT(Keys(nps), ElementsAre("ci_high", "ci_low", "detractors", "n",
                                     "passives", "promoters", "value"));
  EXPECT_EQ(nps["n"], 3);
  EXPECT_EQ(nps["value"].get<double>(), kThird);  // unrounded, bit for bit
  EXPECT_EQ(nps["ci_low"].get<double>(), -26.74);
  EXPECT_EQ(nps["ci_high"].get<double>(), 71.19);
  EXPECT_EQ(nps["promoters"], 2);
  EXPECT_EQ(nps["passives"], 0);
  EXPECT_EQ(nps["detractors"], 1);
}

TEST(ScoresJsonTest, ProportionFields) {
  Json group = PrintedJson(SampleResponse())["groups"][0];
  std::vector<std::string> proportion_keys = {
      "ci_high", "ci_low", "mean", "mean_ci_high", "mean_ci_low", "n", "value"};
  EXPECT_THAT(Keys(group["csat"]), ElementsAreArray(proportion_keys));
  EXPECT_THAT(Keys(group["ces"]), ElementsAreArray(proportion_keys));
  EXPECT_EQ(group["csat"]["n"], 10);
  EXPECT_EQ(group["csat"]["value"].get<double>(), 80.0);
  EXPECT_EQ(group["csat"]["ci_low"].get<double>(), 49.01);
  EXPECT_EQ(group["csat"]["mean"].get<double>(), 4.1);
  EXPECT_EQ(group["csat"]["mean_ci_high"].get<double>(), 4.7);
}

TEST(ScoresJsonTest, UnsetValuesAreNullNotZero) {
  Json group = PrintedJson(SampleResponse())["groups"][0];
  EXPECT_EQ(group["ces"]["n"], 0);
  for (const char* field : {"value", "ci_low", "ci_high", "mean"}) {
    EXPECT_TRUE(group["ces"][field].is_null()) << field;
  }
  EXPECT_TRUE(group["ves"]["confidence_mean"].is_null());
  EXPECT_TRUE(group["ves"]["ci_low"].is_null());
  EXPECT_TRUE(group["service"]["time_to_first_response_s"]["p50"].is_null());
  EXPECT_TRUE(group["service"]["mean_transfers"].is_null());
  Json empty = PrintedJson(SampleResponse())["groups"][1];
  EXPECT_EQ(empty["nps"]["n"], 0);
  EXPECT_TRUE(empty["nps"]["value"].is_null());
  EXPECT_EQ(empty["nps"]["promoters"], 0);
  EXPECT_EQ(empty["service"]["interactions"], 0);
  EXPECT_TRUE(empty["service"]["fcr_rate"].is_null());
}

TEST(ScoresJsonTest, VesFields) {
  Json ves = PrintedJson(SampleResponse())["groups"][0]["ves"];
  EXPECT_THAT(Keys(ves), ElementsAre("ability_mean", "ci_high", "ci_low",
                                     "confidence_mean", "mean", "mean_ci_high",
                                     "mean_ci_low", "n", "value"));
  EXPECT_EQ(ves["n"], 2);
  EXPECT_EQ(ves["value"].get<double>(), 50.0);
  EXPECT_EQ(ves["ability_mean"].get<double>(), 5.5);
}

TEST(ScoresJsonTest, ServiceFields) {
  Json service = PrintedJson(SampleResponse())["groups"][0]["service"];
  EXPECT_THAT(Keys(service),
              ElementsAre("closed", "fcr_rate", "interactions",
                          "mean_transfers", "reopen_rate", "time_to_close_s",
                          "time_to_first_response_s"));
  EXPECT_EQ(service["interactions"], 4);
  EXPECT_EQ(service["closed"], 3);
  EXPECT_THAT(Keys(service["time_to_close_s"]),
              ElementsAre("mean", "p50", "p90"));
  EXPECT_THAT(Keys(service["time_to_first_response_s"]),
              ElementsAre("mean", "p50", "p90"));
  EXPECT_EQ(service["time_to_close_s"]["mean"].get<double>(), 3600.0);
  EXPECT_EQ(service["time_to_close_s"]["p50"].get<double>(), 1800.0);
  EXPECT_EQ(service["time_to_close_s"]["p90"].get<double>(), 7200.0);
  EXPECT_EQ(service["fcr_rate"].get<double>(), 75.0);
  EXPECT_EQ(service["reopen_rate"].get<double>(), 25.0);
}

TEST(ScoresJsonTest, InvalidUtf8FromTheServerDoesNotThrow) {
  v1::GetScoresResponse response;
  v1::KeyPart* part = response.add_groups()->add_key();
  part->set_dimension(v1::DIMENSION_AGENT);
  part->set_value("bad\xFF");
  std::ostringstream out;
  EXPECT_NO_THROW(WriteScores(response, {v1::DIMENSION_AGENT}, false,
                              OutputFormat::kJson, out));
  EXPECT_NO_THROW(Json::parse(out.str()));
}

std::vector<std::vector<std::string>> PrintedCsv(
    const v1::GetScoresResponse& response,
    const std::vector<v1::Dimension>& dims) {
  std::ostringstream out;
  WriteScores(response, dims, /*compared=*/false, OutputFormat::kCsv, out);
  std::istringstream in(out.str());
  CsvReader reader(&in);
  std::vector<std::vector<std::string>> rows;
  CsvRecord record;
  while (reader.Next(&record)) rows.push_back(record.fields);
  return rows;
}

TEST(ScoresCsvTest, HeaderIsDimensionsThenJsonPaths) {
  auto rows = PrintedCsv(SampleResponse(), kDims);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_THAT(
      rows[0],
      ElementsAre(
          "channel", "agent", "nps_n", "nps_value", "nps_ci_low", "nps_ci_high",
          "nps_promoters", "nps_passives", "nps_detractors", "csat_n",
          "csat_value", "csat_ci_low", "csat_ci_high", "csat_mean",
          "csat_mean_ci_low", "csat_mean_ci_high", "ces_n", "ces_value",
          "ces_ci_low", "ces_ci_high", "ces_mean", "ces_mean_ci_low",
          "ces_mean_ci_high", "ves_n", "ves_value", "ves_ci_low", "ves_ci_high",
          "ves_mean", "ves_mean_ci_low", "ves_mean_ci_high", "ves_ability_mean",
          "ves_confidence_mean", "service_interactions", "service_closed",
          "service_time_to_close_s_mean", "service_time_to_close_s_p50",
          "service_time_to_close_s_p90",
          "service_time_to_first_response_s_mean",
          "service_time_to_first_response_s_p50",
          "service_time_to_first_response_s_p90", "service_fcr_rate",
          "service_reopen_rate", "service_mean_transfers"));
}

TEST(ScoresCsvTest, RowsHoldUnroundedValuesAndEmptyForNull) {
  auto rows = PrintedCsv(SampleResponse(), kDims);
  ASSERT_EQ(rows.size(), 3u);
  std::map<std::string, std::string> first;
  std::map<std::string, std::string> second;
  for (size_t i = 0; i < rows[0].size(); ++i) {
    ASSERT_EQ(rows[1].size(), rows[0].size());
    first[rows[0][i]] = rows[1][i];
    second[rows[0][i]] = rows[2][i];
  }
  EXPECT_EQ(first["channel"], "email");
  EXPECT_EQ(first["agent"], "");  // unattributed
  EXPECT_EQ(first["nps_n"], "3");
  EXPECT_EQ(std::stod(first["nps_value"]), kThird);
  EXPECT_EQ(first["nps_ci_low"], "-26.74");
  EXPECT_EQ(first["csat_mean"], "4.1");
  EXPECT_EQ(first["ces_n"], "0");
  EXPECT_EQ(first["ces_value"], "");
  EXPECT_EQ(first["service_time_to_close_s_p50"], "1800.0");
  EXPECT_EQ(first["service_time_to_first_response_s_p50"], "");
  EXPECT_EQ(second["channel"], "");
  EXPECT_EQ(second["agent"], "a1");
  EXPECT_EQ(second["nps_value"], "");
}

TEST(ScoresCsvTest, NoGroupsGivesTheHeaderOnly) {
  auto rows = PrintedCsv(v1::GetScoresResponse(), {v1::DIMENSION_WEEK});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "week");
  EXPECT_EQ(rows[0][1], "nps_n");
  EXPECT_EQ(rows[0], ScoresCsvHeader({v1::DIMENSION_WEEK}));
}

TEST(ScoresCsvTest, UngroupedHasNoKeyColumns) {
  v1::GetScoresResponse response;
  response.add_groups()->mutable_nps()->set_n(7);
  auto rows = PrintedCsv(response, {});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], "nps_n");
  EXPECT_EQ(rows[1][0], "7");
}

std::vector<std::string> PrintedTable(const v1::GetScoresResponse& response,
                                      const std::vector<v1::Dimension>& dims) {
  std::ostringstream out;
  WriteScores(response, dims, /*compared=*/false, OutputFormat::kTable, out);
  std::vector<std::string> lines = absl::StrSplit(out.str(), '\n');
  EXPECT_EQ(lines.back(), "");  // ends with a newline
  lines.pop_back();
  return lines;
}

TEST(ScoresTableTest, RoundedAlignedRows) {
  std::vector<std::string> lines = PrintedTable(SampleResponse(), kDims);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_THAT(lines[0], testing::StartsWith("channel  agent"));
  EXPECT_THAT(lines[0], HasSubstr("NPS [95% CI]"));
  EXPECT_THAT(lines[1], testing::StartsWith("email    (none)"));
  EXPECT_THAT(lines[1], HasSubstr("33.3 [-26.7, 71.2]"));
  EXPECT_THAT(lines[1], HasSubstr("80.0 [49.0, 94.3]"));
  EXPECT_THAT(lines[1], HasSubstr("30m 00s"));
  EXPECT_THAT(lines[1], HasSubstr("75.0"));
  EXPECT_THAT(lines[2], testing::StartsWith("(none)   a1"));
  // Numbers are right-aligned, so every line has the same width.
  EXPECT_EQ(lines[1].size(), lines[0].size());
  EXPECT_EQ(lines[2].size(), lines[0].size());
  // Columns line up: the NPS cell of row 1 ends where the title ends.
  size_t title_end =
      lines[0].find("NPS [95% CI]") + std::string("NPS [95% CI]").size();
  EXPECT_EQ(lines[1].find("33.3 [-26.7, 71.2]") +
                std::string("33.3 [-26.7, 71.2]").size(),
            title_end);
}

TEST(ScoresTableTest, NoGroupsSaysSo) {
  std::vector<std::string> lines = PrintedTable(v1::GetScoresResponse(), {});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1], "(no records match)");
}

TEST(ScoresTableTest, FormatsNumbersForReading) {
  EXPECT_EQ(FormatOneDecimal(std::nullopt), "-");
  EXPECT_EQ(FormatOneDecimal(12.345), "12.3");
  EXPECT_EQ(FormatOneDecimal(-0.04), "0.0");
  EXPECT_EQ(FormatOneDecimal(-12.35), "-12.3");  // binary value below .35
  EXPECT_EQ(FormatWithInterval(50, std::nullopt, std::nullopt), "50.0");
  EXPECT_EQ(FormatWithInterval(std::nullopt, 1, 2), "-");
  EXPECT_EQ(FormatWithInterval(-5, -20.04, 10.06), "-5.0 [-20.0, 10.1]");
}

TEST(ScoresTableTest, FormatsDurationsForReading) {
  EXPECT_EQ(FormatDuration(std::nullopt), "-");
  EXPECT_EQ(FormatDuration(0), "0s");
  EXPECT_EQ(FormatDuration(44.6), "45s");
  EXPECT_EQ(FormatDuration(750), "12m 30s");
  EXPECT_EQ(FormatDuration(3 * 3600 + 5 * 60), "3h 05m");
  EXPECT_EQ(FormatDuration(2 * 86400 + 4 * 3600), "2d 04h");
}

TEST(OutputFormatTest, ParsesTheThreeNames) {
  EXPECT_EQ(*ParseOutputFormat("table"), OutputFormat::kTable);
  EXPECT_EQ(*ParseOutputFormat("json"), OutputFormat::kJson);
  EXPECT_EQ(*ParseOutputFormat("csv"), OutputFormat::kCsv);
  EXPECT_FALSE(ParseOutputFormat("yaml").ok());
  EXPECT_FALSE(ParseOutputFormat("JSON").ok());
}

// --by attr.plan,week: the attribute's column is "attr.plan" everywhere.
TEST(ScoresOutputTest, AttributeKeyIsNamedAttrDotName) {
  v1::GetScoresResponse response;
  v1::GroupScores* g = response.add_groups();
  v1::KeyPart* part = g->add_key();
  part->set_dimension(v1::DIMENSION_ATTRIBUTE);
  part->set_attribute("plan");
  part->set_value("gold");
  part = g->add_key();
  part->set_dimension(v1::DIMENSION_WEEK);
  part->set_value("2025-W10");
  g->mutable_nps()->set_n(4);
  Grouping grouping({v1::DIMENSION_ATTRIBUTE, v1::DIMENSION_WEEK});
  grouping.attributes = {"plan"};

  std::ostringstream json_out;
  WriteScores(response, grouping, false, OutputFormat::kJson, json_out);
  Json json = Json::parse(json_out.str());
  EXPECT_EQ(json["groups"][0]["key"],
            Json::parse(R"({"attr.plan": "gold", "week": "2025-W10"})"));
  EXPECT_EQ(json["groups"][0]["nps"]["n"], 4);

  std::ostringstream csv_out;
  WriteScores(response, grouping, false, OutputFormat::kCsv, csv_out);
  std::istringstream in(csv_out.str());
  CsvReader reader(&in);
  CsvRecord header, row;
  ASSERT_TRUE(reader.Next(&header));
  ASSERT_TRUE(reader.Next(&row));
  EXPECT_THAT(std::vector<std::string>(header.fields.begin(),
                                       header.fields.begin() + 3),
              ElementsAre("attr.plan", "week", "nps_n"));
  EXPECT_THAT(
      std::vector<std::string>(row.fields.begin(), row.fields.begin() + 3),
      ElementsAre("gold", "2025-W10", "4"));
  EXPECT_EQ(ScoresCsvHeader(grouping)[0], "attr.plan");

  std::ostringstream table_out;
  WriteScores(response, grouping, false, OutputFormat::kTable, table_out);
  std::vector<std::string> lines = absl::StrSplit(table_out.str(), '\n');
  ASSERT_GE(lines.size(), 2u);
  EXPECT_TRUE(absl::StartsWith(lines[0], "attr.plan")) << lines[0];
  EXPECT_TRUE(absl::StartsWith(lines[1], "gold")) << lines[1];
}

}  // namespace
}  // namespace cxscore::client
