// cxscore-loadgen: a gRPC load client for cxscored.
//
//   cxscore-loadgen [data flags] ingest --kind responses --streams 4 --batch 1000 [--sync]
//   cxscore-loadgen [data flags] query --workload agent-90d --calls 1000
//
// The data flags (-n, --agents, --seed, ...) are those of cxscore-datagen and
// describe the same data set; records are generated in process. Results go
// to stdout as one JSON object (--json) or a line of text.
#include <iostream>
#include <string>

#include "CLI/CLI.hpp"
#include "bench/datagen/datagen.h"
#include "bench/datagen/flags.h"
#include "bench/loadgen/ingest.h"
#include "bench/loadgen/query.h"
#include "nlohmann/json.hpp"

namespace {

using cxscore::bench::DataGenerator;

int Fail(const std::string& what, const absl::Status& status) {
  std::cerr << "cxscore-loadgen: " << what << ": " << status << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"cxscore-loadgen: ingest and query load for cxscored"};
  app.require_subcommand(1);
  app.fallthrough();
  cxscore::bench::DataGenFlags data;
  cxscore::bench::AddDataGenFlags(app, &data);
  std::string server = "127.0.0.1:50051";
  bool json = false;
  app.add_option("--server", server, "cxscored address HOST:PORT")
      ->envname("CXSCORE_SERVER")
      ->capture_default_str();
  app.add_flag("--json", json, "print one JSON object");

  cxscore::bench::IngestOptions ingest;
  std::string kind = "responses";
  bool no_pregenerate = false, shared_connection = false, allow_existing = false;
  CLI::App* ingest_cmd = app.add_subcommand("ingest", "stream generated records");
  ingest_cmd->add_option("--kind", kind, "responses or interactions")
      ->check(CLI::IsMember({"responses", "interactions"}))
      ->capture_default_str();
  ingest_cmd->add_option("--first", ingest.first, "first record index")
      ->capture_default_str();
  ingest_cmd->add_option("--count", ingest.count, "records to send (-1 = to n)")
      ->capture_default_str();
  ingest_cmd->add_option("-k,--streams", ingest.streams, "concurrent streams")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  ingest_cmd->add_option("-b,--batch", ingest.batch, "records per message")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  ingest_cmd->add_flag("--sync", ingest.sync,
                       "ask for an fsync before each batch is acknowledged");
  ingest_cmd->add_flag("--no-pregenerate", no_pregenerate,
                       "generate batches while sending (less memory, more "
                       "client CPU in the timed part)");
  ingest_cmd->add_flag("--shared-connection", shared_connection,
                       "all streams over one connection");
  ingest_cmd->add_flag("--allow-existing", allow_existing,
                       "do not require accepted == sent (server not fresh)");

  cxscore::bench::QueryOptions query;
  std::string workload = "agent-90d";
  CLI::App* query_cmd =
      app.add_subcommand("query", "run a GetScores or GetDrivers workload");
  query_cmd->add_option(
               "--workload", workload,
               "agent-90d, channel-week-year, all-agents-30d or drivers-all")
      ->capture_default_str();
  query_cmd->add_option("--calls", query.calls, "timed calls")
      ->check(CLI::Range(1, 100000000))
      ->capture_default_str();
  query_cmd->add_option("--warmup", query.warmup, "untimed calls first")
      ->capture_default_str();
  query_cmd->add_option("--query-seed", query.seed, "picks the agents")
      ->capture_default_str();

  CLI11_PARSE(app, argc, argv);
  if (absl::Status s = cxscore::bench::FinishDataGenFlags(&data); !s.ok()) {
    std::cerr << "cxscore-loadgen: " << s.message() << "\n";
    return 2;
  }
  const DataGenerator gen(data.options);

  if (ingest_cmd->parsed()) {
    ingest.server = server;
    ingest.kind = kind == "responses" ? cxscore::bench::RecordKind::kResponses
                                      : cxscore::bench::RecordKind::kInteractions;
    ingest.pregenerate = !no_pregenerate;
    ingest.connection_per_stream = !shared_connection;
    auto result = cxscore::bench::RunIngest(gen, ingest);
    if (!result.ok()) return Fail("ingest", result.status());
    const bool counts_ok =
        allow_existing ? result->rejected == 0
                       : result->accepted == static_cast<uint64_t>(result->sent) &&
                             result->duplicates == 0 && result->rejected == 0;
    if (json) {
      nlohmann::json out = {
          {"kind", kind},
          {"sent", result->sent},
          {"sent_with_nps", result->sent_with_nps},
          {"accepted", result->accepted},
          {"duplicates", result->duplicates},
          {"rejected", result->rejected},
          {"streams", ingest.streams},
          {"batch", ingest.batch},
          {"sync", ingest.sync},
          {"pregenerate_s", result->pregenerate_seconds},
          {"seconds", result->seconds},
          {"records_per_s", result->records_per_s},
          {"client_cpu_s", result->client_cpu_seconds},
          {"counts_ok", counts_ok},
      };
      if (!result->first_rejection.empty())
        out["first_rejection"] = result->first_rejection;
      std::cout << out.dump() << std::endl;
    } else {
      std::cout << kind << ": sent " << result->sent << " in "
                << result->seconds << " s = " << result->records_per_s
                << " records/s (" << ingest.streams << " streams x "
                << ingest.batch << (ingest.sync ? ", sync" : "")
                << "); accepted " << result->accepted << ", duplicates "
                << result->duplicates << ", rejected " << result->rejected
                << std::endl;
    }
    if (!counts_ok) {
      std::cerr << "cxscore-loadgen: summary does not match: sent "
                << result->sent << ", accepted " << result->accepted
                << ", duplicates " << result->duplicates << ", rejected "
                << result->rejected
                << (result->first_rejection.empty()
                        ? ""
                        : "; first rejection: " + result->first_rejection)
                << "\n";
      return 1;
    }
    return 0;
  }

  auto parsed = cxscore::bench::ParseWorkload(workload);
  if (!parsed.ok()) {
    std::cerr << "cxscore-loadgen: " << parsed.status().message() << "\n";
    return 2;
  }
  query.server = server;
  query.workload = *parsed;
  auto result = cxscore::bench::RunQueries(gen, query);
  if (!result.ok()) return Fail("query", result.status());
  if (json) {
    nlohmann::json out = {
        {"workload", workload},     {"calls", result->calls},
        {"p50_ms", result->p50_ms}, {"p90_ms", result->p90_ms},
        {"p99_ms", result->p99_ms}, {"mean_ms", result->mean_ms},
        {"min_ms", result->min_ms}, {"max_ms", result->max_ms},
        {"seconds", result->seconds}, {"groups", result->groups},
        {"nps_n", result->nps_n},
    };
    std::cout << out.dump() << std::endl;
  } else {
    std::cout << workload << ": " << result->calls << " calls, p50 "
              << result->p50_ms << " ms, p99 " << result->p99_ms
              << " ms, mean " << result->mean_ms << " ms; " << result->groups
              << " groups, NPS n " << result->nps_n << std::endl;
  }
  return 0;
}
