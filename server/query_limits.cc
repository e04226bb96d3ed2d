#include "server/query_limits.h"

#include <chrono>

#include "absl/strings/str_cat.h"

namespace cxscore::server {

absl::Status QueueFullError(size_t max_queued) {
  return absl::ResourceExhaustedError(
      absl::StrCat("the server is busy: ", max_queued,
                   " queries already wait for a worker (--max-queued-queries ",
                   max_queued, "); retry later"));
}

absl::Status AdminQueueFullError(size_t max_queued) {
  return absl::ResourceExhaustedError(
      absl::StrCat("the server is busy: ", max_queued,
                   " admin calls already wait for a worker; retry later"));
}

absl::Status ClientGaveUp(const grpc::ServerContextBase& context) {
  if (context.deadline() <= std::chrono::system_clock::now())
    return absl::DeadlineExceededError(
        "the call's deadline passed before it was answered");
  if (context.IsCancelled())
    return absl::CancelledError(
        "the call was cancelled before it was answered");
  return absl::OkStatus();
}

}  // namespace cxscore::server
