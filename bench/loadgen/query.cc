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

v1::GetScoresRequest MakeScoresRequest(const DataGenerator& gen, QueryWorkload w,
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
    case QueryWorkload::kDriversAll:
      break;  // not a GetScores workload
  }
  return request;
}

grpc::Status Call(v1::CxScore::Stub& stub, const DataGenerator& gen,
                  QueryWorkload w, std::mt19937_64& rng, QueryResult* result) {
  grpc::ClientContext context;
  if (w == QueryWorkload::kDriversAll) {
    v1::GetDriversRequest request;  // no selection: all the data
    v1::GetDriversResponse response;
    const grpc::Status status = stub.GetDrivers(&context, request, &response);
    result->groups = response.pairs_size();
    result->nps_n = 0;
    for (const v1::DriverPair& pair : response.pairs())
      if (pair.metric() == v1::METRIC_NPS)
        result->nps_n = std::max<uint64_t>(result->nps_n, pair.n());
    return status;
  }
  const v1::GetScoresRequest request = MakeScoresRequest(gen, w, rng);
  v1::GetScoresResponse response;
  const grpc::Status status = stub.GetScores(&context, request, &response);
  result->groups = response.groups_size();
  result->nps_n = 0;
  for (const v1::GroupScores& g : response.groups())
    result->nps_n += g.nps().n();
  return status;
}

}  // namespace

absl::StatusOr<QueryWorkload> ParseWorkload(const std::string& name) {
  if (name == "agent-90d") return QueryWorkload::kAgent90d;
  if (name == "channel-week-year") return QueryWorkload::kChannelWeekYear;
  if (name == "all-agents-30d") return QueryWorkload::kAllAgents30d;
  if (name == "drivers-all") return QueryWorkload::kDriversAll;
  return absl::InvalidArgumentError(
      "workload must be agent-90d, channel-week-year, all-agents-30d or "
      "drivers-all, got " +
      name);
}

std::string WorkloadName(QueryWorkload w) {
  switch (w) {
    case QueryWorkload::kAgent90d:
      return "agent-90d";
    case QueryWorkload::kChannelWeekYear:
      return "channel-week-year";
    case QueryWorkload::kAllAgents30d:
      return "all-agents-30d";
    case QueryWorkload::kDriversAll:
      return "drivers-all";
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
    const grpc::Status status = Call(*stub, gen, o.workload, rng, &result);
    const double ms = std::chrono::duration<double, std::milli>(
                          std::chrono::steady_clock::now() - start)
                          .count();
    if (!status.ok())
      return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                          WorkloadName(o.workload) + ": " +
                              status.error_message());
    latencies.push_back(ms);
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
