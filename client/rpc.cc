#include "client/rpc.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace cxscore::client {

std::shared_ptr<grpc::Channel> MakeChannel(const std::string& address) {
  return grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
}

absl::string_view GrpcCodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return "OK";
    case grpc::StatusCode::CANCELLED:
      return "CANCELLED";
    case grpc::StatusCode::UNKNOWN:
      return "UNKNOWN";
    case grpc::StatusCode::INVALID_ARGUMENT:
      return "INVALID_ARGUMENT";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "DEADLINE_EXCEEDED";
    case grpc::StatusCode::NOT_FOUND:
      return "NOT_FOUND";
    case grpc::StatusCode::ALREADY_EXISTS:
      return "ALREADY_EXISTS";
    case grpc::StatusCode::PERMISSION_DENIED:
      return "PERMISSION_DENIED";
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return "RESOURCE_EXHAUSTED";
    case grpc::StatusCode::FAILED_PRECONDITION:
      return "FAILED_PRECONDITION";
    case grpc::StatusCode::ABORTED:
      return "ABORTED";
    case grpc::StatusCode::OUT_OF_RANGE:
      return "OUT_OF_RANGE";
    case grpc::StatusCode::UNIMPLEMENTED:
      return "UNIMPLEMENTED";
    case grpc::StatusCode::INTERNAL:
      return "INTERNAL";
    case grpc::StatusCode::UNAVAILABLE:
      return "UNAVAILABLE";
    case grpc::StatusCode::DATA_LOSS:
      return "DATA_LOSS";
    case grpc::StatusCode::UNAUTHENTICATED:
      return "UNAUTHENTICATED";
    default:
      return "UNKNOWN";
  }
}

absl::Status RpcError(const grpc::Status& status, absl::string_view server,
                      absl::Duration timeout) {
  auto code = static_cast<absl::StatusCode>(status.error_code());
  switch (status.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
      return absl::Status(
          code, absl::StrCat("cannot reach the cxscore server at ", server,
                             " (", status.error_message(), ")"));
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return absl::Status(
          code,
          absl::StrCat("the cxscore server at ", server,
                       " did not answer within ", absl::FormatDuration(timeout),
                       " (raise --timeout if it is busy)"));
    case grpc::StatusCode::UNIMPLEMENTED:
      return absl::Status(
          code, absl::StrCat("the cxscore server at ", server,
                             " does not implement this call (UNIMPLEMENTED: ",
                             status.error_message(),
                             "); it may be older than this client"));
    case grpc::StatusCode::PERMISSION_DENIED:
      // The server's message names the role and the rule that denied it.
      return absl::Status(
          code, absl::StrCat("permission denied by the cxscore server at ",
                             server, ": ", status.error_message()));
    case grpc::StatusCode::UNAUTHENTICATED:
      return absl::Status(
          code,
          absl::StrCat("the cxscore server at ", server,
                       " refused the call: the token is missing or unknown (",
                       status.error_message(),
                       "); give a token with --token-file FILE or the "
                       "environment variable CXSCORE_TOKEN"));
    default:
      return absl::Status(
          code, absl::StrCat("the cxscore server at ", server, " answered ",
                             GrpcCodeName(status.error_code()), ": ",
                             status.error_message()));
  }
}

absl::Status CallWithDeadline(
    absl::Duration timeout, absl::string_view server,
    const std::function<grpc::Status(grpc::ClientContext*)>& call) {
  grpc::ClientContext context;
  context.set_deadline(DeadlineFromNow(timeout));
  grpc::Status status = call(&context);
  if (status.ok()) return absl::OkStatus();
  return RpcError(status, server, timeout);
}

std::chrono::system_clock::time_point DeadlineFromNow(absl::Duration timeout) {
  return std::chrono::system_clock::now() + absl::ToChronoMicroseconds(timeout);
}

StepDeadline::StepDeadline(absl::Duration limit,
                           std::function<void()> on_expiry)
    : limit_(limit), on_expiry_(std::move(on_expiry)) {
  thread_ = std::thread([this] { Run(); });
}

StepDeadline::~StepDeadline() {
  {
    absl::MutexLock lock(&mu_);
    shutdown_ = true;
    changed_.Signal();
  }
  thread_.join();
}

void StepDeadline::Start() {
  absl::MutexLock lock(&mu_);
  running_ = true;
  ++step_;
  step_start_ = absl::Now();
  changed_.Signal();
}

void StepDeadline::Stop() {
  absl::MutexLock lock(&mu_);
  running_ = false;
  changed_.Signal();
}

bool StepDeadline::expired() const {
  absl::MutexLock lock(&mu_);
  return expired_;
}

void StepDeadline::Run() {
  absl::MutexLock lock(&mu_);
  while (!shutdown_) {
    if (!running_ || expired_) {
      changed_.Wait(&mu_);
      continue;
    }
    uint64_t step = step_;
    absl::Time deadline = step_start_ + limit_;
    // WaitWithDeadline may wake early (signal or spuriously): only a step
    // that is still the same one and has run past its deadline expires.
    changed_.WaitWithDeadline(&mu_, deadline);
    if (!shutdown_ && running_ && step_ == step && absl::Now() >= deadline) {
      expired_ = true;
      running_ = false;
      on_expiry_();
    }
  }
}

}  // namespace cxscore::client
