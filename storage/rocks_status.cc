#include "storage/rocks_status.h"

#include <string>

namespace cxscore::storage {

absl::Status FromRocks(const rocksdb::Status& status, std::string_view what) {
  if (status.ok()) return absl::OkStatus();
  std::string message = std::string(what) + ": " + status.ToString();
  if (status.IsCorruption()) return absl::DataLossError(message);
  if (status.IsInvalidArgument() || status.IsNotSupported())
    return absl::FailedPreconditionError(message);
  if (status.IsNotFound()) return absl::NotFoundError(message);
  return absl::UnavailableError(message);
}

}  // namespace cxscore::storage
