// The one place where internal absl::Status becomes grpc::Status.
#ifndef CXSCORE_SERVER_STATUS_UTIL_H_
#define CXSCORE_SERVER_STATUS_UTIL_H_

#include <string_view>

#include "absl/status/status.h"
#include "grpcpp/support/status.h"

namespace cxscore::server {

// Same code, same message. Codes keep their retry meaning (UNAVAILABLE:
// retry; INVALID_ARGUMENT, FAILED_PRECONDITION: do not).
grpc::Status ToGrpcStatus(const absl::Status& status);

// "INVALID_ARGUMENT", "ALREADY_EXISTS", ... as in RejectedRecord.code.
std::string_view CodeName(absl::StatusCode code);

}  // namespace cxscore::server

#endif  // CXSCORE_SERVER_STATUS_UTIL_H_
