#include "server/server.h"

#include <iostream>

#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/health_check_service_interface.h"
#include "server/grpc_service.h"
#include "server/score_service.h"
#include "server/store_health.h"
#include "server/worker_pool.h"

namespace cxscore::server {

// Declared in destruction order's reverse: the gRPC server goes first.
struct Server::Parts {
  std::unique_ptr<AccessControl> access;
  std::unique_ptr<ScoreService> service;
  std::unique_ptr<IngestLimits> ingest_limits;
  std::unique_ptr<StoreHealth> health;
  std::unique_ptr<WorkerPool> query_pool;
  std::unique_ptr<WorkerPool> admin_pool;  // backups (grpc_service.h)
  std::unique_ptr<GrpcService> grpc_service;
  std::unique_ptr<grpc::Server> grpc_server;
};

absl::StatusOr<std::unique_ptr<Server>> Server::Start(
    const ServerOptions& options, storage::Store& store) {
  ListenSecurity security = options.security;
  security.tokens_configured = !options.access.tokens_file.empty();
  if (absl::Status s = CheckListenSecurity(options.listen, security); !s.ok())
    return s;
  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials =
      ServerCredentialsFor(options.security.tls);
  if (!credentials.ok()) return credentials.status();
  auto parts = std::make_unique<Parts>();
  absl::StatusOr<std::unique_ptr<AccessControl>> access =
      AccessControl::Create(options.access);
  if (!access.ok()) return access.status();
  parts->access = *std::move(access);
  parts->service = std::make_unique<ScoreService>(&store);
  parts->ingest_limits = std::make_unique<IngestLimits>(options.ingest_limits);
  parts->health = std::make_unique<StoreHealth>(&std::cerr);
  parts->query_pool = std::make_unique<WorkerPool>(options.query_threads,
                                                   options.max_queued_queries);
  parts->admin_pool =
      std::make_unique<WorkerPool>(kAdminThreads, kAdminMaxQueued);
  parts->grpc_service = std::make_unique<GrpcService>(
      parts->service.get(), parts->query_pool.get(), parts->access.get(),
      parts->ingest_limits.get(), parts->health.get(), parts->admin_pool.get());

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(options.listen, *credentials, &port);
  builder.RegisterService(parts->grpc_service.get());
  builder.SetMaxReceiveMessageSize(options.max_message_bytes);
  builder.SetMaxSendMessageSize(options.max_message_bytes);
  parts->grpc_server = builder.BuildAndStart();
  if (parts->grpc_server == nullptr || port == 0)
    return absl::UnavailableError("listen: cannot listen on " + options.listen);
  parts->health->Attach(parts->grpc_server->GetHealthCheckService());
  return std::unique_ptr<Server>(new Server(std::move(parts), port));
}

Server::Server(std::unique_ptr<Parts> parts, int port)
    : parts_(std::move(parts)), port_(port) {}

void Server::Shutdown(absl::Duration grace) {
  if (parts_->grpc_server == nullptr) return;
  parts_->grpc_server->Shutdown(absl::ToChronoTime(absl::Now() + grace));
  parts_->grpc_server->Wait();
  parts_->health->Attach(nullptr);  // the health service goes with the server
  parts_->grpc_server.reset();
}

absl::Status Server::ReloadTokens() {
  if (!parts_->access->tokens_configured()) return absl::OkStatus();
  return parts_->access->ReloadTokens();
}

Server::~Server() { Shutdown(); }

}  // namespace cxscore::server
