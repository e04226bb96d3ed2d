// Limits of the ingest streams (issue 11, docs/security.md "Limits"): how
// many streams may be open at once (--max-ingest-streams), how many records
// one batch may hold (--max-batch-records) and how many rejected records an
// IngestSummary lists (--max-listed-rejections).
//
// The store's write queue needs no bound of its own: an ingest stream reads
// its next batch only after the store acknowledged the previous one, so at
// most one batch per open stream is queued (max_ingest_streams x
// max_batch_records records, each batch under --max-message-bytes).
#ifndef CXSCORE_SERVER_INGEST_LIMITS_H_
#define CXSCORE_SERVER_INGEST_LIMITS_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::server {

struct IngestLimitOptions {
  size_t max_batch_records = 10000;
  size_t max_ingest_streams = 256;
  size_t max_listed_rejections = 100;
};

// What a stream applied before the batch being read: batches and records
// acknowledged by the store (every earlier batch was: reads wait for it).
struct StreamProgress {
  uint64_t batches = 0;
  uint64_t records = 0;  // also the stream index of the next record
};

// "Applied before it, from B batch(es) with N record(s): accepted A,
// duplicates D, stale S, rejected R (resending them is harmless)": the tail
// of the message of a stream that ends at a batch it did not store.
std::string AppliedBefore(const StreamProgress& before,
                          const v1::IngestSummary& summary);

class IngestLimits {
 public:
  // One open ingest stream; the slot is free again when this is destroyed.
  class StreamSlot {
   public:
    StreamSlot(StreamSlot&& other) noexcept
        : limits_(std::exchange(other.limits_, nullptr)) {}
    StreamSlot& operator=(StreamSlot&&) = delete;
    ~StreamSlot();

   private:
    friend class IngestLimits;
    explicit StreamSlot(IngestLimits* limits) : limits_(limits) {}
    IngestLimits* limits_;
  };

  explicit IngestLimits(const IngestLimitOptions& options)
      : options_(options) {}

  // A slot for a new stream, or RESOURCE_EXHAUSTED naming the limit when
  // max_ingest_streams streams are open.
  absl::StatusOr<StreamSlot> OpenStream();

  // RESOURCE_EXHAUSTED when a batch of `records` records is over
  // max_batch_records; the message names the limit, the batch and what the
  // stream applied before it.
  absl::Status CheckBatch(size_t records, const StreamProgress& before,
                          const v1::IngestSummary& summary) const;

  size_t max_listed_rejections() const {
    return options_.max_listed_rejections;
  }
  size_t open_streams() const { return open_.load(); }

 private:
  const IngestLimitOptions options_;
  std::atomic<size_t> open_{0};
};

}  // namespace cxscore::server

#endif  // CXSCORE_SERVER_INGEST_LIMITS_H_
