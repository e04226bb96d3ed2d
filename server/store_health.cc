#include "server/store_health.h"

#include "cxscore/v1/cxscore.grpc.pb.h"

namespace cxscore::server {

bool IsStoreFailure(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kOk:
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kOutOfRange:
    case absl::StatusCode::kCancelled:
    case absl::StatusCode::kDeadlineExceeded:
      return false;
    default:
      return true;
  }
}

void StoreHealth::Attach(grpc::HealthCheckServiceInterface* health) {
  absl::MutexLock lock(&mu_);
  health_ = health;
  Publish();
}

void StoreHealth::ReportWrite(const absl::Status& status) {
  if (!IsStoreFailure(status)) return;
  absl::MutexLock lock(&mu_);
  if (!serving_) return;  // said once
  serving_ = false;
  Publish();
  *log_ << "cxscored: health NOT_SERVING: a store write failed with "
        << absl::StatusCodeToString(status.code()) << ": " << status.message()
        << " (restart cxscored once the cause is fixed)" << std::endl;
}

bool StoreHealth::serving() const {
  absl::MutexLock lock(&mu_);
  return serving_;
}

void StoreHealth::Publish() {
  if (health_ == nullptr) return;
  health_->SetServingStatus("", serving_);
  health_->SetServingStatus(v1::CxScore::service_full_name(), serving_);
}

}  // namespace cxscore::server
