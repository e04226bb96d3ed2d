// The cxscore binary's scorecard and scorecards commands (what main.cc adds:
// flags, the global --format, exit codes) against the planted team.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "tests/client/documents/scorecard_world.h"
#include "tests/client/documents/scripted_cxscore_service.h"
#include "tests/client/subprocess.h"

namespace cxscore::client {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

class ScorecardCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* dir = std::getenv("CXSCORE_BIN_DIR");
    if (dir == nullptr) GTEST_SKIP() << "CXSCORE_BIN_DIR is not set";
    binary_ = absl::StrCat(dir, "/cxscore");
    if (!std::filesystem::exists(binary_))
      GTEST_SKIP() << binary_ << " missing";
    InstallScorecardWorld(server_.service());
  }

  ProcessResult Cxscore(std::vector<std::string> args,
                        std::map<std::string, std::string> env = {}) {
    args.insert(args.begin(), {binary_, "--server", server_.address()});
    return RunProcess(args, env, {"CXSCORE_SERVER"});
  }

  std::string binary_;
  ScriptedServer server_;
};

// The binary uses the real clock for "today", so these tests pass dates.
TEST_F(ScorecardCliTest, MarkdownToStdoutByDefault) {
  ProcessResult r = Cxscore({"scorecard", "--agent", "ann", "--from",
                             "2025-03-01", "--to", "2025-03-30"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("# Scorecard ann\n"));
  EXPECT_THAT(r.out, HasSubstr("Close tickets sooner"));
}

TEST_F(ScorecardCliTest, GlobalFormatFlagBeforeOrAfterTheCommand) {
  for (const auto& args :
       {std::vector<std::string>{"--format", "json", "scorecard", "--agent",
                                 "bob", "--to", "2025-03-30"},
        std::vector<std::string>{"scorecard", "--agent", "bob", "--to",
                                 "2025-03-30", "--format", "json", "--lang",
                                 "nl"}}) {
    ProcessResult r = Cxscore(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const nlohmann::json j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["agent"], "bob");
    EXPECT_EQ(j["period"]["from"], "2025-03-01");
  }
}

TEST_F(ScorecardCliTest, UsageErrorsExitTwo) {
  ProcessResult r =
      Cxscore({"scorecard", "--agent", "ann", "--format", "html"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("-o FILE"));
  r = Cxscore({"scorecard", "--agent", "ann", "--format", "csv"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("expected md, json, html or pdf"));
  r = Cxscore({"scorecard"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--agent"));
  r = Cxscore({"scorecard", "--agent", "ann", "--format", "pdf", "-o",
               "/tmp/never.pdf"},
              {{"CXSCORE_CHROMIUM", "/nonexistent"}});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("needs Chromium"));
}

TEST_F(ScorecardCliTest, ScorecardsWritesTheFolder) {
  const std::string dir = testing::TempDir() + "/cli-scorecards";
  std::filesystem::remove_all(dir);
  ProcessResult r = Cxscore({"scorecards", "--team", "blue", "--out", dir,
                             "--to", "2025-03-30", "--format", "md"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(dir + "/ann.md"));
  EXPECT_TRUE(std::filesystem::exists(dir + "/index.html"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace cxscore::client
