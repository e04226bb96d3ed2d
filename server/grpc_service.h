// The gRPC face of ScoreService: thin callback-API handlers that convert the
// request, call the service or store, and convert the reply back.
#ifndef CXSCORE_SERVER_GRPC_SERVICE_H_
#define CXSCORE_SERVER_GRPC_SERVICE_H_

#include "cxscore/v1/cxscore.grpc.pb.h"
#include "server/access_control.h"
#include "server/ingest_limits.h"
#include "server/query_limits.h"
#include "server/score_service.h"
#include "server/store_health.h"
#include "server/worker_pool.h"

namespace cxscore::server {

// The two ingest streams are raw (grpc::ByteBuffer) methods: the handler
// parses each batch itself, so that a batch that does not parse is reported
// instead of being taken for the end of the stream (grpc_service.cc).
using CxScoreBase = v1::CxScore::WithRawCallbackMethod_RecordInteractions<
    v1::CxScore::WithRawCallbackMethod_SubmitResponses<
        v1::CxScore::CallbackService>>;

class GrpcService final : public CxScoreBase {
 public:
  // All must outlive the gRPC server that serves this service. Every call
  // is admitted by `access` (who is calling, may it) before any work;
  // ingest streams are then bounded by `ingest_limits`, queries by
  // `query_pool`'s queue; `health` hears of every store write's status.
  // Backups (CreateBackup, ListBackups), which take minutes, run on
  // `admin_pool` with its own small bounded queue, so that they hold up no
  // query and no query fills their queue.
  GrpcService(ScoreService* service, WorkerPool* query_pool,
              AccessControl* access, IngestLimits* ingest_limits,
              StoreHealth* health, WorkerPool* admin_pool)
      : service_(service),
        query_pool_(query_pool),
        admin_pool_(admin_pool),
        access_(access),
        ingest_limits_(ingest_limits),
        health_(health) {}

  // Client streams of batches; the reply is a serialized v1::IngestSummary.
  grpc::ServerReadReactor<grpc::ByteBuffer>* RecordInteractions(
      grpc::CallbackServerContext* context, grpc::ByteBuffer* summary) override;
  grpc::ServerReadReactor<grpc::ByteBuffer>* SubmitResponses(
      grpc::CallbackServerContext* context, grpc::ByteBuffer* summary) override;
  grpc::ServerUnaryReactor* GetScores(grpc::CallbackServerContext* context,
                                      const v1::GetScoresRequest* request,
                                      v1::GetScoresResponse* response) override;
  grpc::ServerUnaryReactor* GetDrivers(
      grpc::CallbackServerContext* context,
      const v1::GetDriversRequest* request,
      v1::GetDriversResponse* response) override;
  grpc::ServerUnaryReactor* GetTrend(grpc::CallbackServerContext* context,
                                     const v1::GetTrendRequest* request,
                                     v1::GetTrendResponse* response) override;
  grpc::ServerUnaryReactor* ListComments(
      grpc::CallbackServerContext* context,
      const v1::ListCommentsRequest* request,
      v1::ListCommentsResponse* response) override;
  grpc::ServerUnaryReactor* RankAgents(
      grpc::CallbackServerContext* context,
      const v1::RankAgentsRequest* request,
      v1::RankAgentsResponse* response) override;
  // Admin only; runs on the query pool for as long as the check takes.
  grpc::ServerUnaryReactor* Verify(grpc::CallbackServerContext* context,
                                   const v1::VerifyRequest* request,
                                   v1::VerifyResponse* response) override;
  // Admin only; run on the admin pool.
  grpc::ServerUnaryReactor* CreateBackup(grpc::CallbackServerContext* context,
                                         const v1::CreateBackupRequest* request,
                                         v1::BackupInfo* response) override;
  grpc::ServerUnaryReactor* ListBackups(
      grpc::CallbackServerContext* context,
      const v1::ListBackupsRequest* request,
      v1::ListBackupsResponse* response) override;

 private:
  // Admits the call (access control), then runs `work`
  // (absl::Status(const Admission&)) on the query pool and finishes the call
  // with its status. RESOURCE_EXHAUSTED when the pool's queue is full; a
  // call whose client gave up while it was queued is not run
  // (query_limits.h).
  template <typename Work>
  grpc::ServerUnaryReactor* OnQueryPool(grpc::CallbackServerContext* context,
                                        auth::Method method,
                                        const auth::ReadScope& scope,
                                        Work work) {
    return OnPool(query_pool_, &QueueFullError, context, method, scope,
                  std::move(work));
  }
  // The same on the admin pool (AdminQueueFullError when its queue is full).
  template <typename Work>
  grpc::ServerUnaryReactor* OnAdminPool(grpc::CallbackServerContext* context,
                                        auth::Method method, Work work) {
    return OnPool(admin_pool_, &AdminQueueFullError, context, method,
                  auth::ReadScope{}, std::move(work));
  }
  // The same on `pool`; `queue_full` makes the error for a full queue.
  template <typename Work>
  grpc::ServerUnaryReactor* OnPool(WorkerPool* pool,
                                   absl::Status (*queue_full)(size_t),
                                   grpc::CallbackServerContext* context,
                                   auth::Method method,
                                   const auth::ReadScope& scope, Work work);
  // Admits an ingest stream, or refuses it before reading anything (access
  // control, or RESOURCE_EXHAUSTED beyond --max-ingest-streams).
  template <typename Request>
  grpc::ServerReadReactor<grpc::ByteBuffer>* StartIngest(
      grpc::CallbackServerContext* context, auth::Method method,
      grpc::ByteBuffer* summary);

  ScoreService* service_;
  WorkerPool* query_pool_;
  WorkerPool* admin_pool_;
  AccessControl* access_;
  IngestLimits* ingest_limits_;
  StoreHealth* health_;
};

}  // namespace cxscore::server

#endif  // CXSCORE_SERVER_GRPC_SERVICE_H_
