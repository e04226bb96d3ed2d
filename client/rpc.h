// What every RPC of the CLI shares: the channel, deadlines, and turning a
// failed call into a message a user can act on.
#ifndef CXSCORE_CLIENT_RPC_H_
#define CXSCORE_CLIENT_RPC_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"

namespace cxscore::client {

// An insecure channel to `address` (HOST:PORT, or any gRPC target URI),
// without a token. The CLI uses MakeChannel of client/connection.h.
std::shared_ptr<grpc::Channel> MakeChannel(const std::string& address);

// Converts a failed call into an absl::Status with the same code and a
// message that names the server and says what to do:
//   UNAVAILABLE        "cannot reach the cxscore server at ADDR (...)"
//   DEADLINE_EXCEEDED  "the cxscore server at ADDR did not answer within Ns"
//                      (callers pass this code too when a StepDeadline
//                      cancelled the call)
//   UNIMPLEMENTED      "the cxscore server at ADDR does not implement this
//                      call (...); it may be older than this client"
//   PERMISSION_DENIED  "permission denied by the cxscore server at ADDR:
//                      message" (the server's message names the rule)
//   UNAUTHENTICATED    "the cxscore server at ADDR refused the call: the
//                      token is missing or unknown (...); give a token with
//                      --token-file FILE or ... CXSCORE_TOKEN"
//   anything else      "the cxscore server at ADDR answered CODE: message"
absl::Status RpcError(const grpc::Status& status, absl::string_view server,
                      absl::Duration timeout);

// Makes one unary call, `call(context)`, with a deadline `timeout` from now.
// OK, or the call's failure as RpcError(status, server, timeout).
absl::Status CallWithDeadline(
    absl::Duration timeout, absl::string_view server,
    const std::function<grpc::Status(grpc::ClientContext*)>& call);

// "INVALID_ARGUMENT", "UNAVAILABLE", ...
absl::string_view GrpcCodeName(grpc::StatusCode code);

// Bounds each step of a long-lived call (one streamed write, the final
// answer) instead of the whole call, so that an import of any size gets a
// deadline per batch. Between steps, e.g. while the client reads its input,
// no clock runs.
//
// Thread-safe. `on_expiry` runs on the timer's own thread (it should only
// cancel, e.g. grpc::ClientContext::TryCancel, which is thread-safe).
class StepDeadline {
 public:
  StepDeadline(absl::Duration limit, std::function<void()> on_expiry);
  ~StepDeadline();

  StepDeadline(const StepDeadline&) = delete;
  StepDeadline& operator=(const StepDeadline&) = delete;

  // A step begins; on_expiry runs unless Stop() follows within the limit.
  void Start();
  void Stop();
  // True once on_expiry has run.
  bool expired() const;

 private:
  void Run();

  const absl::Duration limit_;
  const std::function<void()> on_expiry_;
  mutable absl::Mutex mu_;
  absl::CondVar changed_;
  bool running_ ABSL_GUARDED_BY(mu_) = false;
  uint64_t step_ ABSL_GUARDED_BY(mu_) = 0;
  absl::Time step_start_ ABSL_GUARDED_BY(mu_);
  bool expired_ ABSL_GUARDED_BY(mu_) = false;
  bool shutdown_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

// Converts a relative timeout to a gRPC deadline from now.
std::chrono::system_clock::time_point DeadlineFromNow(absl::Duration timeout);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_RPC_H_
