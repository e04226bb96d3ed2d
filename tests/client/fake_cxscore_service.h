// An in-process stand-in for cxscored: records what the CLI sends and
// answers as configured. Lets the client's RPC code be tested without the
// real server.
#ifndef CXSCORE_TESTS_CLIENT_FAKE_CXSCORE_SERVICE_H_
#define CXSCORE_TESTS_CLIENT_FAKE_CXSCORE_SERVICE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "cxscore/v1/cxscore.grpc.pb.h"
#include "grpcpp/grpcpp.h"

namespace cxscore::client {

// Rules of the fake ingest: a record whose id starts with "bad" is rejected
// (INVALID_ARGUMENT, field "nps"); one starting with "dup" counts as a
// duplicate; every other record is accepted.
class FakeCxScoreService final : public v1::CxScore::Service {
 public:
  grpc::Status RecordInteractions(
      grpc::ServerContext* context,
      grpc::ServerReader<v1::RecordInteractionsRequest>* reader,
      v1::IngestSummary* summary) override;
  grpc::Status SubmitResponses(
      grpc::ServerContext* context,
      grpc::ServerReader<v1::SubmitResponsesRequest>* reader,
      v1::IngestSummary* summary) override;
  grpc::Status GetScores(grpc::ServerContext* context,
                         const v1::GetScoresRequest* request,
                         v1::GetScoresResponse* response) override;
  grpc::Status GetDrivers(grpc::ServerContext* context,
                          const v1::GetDriversRequest* request,
                          v1::GetDriversResponse* response) override;
  grpc::Status GetTrend(grpc::ServerContext* context,
                        const v1::GetTrendRequest* request,
                        v1::GetTrendResponse* response) override;
  grpc::Status RankAgents(grpc::ServerContext* context,
                          const v1::RankAgentsRequest* request,
                          v1::RankAgentsResponse* response) override;

  // Configuration; set before the calls.
  absl::Duration delay = absl::ZeroDuration();  // before answering any call
  grpc::Status status_to_return = grpc::Status::OK;
  // Rejections listed in the summary (like cxscored's
  // --max-listed-rejections); rejected_total counts them all, unless
  // !report_rejected_total (a server that predates the field).
  size_t max_listed_rejections = SIZE_MAX;
  bool report_rejected_total = true;
  v1::GetScoresResponse scores_response;
  v1::GetDriversResponse drivers_response;
  v1::GetTrendResponse trend_response;
  v1::RankAgentsResponse agents_response;

  // What arrived.
  struct Seen {
    int calls = 0;
    std::vector<size_t> batch_sizes;
    std::vector<bool> batch_sync;
    std::vector<v1::Interaction> interactions;
    std::vector<v1::SurveyResponse> responses;
    v1::GetScoresRequest scores_request;
    v1::GetDriversRequest drivers_request;
    v1::GetTrendRequest trend_request;
    v1::RankAgentsRequest agents_request;
    // Time left until the call's deadline when it arrived.
    absl::Duration deadline_left = absl::InfiniteDuration();
  };
  Seen seen() const;

 private:
  void Judge(const std::string& id, uint64_t index, v1::IngestSummary* summary);
  // Counts a unary call, keeps its request in `slot`, waits `delay`, and
  // returns `answer` and status_to_return.
  template <typename Request, typename Response>
  grpc::Status Answer(grpc::ServerContext* context, const Request& request,
                      Request Seen::*slot, const Response& answer,
                      Response* response);

  mutable absl::Mutex mu_;
  Seen seen_ ABSL_GUARDED_BY(mu_);
};

// Runs a FakeCxScoreService on a loopback port.
class FakeServer {
 public:
  FakeServer();
  ~FakeServer();

  FakeCxScoreService& service() { return service_; }
  // "127.0.0.1:PORT".
  const std::string& address() const { return address_; }
  std::unique_ptr<v1::CxScore::Stub> NewStub();

 private:
  FakeCxScoreService service_;
  std::unique_ptr<grpc::Server> server_;
  std::string address_;
};

// An address where nothing listens (a port that was free a moment ago).
std::string UnusedAddress();

}  // namespace cxscore::client

#endif  // CXSCORE_TESTS_CLIENT_FAKE_CXSCORE_SERVICE_H_
