// The gRPC layer over a real store, through a real channel on a free
// loopback port.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "cxscore/v1/cxscore.grpc.pb.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/health_check_service_interface.h"
#include "server/server.h"

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
    data_dir_ = std::filesystem::temp_directory_path() /
                ("cxscore-grpc-" + std::to_string(::getpid()));
    std::filesystem::remove_all(data_dir_);
    ServerOptions options;
    options.listen = "127.0.0.1:0";
    options.store.data_dir = data_dir_.string();
    auto server = Server::Start(options);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    channel_ = grpc::CreateChannel(
        "127.0.0.1:" + std::to_string(server_->port()),
        grpc::InsecureChannelCredentials());
    stub_ = v1::CxScore::NewStub(channel_);
  }
  void TearDown() override {
    server_.reset();
    std::filesystem::remove_all(data_dir_);
  }

  grpc::Status Submit(const std::vector<std::vector<v1::SurveyResponse>>& batches,
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

  std::filesystem::path data_dir_;
  std::unique_ptr<Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::CxScore::Stub> stub_;
};

TEST_F(GrpcServiceTest, SummaryIndexesRejectionsAcrossTheStream) {
  v1::IngestSummary summary;
  auto bad = Response("r4", "chat", 0);
  bad.set_nps(12);
  ASSERT_TRUE(Submit({{Response("r1", "chat", 9), Response("r2", "chat", 3)},
                      {Response("r1", "chat", 9), bad}},
                     &summary)
                  .ok());
  EXPECT_EQ(summary.accepted(), 2u);
  EXPECT_EQ(summary.duplicates(), 1u);
  ASSERT_EQ(summary.rejected_size(), 1);
  EXPECT_EQ(summary.rejected(0).index(), 3u);
  EXPECT_EQ(summary.rejected(0).id(), "r4");
  EXPECT_EQ(summary.rejected(0).code(), "INVALID_ARGUMENT");
  EXPECT_EQ(summary.rejected(0).field(), "nps");
  EXPECT_THAT(summary.rejected(0).reason(), ::testing::HasSubstr("nps"));
}

TEST_F(GrpcServiceTest, ScoresPerChannelWithUnattributedKeyUnset) {
  v1::IngestSummary summary;
  ASSERT_TRUE(Submit({{Response("r1", "chat", 10), Response("r2", "chat", 0),
                       Response("r3", "", 9)}},
                     &summary)
                  .ok());
  v1::GetScoresRequest request;
  request.add_group_by(v1::DIMENSION_CHANNEL);
  v1::GetScoresResponse response;
  ASSERT_TRUE(Scores(request, &response).ok());
  ASSERT_EQ(response.groups_size(), 2);
  EXPECT_FALSE(response.groups(0).key(0).has_value());  // unattributed first
  EXPECT_EQ(response.groups(1).key(0).value(), "chat");
  const v1::NpsScore& chat = response.groups(1).nps();
  EXPECT_EQ(chat.n(), 2u);
  EXPECT_DOUBLE_EQ(chat.value(), 0.0);
  EXPECT_TRUE(chat.has_ci_low());
  EXPECT_FALSE(response.groups(1).csat().has_value()) << "n = 0: no value";
}

TEST_F(GrpcServiceTest, UngroupedQueryOnEmptyStoreAnswersOneEmptyGroup) {
  v1::GetScoresResponse response;
  ASSERT_TRUE(Scores(v1::GetScoresRequest(), &response).ok());
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

TEST_F(GrpcServiceTest, RangeIsHalfOpenOnWholeDays) {
  v1::IngestSummary summary;
  auto next_day = Response("r2", "chat", 9);
  *next_day.mutable_submitted_at() = Ts(kMarch1 + 86400);
  ASSERT_TRUE(Submit({{Response("r1", "chat", 9), next_day}}, &summary).ok());
  v1::GetScoresRequest request;
  *request.mutable_from() = Ts(kMarch1 - 12 * 3600);  // 2025-03-01T00:00Z
  *request.mutable_to() = Ts(kMarch1 + 12 * 3600);    // 2025-03-02T00:00Z
  v1::GetScoresResponse response;
  ASSERT_TRUE(Scores(request, &response).ok());
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
                    grpc::StubOptions(), &request, &reply,
                    [&](grpc::Status s) {
                      std::lock_guard lock(mu);
                      status = s;
                      done = true;
                      cv.notify_one();
                    });
  std::unique_lock lock(mu);
  cv.wait(lock, [&] { return done; });
  EXPECT_TRUE(status.ok()) << status.error_message();
  std::vector<grpc::Slice> slices;
  ASSERT_TRUE(reply.Dump(&slices).ok());
  std::string bytes;
  for (auto& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  EXPECT_EQ(bytes, std::string("\x08\x01", 2)) << "status: SERVING";
}

}  // namespace
}  // namespace cxscore::server
