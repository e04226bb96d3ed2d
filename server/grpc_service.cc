#include "server/grpc_service.h"

#include <string>
#include <vector>

#include "server/proto_convert.h"
#include "server/status_util.h"

namespace cxscore::server {
namespace {

// Hands one request's records to the store; `done` runs on the store's
// writer thread.
void SubmitBatch(storage::Store& store, const v1::RecordInteractionsRequest& in,
                 std::vector<std::string>* ids, storage::WriteCallback done) {
  std::vector<Interaction> records;
  records.reserve(in.interactions_size());
  for (const v1::Interaction& p : in.interactions()) {
    ids->push_back(p.interaction_id());
    records.push_back(FromProto(p));
  }
  store.RecordInteractions(std::move(records), {.sync = in.sync()},
                           std::move(done));
}

void SubmitBatch(storage::Store& store, const v1::SubmitResponsesRequest& in,
                 std::vector<std::string>* ids, storage::WriteCallback done) {
  std::vector<SurveyResponse> records;
  records.reserve(in.responses_size());
  for (const v1::SurveyResponse& p : in.responses()) {
    ids->push_back(p.response_id());
    records.push_back(FromProto(p));
  }
  store.SubmitResponses(std::move(records), {.sync = in.sync()},
                        std::move(done));
}

int RecordCount(const v1::RecordInteractionsRequest& in) {
  return in.interactions_size();
}
int RecordCount(const v1::SubmitResponsesRequest& in) {
  return in.responses_size();
}

// Reads batches one at a time: the next read starts only after the store
// acknowledged the previous batch, which bounds memory per stream and gives
// the client flow control. The summary is sent when the client half-closes.
// A write error ends the stream with that status; batches acknowledged
// before it stay stored, and resending them is harmless (duplicates).
template <typename Request>
class IngestReactor final : public grpc::ServerReadReactor<Request> {
 public:
  IngestReactor(storage::Store* store, v1::IngestSummary* summary)
      : store_(store), summary_(summary) {
    this->StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {  // half-close (or cancellation): all batches are applied
      this->Finish(grpc::Status::OK);
      return;
    }
    // Advance before submitting: the callback may start the next read (and
    // run OnReadDone on another thread) before SubmitBatch returns.
    const uint64_t first_index = next_index_;
    next_index_ += RecordCount(request_);
    auto ids = std::make_shared<std::vector<std::string>>();
    SubmitBatch(*store_, request_, ids.get(),
                [this, first_index, ids](storage::WriteResult result) {
                  if (!result.ok()) {
                    this->Finish(ToGrpcStatus(result.status()));
                    return;
                  }
                  AddOutcomes(*result, first_index, *ids, summary_);
                  this->StartRead(&request_);
                });
  }

  void OnDone() override { delete this; }

 private:
  storage::Store* store_;
  v1::IngestSummary* summary_;
  Request request_;
  uint64_t next_index_ = 0;  // stream position of the next record
};

}  // namespace

grpc::ServerReadReactor<v1::RecordInteractionsRequest>*
GrpcService::RecordInteractions(grpc::CallbackServerContext* /*context*/,
                                v1::IngestSummary* summary) {
  return new IngestReactor<v1::RecordInteractionsRequest>(&service_->store(),
                                                          summary);
}

grpc::ServerReadReactor<v1::SubmitResponsesRequest>*
GrpcService::SubmitResponses(grpc::CallbackServerContext* /*context*/,
                             v1::IngestSummary* summary) {
  return new IngestReactor<v1::SubmitResponsesRequest>(&service_->store(),
                                                       summary);
}

grpc::ServerUnaryReactor* GrpcService::GetScores(
    grpc::CallbackServerContext* context, const v1::GetScoresRequest* request,
    v1::GetScoresResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  absl::StatusOr<storage::RollupQuery> query = FromProto(*request);
  if (!query.ok()) {
    reactor->Finish(ToGrpcStatus(query.status()));
    return reactor;
  }
  const NpsIntervalMethod method = NpsMethodFromProto(*request);
  query_pool_->Schedule([this, reactor, response, method,
                         query = *std::move(query)] {
    absl::StatusOr<std::vector<GroupScores>> scores =
        service_->GetScores(query, method);
    if (scores.ok()) {
      for (const GroupScores& g : *scores)
        ToProto(g.group, query.group_by, g.summary, response->add_groups());
    }
    reactor->Finish(ToGrpcStatus(scores.status()));
  });
  return reactor;
}

}  // namespace cxscore::server
