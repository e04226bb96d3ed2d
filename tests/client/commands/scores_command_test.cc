#include "client/commands/scores_command.h"

#include <sstream>

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

class ScoresCommandTest : public testing::Test {
 protected:
  int Run(ScoresCommandOptions options) {
    if (options.server.empty()) options.server = server_.address();
    auto stub = server_.NewStub();
    return RunScoresCommand(*stub, options, out_, err_);
  }

  FakeServer server_;
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(ScoresCommandTest, SendsTheQueryAndPrintsJson) {
  v1::GroupScores* group = server_.service().scores_response.add_groups();
  v1::KeyPart* part = group->add_key();
  part->set_dimension(v1::DIMENSION_CHANNEL);
  part->set_value("email");
  group->mutable_nps()->set_n(4);
  group->mutable_nps()->set_value(50);

  ScoresCommandOptions options;
  options.query.by = {"channel"};
  options.query.selection.from = "2025-02-01";
  options.query.selection.to = "2025-02-01";
  options.query.selection.teams = {"t1", ""};
  options.format = OutputFormat::kJson;
  options.timeout = absl::Seconds(7);
  EXPECT_EQ(Run(options), kExitOk) << err_.str();
  EXPECT_THAT(err_.str(), IsEmpty());

  auto seen = server_.service().seen();
  EXPECT_THAT(seen.scores_request.group_by(),
              ElementsAre(v1::DIMENSION_CHANNEL));
  EXPECT_EQ(
      seen.scores_request.to().seconds() - seen.scores_request.from().seconds(),
      86400);
  EXPECT_THAT(seen.scores_request.teams(), ElementsAre("t1", ""));
  // The call carries the deadline (gRPC rounds the timeout it sends up to a
  // coarser unit, so the server may see a little more than 7 s).
  EXPECT_LE(seen.deadline_left, absl::Milliseconds(7500));
  EXPECT_GT(seen.deadline_left, absl::Seconds(5));

  nlohmann::json json = nlohmann::json::parse(out_.str());
  EXPECT_EQ(json["groups"][0]["key"]["channel"], "email");
  EXPECT_EQ(json["groups"][0]["nps"]["value"], 50.0);
}

TEST_F(ScoresCommandTest, InvalidQueryFailsBeforeCalling) {
  ScoresCommandOptions options;
  options.query.by = {"agent,quarter"};
  EXPECT_EQ(Run(options), kExitFailure);
  EXPECT_THAT(err_.str(),
              HasSubstr("cxscore: --by: unknown dimension \"quarter\""));
  EXPECT_THAT(out_.str(), IsEmpty());
  EXPECT_EQ(server_.service().seen().calls, 0);

  options = ScoresCommandOptions();
  options.query.selection.from = "2025-13-01";
  EXPECT_EQ(Run(options), kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("--from"));
  EXPECT_EQ(server_.service().seen().calls, 0);
}

TEST_F(ScoresCommandTest, ServerRefusalPrintsItsMessage) {
  server_.service().status_to_return = grpc::Status(
      grpc::StatusCode::INVALID_ARGUMENT, "group_by: day and week together");
  EXPECT_EQ(Run(ScoresCommandOptions()), kExitFailure);
  EXPECT_THAT(err_.str(),
              HasSubstr("INVALID_ARGUMENT: group_by: day and week together"));
  EXPECT_THAT(err_.str(), HasSubstr(server_.address()));
  EXPECT_THAT(out_.str(), IsEmpty());
}

TEST_F(ScoresCommandTest, SlowServerHitsTheDeadline) {
  server_.service().delay = absl::Seconds(3);
  ScoresCommandOptions options;
  options.timeout = absl::Milliseconds(200);
  absl::Time start = absl::Now();
  EXPECT_EQ(Run(options), kExitFailure);
  EXPECT_LT(absl::Now() - start, absl::Seconds(2));
  EXPECT_THAT(err_.str(), HasSubstr("did not answer within 200ms"));
}

TEST_F(ScoresCommandTest, UnreachableServerNamesTheAddress) {
  ScoresCommandOptions options;
  options.server = UnusedAddress();
  auto stub = v1::CxScore::NewStub(MakeChannel(options.server));
  EXPECT_EQ(RunScoresCommand(*stub, options, out_, err_), kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("cannot reach the cxscore server at " +
                                    options.server));
}

TEST_F(ScoresCommandTest, TableIsTheDefault) {
  server_.service().scores_response.add_groups();
  EXPECT_EQ(Run(ScoresCommandOptions()), kExitOk);
  EXPECT_THAT(out_.str(), testing::StartsWith("NPS [95% CI]"));
}

}  // namespace
}  // namespace cxscore::client
