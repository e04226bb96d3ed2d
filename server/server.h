// cxscored's gRPC server over a Store. The server does not open or close
// the store: server/main.cc opens the RocksDB store, tests pass a
// MemoryStore (storage/memory_store.h).
#ifndef CXSCORE_SERVER_SERVER_H_
#define CXSCORE_SERVER_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/access_control.h"
#include "server/ingest_limits.h"
#include "server/transport_security.h"
#include "storage/store.h"

namespace cxscore::server {

// The admin pool: CreateBackup and ListBackups run on it, off the query
// pool (grpc_service.h). Two threads: a second CreateBackup while one runs
// is refused at once (storage/backup.h) rather than queued behind it.
inline constexpr int kAdminThreads = 2;
// Admin calls that may wait for an admin thread; one more is refused with
// RESOURCE_EXHAUSTED (AdminQueueFullError), like a query beyond
// --max-queued-queries.
inline constexpr size_t kAdminMaxQueued = 8;

struct ServerOptions {
  // HOST:PORT to listen on; port 0 picks a free port (see Server::port()).
  std::string listen = "127.0.0.1:50051";
  // Threads that run rollup queries off the gRPC callback threads.
  int query_threads = 2;
  // Limits (docs/security.md, "Limits"). The largest message received or
  // sent, in bytes (--max-message-bytes); beyond it gRPC ends the call
  // with RESOURCE_EXHAUSTED.
  int max_message_bytes = 4 << 20;
  // Queries that may wait for a query thread (--max-queued-queries); one
  // more is refused with RESOURCE_EXHAUSTED.
  size_t max_queued_queries = 1024;
  // Records per batch, open ingest streams, rejections listed per summary.
  IngestLimitOptions ingest_limits;
  // TLS for the listening port, and the explicit opt-outs that allow
  // serving beyond loopback without TLS or tokens (transport_security.h).
  // security.tokens_configured is set from access.tokens_file by Start.
  ListenSecurity security;
  // Tokens and roles, and the audit log (access_control.h). Without a
  // tokens file every call is allowed (loopback only, unless
  // --insecure-no-auth).
  AccessOptions access;
};

class Server {
 public:
  // Starts serving cxscore.v1.CxScore over `store`, the standard health
  // service (grpc.health.v1.Health: SERVING for "" and "cxscore.v1.CxScore"
  // until a store write fails, store_health.h) and server reflection
  // (v1alpha).
  // `store` must outlive the server. Refuses (FAILED_PRECONDITION /
  // INVALID_ARGUMENT, naming the flag) a listening address and security that
  // CheckListenSecurity refuses.
  static absl::StatusOr<std::unique_ptr<Server>> Start(
      const ServerOptions& options, storage::Store& store);

  // Stops accepting RPCs and lets running ones finish (cancelling them after
  // `grace`); the store stays open for its owner to close. Idempotent.
  void Shutdown(absl::Duration grace = absl::Seconds(10));
  ~Server();

  int port() const { return port_; }

  // Re-reads the tokens file (SIGHUP); on error the tokens in force stay
  // and the error names the file and line.
  absl::Status ReloadTokens();

 private:
  struct Parts;
  explicit Server(std::unique_ptr<Parts> parts, int port);

  std::unique_ptr<Parts> parts_;
  int port_;
};

}  // namespace cxscore::server

#endif  // CXSCORE_SERVER_SERVER_H_
