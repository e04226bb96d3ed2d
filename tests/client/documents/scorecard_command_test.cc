// `cxscore scorecard` and `cxscore scorecards` against the planted team of
// scorecard_world.h: golden Markdown and JSON (set CXSCORE_UPDATE_GOLDEN=1
// to rewrite them after an intended change, then review the diff), the
// content rules end to end, Dutch output, and usage errors.
#include "client/documents/scorecard_command.h"

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

const char kGoldenDir[] = "tests/client/testdata/scorecard/";

class ScorecardCommandTest : public ::testing::Test {
 protected:
  void SetUp() override { InstallScorecardWorld(server_.service()); }

  int Run(const std::string& agent, const std::string& format,
          const std::string& lang, std::string* out_text,
          std::string* err_text = nullptr, const std::string& output = "") {
    ScorecardCommandOptions options;
    options.agent = agent;
    options.output = output;
    options.document.format = format;
    options.document.lang = lang;
    options.document.now = WorldNow();
    options.document.call.server = server_.address();
    options.document.call.timeout = absl::Seconds(10);
    std::ostringstream out, err;
    auto stub = server_.NewStub();
    const int code = RunScorecardCommand(*stub, options, out, err);
    *out_text = out.str();
    if (err_text != nullptr) *err_text = err.str();
    return code;
  }

  nlohmann::json Json(const std::string& agent,
                      const std::string& lang = "en") {
    std::string out, err;
    EXPECT_EQ(Run(agent, "json", lang, &out, &err), kExitOk) << err;
    return nlohmann::json::parse(out);
  }

  ScriptedServer server_;
};

TEST_F(ScorecardCommandTest, MarkdownAndJsonMatchGoldenFiles) {
  for (const char* agent : {"ann", "bob"}) {
    for (const char* lang : {"en", "nl"}) {
      std::string out, err;
      ASSERT_EQ(Run(agent, "", lang, &out, &err), kExitOk) << err;
      ExpectMatchesGolden(kGoldenDir, std::string(agent) + "." + lang + ".md",
                          out);
      ASSERT_EQ(Run(agent, "json", lang, &out, &err), kExitOk) << err;
      ExpectMatchesGolden(kGoldenDir, std::string(agent) + "." + lang + ".json",
                          out);
    }
  }
}

TEST_F(ScorecardCommandTest, JsonHasTheShapeOfTheIssue) {
  const nlohmann::json j = Json("ann");
  EXPECT_EQ(j["agent"], "ann");
  EXPECT_EQ(j["team"], "blue");
  EXPECT_EQ(j["period"]["from"], "2025-03-01");
  EXPECT_EQ(j["period"]["to"], "2025-03-30");
  for (const char* m : {"nps", "csat", "ces", "ves"}) {
    const nlohmann::json& metric = j["metrics"][m];
    for (const char* field : {"n", "value", "ci_low", "ci_high", "adjusted",
                              "team_value", "judgement"}) {
      EXPECT_TRUE(metric.contains(field)) << m << "." << field;
    }
    const std::string judgement = metric["judgement"];
    EXPECT_THAT(judgement, ::testing::AnyOf("better", "in_line", "worse"));
  }
  EXPECT_EQ(j["metrics"]["nps"]["n"], 68);
  EXPECT_DOUBLE_EQ(j["metrics"]["nps"]["adjusted"], 27.9);
  for (const char* k : {"time_to_first_response", "time_to_close",
                        "first_contact_resolution", "reopens"}) {
    EXPECT_TRUE(j["kpis"].contains(k)) << k;
  }
  for (const char* list : {"strengths", "focus", "comments", "warnings"}) {
    EXPECT_TRUE(j[list].is_array()) << list;
  }
}

TEST_F(ScorecardCommandTest, SlowCloserGetsOneFocusPointAboutTimeToClose) {
  const nlohmann::json j = Json("ann");
  ASSERT_EQ(j["focus"].size(), 1u) << j["focus"].dump(2);
  EXPECT_EQ(j["focus"][0]["subject"], "kpi");
  EXPECT_EQ(j["focus"][0]["name"], "time_to_close");
  EXPECT_EQ(j["focus"][0]["title"], "Close tickets sooner");
  EXPECT_THAT(std::string(j["focus"][0]["text"]), HasSubstr("14h 00m"));
  EXPECT_EQ(j["focus"][0]["driver"]["metric"], "ces");
  EXPECT_EQ(j["kpis"]["time_to_close"]["judgement"], "worse");
  EXPECT_EQ(j["strengths"].size(), 0u);
}

TEST_F(ScorecardCommandTest, FastWellRatedAgentGetsNoInventedWeaknesses) {
  const nlohmann::json j = Json("bob");
  EXPECT_EQ(j["focus"].size(), 0u) << j["focus"].dump(2);
  ASSERT_EQ(j["strengths"].size(), 1u);
  EXPECT_EQ(j["metrics"]["csat"]["judgement"], "better");
  EXPECT_EQ(j["kpis"]["time_to_close"]["judgement"], "better");
}

TEST_F(ScorecardCommandTest, CommentsCarryNoCustomerOrResponseIds) {
  const nlohmann::json j = Json("ann");
  ASSERT_EQ(j["comments"].size(), 3u);
  EXPECT_EQ(j["comments"][0]["kind"], "detractor");
  EXPECT_EQ(j["comments"][0]["date"], "2025-03-27");
  EXPECT_EQ(j["comments"][2]["kind"], "promoter");
  const std::string text = j["comments"].dump();
  EXPECT_THAT(text, Not(HasSubstr("r-901")));
  EXPECT_THAT(text, Not(HasSubstr("customer")));
}

TEST_F(ScorecardCommandTest, WarnsAboutOtherTeamsAndThinMetrics) {
  const nlohmann::json j = Json("ann");
  std::vector<std::string> codes;
  for (const auto& w : j["warnings"]) codes.push_back(w["code"]);
  EXPECT_THAT(codes, ::testing::Contains("other_teams"));
  EXPECT_THAT(codes, Not(::testing::Contains("no_drivers")));
}

TEST_F(ScorecardCommandTest, DutchHasDutchLabelsAndDecimalCommas) {
  std::string out, err;
  ASSERT_EQ(Run("ann", "md", "nl", &out, &err), kExitOk) << err;
  EXPECT_THAT(out, HasSubstr("Klantbeoordelingen"));
  EXPECT_THAT(out, HasSubstr("Aandachtspunten"));
  EXPECT_THAT(out, HasSubstr("Rond tickets sneller af"));
  EXPECT_THAT(out, HasSubstr("1 maart 2025"));
  EXPECT_THAT(out, HasSubstr("81,2%"));  // CSAT 52 of 64
  // No decimal point anywhere: every number uses the comma.
  EXPECT_FALSE(std::regex_search(out, std::regex("[0-9]\\.[0-9]")))
      << std::smatch().str();
  EXPECT_THAT(out, Not(HasSubstr("Customer ratings")));
  // JSON numbers stay JSON; the sentences are Dutch.
  const nlohmann::json j = Json("ann", "nl");
  EXPECT_THAT(std::string(j["focus"][0]["text"]), HasSubstr("Mediaan"));
  EXPECT_THAT(std::string(j["focus"][0]["text"]), HasSubstr("4,0×"));
}

TEST_F(ScorecardCommandTest, AskedTheServerForTheRightPeriodAndGroups) {
  std::string out;
  ASSERT_EQ(Run("ann", "json", "en", &out), kExitOk);
  const std::vector<std::string> calls = server_.service().calls();
  // 2025-03-01T00:00Z .. 2025-03-31T00:00Z (exclusive).
  ASSERT_FALSE(calls.empty());
  EXPECT_THAT(calls[0], HasSubstr("group_by: DIMENSION_TEAM"));
  EXPECT_THAT(calls[0], HasSubstr("seconds: 1740787200"));
  EXPECT_THAT(calls[0], HasSubstr("seconds: 1743379200"));
  bool rest = false, drivers = false;
  for (const std::string& c : calls) {
    // The rest of the team: the team without ann, its agents counted.
    rest |= c.find("GetScores") == 0 &&
            c.find("teams: \"blue\"") != std::string::npos &&
            c.find("exclude_agents: \"ann\"") != std::string::npos &&
            c.find("count_agents: true") != std::string::npos;
    // Drivers over the 90 days ending 2025-03-30: from 2024-12-31.
    drivers |= c.find("GetDrivers") == 0 &&
               c.find("seconds: 1735603200") != std::string::npos;
  }
  EXPECT_TRUE(rest);
  EXPECT_TRUE(drivers);
}

TEST_F(ScorecardCommandTest, ServerWithoutListCommentsStillGivesAScorecard) {
  ScriptedServer old;
  InstallScorecardWorld(old.service(), /*comments=*/false);
  ScorecardCommandOptions options;
  options.agent = "ann";
  options.document.format = "json";
  options.document.now = WorldNow();
  options.document.call.server = old.address();
  std::ostringstream out, err;
  auto stub = old.NewStub();
  ASSERT_EQ(RunScorecardCommand(*stub, options, out, err), kExitOk)
      << err.str();
  const nlohmann::json j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["comments"].size(), 0u);
  bool noted = false;
  for (const auto& w : j["warnings"]) {
    noted |= w["code"] == "comments_unavailable" &&
             std::string(w["text"]).find("ListComments") != std::string::npos;
  }
  EXPECT_TRUE(noted) << j["warnings"].dump(2);
}

TEST_F(ScorecardCommandTest, UsageErrorsExitTwoBeforeAnyCall) {
  std::string out, err;
  EXPECT_EQ(Run("ann", "html", "en", &out, &err), kExitFailure);
  EXPECT_THAT(err, HasSubstr("-o FILE"));
  EXPECT_EQ(Run("ann", "table", "en", &out, &err), kExitFailure);
  EXPECT_THAT(err, HasSubstr("expected md, json, html or pdf"));
  EXPECT_EQ(Run("ann", "md", "fr", &out, &err), kExitFailure);
  EXPECT_THAT(err, HasSubstr("--lang"));
  EXPECT_TRUE(server_.service().calls().empty());
}

TEST_F(ScorecardCommandTest, UnknownAgentExitsTwo) {
  std::string out, err;
  EXPECT_EQ(Run("zed", "md", "en", &out, &err), kExitFailure);
  EXPECT_THAT(err, HasSubstr("agent \"zed\" has no responses or tickets"));
  EXPECT_TRUE(out.empty());
}

TEST_F(ScorecardCommandTest, PdfWithoutChromiumIsAClearUsageError) {
  setenv("CXSCORE_CHROMIUM", "/nonexistent/chromium", 1);
  std::string out, err;
  EXPECT_EQ(Run("ann", "pdf", "en", &out, &err, "/tmp/x.pdf"), kExitFailure);
  unsetenv("CXSCORE_CHROMIUM");
  EXPECT_THAT(err, HasSubstr("PDF output needs Chromium"));
  EXPECT_THAT(err, HasSubstr("apt-get install chromium"));
}

TEST_F(ScorecardCommandTest, HtmlIsOneSelfContainedAccessiblePage) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "cxscore-scorecard-html-test";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "ann.html").string();
  std::string out, err;
  ASSERT_EQ(Run("ann", "html", "en", &out, &err, path), kExitOk) << err;
  const std::string html = ReadFile(path);
  EXPECT_THAT(html, HasSubstr("<html lang=\"en\">"));
  EXPECT_THAT(html, HasSubstr("<h1>ann</h1>"));
  EXPECT_THAT(html, HasSubstr("@page"));
  EXPECT_THAT(html, HasSubstr("role=\"img\""));
  EXPECT_THAT(html, HasSubstr("<title id=\"trend-nps-title\">"));
  EXPECT_THAT(html, HasSubstr("<th scope=\"col\">"));
  // Nothing from the network, no scripts.
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("http://")))
      << "only the SVG namespace may name a URL";
  EXPECT_THAT(html, Not(HasSubstr("https://")));
  EXPECT_THAT(html, Not(HasSubstr("url(")));
  // Data is escaped.
  EXPECT_THAT(html, HasSubstr("three times &lt;again&gt;."));
  std::filesystem::remove_all(dir);
}

TEST_F(ScorecardCommandTest, ScorecardsWritesOneFilePerAgentAndAnIndex) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "cxscore-scorecards-test";
  std::filesystem::remove_all(dir);
  ScorecardsCommandOptions options;
  options.team = "blue";
  options.out_dir = dir.string();
  options.document.now = WorldNow();
  options.document.call.server = server_.address();
  std::ostringstream out, err;
  auto stub = server_.NewStub();
  ASSERT_EQ(RunScorecardsCommand(*stub, options, out, err), kExitOk)
      << err.str();
  for (const char* agent : {"ann", "bob", "cat", "dan"}) {
    EXPECT_TRUE(std::filesystem::exists(dir / (std::string(agent) + ".html")))
        << agent;
  }
  const std::string index = ReadFile((dir / "index.html").string());
  EXPECT_THAT(index, HasSubstr("<a href=\"ann.html\">ann</a>"));
  EXPECT_THAT(index, HasSubstr("Close tickets sooner"));
  EXPECT_THAT(out.str(), HasSubstr("index.html"));
  std::filesystem::remove_all(dir);
}

TEST(ScorecardArgsTest, PeriodDefaultsAndChecks) {
  const int32_t today = 20177;  // 2025-03-30
  EXPECT_EQ(*ParseDayRange("", "", today), (DayRange{20148, 20177}));
  EXPECT_EQ(*ParseDayRange("2025-03-10", "", today), (DayRange{20157, 20177}));
  EXPECT_EQ(*ParseDayRange("", "2025-02-28", today), (DayRange{20118, 20147}));
  EXPECT_FALSE(ParseDayRange("2025-03-10", "2025-03-01", today).ok());
  EXPECT_FALSE(ParseDayRange("10/03/2025", "", today).ok());
  EXPECT_EQ(SafeFileStem("ann"), "ann");
  EXPECT_EQ(SafeFileStem("../x y"), "_.._x_y");
  EXPECT_EQ(SafeFileStem(""), "_");
}

}  // namespace
}  // namespace cxscore::client
