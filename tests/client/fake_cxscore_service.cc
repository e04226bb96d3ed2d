#include "tests/client/fake_cxscore_service.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "client/rpc.h"

namespace cxscore::client {
namespace {

absl::Duration DeadlineLeft(grpc::ServerContext* context) {
  auto deadline = context->deadline();
  if (deadline == std::chrono::system_clock::time_point::max()) {
    return absl::InfiniteDuration();
  }
  return absl::FromChrono(deadline - std::chrono::system_clock::now());
}

// Sleeps for `delay`, or less when the client gives up (so that a test of
// a deadline does not wait for the fake at shutdown).
void Delay(grpc::ServerContext* context, absl::Duration delay) {
  absl::Time end = absl::Now() + delay;
  while (absl::Now() < end && !context->IsCancelled()) {
    absl::SleepFor(absl::Milliseconds(10));
  }
}

}  // namespace

void FakeCxScoreService::Judge(const std::string& id, uint64_t index,
                               v1::IngestSummary* summary) {
  if (absl::StartsWith(id, "bad")) {
    if (report_rejected_total)
      summary->set_rejected_total(summary->rejected_total() + 1);
    if (static_cast<size_t>(summary->rejected_size()) >= max_listed_rejections)
      return;
    v1::RejectedRecord* rejected = summary->add_rejected();
    rejected->set_index(index);
    rejected->set_id(id);
    rejected->set_code("INVALID_ARGUMENT");
    rejected->set_field("nps");
    rejected->set_reason("nps must be an integer in 0..10");
  } else if (absl::StartsWith(id, "dup")) {
    summary->set_duplicates(summary->duplicates() + 1);
  } else if (absl::StartsWith(id, "stale")) {
    summary->set_stale(summary->stale() + 1);
  } else {
    summary->set_accepted(summary->accepted() + 1);
  }
}

grpc::Status FakeCxScoreService::RecordInteractions(
    grpc::ServerContext* context,
    grpc::ServerReader<v1::RecordInteractionsRequest>* reader,
    v1::IngestSummary* summary) {
  {
    absl::MutexLock lock(&mu_);
    ++seen_.calls;
    seen_.deadline_left = DeadlineLeft(context);
  }
  Delay(context, delay);
  v1::RecordInteractionsRequest request;
  uint64_t index = 0;
  while (reader->Read(&request)) {
    absl::MutexLock lock(&mu_);
    seen_.batch_sizes.push_back(request.interactions_size());
    seen_.batch_sync.push_back(request.sync());
    for (const v1::Interaction& interaction : request.interactions()) {
      seen_.interactions.push_back(interaction);
      Judge(interaction.interaction_id(), index++, summary);
    }
  }
  return status_to_return;
}

grpc::Status FakeCxScoreService::SubmitResponses(
    grpc::ServerContext* context,
    grpc::ServerReader<v1::SubmitResponsesRequest>* reader,
    v1::IngestSummary* summary) {
  {
    absl::MutexLock lock(&mu_);
    ++seen_.calls;
    seen_.deadline_left = DeadlineLeft(context);
  }
  Delay(context, delay);
  v1::SubmitResponsesRequest request;
  uint64_t index = 0;
  while (reader->Read(&request)) {
    absl::MutexLock lock(&mu_);
    seen_.batch_sizes.push_back(request.responses_size());
    seen_.batch_sync.push_back(request.sync());
    for (const v1::SurveyResponse& response : request.responses()) {
      seen_.responses.push_back(response);
      Judge(response.response_id(), index++, summary);
    }
  }
  return status_to_return;
}

template <typename Request, typename Response>
grpc::Status FakeCxScoreService::Answer(grpc::ServerContext* context,
                                        const Request& request,
                                        Request Seen::*slot,
                                        const Response& answer,
                                        Response* response) {
  {
    absl::MutexLock lock(&mu_);
    ++seen_.calls;
    seen_.deadline_left = DeadlineLeft(context);
    seen_.*slot = request;
  }
  Delay(context, delay);
  *response = answer;
  return status_to_return;
}

grpc::Status FakeCxScoreService::GetScores(grpc::ServerContext* context,
                                           const v1::GetScoresRequest* request,
                                           v1::GetScoresResponse* response) {
  return Answer(context, *request, &Seen::scores_request, scores_response,
                response);
}

grpc::Status FakeCxScoreService::GetDrivers(
    grpc::ServerContext* context, const v1::GetDriversRequest* request,
    v1::GetDriversResponse* response) {
  return Answer(context, *request, &Seen::drivers_request, drivers_response,
                response);
}

grpc::Status FakeCxScoreService::GetTrend(grpc::ServerContext* context,
                                          const v1::GetTrendRequest* request,
                                          v1::GetTrendResponse* response) {
  return Answer(context, *request, &Seen::trend_request, trend_response,
                response);
}

grpc::Status FakeCxScoreService::RankAgents(
    grpc::ServerContext* context, const v1::RankAgentsRequest* request,
    v1::RankAgentsResponse* response) {
  return Answer(context, *request, &Seen::agents_request, agents_response,
                response);
}

FakeCxScoreService::Seen FakeCxScoreService::seen() const {
  absl::MutexLock lock(&mu_);
  return seen_;
}

FakeServer::FakeServer() {
  int port = 0;
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(),
                           &port);
  builder.RegisterService(&service_);
  server_ = builder.BuildAndStart();
  address_ = absl::StrCat("127.0.0.1:", port);
}

FakeServer::~FakeServer() {
  server_->Shutdown(std::chrono::system_clock::now());
}

std::unique_ptr<v1::CxScore::Stub> FakeServer::NewStub() {
  return v1::CxScore::NewStub(MakeChannel(address_));
}

std::string UnusedAddress() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  socklen_t len = sizeof(addr);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return absl::StrCat("127.0.0.1:", ntohs(addr.sin_port));
}

}  // namespace cxscore::client
