// Limits of the score queries (issue 11, docs/security.md "Limits"): the
// bounded queue of the query pool (--max-queued-queries), the one of the
// admin pool, and the calls whose client gave up before or while they ran.
#ifndef CXSCORE_SERVER_QUERY_LIMITS_H_
#define CXSCORE_SERVER_QUERY_LIMITS_H_

#include <cstddef>

#include "absl/status/status.h"
#include "grpcpp/server_context.h"

namespace cxscore::server {

// RESOURCE_EXHAUSTED naming the limit, for a query that finds
// `max_queued` queries already waiting for a worker.
absl::Status QueueFullError(size_t max_queued);

// The same for an admin call (CreateBackup, ListBackups) that finds
// `max_queued` admin calls already waiting for the admin pool.
absl::Status AdminQueueFullError(size_t max_queued);

// Whether the client still waits for the call's answer: DEADLINE_EXCEEDED
// once its deadline has passed, CANCELLED once it was cancelled (by the
// client, a lost connection or gRPC itself), OK otherwise. A queued query
// that is no longer wanted is not run; the code is the one its audit line
// records.
absl::Status ClientGaveUp(const grpc::ServerContextBase& context);

}  // namespace cxscore::server

#endif  // CXSCORE_SERVER_QUERY_LIMITS_H_
