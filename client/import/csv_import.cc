#include "client/import/csv_import.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "client/import/csv_reader.h"
#include "client/printers/csv_writer.h"
#include "client/rpc.h"

namespace cxscore::client {
namespace {

// What differs between the two ingest calls.
struct InteractionCall {
  using Request = v1::RecordInteractionsRequest;
  using Record = v1::Interaction;
  static std::unique_ptr<grpc::ClientWriterInterface<Request>> Open(
      v1::CxScore::StubInterface& stub, grpc::ClientContext* context,
      v1::IngestSummary* summary) {
    return stub.RecordInteractions(context, summary);
  }
  static google::protobuf::RepeatedPtrField<Record>* Records(Request* r) {
    return r->mutable_interactions();
  }
  static std::optional<RowError> Convert(const RecordParser& parser,
                                         const std::vector<std::string>& row,
                                         Record* out) {
    return parser.ToInteraction(row, out);
  }
};

struct ResponseCall {
  using Request = v1::SubmitResponsesRequest;
  using Record = v1::SurveyResponse;
  static std::unique_ptr<grpc::ClientWriterInterface<Request>> Open(
      v1::CxScore::StubInterface& stub, grpc::ClientContext* context,
      v1::IngestSummary* summary) {
    return stub.SubmitResponses(context, summary);
  }
  static google::protobuf::RepeatedPtrField<Record>* Records(Request* r) {
    return r->mutable_responses();
  }
  static std::optional<RowError> Convert(const RecordParser& parser,
                                         const std::vector<std::string>& row,
                                         Record* out) {
    return parser.ToResponse(row, out);
  }
};

template <typename Call>
absl::StatusOr<ImportReport> StreamRows(v1::CxScore::StubInterface& stub,
                                        CsvReader& reader,
                                        const RecordParser& parser,
                                        absl::string_view input_name,
                                        const ImportOptions& options,
                                        ProgressBar* progress) {
  const size_t batch_size =
      std::clamp<size_t>(options.batch_size, 1, kMaxBatchRecords);
  ImportReport report;
  // CSV line of every record sent, by its index in the stream.
  std::vector<int64_t> sent_lines;

  grpc::ClientContext context;
  v1::IngestSummary summary;
  StepDeadline deadline(options.step_timeout,
                        [&context] { context.TryCancel(); });
  deadline.Start();
  std::unique_ptr<grpc::ClientWriterInterface<typename Call::Request>> writer =
      Call::Open(stub, &context, &summary);
  deadline.Stop();

  typename Call::Request batch;
  batch.set_sync(options.sync);
  auto* records = Call::Records(&batch);
  size_t batch_bytes = 0;
  bool stream_ok = true;
  auto send = [&] {
    deadline.Start();
    stream_ok = writer->Write(batch);
    deadline.Stop();
    records->Clear();
    batch_bytes = 0;
  };

  CsvRecord row;
  while (stream_ok && reader.Next(&row)) {
    ++report.rows;
    if (progress != nullptr) progress->Update(reader.bytes_read(), report.rows);
    if (!row.error.empty()) {
      report.rejected.push_back({row.line, std::string(parser.IdOf(row.fields)),
                                 "",
                                 absl::StrCat("malformed CSV: ", row.error)});
      continue;
    }
    typename Call::Record* record = records->Add();
    if (std::optional<RowError> error =
            Call::Convert(parser, row.fields, record)) {
      records->RemoveLast();
      report.rejected.push_back({row.line, std::string(parser.IdOf(row.fields)),
                                 std::move(error->field),
                                 std::move(error->reason)});
      continue;
    }
    size_t bytes = record->ByteSizeLong();
    if (bytes > kMaxRecordBytes) {
      records->RemoveLast();
      report.rejected.push_back(
          {row.line, std::string(parser.IdOf(row.fields)), "",
           absl::StrCat("record is ", bytes, " bytes; at most ",
                        kMaxRecordBytes, " are accepted")});
      continue;
    }
    sent_lines.push_back(row.line);
    batch_bytes += bytes;
    if (static_cast<size_t>(records->size()) >= batch_size ||
        batch_bytes >= kMaxBatchBytes) {
      send();
    }
  }
  if (progress != nullptr) {
    progress->Update(reader.bytes_read(), report.rows, /*force=*/true);
  }

  const bool read_ok = reader.status().ok();
  if (!read_ok) {
    // Do not let the server take a partial file for a complete one.
    context.TryCancel();
  } else if (stream_ok) {
    if (!records->empty()) send();
    if (stream_ok) {
      deadline.Start();
      stream_ok = writer->WritesDone();
      deadline.Stop();
    }
  }
  deadline.Start();
  grpc::Status status = writer->Finish();
  deadline.Stop();

  if (!read_ok) {
    return absl::DataLossError(absl::StrCat(
        "reading ", input_name, " failed after ", report.rows,
        " rows; rows sent before may be stored (importing again is safe)"));
  }
  if (!status.ok()) {
    // A step that ran out of time shows up as CANCELLED (our TryCancel).
    if (deadline.expired()) {
      status = grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, "");
    }
    return RpcError(status, options.server, options.step_timeout);
  }
  if (!stream_ok) {
    return absl::InternalError(
        absl::StrCat("the cxscore server at ", options.server,
                     " ended the import before reading all rows"));
  }

  report.accepted = summary.accepted();
  report.duplicates = summary.duplicates();
  report.stale = summary.stale();
  for (const v1::RejectedRecord& rejected : summary.rejected()) {
    // An index outside the stream would be a server bug; keep the row
    // rather than drop it, with line 0 for "unknown".
    int64_t line =
        rejected.index() < sent_lines.size() ? sent_lines[rejected.index()] : 0;
    report.rejected.push_back(
        {line, rejected.id(), rejected.field(), rejected.reason()});
  }
  // rejected_total is 0 from a server that predates it.
  const uint64_t listed = static_cast<uint64_t>(summary.rejected_size());
  if (summary.rejected_total() > listed)
    report.rejected_unlisted = summary.rejected_total() - listed;
  std::stable_sort(report.rejected.begin(), report.rejected.end(),
                   [](const RejectedRow& a, const RejectedRow& b) {
                     return a.line < b.line;
                   });
  return report;
}

}  // namespace

absl::StatusOr<ImportReport> ImportCsv(v1::CxScore::StubInterface& stub,
                                       std::istream& in,
                                       absl::string_view input_name,
                                       const ImportOptions& options,
                                       ProgressBar* progress) {
  CsvReader reader(&in);
  CsvRecord header;
  if (!reader.Next(&header)) {
    if (!reader.status().ok()) {
      return absl::DataLossError(
          absl::StrCat("reading ", input_name, " failed"));
    }
    return absl::InvalidArgumentError(absl::StrCat(
        input_name, " is empty; its first line must be a header such as ",
        absl::StrJoin(CanonicalColumns(options.kind), ",")));
  }
  if (!header.error.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(input_name, ": malformed header on line ", header.line,
                     ": ", header.error));
  }
  absl::StatusOr<RecordParser> parser =
      RecordParser::FromHeader(options.kind, header.fields);
  if (!parser.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(input_name, ": ", parser.status().message()));
  }
  if (options.kind == RecordKind::kInteraction) {
    return StreamRows<InteractionCall>(stub, reader, *parser, input_name,
                                       options, progress);
  }
  return StreamRows<ResponseCall>(stub, reader, *parser, input_name, options,
                                  progress);
}

std::string SummaryLine(const ImportReport& report) {
  std::string line = absl::StrCat("accepted ", report.accepted, ", duplicates ",
                                  report.duplicates, ", stale ", report.stale,
                                  ", rejected ", report.rejected_total());
  if (report.rejected_unlisted > 0)
    absl::StrAppend(&line, " (", report.rejected.size(), " listed)");
  return line;
}

void WriteRejects(const std::vector<RejectedRow>& rejected, std::ostream& out) {
  WriteCsvRow(out, {"line", "id", "field", "reason"});
  for (const RejectedRow& row : rejected) {
    WriteCsvRow(out, {absl::StrCat(row.line), row.id, row.field, row.reason});
  }
}

}  // namespace cxscore::client
