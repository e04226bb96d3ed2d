// Ingest workload: K concurrent client-streaming RPCs (SubmitResponses or
// RecordInteractions), each sending batches of B generated records.
#ifndef CXSCORE_BENCH_LOADGEN_INGEST_H_
#define CXSCORE_BENCH_LOADGEN_INGEST_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "bench/datagen/datagen.h"

namespace cxscore::bench {

enum class RecordKind { kResponses, kInteractions };

struct IngestOptions {
  std::string server = "127.0.0.1:50051";
  RecordKind kind = RecordKind::kResponses;
  int64_t first = 0;  // records [first, first + count) of the data set
  int64_t count = -1;  // -1 = to the end of the data set
  int streams = 4;
  int batch = 1000;
  bool sync = false;  // set `sync` on every request (durable acknowledgement)
  // Generate and serialise every batch before the clock starts, so that the
  // client spends its CPU on the transport only (the client shares the
  // machine with the server). Off: batches are generated while sending.
  bool pregenerate = true;
  int generator_threads = 2;
  // One TCP connection per stream (default) or one shared connection.
  bool connection_per_stream = true;
};

struct IngestResult {
  int64_t sent = 0;
  int64_t sent_with_nps = 0;  // responses sent that carry an NPS answer
  uint64_t accepted = 0, duplicates = 0, rejected = 0;
  std::string first_rejection;  // "index id code field: reason"
  double pregenerate_seconds = 0;
  double seconds = 0;  // first write to the last summary
  double records_per_s = 0;
  double client_cpu_seconds = 0;  // user + system of this process, timed part
};

// Errors: the server unreachable or an RPC failing (its status).
absl::StatusOr<IngestResult> RunIngest(const DataGenerator& generator,
                                       const IngestOptions& options);

}  // namespace cxscore::bench

#endif  // CXSCORE_BENCH_LOADGEN_INGEST_H_
