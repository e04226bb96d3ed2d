// Streams a canonical CSV file to the server and accounts for every row.
#ifndef CXSCORE_CLIENT_IMPORT_CSV_IMPORT_H_
#define CXSCORE_CLIENT_IMPORT_CSV_IMPORT_H_

#include <cstddef>
#include <cstdint>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "client/import/progress.h"
#include "client/import/record_parser.h"
#include "cxscore/v1/cxscore.grpc.pb.h"

namespace cxscore::client {

// A record larger than this (serialized) is rejected by the client: the
// server's rules allow nothing near it, and a streamed message must stay
// under gRPC's 4 MiB receive limit.
inline constexpr size_t kMaxRecordBytes = size_t{1} << 20;
// A batch is sent early once it holds this many bytes, whatever the
// batch size, for the same reason.
inline constexpr size_t kMaxBatchBytes = size_t{2} << 20;
// The largest --batch-size: the server's default --max-batch-records, so
// that no batch is refused by a server with the default limits.
inline constexpr size_t kMaxBatchRecords = 10000;

struct ImportOptions {
  RecordKind kind = RecordKind::kResponse;
  // Records per streamed message (1..kMaxBatchRecords).
  size_t batch_size = 1000;
  // Sets `sync` on every message: each batch is acknowledged only once it is
  // fsynced on the server.
  bool sync = false;
  // Bounds each step of the stream: opening it, sending one batch, and
  // waiting for the final summary. Not the whole import, which may take as
  // long as the input does.
  absl::Duration step_timeout = absl::Seconds(30);
  // The server's address, for messages.
  std::string server;
};

// A row that was not stored: rejected by the client (cannot be converted)
// or by the server (breaks a rule).
struct RejectedRow {
  int64_t line = 0;   // CSV line the row starts on (header = line 1)
  std::string id;     // the row's id cell, may be empty
  std::string field;  // the offending column, "" for the whole row
  std::string reason;
};

struct ImportReport {
  int64_t rows = 0;       // data rows read (the header not counted)
  uint64_t accepted = 0;  // from the server's summary
  uint64_t duplicates = 0;
  uint64_t stale = 0;  // interactions older than the stored (updated_at)
  std::vector<RejectedRow> rejected;  // client and server, sorted by line
  // Rejected by the server but not listed in its summary (it lists at most
  // its --max-listed-rejections); not in `rejected`.
  uint64_t rejected_unlisted = 0;

  // Every rejected row, listed or not.
  uint64_t rejected_total() const {
    return rejected.size() + rejected_unlisted;
  }
};

// Reads the CSV in `in` (header first) and streams its rows to
// RecordInteractions or SubmitResponses in batches. Rows that cannot be
// converted are rejected here and not sent; the rest of the file goes on.
// The server's rejections (by index in the stream) are mapped back to lines.
//
// Errors (nothing in `ImportReport` then; rows sent before the failure may
// be stored, which is harmless as ingest is idempotent):
//   InvalidArgument  empty input, malformed or invalid header (message names
//                    `input_name` and the column)
//   DataLoss         reading the input failed
//   any RPC code     the call failed (see RpcError for the wording)
// `progress` may be null.
absl::StatusOr<ImportReport> ImportCsv(v1::CxScore::StubInterface& stub,
                                       std::istream& in,
                                       absl::string_view input_name,
                                       const ImportOptions& options,
                                       ProgressBar* progress);

// "accepted N, duplicates D, stale S, rejected R", and " (L listed)" after
// it when the server did not list all its rejections (L rows are listed).
std::string SummaryLine(const ImportReport& report);

// The rejects file: header `line,id,field,reason`, one row per rejected row.
void WriteRejects(const std::vector<RejectedRow>& rejected, std::ostream& out);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_IMPORT_CSV_IMPORT_H_
