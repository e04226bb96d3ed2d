// The cxscore command-line client. This file only maps flags onto the
// library (CLI11 is compiled here and nowhere else); see docs/cli.md.
#include <unistd.h>

#include <iostream>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/time/time.h"
#include "client/exit_codes.h"
#include "client/import_command.h"
#include "client/output_format.h"
#include "client/rpc.h"
#include "client/scores_command.h"
#include "cxscore/v1/cxscore.grpc.pb.h"

namespace cxscore::client {
namespace {

constexpr double kDefaultTimeoutSeconds = 30;

int Main(int argc, char** argv) {
  CLI::App app{
      "cxscore: import customer-experience data into a cxscored server and "
      "read NPS, CSAT, CES, VES and service scores from it.",
      "cxscore"};
  app.set_version_flag("--version", "cxscore " CXSCORE_VERSION);
  app.require_subcommand(1);
  // Global options may also follow the subcommand.
  app.fallthrough();

  std::string server = "127.0.0.1:50051";
  std::string format_name = "table";
  double timeout_seconds = kDefaultTimeoutSeconds;
  app.add_option("--server", server, "Server address HOST:PORT")
      ->envname("CXSCORE_SERVER")
      ->capture_default_str();
  app.add_option("--format", format_name,
                 "Output of `scores`: table, json or csv")
      ->capture_default_str();
  app.add_option("--timeout", timeout_seconds,
                 "Seconds to wait for the server: the whole call for `scores`, "
                 "each batch and the final summary for `import`")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();

  // import interactions|responses FILE
  CLI::App* import = app.add_subcommand(
      "import", "Import a canonical CSV file (see docs/data-format.md)");
  import->require_subcommand(1);
  ImportCommandOptions import_options;
  CLI::App* import_interactions =
      import->add_subcommand("interactions", "Import interactions (tickets)");
  CLI::App* import_responses =
      import->add_subcommand("responses", "Import survey responses");
  for (CLI::App* sub : {import_interactions, import_responses}) {
    sub->add_option("FILE", import_options.path, "CSV file, or - for stdin")
        ->required();
    sub->add_option("--batch-size", import_options.import.batch_size,
                    "Records per streamed message")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    sub->add_option("--rejects", import_options.rejects_path,
                    "Write every rejected row (line,id,field,reason) to this "
                    "CSV file");
    sub->add_flag("--sync", import_options.import.sync,
                  "Have each batch acknowledged only after it is fsynced");
  }

  // scores
  CLI::App* scores =
      app.add_subcommand("scores", "NPS, CSAT, CES, VES and service scores");
  ScoresQuery query;
  scores
      ->add_option("--by", query.by,
                   "Group by a comma list of agent, team, channel, day, "
                   "week, month")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  scores->add_option("--from", query.from,
                     "First day YYYY-MM-DD (UTC) or RFC 3339 timestamp");
  scores->add_option("--to", query.to,
                     "Last day YYYY-MM-DD (UTC, inclusive) or RFC 3339 "
                     "timestamp (exclusive)");
  for (auto [flag, values, help] :
       {std::tuple{"--agent", &query.agents, "Only this agent (repeatable)"},
        std::tuple{"--team", &query.teams, "Only this team (repeatable)"},
        std::tuple{"--channel", &query.channels,
                   "Only this channel (repeatable)"}}) {
    scores->add_option(flag, *values, help)
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  }
  scores
      ->add_option("--nps-interval", query.nps_interval,
                   "NPS interval: adjusted-wald or wald")
      ->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Help and version exit 0; every usage error exits 2 (CLI11 has its own
    // codes, which the contract does not allow).
    return app.exit(e) == 0 ? kExitOk : kExitFailure;
  }

  absl::StatusOr<OutputFormat> format = ParseOutputFormat(format_name);
  if (!format.ok()) {
    std::cerr << "cxscore: " << format.status().message() << "\n";
    return kExitFailure;
  }
  if (server.empty()) {
    std::cerr << "cxscore: --server (or CXSCORE_SERVER) is empty\n";
    return kExitFailure;
  }
  const absl::Duration timeout = absl::Seconds(timeout_seconds);
  std::unique_ptr<v1::CxScore::Stub> stub =
      v1::CxScore::NewStub(MakeChannel(server));

  if (import_interactions->parsed() || import_responses->parsed()) {
    import_options.import.kind = import_interactions->parsed()
                                     ? RecordKind::kInteraction
                                     : RecordKind::kResponse;
    import_options.import.step_timeout = timeout;
    import_options.import.server = server;
    import_options.show_progress = isatty(STDERR_FILENO) == 1;
    return RunImportCommand(*stub, import_options, std::cin, std::cout,
                            std::cerr);
  }
  ScoresCommandOptions scores_options;
  scores_options.query = std::move(query);
  scores_options.format = *format;
  scores_options.timeout = timeout;
  scores_options.server = server;
  return RunScoresCommand(*stub, scores_options, std::cout, std::cerr);
}

}  // namespace
}  // namespace cxscore::client

int main(int argc, char** argv) { return cxscore::client::Main(argc, argv); }
