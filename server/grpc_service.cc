#include "server/grpc_service.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/status_macros.h"
#include "grpcpp/support/byte_buffer.h"
#include "grpcpp/support/proto_buffer_reader.h"
#include "grpcpp/support/proto_buffer_writer.h"
#include "server/access_scope.h"
#include "server/aggregate_guard.h"
#include "server/query_limits.h"
#include "server/reply_convert.h"
#include "server/request_convert.h"
#include "server/status_util.h"
#include "wire/enum_mapping.h"

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
// A write error ends the stream with that status (and tells `health`);
// batches acknowledged before it stay stored, and resending them is
// harmless (duplicates).
//
// Batches are read as raw bytes and parsed here: with typed reads gRPC
// reports a batch that does not parse (say, a string field that is not
// UTF-8) exactly like the end of the stream, and the call would end OK with
// that batch's records unaccounted for. Here it ends the call with
// INVALID_ARGUMENT naming the batch and counting what was applied before it;
// a batch over --max-batch-records ends it the same way with
// RESOURCE_EXHAUSTED (ingest_limits.h).
template <typename Request>
class IngestReactor final : public grpc::ServerReadReactor<grpc::ByteBuffer> {
 public:
  struct Parts {
    storage::Store* store;
    AccessControl* access;
    IngestLimits* limits;
    StoreHealth* health;
  };

  IngestReactor(Parts parts, const grpc::CallbackServerContext* context,
                grpc::ByteBuffer* reply, Admission admission,
                IngestLimits::StreamSlot slot)
      : parts_(parts),
        context_(context),
        reply_(reply),
        admission_(std::move(admission)),
        slot_(std::move(slot)) {
    StartRead(&batch_bytes_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {
      // Half-close: all batches are applied. Or the client gave up (the
      // audit line says so; the client hears it from gRPC).
      if (absl::Status gave_up = ClientGaveUp(*context_); !gave_up.ok()) {
        End(ToGrpcStatus(gave_up));
        return;
      }
      FinishWithSummary();
      return;
    }
    request_.Clear();
    grpc::Status parsed = grpc::SerializationTraits<Request>::Deserialize(
        &batch_bytes_, &request_);
    if (!parsed.ok()) {
      End(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                       UnparsableBatchMessage()));
      return;
    }
    if (absl::Status s = parts_.limits->CheckBatch(RecordCount(request_),
                                                   progress_, summary_);
        !s.ok()) {
      End(ToGrpcStatus(s));
      return;
    }
    // Advance before submitting: the callback may start the next read (and
    // run OnReadDone on another thread) before SubmitBatch returns.
    const uint64_t first_index = progress_.records;
    progress_.records += RecordCount(request_);
    ++progress_.batches;
    auto ids = std::make_shared<std::vector<std::string>>();
    SubmitBatch(*parts_.store, request_, ids.get(),
                [this, first_index, ids](storage::WriteResult result) {
                  parts_.health->ReportWrite(result.status());
                  if (!result.ok()) {
                    End(ToGrpcStatus(result.status()));
                    return;
                  }
                  AddOutcomes(*result, first_index, *ids,
                              parts_.limits->max_listed_rejections(),
                              &summary_);
                  StartRead(&batch_bytes_);
                });
  }

  void OnDone() override { delete this; }

 private:
  void FinishWithSummary() {
    bool own_buffer = false;
    grpc::Status serialized =
        grpc::SerializationTraits<v1::IngestSummary>::Serialize(
            summary_, reply_, &own_buffer);
    End(serialized);
  }

  void End(const grpc::Status& status) {
    parts_.access->Finished(admission_,
                            static_cast<absl::StatusCode>(status.error_code()));
    Finish(status);
  }

  // Batch positions are 1-based, record indexes 0-based as in the summary.
  // Every batch before this one was acknowledged (reads wait for the store).
  std::string UnparsableBatchMessage() const {
    return absl::StrCat(
        "batch ", progress_.batches + 1, " (records from index ",
        progress_.records, ") is not a valid ",
        Request::descriptor()->full_name(),
        " (for example a string field that is not UTF-8); nothing of it was "
        "stored. ",
        AppliedBefore(progress_, summary_));
  }

  const Parts parts_;
  const grpc::CallbackServerContext* const context_;
  grpc::ByteBuffer* reply_;
  const Admission admission_;
  const IngestLimits::StreamSlot slot_;  // held until the call is done
  grpc::ByteBuffer batch_bytes_;
  Request request_;
  v1::IngestSummary summary_;
  StreamProgress progress_;  // batches and records parsed so far
};

// A stream refused before its first read: no token, not the ingest role
// (audited by Admit), or too many streams (audited here, via `access`).
class RefusedStream final : public grpc::ServerReadReactor<grpc::ByteBuffer> {
 public:
  explicit RefusedStream(const absl::Status& status) {
    Finish(ToGrpcStatus(status));
  }
  RefusedStream(const absl::Status& status, AccessControl* access,
                const Admission& admission) {
    access->Finished(admission, status.code());
    Finish(ToGrpcStatus(status));
  }
  void OnDone() override { delete this; }
};

// For an agent's aggregate read: each group of the answer must cover
// enough agents (auth::kMinAgentsInAggregate).
absl::Status CheckMinimumGroup(const Admission& admission,
                               storage::Store& store,
                               const storage::RollupQuery& query) {
  if (!admission.needs_minimum_group) return absl::OkStatus();
  return CheckAggregateGroups(store, query, admission.principal);
}

}  // namespace

template <typename Request>
grpc::ServerReadReactor<grpc::ByteBuffer>* GrpcService::StartIngest(
    grpc::CallbackServerContext* context, auth::Method method,
    grpc::ByteBuffer* summary) {
  absl::StatusOr<Admission> admission =
      access_->Admit(*context, method, auth::ReadScope{});
  if (!admission.ok()) return new RefusedStream(admission.status());
  absl::StatusOr<IngestLimits::StreamSlot> slot = ingest_limits_->OpenStream();
  if (!slot.ok()) return new RefusedStream(slot.status(), access_, *admission);
  return new IngestReactor<Request>(
      {&service_->store(), access_, ingest_limits_, health_}, context, summary,
      *std::move(admission), *std::move(slot));
}

grpc::ServerReadReactor<grpc::ByteBuffer>* GrpcService::RecordInteractions(
    grpc::CallbackServerContext* context, grpc::ByteBuffer* summary) {
  return StartIngest<v1::RecordInteractionsRequest>(
      context, auth::Method::kRecordInteractions, summary);
}

grpc::ServerReadReactor<grpc::ByteBuffer>* GrpcService::SubmitResponses(
    grpc::CallbackServerContext* context, grpc::ByteBuffer* summary) {
  return StartIngest<v1::SubmitResponsesRequest>(
      context, auth::Method::kSubmitResponses, summary);
}

template <typename Work>
grpc::ServerUnaryReactor* GrpcService::OnPool(
    WorkerPool* pool, absl::Status (*queue_full)(size_t),
    grpc::CallbackServerContext* context, auth::Method method,
    const auth::ReadScope& scope, Work work) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  absl::StatusOr<Admission> admission = access_->Admit(*context, method, scope);
  if (!admission.ok()) {
    reactor->Finish(ToGrpcStatus(admission.status()));
    return reactor;
  }
  const bool queued =
      pool->TrySchedule([this, context, reactor, admission = *admission,
                         work = std::move(work)]() mutable {
        absl::Status status = ClientGaveUp(*context);  // while queued
        if (status.ok()) {
          status = work(admission);
          // The client may have given up while it ran: audit what it saw.
          if (absl::Status gave_up = ClientGaveUp(*context); !gave_up.ok())
            status = gave_up;
        }
        access_->Finished(admission, status.code());
        reactor->Finish(ToGrpcStatus(status));
      });
  if (!queued) {
    const absl::Status full = queue_full(pool->max_queued());
    access_->Finished(*admission, full.code());
    reactor->Finish(ToGrpcStatus(full));
  }
  return reactor;
}

grpc::ServerUnaryReactor* GrpcService::GetScores(
    grpc::CallbackServerContext* context, const v1::GetScoresRequest* request,
    v1::GetScoresResponse* response) {
  return OnQueryPool(
      context, auth::Method::kGetScores, ScopeOf(*request),
      [this, request, response](const Admission& admission) -> absl::Status {
        absl::StatusOr<storage::RollupQuery> query = FromProto(*request);
        if (!query.ok()) return query.status();
        auto compare = CompareQueryFromProto(*request, *query);
        if (!compare.ok()) return compare.status();
        RETURN_IF_ERROR(
            CheckMinimumGroup(admission, service_->store(), *query));
        if (compare->has_value())
          RETURN_IF_ERROR(
              CheckMinimumGroup(admission, service_->store(), **compare));
        auto scores = service_->GetScores(
            *query, wire::NpsMethodFromProto(request->nps_interval()),
            *compare);
        if (!scores.ok()) return scores.status();
        for (const GroupScores& g : *scores)
          ToProto(g, *query, response->add_groups());
        if (request->count_agents()) {
          ASSIGN_OR_RETURN(AgentCounts agents,
                           CountAgentsPerGroup(service_->store(), *query));
          for (int i = 0; i < response->groups_size(); ++i)
            response->mutable_groups(i)->set_agents(
                agents[(*scores)[i].group.key].in_group);
        }
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* GrpcService::GetDrivers(
    grpc::CallbackServerContext* context, const v1::GetDriversRequest* request,
    v1::GetDriversResponse* response) {
  return OnQueryPool(
      context, auth::Method::kGetDrivers, ScopeOf(*request),
      [this, request, response](const Admission& admission) -> absl::Status {
        absl::StatusOr<storage::RollupQuery> selection =
            DriversQueryFromProto(*request);
        if (!selection.ok()) return selection.status();
        storage::RollupQuery answered = *selection;
        if (request->level() == v1::DRIVER_LEVEL_WEEK)
          answered.group_by.push_back(storage::GroupDim::kWeek);
        RETURN_IF_ERROR(
            CheckMinimumGroup(admission, service_->store(), answered));
        absl::StatusOr<std::vector<Kpi>> kpis = KpisFromProto(*request);
        if (!kpis.ok()) return kpis.status();
        if (!selection->group_by.empty()) {
          auto groups = service_->GetDriverGroups(*selection, *kpis);
          if (!groups.ok()) return groups.status();
          for (const DriverGroup& group : *groups)
            ToProto(group, *selection, response->add_groups());
          return absl::OkStatus();
        }
        absl::StatusOr<DriversReport> report = service_->GetDrivers(
            *selection, *kpis, LevelFromProto(request->level()));
        if (!report.ok()) return report.status();
        ToProto(*report, response);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* GrpcService::GetTrend(
    grpc::CallbackServerContext* context, const v1::GetTrendRequest* request,
    v1::GetTrendResponse* response) {
  return OnQueryPool(
      context, auth::Method::kGetTrend, ScopeOf(*request),
      [this, request, response](const Admission& admission) -> absl::Status {
        absl::StatusOr<storage::RollupQuery> selection =
            TrendQueryFromProto(*request);
        if (!selection.ok()) return selection.status();
        auto metric = MetricFromProto(request->metric(), "metric");
        if (!metric.ok()) return metric.status();
        auto period = PeriodFromProto(request->interval(), "interval");
        if (!period.ok()) return period.status();
        if (admission.needs_minimum_group) {  // every point of the series
          ASSIGN_OR_RETURN(storage::GroupDim per_period,
                           GroupDimFromProto(request->interval(), "interval"));
          storage::RollupQuery answered = *selection;
          answered.group_by.push_back(per_period);
          RETURN_IF_ERROR(
              CheckMinimumGroup(admission, service_->store(), answered));
        }
        const NpsIntervalMethod method =
            wire::NpsMethodFromProto(request->nps_interval());
        auto series = service_->GetTrend(*selection, *period, *metric, method);
        if (!series.ok()) return series.status();
        for (const TrendSeries& s : *series)
          ToProto(s, *selection, response->add_series());
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* GrpcService::ListComments(
    grpc::CallbackServerContext* context,
    const v1::ListCommentsRequest* request,
    v1::ListCommentsResponse* response) {
  return OnQueryPool(
      context, auth::Method::kListComments, ScopeOf(*request),
      [this, request, response](const Admission& admission) -> absl::Status {
        absl::StatusOr<storage::RollupQuery> selection =
            FromProto(request->selection());
        if (!selection.ok()) return selection.status();
        RETURN_IF_ERROR(
            CheckMinimumGroup(admission, service_->store(), *selection));
        if (request->limit() > 1000)
          return absl::InvalidArgumentError("limit: at most 1000");
        const size_t limit = request->limit() == 0 ? 20 : request->limit();
        auto comments = service_->ListComments(
            *selection, CommentFilterFromProto(request->filter()), limit);
        if (!comments.ok()) return comments.status();
        for (const SurveyResponse& r : *comments)
          ToProto(r, response->add_comments());
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* GrpcService::RankAgents(
    grpc::CallbackServerContext* context, const v1::RankAgentsRequest* request,
    v1::RankAgentsResponse* response) {
  return OnQueryPool(
      context, auth::Method::kRankAgents, ScopeOf(*request),
      [this, request, response](const Admission& admission) -> absl::Status {
        absl::StatusOr<storage::RollupQuery> selection =
            FromProto(request->selection());
        if (!selection.ok()) return selection.status();
        RETURN_IF_ERROR(
            CheckMinimumGroup(admission, service_->store(), *selection));
        auto metric = MetricFromProto(request->rank_by(), "rank_by");
        if (!metric.ok()) return metric.status();
        const NpsIntervalMethod method =
            wire::NpsMethodFromProto(request->nps_interval());
        auto ranking = service_->RankAgents(*selection, *metric, method);
        if (!ranking.ok()) return ranking.status();
        ToProto(*ranking, response);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* GrpcService::Verify(
    grpc::CallbackServerContext* context, const v1::VerifyRequest* request,
    v1::VerifyResponse* response) {
  return OnQueryPool(
      context, auth::Method::kVerify, auth::ReadScope{},
      [this, request, response](const Admission&) -> absl::Status {
        ASSIGN_OR_RETURN(storage::VerifyReport report,
                         service_->store().Verify(request->repair()));
        ToProto(report, response);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* GrpcService::CreateBackup(
    grpc::CallbackServerContext* context,
    const v1::CreateBackupRequest* /*request*/, v1::BackupInfo* response) {
  return OnAdminPool(context, auth::Method::kCreateBackup,
                     [this, response](const Admission&) -> absl::Status {
                       ASSIGN_OR_RETURN(storage::BackupInfo backup,
                                        service_->store().CreateBackup());
                       ToProto(backup, response);
                       return absl::OkStatus();
                     });
}

grpc::ServerUnaryReactor* GrpcService::ListBackups(
    grpc::CallbackServerContext* context,
    const v1::ListBackupsRequest* /*request*/,
    v1::ListBackupsResponse* response) {
  return OnAdminPool(context, auth::Method::kListBackups,
                     [this, response](const Admission&) -> absl::Status {
                       ASSIGN_OR_RETURN(
                           std::vector<storage::BackupInfo> backups,
                           service_->store().ListBackups());
                       for (const storage::BackupInfo& backup : backups)
                         ToProto(backup, response->add_backups());
                       return absl::OkStatus();
                     });
}

}  // namespace cxscore::server
