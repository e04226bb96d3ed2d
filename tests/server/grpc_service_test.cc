// The gRPC layer over an in-memory store, through a real channel on a free
// loopback port. (The e2e tests run cxscored over RocksDB.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "cxscore/v1/cxscore.grpc.pb.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/health_check_service_interface.h"
#include "server/server.h"
#include "storage/memory_store.h"
#include "tests/testing/status_matchers.h"

namespace cxscore::server {
namespace {

google::protobuf::Timestamp Ts(int64_t seconds) {
  google::protobuf::Timestamp t;
  t.set_seconds(seconds);
  return t;
}

constexpr int64_t kMarch1 = 1740830400;  // 2025-03-01T12:00:00Z

v1::SurveyResponse Response(const std::string& id, const std::string& channel,
                            int nps) {
  v1::SurveyResponse r;
  r.set_response_id(id);
  r.set_channel(channel);
  *r.mutable_submitted_at() = Ts(kMarch1);
  r.set_nps(nps);
  return r;
}

class GrpcServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.listen = "127.0.0.1:0";
    auto server = Server::Start(options, store_);
    ASSERT_OK(server);
    server_ = *std::move(server);
    channel_ =
        grpc::CreateChannel("127.0.0.1:" + std::to_string(server_->port()),
                            grpc::InsecureChannelCredentials());
    stub_ = v1::CxScore::NewStub(channel_);
  }
  void TearDown() override { server_.reset(); }

  grpc::Status Submit(
      const std::vector<std::vector<v1::SurveyResponse>>& batches,
      v1::IngestSummary* summary) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(30));
    auto writer = stub_->SubmitResponses(&context, summary);
    for (const auto& batch : batches) {
      v1::SubmitResponsesRequest request;
      for (const auto& r : batch) *request.add_responses() = r;
      EXPECT_TRUE(writer->Write(request));
    }
    writer->WritesDone();
    return writer->Finish();
  }

  grpc::Status Scores(const v1::GetScoresRequest& request,
                      v1::GetScoresResponse* response) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(30));
    return stub_->GetScores(&context, request, response);
  }

  storage::MemoryStore store_;  // outlives the server
  std::unique_ptr<Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::CxScore::Stub> stub_;
};

TEST_F(GrpcServiceTest, SummaryIndexesRejectionsAcrossTheStream) {
  v1::IngestSummary summary;
  auto bad = Response("r4", "chat", 0);
  bad.set_nps(12);
  ASSERT_OK(Submit({{Response("r1", "chat", 9), Response("r2", "chat", 3)},
                    {Response("r1", "chat", 9), bad}},
                   &summary));
  EXPECT_EQ(summary.accepted(), 2u);
  EXPECT_EQ(summary.duplicates(), 1u);
  ASSERT_EQ(summary.rejected_size(), 1);
  EXPECT_EQ(summary.rejected(0).index(), 3u);
  EXPECT_EQ(summary.rejected(0).id(), "r4");
  EXPECT_EQ(summary.rejected(0).code(), "INVALID_ARGUMENT");
  EXPECT_EQ(summary.rejected(0).field(), "nps");
  EXPECT_THAT(summary.rejected(0).reason(), ::testing::HasSubstr("nps"));
}

TEST_F(GrpcServiceTest, OlderInteractionVersionsAreCountedStale) {
  auto ticket = [](const std::string& agent, int64_t updated) {
    v1::Interaction i;
    i.set_interaction_id("t1");
    i.set_agent_id(agent);
    *i.mutable_opened_at() = Ts(kMarch1);
    *i.mutable_updated_at() = Ts(updated);
    return i;
  };
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(30));
  v1::IngestSummary summary;
  auto writer = stub_->RecordInteractions(&context, &summary);
  v1::RecordInteractionsRequest request;
  *request.add_interactions() = ticket("ann", kMarch1 + 3600);
  *request.add_interactions() = ticket("bob", kMarch1 + 60);  // older
  *request.add_interactions() = ticket("ann", kMarch1 + 3600);
  EXPECT_TRUE(writer->Write(request));
  writer->WritesDone();
  ASSERT_OK(writer->Finish());
  EXPECT_EQ(summary.accepted(), 1u);
  EXPECT_EQ(summary.stale(), 1u);
  EXPECT_EQ(summary.duplicates(), 1u);
  EXPECT_EQ(summary.rejected_size(), 0);
  auto stored = store_.GetInteraction("t1");
  ASSERT_OK(stored);
  ASSERT_TRUE(stored->has_value());
  EXPECT_EQ((*stored)->agent_id, "ann");
  EXPECT_EQ((*stored)->updated_at, absl::FromUnixSeconds(kMarch1 + 3600));
}

TEST_F(GrpcServiceTest, ScoresPerChannelWithUnattributedKeyUnset) {
  v1::IngestSummary summary;
  ASSERT_OK(Submit({{Response("r1", "chat", 10), Response("r2", "chat", 0),
                     Response("r3", "", 9)}},
                   &summary));
  v1::GetScoresRequest request;
  request.add_group_by(v1::DIMENSION_CHANNEL);
  v1::GetScoresResponse response;
  ASSERT_OK(Scores(request, &response));
  ASSERT_EQ(response.groups_size(), 2);
  EXPECT_FALSE(response.groups(0).key(0).has_value());  // unattributed first
  EXPECT_EQ(response.groups(1).key(0).value(), "chat");
  const v1::NpsScore& chat = response.groups(1).nps();
  EXPECT_EQ(chat.n(), 2u);
  EXPECT_DOUBLE_EQ(chat.value(), 0.0);
  EXPECT_TRUE(chat.has_ci_low());
  EXPECT_FALSE(response.groups(1).csat().has_value()) << "n = 0: no value";
}

TEST_F(GrpcServiceTest, CountsAgentsPerGroupWhenAsked) {
  std::vector<v1::SurveyResponse> batch;
  const std::pair<const char*, const char*> rows[] = {{"a", "chat"},
                                                      {"b", "chat"},
                                                      {"b", "chat"},
                                                      {"", "chat"},
                                                      {"c", "email"}};
  for (const auto& [agent, channel] : rows) {
    batch.push_back(Response(absl::StrCat("r", batch.size()), channel, 9));
    batch.back().set_agent_id(agent);
  }
  v1::IngestSummary summary;
  ASSERT_OK(Submit({batch}, &summary));
  v1::GetScoresRequest request;
  request.add_group_by(v1::DIMENSION_CHANNEL);
  v1::GetScoresResponse uncounted;
  ASSERT_OK(Scores(request, &uncounted));
  ASSERT_EQ(uncounted.groups_size(), 2);
  EXPECT_EQ(uncounted.groups(0).agents(), 0u) << "not asked for";
  request.set_count_agents(true);
  v1::GetScoresResponse counted;
  ASSERT_OK(Scores(request, &counted));
  ASSERT_EQ(counted.groups_size(), 2);
  EXPECT_EQ(counted.groups(0).agents(), 2u) << "chat: a and b; not \"\"";
  EXPECT_EQ(counted.groups(1).agents(), 1u) << "email: c";
  // Leaving b out: chat keeps a; grouped by agent, each named group is one.
  request.add_exclude_agents("b");
  request.add_group_by(v1::DIMENSION_AGENT);
  v1::GetScoresResponse by_agent;
  ASSERT_OK(Scores(request, &by_agent));
  ASSERT_EQ(by_agent.groups_size(), 3);  // (chat, ""), (chat, a), (email, c)
  EXPECT_EQ(by_agent.groups(0).agents(), 0u);
  EXPECT_EQ(by_agent.groups(1).agents(), 1u);
  EXPECT_EQ(by_agent.groups(1).nps().n(), 1u);
  EXPECT_EQ(by_agent.groups(2).agents(), 1u);
}

TEST_F(GrpcServiceTest, UngroupedQueryOnEmptyStoreAnswersOneEmptyGroup) {
  v1::GetScoresResponse response;
  ASSERT_OK(Scores(v1::GetScoresRequest(), &response));
  ASSERT_EQ(response.groups_size(), 1);
  EXPECT_EQ(response.groups(0).nps().n(), 0u);
  EXPECT_FALSE(response.groups(0).nps().has_value());
}

TEST_F(GrpcServiceTest, BadQueryIsInvalidArgumentNamingTheField) {
  v1::GetScoresRequest request;
  request.add_group_by(v1::DIMENSION_AGENT);
  request.add_group_by(v1::DIMENSION_AGENT);
  v1::GetScoresResponse response;
  grpc::Status status = Scores(request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), ::testing::HasSubstr("group_by[1]"));

  v1::GetScoresRequest range;
  *range.mutable_from() = Ts(kMarch1);
  *range.mutable_to() = Ts(kMarch1 - 86400);
  status = Scores(range, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), ::testing::HasSubstr("to"));
}

// Without tokens (loopback only) every call is allowed, Verify too; the
// MemoryStore has no derived data, so nothing is checked and it is right.
TEST_F(GrpcServiceTest, VerifyWithoutTokensOnLoopback) {
  v1::IngestSummary summary;
  ASSERT_OK(Submit({{Response("r1", "chat", 9)}}, &summary));
  for (const bool repair : {false, true}) {
    grpc::ClientContext context;
    v1::VerifyRequest request;
    request.set_repair(repair);
    v1::VerifyResponse response;
    ASSERT_OK(stub_->Verify(&context, request, &response));
    EXPECT_EQ(response.cells_checked(), 0u);
    EXPECT_EQ(response.differences_total(), 0u);
    EXPECT_EQ(response.differences_size(), 0);
    EXPECT_EQ(response.repaired(), repair);
  }
}

TEST_F(GrpcServiceTest, RangeIsHalfOpenOnWholeDays) {
  v1::IngestSummary summary;
  auto next_day = Response("r2", "chat", 9);
  *next_day.mutable_submitted_at() = Ts(kMarch1 + 86400);
  ASSERT_OK(Submit({{Response("r1", "chat", 9), next_day}}, &summary));
  v1::GetScoresRequest request;
  *request.mutable_from() = Ts(kMarch1 - 12 * 3600);  // 2025-03-01T00:00Z
  *request.mutable_to() = Ts(kMarch1 + 12 * 3600);    // 2025-03-02T00:00Z
  v1::GetScoresResponse response;
  ASSERT_OK(Scores(request, &response));
  EXPECT_EQ(response.groups(0).nps().n(), 1u);
}

TEST_F(GrpcServiceTest, ServesTheHealthService) {
  grpc::ClientContext context;
  grpc::ByteBuffer reply;
  // grpc.health.v1.Health/Check with an empty request (service "").
  grpc::GenericStub generic(channel_);
  grpc::Slice empty_message("", 0);
  grpc::ByteBuffer request(&empty_message, 1);
  grpc::Status status;
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(10));
  generic.UnaryCall(&context, "/grpc.health.v1.Health/Check",
                    grpc::StubOptions(), &request, &reply, [&](grpc::Status s) {
                      std::lock_guard lock(mu);
                      status = s;
                      done = true;
                      cv.notify_one();
                    });
  std::unique_lock lock(mu);
  cv.wait(lock, [&] { return done; });
  EXPECT_OK(status);
  std::vector<grpc::Slice> slices;
  ASSERT_OK(reply.Dump(&slices));
  std::string bytes;
  for (auto& s : slices)
    bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  EXPECT_EQ(bytes, std::string("\x08\x01", 2)) << "status: SERVING";
}

// Issue 11: a batch that does not parse (here a response id that is not
// UTF-8, which proto3 refuses) used to read as the end of the stream, and
// the call ended OK with its records unaccounted for.
TEST_F(GrpcServiceTest,
       UnparsableBatchEndsTheStreamNamingItAndCountingWhatWasApplied) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(30));
  v1::IngestSummary summary;
  auto writer = stub_->SubmitResponses(&context, &summary);
  v1::SubmitResponsesRequest first;
  *first.add_responses() = Response("r1", "chat", 9);
  ASSERT_TRUE(writer->Write(first));
  v1::SubmitResponsesRequest second;
  *second.add_responses() = Response("r2", "chat", 3);
  *second.add_responses() = Response(std::string("r3\xff", 3), "chat", 3);
  writer->Write(second);  // may fail once the server has ended the call
  writer->WritesDone();
  grpc::Status status = writer->Finish();

  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << status.error_message();
  EXPECT_THAT(
      status.error_message(),
      ::testing::AllOf(::testing::HasSubstr("batch 2"),
                       ::testing::HasSubstr("from index 1"),
                       ::testing::HasSubstr("accepted 1"),
                       ::testing::HasSubstr("nothing of it was stored")));

  v1::GetScoresRequest request;
  v1::GetScoresResponse scores;
  ASSERT_TRUE(Scores(request, &scores).ok());
  ASSERT_EQ(scores.groups_size(), 1);
  EXPECT_EQ(scores.groups(0).nps().n(), 1u) << "the first batch stays stored";
}

// Segments: group_by DIMENSION_ATTRIBUTE named by group_by_attributes.
class SegmentsTest : public GrpcServiceTest {
 protected:
  static v1::SurveyResponse WithPlan(v1::SurveyResponse r,
                                     const std::string& plan,
                                     int64_t day_offset = 0) {
    (*r.mutable_attributes())["plan"] = plan;
    r.mutable_submitted_at()->set_seconds(kMarch1 + day_offset * 86400);
    return r;
  }
  // r1 (gold) and r3 (free) link the gold ticket t1: drivers count them
  // under their own plans.
  void SubmitSegments() {
    v1::IngestSummary summary;
    v1::SurveyResponse r1 = WithPlan(Response("r1", "chat", 10), "gold");
    r1.set_interaction_id("t1");
    v1::SurveyResponse r3 = WithPlan(Response("r3", "chat", 9), "free");
    r3.set_interaction_id("t1");
    ASSERT_OK(Submit({{r1, WithPlan(Response("r2", "email", 0), "gold", 7), r3,
                       Response("r4", "chat", 0)}},
                     &summary));
    ASSERT_EQ(summary.accepted(), 4u);
    v1::RecordInteractionsRequest tickets;
    v1::Interaction* t = tickets.add_interactions();
    t->set_interaction_id("t1");
    *t->mutable_opened_at() = Ts(kMarch1);
    *t->mutable_closed_at() = Ts(kMarch1 + 600);
    (*t->mutable_attributes())["plan"] = "gold";
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(30));
    auto writer = stub_->RecordInteractions(&context, &summary);
    ASSERT_TRUE(writer->Write(tickets));
    writer->WritesDone();
    ASSERT_OK(writer->Finish());
  }
  static v1::GetScoresRequest ByPlan() {
    v1::GetScoresRequest request;
    request.add_group_by(v1::DIMENSION_ATTRIBUTE);
    request.add_group_by_attributes("plan");
    return request;
  }
  grpc::Status Trend(const v1::GetTrendRequest& request,
                     v1::GetTrendResponse* response) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(30));
    return stub_->GetTrend(&context, request, response);
  }
};

TEST_F(SegmentsTest, ScoresPerAttributeValueCountOnlyRecordsWithIt) {
  SubmitSegments();
  v1::GetScoresResponse response;
  ASSERT_OK(Scores(ByPlan(), &response));
  ASSERT_EQ(response.groups_size(), 2) << "r4 has no plan: no group";
  const v1::KeyPart& free = response.groups(0).key(0);
  EXPECT_EQ(free.dimension(), v1::DIMENSION_ATTRIBUTE);
  EXPECT_EQ(free.attribute(), "plan");
  EXPECT_EQ(free.value(), "free");
  EXPECT_EQ(response.groups(0).nps().n(), 1u);
  EXPECT_EQ(response.groups(1).key(0).value(), "gold");
  EXPECT_EQ(response.groups(1).nps().n(), 2u);
  EXPECT_DOUBLE_EQ(response.groups(1).nps().value(), 0.0);
  EXPECT_EQ(response.groups(1).service().interactions(), 1u);
  EXPECT_EQ(response.groups(1).service().closed(), 1u);

  // With a period grouping, a range and a comparison.
  v1::GetScoresRequest by_week = ByPlan();
  by_week.add_group_by(v1::DIMENSION_WEEK);
  *by_week.mutable_from() = Ts(kMarch1 + 86400);  // from Mar 2
  *by_week.mutable_compare_from() = Ts(kMarch1 - 86400);
  *by_week.mutable_compare_to() = Ts(kMarch1 + 86400);
  response.Clear();
  ASSERT_OK(Scores(by_week, &response));
  ASSERT_EQ(response.groups_size(), 1);
  EXPECT_EQ(response.groups(0).key(0).value(), "gold");
  EXPECT_EQ(response.groups(0).key(1).dimension(), v1::DIMENSION_WEEK);
  EXPECT_EQ(response.groups(0).key(1).value(), "2025-W10");
  EXPECT_EQ(response.groups(0).key(1).attribute(), "");
  EXPECT_EQ(response.groups(0).nps().n(), 1u);
  EXPECT_TRUE(response.groups(0).has_comparison());
}

TEST_F(SegmentsTest, TrendPerAttributeValue) {
  SubmitSegments();
  v1::GetTrendRequest request;
  request.set_metric(v1::METRIC_NPS);
  request.set_interval(v1::DIMENSION_WEEK);
  request.add_group_by(v1::DIMENSION_ATTRIBUTE);
  request.add_group_by_attributes("plan");
  v1::GetTrendResponse response;
  ASSERT_OK(Trend(request, &response));
  ASSERT_EQ(response.series_size(), 2);
  EXPECT_EQ(response.series(0).key(0).attribute(), "plan");
  EXPECT_EQ(response.series(0).key(0).value(), "free");
  EXPECT_EQ(response.series(1).key(0).value(), "gold");
  ASSERT_EQ(response.series(1).points_size(), 2);
  EXPECT_EQ(response.series(1).points(0).period(), "2025-W09");
  EXPECT_EQ(response.series(1).points(1).period(), "2025-W10");
}

TEST_F(SegmentsTest, DriversPerAttributeValueOfTheResponse) {
  SubmitSegments();
  v1::GetDriversRequest request;
  request.add_group_by(v1::DIMENSION_ATTRIBUTE);
  request.add_group_by_attributes("plan");
  request.add_kpis(v1::KPI_TIME_TO_CLOSE);
  v1::GetDriversResponse response;
  {
    grpc::ClientContext context;
    ASSERT_OK(stub_->GetDrivers(&context, request, &response));
  }
  EXPECT_EQ(response.pairs_size(), 0) << "grouped: the answer is in groups";
  ASSERT_EQ(response.groups_size(), 2);
  EXPECT_EQ(response.groups(0).key(0).attribute(), "plan");
  EXPECT_EQ(response.groups(0).key(0).value(), "free");
  EXPECT_EQ(response.groups(1).key(0).value(), "gold");
  for (const v1::DriverGroup& group : response.groups()) {
    ASSERT_GT(group.pairs_size(), 0);
    EXPECT_EQ(group.pairs(0).metric(), v1::METRIC_NPS);
    EXPECT_EQ(group.pairs(0).kpi(), v1::KPI_TIME_TO_CLOSE);
    EXPECT_EQ(group.pairs(0).n(), 1u);
    EXPECT_FALSE(group.verdict().empty());
  }

  request.set_level(v1::DRIVER_LEVEL_AGENT);
  grpc::ClientContext context;
  grpc::Status status = stub_->GetDrivers(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), ::testing::HasSubstr("level:"));
  request.set_level(v1::DRIVER_LEVEL_RESPONSE);
  request.clear_group_by_attributes();
  request.set_group_by(0, v1::DIMENSION_CHANNEL);
  grpc::ClientContext context2;
  status = stub_->GetDrivers(&context2, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), ::testing::HasSubstr("group_by[0]"));
}

TEST_F(SegmentsTest, BadAttributeGroupingsAreInvalidArgumentNamingTheField) {
  const auto expect_invalid = [&](const v1::GetScoresRequest& request,
                                  const std::string& text) {
    v1::GetScoresResponse response;
    grpc::Status status = Scores(request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << text;
    EXPECT_THAT(status.error_message(), ::testing::HasSubstr(text));
  };
  v1::GetScoresRequest unnamed;
  unnamed.add_group_by(v1::DIMENSION_ATTRIBUTE);
  expect_invalid(unnamed, "group_by_attributes: 0 name(s) for 1");
  v1::GetScoresRequest extra_name;
  extra_name.add_group_by_attributes("plan");
  expect_invalid(extra_name, "group_by_attributes: 1 name(s) for 0");
  v1::GetScoresRequest empty = ByPlan();
  empty.set_group_by_attributes(0, "");
  expect_invalid(empty,
                 "group_by_attributes[0]: an attribute name must not be empty");
  v1::GetScoresRequest long_name = ByPlan();
  long_name.set_group_by_attributes(0, std::string(1025, 'x'));
  expect_invalid(long_name, "at most 1024 bytes");
  v1::GetScoresRequest two = ByPlan();
  two.add_group_by(v1::DIMENSION_ATTRIBUTE);
  two.add_group_by_attributes("region");
  expect_invalid(two, "group_by_attributes: at most one attribute");
  v1::GetScoresRequest filtered = ByPlan();
  filtered.add_agents("ann");
  expect_invalid(filtered,
                 "group_by_attributes: cannot be combined with the agents "
                 "filter; segments are rolled up on their own");
  v1::GetScoresRequest grouped = ByPlan();
  grouped.add_group_by(v1::DIMENSION_CHANNEL);
  expect_invalid(grouped, "cannot be combined with grouping by channel");

  v1::GetTrendRequest trend;
  trend.set_metric(v1::METRIC_NPS);
  trend.set_interval(v1::DIMENSION_DAY);
  trend.add_group_by(v1::DIMENSION_ATTRIBUTE);
  trend.add_group_by_attributes("plan");
  trend.mutable_selection()->add_teams("blue");
  v1::GetTrendResponse response;
  grpc::Status status = Trend(trend, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(),
              ::testing::HasSubstr("the selection.teams filter"));
}

}  // namespace
}  // namespace cxscore::server
