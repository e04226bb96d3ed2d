#include "tests/client/documents/scripted_cxscore_service.h"

#include "absl/strings/str_cat.h"
#include "google/protobuf/text_format.h"

namespace cxscore::client {

template <typename Request, typename Response>
grpc::Status ScriptedCxScoreService::Dispatch(
    const char* name, const Handler<Request, Response>& handler,
    const Request& request, Response* response) {
  std::string text;
  google::protobuf::TextFormat::Printer printer;
  printer.SetSingleLineMode(true);
  printer.PrintToString(request, &text);
  {
    absl::MutexLock lock(&mu_);
    calls_.push_back(absl::StrCat(name, ": ", text));
  }
  if (!handler) {
    return grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                        absl::StrCat(name, " is not scripted"));
  }
  return handler(request, response);
}

grpc::Status ScriptedCxScoreService::GetScores(grpc::ServerContext*,
                                               const v1::GetScoresRequest* req,
                                               v1::GetScoresResponse* resp) {
  return Dispatch("GetScores", get_scores, *req, resp);
}

grpc::Status ScriptedCxScoreService::GetDrivers(
    grpc::ServerContext*, const v1::GetDriversRequest* req,
    v1::GetDriversResponse* resp) {
  return Dispatch("GetDrivers", get_drivers, *req, resp);
}

grpc::Status ScriptedCxScoreService::GetTrend(grpc::ServerContext*,
                                              const v1::GetTrendRequest* req,
                                              v1::GetTrendResponse* resp) {
  return Dispatch("GetTrend", get_trend, *req, resp);
}

grpc::Status ScriptedCxScoreService::RankAgents(
    grpc::ServerContext*, const v1::RankAgentsRequest* req,
    v1::RankAgentsResponse* resp) {
  return Dispatch("RankAgents", rank_agents, *req, resp);
}

grpc::Status ScriptedCxScoreService::ListComments(
    grpc::ServerContext*, const v1::ListCommentsRequest* req,
    v1::ListCommentsResponse* resp) {
  return Dispatch("ListComments", list_comments, *req, resp);
}

std::vector<std::string> ScriptedCxScoreService::calls() const {
  absl::MutexLock lock(&mu_);
  return calls_;
}

ScriptedServer::ScriptedServer() {
  int port = 0;
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(),
                           &port);
  builder.RegisterService(&service_);
  server_ = builder.BuildAndStart();
  address_ = absl::StrCat("127.0.0.1:", port);
}

ScriptedServer::~ScriptedServer() {
  server_->Shutdown(std::chrono::system_clock::now());
}

std::unique_ptr<v1::CxScore::Stub> ScriptedServer::NewStub() {
  return v1::CxScore::NewStub(
      grpc::CreateChannel(address_, grpc::InsecureChannelCredentials()));
}

}  // namespace cxscore::client
