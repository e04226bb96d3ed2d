#include "server/ingest_limits.h"

#include "absl/strings/str_cat.h"

namespace cxscore::server {

std::string AppliedBefore(const StreamProgress& before,
                          const v1::IngestSummary& summary) {
  return absl::StrCat(
      "Applied before it, from ", before.batches, " batch(es) with ",
      before.records, " record(s): accepted ", summary.accepted(),
      ", duplicates ", summary.duplicates(), ", stale ", summary.stale(),
      ", rejected ", summary.rejected_total(), " (resending them is harmless)");
}

IngestLimits::StreamSlot::~StreamSlot() {
  if (limits_ != nullptr) limits_->open_.fetch_sub(1);
}

absl::StatusOr<IngestLimits::StreamSlot> IngestLimits::OpenStream() {
  if (open_.fetch_add(1) >= options_.max_ingest_streams) {
    open_.fetch_sub(1);
    return absl::ResourceExhaustedError(absl::StrCat(
        "too many ingest streams: the server takes at most ",
        options_.max_ingest_streams, " at once (--max-ingest-streams ",
        options_.max_ingest_streams,
        "); nothing of this one was read, retry when one has ended"));
  }
  return StreamSlot(this);
}

absl::Status IngestLimits::CheckBatch(size_t records,
                                      const StreamProgress& before,
                                      const v1::IngestSummary& summary) const {
  if (records <= options_.max_batch_records) return absl::OkStatus();
  return absl::ResourceExhaustedError(absl::StrCat(
      "batch ", before.batches + 1, " (records from index ", before.records,
      ") has ", records, " records, over the limit of ",
      options_.max_batch_records, " per batch (--max-batch-records ",
      options_.max_batch_records,
      "); nothing of it was stored, send smaller batches. ",
      AppliedBefore(before, summary)));
}

}  // namespace cxscore::server
