// Runs the cxscore binary (built in $CXSCORE_BIN_DIR) against the fake
// service: flag parsing, environment, exit codes and output streams, i.e.
// what main.cc adds on top of the library.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/client/fake_cxscore_service.h"

extern char** environ;

namespace cxscore::client {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string TempPath(const std::string& name) {
  return (std::filesystem::path(testing::TempDir()) /
          absl::StrCat("cli-", name, "-", getpid()))
      .string();
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class CliTest : public testing::Test {
 protected:
  void SetUp() override {
    const char* dir = std::getenv("CXSCORE_BIN_DIR");
    if (dir == nullptr) GTEST_SKIP() << "CXSCORE_BIN_DIR is not set";
    binary_ = absl::StrCat(dir, "/cxscore");
    if (!std::filesystem::exists(binary_)) {
      GTEST_SKIP() << binary_ << " is not built";
    }
  }

  // Runs cxscore with `args`, `stdin_text` on its standard input, and the
  // test's environment without CXSCORE_SERVER plus `env`.
  CliResult Run(const std::vector<std::string>& args,
                const std::string& stdin_text = "",
                const std::map<std::string, std::string>& env = {}) {
    std::string in_path = TempPath("stdin");
    std::string out_path = TempPath("stdout");
    std::string err_path = TempPath("stderr");
    std::ofstream(in_path, std::ios::binary) << stdin_text;

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, in_path.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);

    std::vector<std::string> argv_text = {binary_};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : argv_text) argv.push_back(a.data());
    argv.push_back(nullptr);

    std::vector<std::string> env_text;
    for (char** e = environ; *e != nullptr; ++e) {
      if (!absl::StartsWith(*e, "CXSCORE_SERVER=")) env_text.push_back(*e);
    }
    for (const auto& [name, value] : env) {
      env_text.push_back(absl::StrCat(name, "=", value));
    }
    std::vector<char*> envp;
    for (std::string& e : env_text) envp.push_back(e.data());
    envp.push_back(nullptr);

    pid_t pid;
    CliResult result;
    int spawned = posix_spawn(&pid, binary_.c_str(), &actions, nullptr,
                              argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    EXPECT_EQ(spawned, 0);
    if (spawned != 0) return result;
    int status = 0;
    waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = ReadFile(out_path);
    result.err = ReadFile(err_path);
    return result;
  }

  std::string binary_;
  FakeServer server_;
};

TEST_F(CliTest, HelpExitsZeroAndShowsTheDefaultServer) {
  CliResult r = Run({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("import"));
  EXPECT_THAT(r.out, HasSubstr("scores"));
  EXPECT_THAT(r.out, HasSubstr("127.0.0.1:50051"));
  EXPECT_THAT(r.out, HasSubstr("CXSCORE_SERVER"));
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{
           {},
           {"import"},
           {"import", "responses"},
           {"import", "tickets", "x.csv"},
           {"scores", "--bogus"},
           {"scores", "extra"},
           {"--format", "yaml", "scores"},
           {"--timeout", "0", "scores"},
           {"--timeout", "soon", "scores"},
           {"scores", "--by", "agent,year"},
           {"scores", "--from", "2025-02-30"},
           {"scores", "--nps-interval", "exact"},
           {"import", "responses", "x.csv", "--batch-size", "0"},
           // scores --compare
           {"scores", "--compare", "previous"},
           {"scores", "--compare", "previous", "--from", "2025-03-01"},
           {"scores", "--compare", "previous", "--to", "2025-03-31"},
           {"scores", "--compare", "last-month"},
           {"scores", "--compare", ""},
           {"scores", "--compare", "2025-02-01..2025-01-01"},
           {"scores", "--compare"},
           // drivers
           {"drivers", "--kpi", "speed"},
           {"drivers", "--kpi", "reopens,reopens"},
           {"drivers", "--level", "team"},
           {"drivers", "--from", "2025-02-30"},
           {"drivers", "extra"},
           // trend
           {"trend", "--interval", "week"},
           {"trend", "--metric", "nps"},
           {"trend", "--metric", "fcr", "--interval", "week"},
           {"trend", "--metric", "nps", "--interval", "quarter"},
           {"trend", "--metric", "nps", "--interval", "week", "--by", "day"},
           {"trend", "--metric", "nps", "--interval", "week", "--by", "plan"},
           {"trend", "--metric", "nps", "--interval", "week", "--nps-interval",
            "exact"},
           // agents
           {"agents"},
           {"agents", "--rank-by", "fcr"},
           {"agents", "--rank-by", "nps", "--to", "yesterday"},
           {"agents", "--rank-by", "nps", "--by", "team"}}) {
    CliResult r = Run(args);
    EXPECT_EQ(r.exit_code, 2) << testing::PrintToString(args) << r.err;
    EXPECT_THAT(r.out, IsEmpty()) << testing::PrintToString(args);
    EXPECT_THAT(r.err, Not(IsEmpty())) << testing::PrintToString(args);
  }
  // No call was made for any of them.
  EXPECT_EQ(server_.service().seen().calls, 0);
}

TEST_F(CliTest, ScoresFlagsReachTheServer) {
  v1::GroupScores* group = server_.service().scores_response.add_groups();
  v1::KeyPart* part = group->add_key();
  part->set_dimension(v1::DIMENSION_CHANNEL);
  part->set_value("email");
  CliResult r = Run({"--server",
                     server_.address(),
                     "--format",
                     "json",
                     "scores",
                     "--by",
                     "channel,agent",
                     "--by",
                     "week",
                     "--from",
                     "2025-02-01",
                     "--to",
                     "2025-02-28T12:00:00Z",
                     "--agent",
                     "a1",
                     "--agent",
                     "",
                     "--team",
                     "t1",
                     "--channel",
                     "email",
                     "--channel",
                     "chat",
                     "--nps-interval",
                     "wald"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, IsEmpty());
  v1::GetScoresRequest request = server_.service().seen().scores_request;
  EXPECT_THAT(request.group_by(),
              ElementsAre(v1::DIMENSION_CHANNEL, v1::DIMENSION_AGENT,
                          v1::DIMENSION_WEEK));
  EXPECT_EQ(request.from().seconds(), 1738368000);  // 2025-02-01T00:00:00Z
  EXPECT_EQ(request.to().seconds(), 1740744000);    // 2025-02-28T12:00:00Z
  EXPECT_THAT(request.agents(), ElementsAre("a1", ""));
  EXPECT_THAT(request.teams(), ElementsAre("t1"));
  EXPECT_THAT(request.channels(), ElementsAre("email", "chat"));
  EXPECT_EQ(request.nps_interval(), v1::NPS_INTERVAL_WALD);
  nlohmann::json json = nlohmann::json::parse(r.out);
  EXPECT_EQ(json["groups"][0]["key"]["channel"], "email");
}

TEST_F(CliTest, ScoresCompareReachesTheServer) {
  server_.service().scores_response.add_groups();
  CliResult r = Run({"--server", server_.address(), "--format", "json",
                     "scores", "--from", "2025-03-01", "--to", "2025-03-31",
                     "--compare", "previous"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  v1::GetScoresRequest request = server_.service().seen().scores_request;
  EXPECT_EQ(request.compare_from().seconds(), 1738108800);  // 2025-01-29
  EXPECT_EQ(request.compare_to().seconds(), 1740787200);    // 2025-03-01
  EXPECT_TRUE(nlohmann::json::parse(r.out)["groups"][0].contains("comparison"));

  r = Run({"--server", server_.address(), "scores", "--compare",
           "2024-03-01..2024-03-31T12:00:00Z", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  request = server_.service().seen().scores_request;
  EXPECT_EQ(request.compare_from().seconds(), 1709251200);  // 2024-03-01
  EXPECT_EQ(request.compare_to().seconds(), 1711886400);    // 03-31T12:00Z
  EXPECT_FALSE(request.has_from());
  EXPECT_THAT(r.out, HasSubstr(",comparison_nps_delta,"));
}

TEST_F(CliTest, DriversFlagsReachTheServer) {
  server_.service().drivers_response.set_verdict("Nothing moves.");
  CliResult r = Run({"--server",
                     server_.address(),
                     "drivers",
                     "--format",
                     "json",
                     "--kpi",
                     "time_to_close",
                     "--kpi",
                     "first_contact_resolution,time_to_first_response",
                     "--level",
                     "week",
                     "--from",
                     "2025-02-01",
                     "--to",
                     "2025-02-28",
                     "--agent",
                     "a1",
                     "--team",
                     "t1",
                     "--channel",
                     "chat",
                     "--channel",
                     ""});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, IsEmpty());
  v1::GetDriversRequest request = server_.service().seen().drivers_request;
  EXPECT_THAT(request.kpis(), ElementsAre(v1::KPI_TIME_TO_CLOSE,
                                          v1::KPI_FIRST_CONTACT_RESOLUTION,
                                          v1::KPI_TIME_TO_FIRST_RESPONSE));
  EXPECT_EQ(request.level(), v1::DRIVER_LEVEL_WEEK);
  EXPECT_EQ(request.selection().from().seconds(), 1738368000);
  EXPECT_EQ(request.selection().to().seconds(), 1740787200);
  EXPECT_THAT(request.selection().agents(), ElementsAre("a1"));
  EXPECT_THAT(request.selection().teams(), ElementsAre("t1"));
  EXPECT_THAT(request.selection().channels(), ElementsAre("chat", ""));
  EXPECT_EQ(
      nlohmann::json::parse(r.out),
      nlohmann::json::parse(
          R"({"pairs": [], "ranking": [], "verdict": "Nothing moves."})"));
}

TEST_F(CliTest, TrendFlagsReachTheServer) {
  v1::TrendSeries* series = server_.service().trend_response.add_series();
  series->add_points()->set_period("2025-02");
  CliResult r = Run({"--server", server_.address(), "--format", "csv", "trend",
                     "--metric", "ves", "--by", "agent,channel", "--interval",
                     "month", "--team", "t1", "--nps-interval", "wald"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  v1::GetTrendRequest request = server_.service().seen().trend_request;
  EXPECT_EQ(request.metric(), v1::METRIC_VES);
  EXPECT_THAT(request.group_by(),
              ElementsAre(v1::DIMENSION_AGENT, v1::DIMENSION_CHANNEL));
  EXPECT_EQ(request.interval(), v1::DIMENSION_MONTH);
  EXPECT_THAT(request.selection().teams(), ElementsAre("t1"));
  EXPECT_EQ(request.nps_interval(), v1::NPS_INTERVAL_WALD);
  EXPECT_EQ(r.out,
            "agent,channel,period,n,value,ci_low,ci_high,change,p\n"
            ",,2025-02,0,,,,,\n");

  r = Run({"--server", server_.address(), "trend", "--metric", "nps",
           "--interval", "day"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(server_.service().seen().trend_request.interval(),
            v1::DIMENSION_DAY);
  EXPECT_THAT(r.out, StartsWith("all"));
}

TEST_F(CliTest, AgentsFlagsReachTheServer) {
  v1::AgentRank* agent = server_.service().agents_response.add_agents();
  agent->set_agent("ann");
  agent->set_n(3);
  CliResult r = Run({"--server", server_.address(), "agents", "--rank-by",
                     "ces", "--from", "2025-02-01", "--channel", "email"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  v1::RankAgentsRequest request = server_.service().seen().agents_request;
  EXPECT_EQ(request.rank_by(), v1::METRIC_CES);
  EXPECT_EQ(request.selection().from().seconds(), 1738368000);
  EXPECT_THAT(request.selection().channels(), ElementsAre("email"));
  EXPECT_EQ(request.nps_interval(), v1::NPS_INTERVAL_ADJUSTED_WALD);
  EXPECT_THAT(r.out, StartsWith("rank  agent"));
  EXPECT_THAT(r.out, HasSubstr("adjusted: "));
}

TEST_F(CliTest, AnalyticsAgainstAServerWithoutThemExitTwo) {
  server_.service().status_to_return =
      grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "");
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{
           {"drivers"},
           {"trend", "--metric", "nps", "--interval", "week"},
           {"agents", "--rank-by", "nps"}}) {
    std::vector<std::string> full = {"--server", server_.address()};
    full.insert(full.end(), args.begin(), args.end());
    CliResult r = Run(full);
    EXPECT_EQ(r.exit_code, 2) << testing::PrintToString(args);
    EXPECT_THAT(r.err, HasSubstr("does not implement this call"));
    EXPECT_THAT(r.out, IsEmpty());
  }
}

TEST_F(CliTest, HelpListsTheAnalyticsCommands) {
  CliResult r = Run({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* command : {"drivers", "trend", "agents"}) {
    EXPECT_THAT(r.out, HasSubstr(command));
  }
  r = Run({"scores", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("--compare"));
}

TEST_F(CliTest, GlobalOptionsMayFollowTheCommand) {
  server_.service().scores_response.add_groups();
  CliResult r =
      Run({"scores", "--server", server_.address(), "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("nps_n,nps_value,"));
}

TEST_F(CliTest, ServerComesFromTheEnvironmentUnlessGiven) {
  CliResult r = Run({"scores"}, "", {{"CXSCORE_SERVER", server_.address()}});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(server_.service().seen().calls, 1);

  std::string unused = UnusedAddress();
  r = Run({"--server", server_.address(), "scores"}, "",
          {{"CXSCORE_SERVER", unused}});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(server_.service().seen().calls, 2);
}

TEST_F(CliTest, UnreachableServerExitsTwoNamingIt) {
  std::string unused = UnusedAddress();
  CliResult r = Run({"--server", unused, "scores"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr(unused));
  EXPECT_THAT(r.out, IsEmpty());

  r = Run({"--server", unused, "import", "responses", "-"},
          "response_id,submitted_at,nps\nr1,2025-02-13T09:00:00Z,9\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("cannot reach the cxscore server at " + unused));
  EXPECT_THAT(r.out, IsEmpty());
}

TEST_F(CliTest, ImportPrintsOnlyTheSummaryOnStdout) {
  std::string csv_path = TempPath("responses.csv");
  std::string rejects_path = TempPath("rejects.csv");
  std::ofstream(csv_path, std::ios::binary)
      << "response_id,submitted_at,nps\n"
         "r1,2025-02-13T09:00:00Z,9\n"
         "r2,2025-02-13T09:00:00Z,4.5\n"
         "bad-r3,2025-02-13T09:00:00Z,12\n"
         "dup-r4,2025-02-13T09:00:00Z,1\n";
  CliResult r =
      Run({"--server", server_.address(), "import", "responses", csv_path,
           "--rejects", rejects_path, "--batch-size", "1", "--sync"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out, "accepted 1, duplicates 1, stale 0, rejected 2\n");
  EXPECT_THAT(r.err, HasSubstr("line 3 (id r2)"));
  EXPECT_THAT(r.err, Not(HasSubstr("\r")));  // no progress bar off a terminal
  EXPECT_EQ(ReadFile(rejects_path),
            "line,id,field,reason\n"
            "3,r2,nps,\"nps must be an integer, got \"\"4.5\"\"\"\n"
            "4,bad-r3,nps,nps must be an integer in 0..10\n");
  auto seen = server_.service().seen();
  EXPECT_THAT(seen.batch_sizes, ElementsAre(1, 1, 1));
  EXPECT_THAT(seen.batch_sync, ElementsAre(true, true, true));
}

TEST_F(CliTest, ImportsInteractionsFromStdin) {
  CliResult r =
      Run({"--server", server_.address(), "import", "interactions", "-"},
          "interaction_id,opened_at\nt1,2025-02-13T09:00:00Z\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "accepted 1, duplicates 0, stale 0, rejected 0\n");
  ASSERT_EQ(server_.service().seen().interactions.size(), 1u);
}

TEST_F(CliTest, UnknownColumnExitsTwo) {
  CliResult r =
      Run({"--server", server_.address(), "import", "interactions", "-"},
          "interaction_id,opened,attr.tier\nt1,x,gold\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown column \"opened\""));
  EXPECT_EQ(server_.service().seen().calls, 0);
}

}  // namespace
}  // namespace cxscore::client
