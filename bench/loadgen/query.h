// Query workloads over GetScores and GetDrivers, as issue 6 names them.
#ifndef CXSCORE_BENCH_LOADGEN_QUERY_H_
#define CXSCORE_BENCH_LOADGEN_QUERY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "bench/datagen/datagen.h"

namespace cxscore::bench {

enum class QueryWorkload {
  kAgent90d,         // NPS of one random agent over the last 90 days
  kChannelWeekYear,  // all metrics per channel per ISO week over the span
  kAllAgents30d,     // NPS of every agent over the last 30 days
  kDriversAll,       // GetDrivers: every metric x KPI over all the data
};

// "agent-90d", "channel-week-year", "all-agents-30d", "drivers-all".
absl::StatusOr<QueryWorkload> ParseWorkload(const std::string& name);
std::string WorkloadName(QueryWorkload workload);

struct QueryOptions {
  std::string server = "127.0.0.1:50051";
  QueryWorkload workload = QueryWorkload::kAgent90d;
  int calls = 1000;   // timed calls
  int warmup = 10;    // untimed calls first
  uint64_t seed = 7;  // picks the agents of kAgent90d
};

struct QueryResult {
  int calls = 0;
  double p50_ms = 0, p90_ms = 0, p99_ms = 0, mean_ms = 0, min_ms = 0,
         max_ms = 0;
  double seconds = 0;  // wall time of the timed calls (one at a time)
  // From the last response, to show the query did its job. For
  // kDriversAll: groups = metric x KPI pairs, nps_n = the largest n of the
  // NPS pairs (responses with an NPS answer linked to a ticket).
  int64_t groups = 0;
  uint64_t nps_n = 0;  // sum of the groups' NPS n
};

// Calls one at a time from one thread; latency is end to end (request
// built, sent, answered and parsed).
absl::StatusOr<QueryResult> RunQueries(const DataGenerator& generator,
                                       const QueryOptions& options);

}  // namespace cxscore::bench

#endif  // CXSCORE_BENCH_LOADGEN_QUERY_H_
