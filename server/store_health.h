// The health of the store as the standard health service reports it
// (grpc.health.v1.Health, docs/security.md "Limits"): SERVING for "" and
// "cxscore.v1.CxScore" until a store write fails, then NOT_SERVING for
// both, with one line on stderr saying why. It stays NOT_SERVING: a store
// that failed a write (an IO error, corruption) needs an operator, and
// cxscored a restart once the cause is fixed.
#ifndef CXSCORE_SERVER_STORE_HEALTH_H_
#define CXSCORE_SERVER_STORE_HEALTH_H_

#include <ostream>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "grpcpp/health_check_service_interface.h"

namespace cxscore::server {

// Whether a write's error status means the store failed: anything but OK,
// a rule the request broke (INVALID_ARGUMENT, ALREADY_EXISTS, OUT_OF_RANGE)
// or a caller that gave up (CANCELLED, DEADLINE_EXCEEDED). Rejections of
// single records are outcomes of an OK write and never count.
bool IsStoreFailure(const absl::Status& status);

class StoreHealth {
 public:
  // `log` (std::cerr in cxscored) gets the line; it must outlive this.
  explicit StoreHealth(std::ostream* log) : log_(log) {}

  // Reports to `health` from now on (null: stops reporting, before the
  // server that owns it goes). Sets the current state there.
  void Attach(grpc::HealthCheckServiceInterface* health);

  // The final status of a store write. The first store failure turns
  // health NOT_SERVING and writes one line naming the status code and the
  // store's message (which names no record, customer or token).
  void ReportWrite(const absl::Status& status);

  bool serving() const;

 private:
  void Publish() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  std::ostream* const log_;
  mutable absl::Mutex mu_;
  grpc::HealthCheckServiceInterface* health_ ABSL_GUARDED_BY(mu_) = nullptr;
  bool serving_ ABSL_GUARDED_BY(mu_) = true;
};

}  // namespace cxscore::server

#endif  // CXSCORE_SERVER_STORE_HEALTH_H_
