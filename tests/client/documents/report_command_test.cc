// `cxscore report` against the planted team of scorecard_world.h: golden
// Markdown and JSON (CXSCORE_UPDATE_GOLDEN=1 rewrites them), content, Dutch.
#include "client/documents/report_command.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "client/exit_codes.h"
#include "nlohmann/json.hpp"
#include "tests/client/documents/scorecard_world.h"
#include "tests/client/documents/scripted_cxscore_service.h"
#include "tests/client/golden_file.h"

namespace cxscore::client {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const char kGoldenDir[] = "tests/client/testdata/report/";

class ReportCommandTest : public ::testing::Test {
 protected:
  void SetUp() override { InstallScorecardWorld(server_.service()); }

  int Run(const std::string& format, const std::string& lang,
          std::string* out_text, std::string* err_text = nullptr,
          const std::string& output = "") {
    ReportCommandOptions options;
    options.teams = {"blue"};
    options.output = output;
    options.document.format = format;
    options.document.lang = lang;
    options.document.now = WorldNow();
    options.document.call.server = server_.address();
    std::ostringstream out, err;
    auto stub = server_.NewStub();
    const int code = RunReportCommand(*stub, options, out, err);
    *out_text = out.str();
    if (err_text != nullptr) *err_text = err.str();
    return code;
  }

  ScriptedServer server_;
};

TEST_F(ReportCommandTest, MarkdownAndJsonMatchGoldenFiles) {
  for (const char* lang : {"en", "nl"}) {
    std::string out, err;
    ASSERT_EQ(Run("", lang, &out, &err), kExitOk) << err;
    ExpectMatchesGolden(kGoldenDir, std::string("blue.") + lang + ".md", out);
    ASSERT_EQ(Run("json", lang, &out, &err), kExitOk) << err;
    ExpectMatchesGolden(kGoldenDir, std::string("blue.") + lang + ".json", out);
  }
}

TEST_F(ReportCommandTest, JsonHasChannelsTrendDriversAttentionAndNotes) {
  std::string out, err;
  ASSERT_EQ(Run("json", "en", &out, &err), kExitOk) << err;
  const nlohmann::json j = nlohmann::json::parse(out);
  EXPECT_EQ(j["filters"]["teams"][0], "blue");
  ASSERT_EQ(j["channels"].size(), 4u);
  EXPECT_EQ(j["channels"][0]["channel"], "chat");
  EXPECT_TRUE(j["channels"][3]["channel"].is_null());  // unattributed last
  EXPECT_DOUBLE_EQ(j["channels"][1]["time_to_close_s"]["p50"], 9 * 3600.0);
  EXPECT_EQ(j["trend"]["nps"].size(), 3u);
  EXPECT_EQ(j["trend"]["nps"][1]["channel"], "email");
  EXPECT_EQ(j["trend"]["nps"][1]["points"][3]["change"], "drop");
  EXPECT_EQ(j["drivers"]["ranking"][0]["metric"], "ces");
  EXPECT_THAT(std::string(j["drivers"]["summary"]),
              HasSubstr("CES moves most with service: with time to close"));
  ASSERT_EQ(j["attention"].size(), 1u);
  EXPECT_EQ(j["attention"][0]["agent"], "ann");
  EXPECT_EQ(j["attention"][0]["metric"], "ces");
  std::vector<std::string> codes;
  for (const auto& n : j["notes"]) codes.push_back(n["code"]);
  EXPECT_THAT(codes, ::testing::Contains("unattributed_responses"));
  EXPECT_THAT(codes, ::testing::Contains("unattributed_tickets"));
  EXPECT_EQ(j["warnings"].size(), 0u);
}

TEST_F(ReportCommandTest, DutchHasDutchLabelsAndDecimalCommas) {
  std::string out, err;
  ASSERT_EQ(Run("md", "nl", &out, &err), kExitOk) << err;
  EXPECT_THAT(out, HasSubstr("# Teamrapport"));
  EXPECT_THAT(out, HasSubstr("Per kanaal"));
  EXPECT_THAT(out, HasSubstr("Medewerkers die aandacht nodig hebben"));
  EXPECT_THAT(out, HasSubstr("met de doorlooptijd tot afsluiten"));
  EXPECT_FALSE(std::regex_search(out, std::regex("[0-9]\\.[0-9]")));
  EXPECT_THAT(out, Not(HasSubstr("Per channel")));
}

TEST_F(ReportCommandTest, HtmlNeedsAFileAndIsSelfContained) {
  std::string out, err;
  EXPECT_EQ(Run("html", "en", &out, &err), kExitFailure);
  EXPECT_THAT(err, HasSubstr("-o FILE"));
  const std::string path = testing::TempDir() + "/report.html";
  ASSERT_EQ(Run("html", "en", &out, &err, path), kExitOk) << err;
  const std::string html = ReadFile(path);
  EXPECT_THAT(html, HasSubstr("<h1>Team report</h1>"));
  EXPECT_THAT(html, HasSubstr("report-trend-nps-title"));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("http")));
}

TEST_F(ReportCommandTest, OlderServerStillGetsAReport) {
  ScriptedServer old;
  InstallScorecardWorld(old.service());
  old.service().get_drivers = nullptr;
  old.service().get_trend = nullptr;
  ReportCommandOptions options;
  options.teams = {"blue"};
  options.document.format = "json";
  options.document.now = WorldNow();
  options.document.call.server = old.address();
  std::ostringstream out, err;
  auto stub = old.NewStub();
  ASSERT_EQ(RunReportCommand(*stub, options, out, err), kExitOk) << err.str();
  const nlohmann::json j = nlohmann::json::parse(out.str());
  std::vector<std::string> codes;
  for (const auto& w : j["warnings"]) codes.push_back(w["code"]);
  EXPECT_THAT(codes, ::testing::ElementsAre("trend_unavailable",
                                            "drivers_unavailable"));
  EXPECT_EQ(j["drivers"]["ranking"].size(), 0u);
}

}  // namespace
}  // namespace cxscore::client
