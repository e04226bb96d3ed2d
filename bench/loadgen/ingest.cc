#include "bench/loadgen/ingest.h"

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "bench/loadgen/records_proto.h"
#include "cxscore/v1/cxscore.grpc.pb.h"
#include "grpcpp/grpcpp.h"

namespace cxscore::bench {
namespace {

// Batches are sent pre-serialised: the writer is typed on grpc::ByteBuffer
// (whose serialisation is a reference copy) against the service's method
// names, which keeps protobuf encoding out of the timed part.
constexpr char kSubmitResponses[] = "/cxscore.v1.CxScore/SubmitResponses";
constexpr char kRecordInteractions[] = "/cxscore.v1.CxScore/RecordInteractions";

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto sec = [](const timeval& tv) { return tv.tv_sec + tv.tv_usec * 1e-6; };
  return sec(usage.ru_utime) + sec(usage.ru_stime);
}

// Serialised request holding records [begin, end); adds the responses with
// an NPS answer among them to `*with_nps`.
grpc::ByteBuffer MakeBatch(const DataGenerator& gen, RecordKind kind,
                           int64_t begin, int64_t end, bool sync,
                           std::atomic<int64_t>* with_nps) {
  Interaction interaction;
  SurveyResponse response;
  std::string bytes;
  if (kind == RecordKind::kResponses) {
    v1::SubmitResponsesRequest request;
    request.mutable_responses()->Reserve(end - begin);
    for (int64_t i = begin; i < end; ++i) {
      gen.Generate(i, &interaction, &response);
      if (response.nps.has_value()) with_nps->fetch_add(1);
      ToProto(response, request.add_responses());
    }
    request.set_sync(sync);
    request.SerializeToString(&bytes);
  } else {
    v1::RecordInteractionsRequest request;
    request.mutable_interactions()->Reserve(end - begin);
    for (int64_t i = begin; i < end; ++i) {
      gen.Generate(i, &interaction, &response);
      ToProto(interaction, request.add_interactions());
    }
    request.set_sync(sync);
    request.SerializeToString(&bytes);
  }
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

std::shared_ptr<grpc::Channel> MakeChannel(const std::string& server, int id) {
  grpc::ChannelArguments args;
  // A distinct argument gives each stream its own subchannel (connection).
  if (id >= 0) args.SetInt("cxscore.bench.connection", id);
  args.SetMaxReceiveMessageSize(64 << 20);
  args.SetMaxSendMessageSize(64 << 20);
  return grpc::CreateCustomChannel(server, grpc::InsecureChannelCredentials(),
                                   args);
}

}  // namespace

absl::StatusOr<IngestResult> RunIngest(const DataGenerator& gen,
                                       const IngestOptions& o) {
  const int64_t total = gen.options().n;
  const int64_t first = std::clamp<int64_t>(o.first, 0, total);
  const int64_t count = o.count < 0 ? total - first
                                    : std::min<int64_t>(o.count, total - first);
  const int64_t batches = (count + o.batch - 1) / o.batch;
  const int streams = std::max(1, o.streams);
  auto batch_range = [&](int64_t b) {
    const int64_t begin = first + b * o.batch;
    return std::make_pair(begin, std::min(first + count, begin + o.batch));
  };

  IngestResult result;
  result.sent = count;
  std::atomic<int64_t> with_nps{0};

  // Batch b goes to stream b % streams, so that together the streams move
  // forward in time like live traffic.
  std::vector<grpc::ByteBuffer> prepared;
  if (o.pregenerate) {
    const auto t0 = std::chrono::steady_clock::now();
    prepared.resize(batches);
    std::vector<std::thread> workers;
    const int threads = std::max(1, o.generator_threads);
    for (int t = 0; t < threads; ++t) {
      workers.emplace_back([&, t] {
        for (int64_t b = t; b < batches; b += threads) {
          auto [begin, end] = batch_range(b);
          prepared[b] = MakeBatch(gen, o.kind, begin, end, o.sync, &with_nps);
        }
      });
    }
    for (std::thread& w : workers) w.join();
    result.pregenerate_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }

  std::vector<std::shared_ptr<grpc::Channel>> channels;
  for (int s = 0; s < streams; ++s) {
    if (s == 0 || o.connection_per_stream)
      channels.push_back(MakeChannel(o.server, o.connection_per_stream ? s : -1));
    else
      channels.push_back(channels[0]);
    if (!channels.back()->WaitForConnected(std::chrono::system_clock::now() +
                                           std::chrono::seconds(10)))
      return absl::UnavailableError("cannot connect to " + o.server);
  }

  const grpc::internal::RpcMethod method(
      o.kind == RecordKind::kResponses ? kSubmitResponses : kRecordInteractions,
      grpc::internal::RpcMethod::CLIENT_STREAMING);
  std::mutex mu;
  absl::Status error;
  const double cpu0 = CpuSeconds();
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::thread> senders;
  for (int s = 0; s < streams; ++s) {
    senders.emplace_back([&, s] {
      grpc::ClientContext context;
      v1::IngestSummary summary;
      std::unique_ptr<grpc::ClientWriter<grpc::ByteBuffer>> writer(
          grpc::internal::ClientWriterFactory<grpc::ByteBuffer>::Create(
              channels[s].get(), method, &context, &summary));
      for (int64_t b = s; b < batches; b += streams) {
        bool ok;
        if (o.pregenerate) {
          ok = writer->Write(prepared[b]);
          prepared[b].Clear();  // free as we go
        } else {
          auto [begin, end] = batch_range(b);
          ok = writer->Write(MakeBatch(gen, o.kind, begin, end, o.sync, &with_nps));
        }
        if (!ok) break;  // the server ended the call; Finish says why
      }
      writer->WritesDone();
      const grpc::Status status = writer->Finish();
      std::lock_guard<std::mutex> lock(mu);
      if (!status.ok()) {
        if (error.ok())
          error = absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                               absl::StrCat("stream ", s, ": ", status.error_message()));
        return;
      }
      result.accepted += summary.accepted();
      result.duplicates += summary.duplicates();
      // rejected_total counts the rejections the summary does not list.
      result.rejected += std::max<uint64_t>(summary.rejected_total(),
                                            summary.rejected_size());
      if (summary.rejected_size() > 0 && result.first_rejection.empty()) {
        const v1::RejectedRecord& r = summary.rejected(0);
        result.first_rejection = absl::StrCat(r.index(), " ", r.id(), " ", r.code(),
                                              " ", r.field(), ": ", r.reason());
      }
    });
  }
  for (std::thread& t : senders) t.join();
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  result.client_cpu_seconds = CpuSeconds() - cpu0;
  result.records_per_s = result.seconds > 0 ? count / result.seconds : 0;
  if (!error.ok()) return error;
  result.sent_with_nps = with_nps.load();
  return result;
}

}  // namespace cxscore::bench
