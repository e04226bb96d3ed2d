#include "bench/loadgen/query.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <random>

#include "absl/strings/str_cat.h"
#include "bench/loadgen/records_proto.h"
#include "cxscore/v1/cxscore.grpc.pb.h"
#include "grpcpp/grpcpp.h"

namespace cxscore::bench {
namespace {

double Percentile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0;
  // Nearest rank.
  size_t rank = static_cast<size_t>(std::ceil(q * sorted.size()));
  rank = std::clamp<size_t>(rank, 1, sorted.size());
  return sorted[rank - 1];
}

v1::GetScoresRequest MakeRequest(const DataGenerator& gen, QueryWorkload w,
                                 std::mt19937_64& rng) {
  v1::GetScoresRequest request;
  const absl::Time end = gen.end();
  switch (w) {
    case QueryWorkload::kAgent90d: {
      std::uniform_int_distribution<int> pick(0, gen.options().agents - 1);
      request.add_agents(gen.AgentId(pick(rng)));
      ToProto(end - absl::Hours(24 * 90), request.mutable_from());
      ToProto(end, request.mutable_to());
      break;
    }
    case QueryWorkload::kChannelWeekYear:
      request.add_group_by(v1::DIMENSION_CHANNEL);
      request.add_group_by(v1::DIMENSION_WEEK);
      ToProto(gen.options().start, request.mutable_from());
      ToProto(end, request.mutable_to());
      break;
    case QueryWorkload::kAllAgents30d:
      request.add_group_by(v1::DIMENSION_AGENT);
      ToProto(end - absl::Hours(24 * 30), request.mutable_from());
      ToProto(end, request.mutable_to());
      break;
  }
  return request;
}

}  // namespace

absl::StatusOr<QueryWorkload> ParseWorkload(const std::string& name) {
  if (name == "agent-90d") return QueryWorkload::kAgent90d;
  if (name == "channel-week-year") return QueryWorkload::kChannelWeekYear;
  if (name == "all-agents-30d") return QueryWorkload::kAllAgents30d;
  return absl::InvalidArgumentError(
      "workload must be agent-90d, channel-week-year or all-agents-30d, got " + name);
}

std::string WorkloadName(QueryWorkload w) {
  switch (w) {
    case QueryWorkload::kAgent90d:
      return "agent-90d";
    case QueryWorkload::kChannelWeekYear:
      return "channel-week-year";
    case QueryWorkload::kAllAgents30d:
      return "all-agents-30d";
  }
  return "?";
}

absl::StatusOr<QueryResult> RunQueries(const DataGenerator& gen,
                                       const QueryOptions& o) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(256 << 20);
  auto channel = grpc::CreateCustomChannel(
      o.server, grpc::InsecureChannelCredentials(), args);
  if (!channel->WaitForConnected(std::chrono::system_clock::now() +
                                 std::chrono::seconds(10)))
    return absl::UnavailableError("cannot connect to " + o.server);
  auto stub = v1::CxScore::NewStub(channel);
  std::mt19937_64 rng(o.seed);

  QueryResult result;
  std::vector<double> latencies;
  latencies.reserve(o.calls);
  auto t0 = std::chrono::steady_clock::now();
  for (int call = 0; call < o.warmup + o.calls; ++call) {
    if (call == o.warmup) {
      latencies.clear();
      t0 = std::chrono::steady_clock::now();
    }
    const auto start = std::chrono::steady_clock::now();
    const v1::GetScoresRequest request = MakeRequest(gen, o.workload, rng);
    grpc::ClientContext context;
    v1::GetScoresResponse response;
    const grpc::Status status = stub->GetScores(&context, request, &response);
    const double ms = std::chrono::duration<double, std::milli>(
                          std::chrono::steady_clock::now() - start)
                          .count();
    if (!status.ok())
      return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                          "GetScores: " + status.error_message());
    latencies.push_back(ms);
    result.groups = response.groups_size();
    result.nps_n = 0;
    for (const v1::GroupScores& g : response.groups())
      result.nps_n += g.nps().n();
  }
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::sort(latencies.begin(), latencies.end());
  result.calls = static_cast<int>(latencies.size());
  if (!latencies.empty()) {
    double sum = 0;
    for (double l : latencies) sum += l;
    result.mean_ms = sum / latencies.size();
    result.min_ms = latencies.front();
    result.max_ms = latencies.back();
    result.p50_ms = Percentile(latencies, 0.50);
    result.p90_ms = Percentile(latencies, 0.90);
    result.p99_ms = Percentile(latencies, 0.99);
    result.seconds = wall;
  }
  return result;
}

}  // namespace cxscore::bench
