// The analytics commands (drivers, trend, agents, scores --compare) against
// the in-process fake service: what reaches the server, what is printed,
// and how failures end.
#include <sstream>

#include "client/commands/agents_command.h"
#include "client/commands/drivers_command.h"
#include "client/commands/scores_command.h"
#include "client/commands/trend_command.h"
#include "client/exit_codes.h"
#include "client/rpc.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/client/fake_cxscore_service.h"

namespace cxscore::client {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;
using Json = nlohmann::json;

constexpr int64_t kFeb1 = 1738368000;  // 2025-02-01T00:00:00Z
constexpr int64_t kMar1 = 1740787200;  // 2025-03-01T00:00:00Z
constexpr int64_t kDay = 86400;

class AnalyticsCommandTest : public testing::Test {
 protected:
  template <typename Options>
  Options Defaults() {
    Options options;
    options.server = server_.address();
    options.format = OutputFormat::kJson;
    options.timeout = absl::Seconds(7);
    return options;
  }

  // The call carries the 7 s deadline. gRPC rounds the timeout it sends up
  // to a coarser unit, so the server may see a little more than 7 s.
  void ExpectDeadlineSent() {
    auto seen = server_.service().seen();
    EXPECT_LE(seen.deadline_left, absl::Milliseconds(7500));
    EXPECT_GT(seen.deadline_left, absl::Seconds(5));
  }

  FakeServer server_;
  std::unique_ptr<v1::CxScore::Stub> stub_ = server_.NewStub();
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(AnalyticsCommandTest, DriversSendsTheQueryAndPrintsJson) {
  v1::DriverPair* pair = server_.service().drivers_response.add_pairs();
  pair->set_metric(v1::METRIC_CSAT);
  pair->set_kpi(v1::KPI_TRANSFERS);
  pair->set_n(40);
  server_.service().drivers_response.set_verdict("Nothing moves.");

  auto options = Defaults<DriversCommandOptions>();
  options.query.selection.from = "2025-02-01";
  options.query.selection.to = "2025-02-28";
  options.query.selection.agents = {"a1"};
  options.query.selection.teams = {"t1", ""};
  options.query.selection.channels = {"chat"};
  options.query.kpis = {"transfers", "reopens"};
  options.query.level = "agent";
  ASSERT_EQ(RunDriversCommand(*stub_, options, out_, err_), kExitOk)
      << err_.str();
  EXPECT_THAT(err_.str(), IsEmpty());

  v1::GetDriversRequest request = server_.service().seen().drivers_request;
  EXPECT_EQ(request.selection().from().seconds(), kFeb1);
  EXPECT_EQ(request.selection().to().seconds(), kMar1);
  EXPECT_THAT(request.selection().agents(), ElementsAre("a1"));
  EXPECT_THAT(request.selection().teams(), ElementsAre("t1", ""));
  EXPECT_THAT(request.selection().channels(), ElementsAre("chat"));
  EXPECT_THAT(request.kpis(), ElementsAre(v1::KPI_TRANSFERS, v1::KPI_REOPENS));
  EXPECT_EQ(request.level(), v1::DRIVER_LEVEL_AGENT);
  ExpectDeadlineSent();

  Json json = Json::parse(out_.str());
  EXPECT_EQ(json["pairs"][0]["metric"], "csat");
  EXPECT_EQ(json["pairs"][0]["kpi"], "transfers");
  EXPECT_EQ(json["verdict"], "Nothing moves.");
}

TEST_F(AnalyticsCommandTest, TrendSendsTheQueryAndPrintsJson) {
  v1::TrendSeries* series = server_.service().trend_response.add_series();
  v1::KeyPart* part = series->add_key();
  part->set_dimension(v1::DIMENSION_TEAM);
  part->set_value("t1");
  series->add_points()->set_period("2025-W21");

  auto options = Defaults<TrendCommandOptions>();
  options.query.metric = "nps";
  options.query.by = {"team"};
  options.query.interval = "week";
  options.query.selection.channels = {"email"};
  options.query.nps_interval = "wald";
  ASSERT_EQ(RunTrendCommand(*stub_, options, out_, err_), kExitOk)
      << err_.str();

  v1::GetTrendRequest request = server_.service().seen().trend_request;
  EXPECT_EQ(request.metric(), v1::METRIC_NPS);
  EXPECT_THAT(request.group_by(), ElementsAre(v1::DIMENSION_TEAM));
  EXPECT_EQ(request.interval(), v1::DIMENSION_WEEK);
  EXPECT_THAT(request.selection().channels(), ElementsAre("email"));
  EXPECT_EQ(request.nps_interval(), v1::NPS_INTERVAL_WALD);
  ExpectDeadlineSent();

  Json json = Json::parse(out_.str());
  EXPECT_EQ(json["series"][0]["key"], Json::parse(R"({"team": "t1"})"));
  EXPECT_EQ(json["series"][0]["points"][0]["period"], "2025-W21");
  EXPECT_TRUE(json["series"][0]["points"][0]["change"].is_null());
  // NPS points carry the shares.
  EXPECT_TRUE(json["series"][0]["points"][0].contains("promoters"));
}

TEST_F(AnalyticsCommandTest, AgentsSendsTheQueryAndPrintsJson) {
  v1::AgentRank* agent = server_.service().agents_response.add_agents();
  agent->set_agent("ann");
  agent->set_n(12);
  agent->set_adjusted(71.5);
  server_.service().agents_response.add_needs_attention("bob");

  auto options = Defaults<AgentsCommandOptions>();
  options.query.rank_by = "csat";
  options.query.selection.from = "2025-02-01T00:00:00Z";
  options.query.selection.teams = {"t2"};
  ASSERT_EQ(RunAgentsCommand(*stub_, options, out_, err_), kExitOk)
      << err_.str();

  v1::RankAgentsRequest request = server_.service().seen().agents_request;
  EXPECT_EQ(request.rank_by(), v1::METRIC_CSAT);
  EXPECT_EQ(request.selection().from().seconds(), kFeb1);
  EXPECT_FALSE(request.selection().has_to());
  EXPECT_THAT(request.selection().teams(), ElementsAre("t2"));
  EXPECT_EQ(request.nps_interval(), v1::NPS_INTERVAL_ADJUSTED_WALD);
  ExpectDeadlineSent();

  Json json = Json::parse(out_.str());
  EXPECT_EQ(json["agents"][0]["agent"], "ann");
  EXPECT_EQ(json["agents"][0]["adjusted"].get<double>(), 71.5);
  EXPECT_EQ(json["needs_attention"], Json::parse(R"(["bob"])"));
}

TEST_F(AnalyticsCommandTest, ScoresComparePreviousSendsTheRangeBefore) {
  v1::GroupScores* group = server_.service().scores_response.add_groups();
  group->mutable_comparison()->mutable_nps()->set_delta(-4);
  auto options = Defaults<ScoresCommandOptions>();
  options.query.selection.from = "2025-03-01";
  options.query.selection.to = "2025-03-31";
  options.query.compare = "previous";
  ASSERT_EQ(RunScoresCommand(*stub_, options, out_, err_), kExitOk)
      << err_.str();
  EXPECT_THAT(err_.str(), IsEmpty());

  v1::GetScoresRequest request = server_.service().seen().scores_request;
  EXPECT_EQ(request.from().seconds(), kMar1);
  EXPECT_EQ(request.to().seconds(), kMar1 + 31 * kDay);
  // 31 days before March 1: 2025-01-29T00:00Z .. 2025-03-01T00:00Z.
  EXPECT_EQ(request.compare_from().seconds(), 1738108800);
  EXPECT_EQ(request.compare_to().seconds(), kMar1);
  Json json = Json::parse(out_.str());
  EXPECT_EQ(json["groups"][0]["comparison"]["nps"]["delta"].get<double>(),
            -4.0);
}

TEST_F(AnalyticsCommandTest, ScoresWithoutCompareSendsNoRangeAndPrintsNone) {
  server_.service().scores_response.add_groups();
  auto options = Defaults<ScoresCommandOptions>();
  ASSERT_EQ(RunScoresCommand(*stub_, options, out_, err_), kExitOk);
  v1::GetScoresRequest request = server_.service().seen().scores_request;
  EXPECT_FALSE(request.has_compare_from());
  EXPECT_FALSE(request.has_compare_to());
  EXPECT_FALSE(Json::parse(out_.str())["groups"][0].contains("comparison"));
}

TEST_F(AnalyticsCommandTest, ScoresCompareWarnsWhenTheServerIgnoresIt) {
  server_.service().scores_response.add_groups();  // no comparison
  auto options = Defaults<ScoresCommandOptions>();
  options.query.compare = "2025-01-01..2025-01-31";
  ASSERT_EQ(RunScoresCommand(*stub_, options, out_, err_), kExitOk);
  EXPECT_THAT(err_.str(), HasSubstr("warning"));
  EXPECT_THAT(err_.str(), HasSubstr("returned no comparison"));
  EXPECT_TRUE(Json::parse(out_.str())["groups"][0]["comparison"]["nps"]["delta"]
                  .is_null());
}

TEST_F(AnalyticsCommandTest, ComparePreviousWithoutBothBoundsIsAUsageError) {
  auto options = Defaults<ScoresCommandOptions>();
  options.query.selection.from = "2025-03-01";
  options.query.compare = "previous";
  EXPECT_EQ(RunScoresCommand(*stub_, options, out_, err_), kExitFailure);
  EXPECT_THAT(err_.str(),
              StartsWith("cxscore: --compare previous needs both --from and "
                         "--to"));
  EXPECT_THAT(out_.str(), IsEmpty());
  EXPECT_EQ(server_.service().seen().calls, 0);
}

TEST_F(AnalyticsCommandTest, InvalidQueriesFailBeforeCalling) {
  auto drivers = Defaults<DriversCommandOptions>();
  drivers.query.kpis = {"speed"};
  EXPECT_EQ(RunDriversCommand(*stub_, drivers, out_, err_), kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("cxscore: --kpi: unknown KPI \"speed\""));

  auto trend = Defaults<TrendCommandOptions>();
  trend.query.metric = "nps";
  trend.query.interval = "week";
  trend.query.by = {"day"};
  EXPECT_EQ(RunTrendCommand(*stub_, trend, out_, err_), kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("cxscore: --by: a trend is grouped by"));

  auto agents = Defaults<AgentsCommandOptions>();
  agents.query.rank_by = "speed";
  EXPECT_EQ(RunAgentsCommand(*stub_, agents, out_, err_), kExitFailure);
  EXPECT_THAT(err_.str(),
              HasSubstr("cxscore: --rank-by: unknown metric \"speed\""));

  EXPECT_THAT(out_.str(), IsEmpty());
  EXPECT_EQ(server_.service().seen().calls, 0);
}

TEST_F(AnalyticsCommandTest, ServerErrorsExitTwoWithTheirMessage) {
  server_.service().status_to_return =
      grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "GetDrivers");
  auto drivers = Defaults<DriversCommandOptions>();
  EXPECT_EQ(RunDriversCommand(*stub_, drivers, out_, err_), kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("does not implement this call"));
  EXPECT_THAT(err_.str(), HasSubstr(server_.address()));

  server_.service().status_to_return = grpc::Status(
      grpc::StatusCode::INVALID_ARGUMENT, "group_by: day is an interval");
  auto trend = Defaults<TrendCommandOptions>();
  trend.query.metric = "ces";
  trend.query.interval = "day";
  EXPECT_EQ(RunTrendCommand(*stub_, trend, out_, err_), kExitFailure);
  EXPECT_THAT(err_.str(),
              HasSubstr("INVALID_ARGUMENT: group_by: day is an interval"));

  server_.service().status_to_return =
      grpc::Status(grpc::StatusCode::INTERNAL, "boom");
  auto agents = Defaults<AgentsCommandOptions>();
  agents.query.rank_by = "nps";
  EXPECT_EQ(RunAgentsCommand(*stub_, agents, out_, err_), kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("INTERNAL: boom"));
  EXPECT_THAT(out_.str(), IsEmpty());
}

TEST_F(AnalyticsCommandTest, SlowServerHitsTheDeadline) {
  server_.service().delay = absl::Seconds(3);
  auto agents = Defaults<AgentsCommandOptions>();
  agents.query.rank_by = "nps";
  agents.timeout = absl::Milliseconds(200);
  absl::Time start = absl::Now();
  EXPECT_EQ(RunAgentsCommand(*stub_, agents, out_, err_), kExitFailure);
  EXPECT_LT(absl::Now() - start, absl::Seconds(2));
  EXPECT_THAT(err_.str(), HasSubstr("did not answer within 200ms"));
}

TEST_F(AnalyticsCommandTest, TableIsTheDefaultFormat) {
  server_.service().drivers_response.set_verdict("CES moves most.");
  DriversCommandOptions options;
  options.server = server_.address();
  ASSERT_EQ(RunDriversCommand(*stub_, options, out_, err_), kExitOk);
  EXPECT_THAT(out_.str(), StartsWith("CES moves most.\n"));
}

}  // namespace
}  // namespace cxscore::client
