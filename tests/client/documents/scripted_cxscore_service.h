// An in-process CxScore service whose answers are functions of the request,
// for commands that make many different calls (scorecards, the team
// report). A call without a handler answers UNIMPLEMENTED, like an older
// server.
#ifndef CXSCORE_TESTS_CLIENT_DOCUMENTS_SCRIPTED_CXSCORE_SERVICE_H_
#define CXSCORE_TESTS_CLIENT_DOCUMENTS_SCRIPTED_CXSCORE_SERVICE_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "cxscore/v1/cxscore.grpc.pb.h"
#include "grpcpp/grpcpp.h"

namespace cxscore::client {

template <typename Request, typename Response>
using Handler = std::function<grpc::Status(const Request&, Response*)>;

class ScriptedCxScoreService final : public v1::CxScore::Service {
 public:
  // Set before the calls.
  Handler<v1::GetScoresRequest, v1::GetScoresResponse> get_scores;
  Handler<v1::GetDriversRequest, v1::GetDriversResponse> get_drivers;
  Handler<v1::GetTrendRequest, v1::GetTrendResponse> get_trend;
  Handler<v1::RankAgentsRequest, v1::RankAgentsResponse> rank_agents;
  Handler<v1::ListCommentsRequest, v1::ListCommentsResponse> list_comments;

  grpc::Status GetScores(grpc::ServerContext*, const v1::GetScoresRequest* req,
                         v1::GetScoresResponse* resp) override;
  grpc::Status GetDrivers(grpc::ServerContext*,
                          const v1::GetDriversRequest* req,
                          v1::GetDriversResponse* resp) override;
  grpc::Status GetTrend(grpc::ServerContext*, const v1::GetTrendRequest* req,
                        v1::GetTrendResponse* resp) override;
  grpc::Status RankAgents(grpc::ServerContext*,
                          const v1::RankAgentsRequest* req,
                          v1::RankAgentsResponse* resp) override;
  grpc::Status ListComments(grpc::ServerContext*,
                            const v1::ListCommentsRequest* req,
                            v1::ListCommentsResponse* resp) override;

  // Every call that arrived, as "Method: request in text format".
  std::vector<std::string> calls() const;

 private:
  template <typename Request, typename Response>
  grpc::Status Dispatch(const char* name,
                        const Handler<Request, Response>& handler,
                        const Request& request, Response* response);

  mutable absl::Mutex mu_;
  std::vector<std::string> calls_ ABSL_GUARDED_BY(mu_);
};

// Runs a ScriptedCxScoreService on a loopback port.
class ScriptedServer {
 public:
  ScriptedServer();
  ~ScriptedServer();

  ScriptedCxScoreService& service() { return service_; }
  const std::string& address() const { return address_; }
  std::unique_ptr<v1::CxScore::Stub> NewStub();

 private:
  ScriptedCxScoreService service_;
  std::unique_ptr<grpc::Server> server_;
  std::string address_;
};

}  // namespace cxscore::client

#endif  // CXSCORE_TESTS_CLIENT_DOCUMENTS_SCRIPTED_CXSCORE_SERVICE_H_
