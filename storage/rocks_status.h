#ifndef CXSCORE_STORAGE_ROCKS_STATUS_H_
#define CXSCORE_STORAGE_ROCKS_STATUS_H_

#include <string_view>

#include "absl/status/status.h"
#include "rocksdb/status.h"

namespace cxscore::storage {

// The one mapping of a RocksDB status to an absl::Status, chosen by what a
// caller (and a gRPC client, through ToGrpcStatus) should do about it.
// The message is "<what>: <RocksDB's message>".
//
//   OK                                       -> OK
//   Corruption                               -> DATA_LOSS (never retried)
//   InvalidArgument, NotSupported            -> FAILED_PRECONDITION (the
//       database or its options, not the caller's request, are wrong)
//   NotFound                                 -> NOT_FOUND (callers that
//       expect absence test IsNotFound() first)
//   IOError, Busy, TryAgain, TimedOut, Incomplete, Aborted,
//   ShutdownInProgress and anything else     -> UNAVAILABLE (retryable)
absl::Status FromRocks(const rocksdb::Status& status, std::string_view what);

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_ROCKS_STATUS_H_
