// The cxscore command-line client. This file only maps flags onto the
// library (CLI11 is compiled here and nowhere else); see docs/cli.md.
#include <unistd.h>

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "client/commands/admin_backup_command.h"
#include "client/commands/agents_command.h"
#include "client/commands/drivers_command.h"
#include "client/commands/import_command.h"
#include "client/commands/scores_command.h"
#include "client/commands/token_command.h"
#include "client/commands/trend_command.h"
#include "client/commands/verify_command.h"
#include "client/connection.h"
#include "client/documents/report_command.h"
#include "client/documents/scorecard_command.h"
#include "client/exit_codes.h"
#include "client/printers/output_format.h"
#include "client/rpc.h"
#include "cxscore/v1/cxscore.grpc.pb.h"

namespace cxscore::client {
namespace {

constexpr double kDefaultTimeoutSeconds = 30;
// `admin verify` reads every record and `admin backup` copies the whole
// database: without --timeout they wait this long.
constexpr double kAdminTimeoutSeconds = 3600;

// A repeatable option: every occurrence is kept, in order.
CLI::Option* AddRepeatable(CLI::App* app, const std::string& flag,
                           std::vector<std::string>* values,
                           const std::string& help) {
  return app->add_option(flag, *values, help)
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

// --from, --to, --agent, --team, --channel: the same for every query.
void AddSelectionOptions(CLI::App* app, SelectionArgs* args) {
  app->add_option("--from", args->from,
                  "First day YYYY-MM-DD (UTC) or RFC 3339 timestamp");
  app->add_option("--to", args->to,
                  "Last day YYYY-MM-DD (UTC, inclusive) or RFC 3339 "
                  "timestamp (exclusive)");
  AddRepeatable(app, "--agent", &args->agents, "Only this agent (repeatable)");
  AddRepeatable(app, "--team", &args->teams, "Only this team (repeatable)");
  AddRepeatable(app, "--channel", &args->channels,
                "Only this channel (repeatable)");
}

void AddNpsIntervalOption(CLI::App* app, std::string* method) {
  app->add_option("--nps-interval", *method,
                  "NPS interval: adjusted-wald or wald")
      ->capture_default_str();
}

// scorecard, scorecards, report: documents (Markdown, JSON, HTML, PDF) for
// people; they take --format md|json|html|pdf and --lang en|nl.
struct DocumentCommands {
  CLI::App* scorecard = nullptr;
  CLI::App* scorecards = nullptr;
  CLI::App* report = nullptr;
  ScorecardCommandOptions scorecard_options;
  ScorecardsCommandOptions scorecards_options;
  ReportCommandOptions report_options;
};

void AddDocumentCommands(CLI::App* app, DocumentCommands* commands) {
  CLI::App* scorecard = app->add_subcommand(
      "scorecard", "One agent's coaching scorecard (docs/scorecards.md)");
  ScorecardCommandOptions& one = commands->scorecard_options;
  scorecard->add_option("--agent", one.agent, "The agent")->required();
  scorecard->add_option("--from", one.document.from,
                        "First day YYYY-MM-DD (UTC); default 29 days before "
                        "--to");
  scorecard->add_option("--to", one.document.to,
                        "Last day YYYY-MM-DD (UTC, inclusive); default today");
  scorecard->add_option("--lang", one.document.lang, "en or nl")
      ->capture_default_str();
  scorecard->add_option("-o,--output", one.output,
                        "Write to FILE (required for html and pdf)");
  commands->scorecard = scorecard;

  CLI::App* scorecards = app->add_subcommand(
      "scorecards", "A scorecard per agent of a team, plus index.html");
  ScorecardsCommandOptions& team = commands->scorecards_options;
  scorecards->add_option("--team", team.team, "The team")->required();
  scorecards->add_option("--out", team.out_dir, "Folder to write into")
      ->required();
  scorecards->add_option("--from", team.document.from,
                         "First day YYYY-MM-DD (UTC)");
  scorecards->add_option("--to", team.document.to,
                         "Last day YYYY-MM-DD (UTC, inclusive)");
  scorecards->add_option("--lang", team.document.lang, "en or nl")
      ->capture_default_str();
  commands->scorecards = scorecards;

  CLI::App* report = app->add_subcommand(
      "report", "The team dashboard: channels, trends, drivers, attention");
  ReportCommandOptions& dashboard = commands->report_options;
  report->add_option("--from", dashboard.document.from,
                     "First day YYYY-MM-DD (UTC); default 29 days before --to");
  report->add_option("--to", dashboard.document.to,
                     "Last day YYYY-MM-DD (UTC, inclusive); default today");
  for (auto [flag, values] : {std::pair{"--team", &dashboard.teams},
                              std::pair{"--agent", &dashboard.agents},
                              std::pair{"--channel", &dashboard.channels}}) {
    report->add_option(flag, *values, "Only this value (repeatable)")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  }
  report->add_option("--lang", dashboard.document.lang, "en or nl")
      ->capture_default_str();
  report->add_option("-o,--output", dashboard.output,
                     "Write to FILE (required for html and pdf)");
  commands->report = report;
}

// Runs the document command that was parsed; nullopt when none was.
std::optional<int> RunDocumentCommands(CLI::App& app,
                                       DocumentCommands& commands,
                                       const std::string& server,
                                       const ConnectionOptions& connection,
                                       double timeout_seconds,
                                       const std::string& format_name) {
  if (!commands.scorecard->parsed() && !commands.scorecards->parsed() &&
      !commands.report->parsed()) {
    return std::nullopt;
  }
  // The global --format default ("table") means the command's own default.
  const std::string format =
      app.get_option("--format")->count() > 0 ? format_name : "";
  CallOptions call;
  call.server = server;
  call.timeout = absl::Seconds(timeout_seconds);
  if (server.empty()) {
    std::cerr << "cxscore: --server (or CXSCORE_SERVER) is empty\n";
    return kExitFailure;
  }
  std::unique_ptr<v1::CxScore::Stub> stub =
      v1::CxScore::NewStub(MakeChannel(server, connection));
  for (DocumentOptions* document : {&commands.scorecard_options.document,
                                    &commands.scorecards_options.document,
                                    &commands.report_options.document}) {
    document->format = format;
    document->call = call;
    document->now = absl::Now();  // the client's clock: "today"
  }
  if (commands.scorecard->parsed()) {
    return RunScorecardCommand(*stub, commands.scorecard_options, std::cout,
                               std::cerr);
  }
  if (commands.report->parsed()) {
    return RunReportCommand(*stub, commands.report_options, std::cout,
                            std::cerr);
  }
  return RunScorecardsCommand(*stub, commands.scorecards_options, std::cout,
                              std::cerr);
}

int Main(int argc, char** argv) {
  CLI::App app{
      "cxscore: import customer-experience data into a cxscored server and "
      "read scores, drivers, trends and fair agent rankings from it.",
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
                 "Output of scores, drivers, trend and agents: table, json "
                 "or csv")
      ->capture_default_str();
  app.add_option("--timeout", timeout_seconds,
                 "Seconds to wait for the server: the whole call for a query, "
                 "each batch and the final summary for `import`")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  // Credentials (docs/cli.md, "Connection and credentials"). The
  // environment variables are read by ResolveConnection, not by CLI11, so
  // that the rules live (and are tested) in one place.
  ConnectionFlags connection_flags;
  app.add_option("--token-file", connection_flags.token_file,
                 "File holding the bearer token sent on every call "
                 "(else env CXSCORE_TOKEN, the token itself)");
  app.add_option("--tls-ca", connection_flags.tls_ca,
                 "Use TLS, trusting the CA in this PEM file "
                 "(env CXSCORE_TLS_CA); without it: plaintext");
  app.add_option("--tls-cert", connection_flags.tls_cert,
                 "Client certificate (PEM) for mTLS, with --tls-key "
                 "(env CXSCORE_TLS_CERT)");
  app.add_option("--tls-key", connection_flags.tls_key,
                 "Private key (PEM) of --tls-cert (env CXSCORE_TLS_KEY)");

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
                    "Records per streamed message (at most the server's "
                    "default --max-batch-records)")
        ->check(CLI::Range(size_t{1}, cxscore::client::kMaxBatchRecords))
        ->capture_default_str();
    sub->add_option("--rejects", import_options.rejects_path,
                    "Write every rejected row (line,id,field,reason) to this "
                    "CSV file");
    sub->add_flag("--sync", import_options.import.sync,
                  "Have each batch acknowledged only after it is fsynced, "
                  "even by a cxscored started with --no-sync");
  }

  // scores
  CLI::App* scores =
      app.add_subcommand("scores", "NPS, CSAT, CES, VES and service scores");
  ScoresQuery query;
  AddRepeatable(scores, "--by", &query.by,
                "Group by a comma list of agent, team, channel, day, week, "
                "month, or attr.NAME (an attribute, e.g. attr.plan)");
  AddSelectionOptions(scores, &query.selection);
  AddNpsIntervalOption(scores, &query.nps_interval);
  std::string compare;
  CLI::Option* compare_option = scores->add_option(
      "--compare", compare,
      "Compare every group with `previous` (the period of the same length "
      "right before --from..--to) or FROM..TO");

  // drivers
  CLI::App* drivers = app.add_subcommand(
      "drivers", "Which metric moves with service performance (Spearman)");
  DriversQuery drivers_query;
  AddSelectionOptions(drivers, &drivers_query.selection);
  AddRepeatable(drivers, "--kpi", &drivers_query.kpis,
                "Only this KPI (repeatable, or a comma list): "
                "time_to_first_response, time_to_close, reopens, transfers, "
                "first_contact_resolution; default all");
  AddRepeatable(drivers, "--by", &drivers_query.by,
                "One analysis per value of an attribute: attr.NAME");
  drivers
      ->add_option("--level", drivers_query.level,
                   "Correlate per response, per agent or per week")
      ->capture_default_str();

  // trend
  CLI::App* trend = app.add_subcommand(
      "trend", "One metric per day, week or month, with change flags");
  TrendQuery trend_query;
  trend->add_option("--metric", trend_query.metric, "nps, csat, ces or ves")
      ->required();
  AddRepeatable(trend, "--by", &trend_query.by,
                "One series per value of a comma list of agent, team, "
                "channel, or of attr.NAME (an attribute)");
  trend
      ->add_option("--interval", trend_query.interval,
                   "Period of a point: day, week or month")
      ->required();
  AddSelectionOptions(trend, &trend_query.selection);
  AddNpsIntervalOption(trend, &trend_query.nps_interval);

  // agents
  CLI::App* agents = app.add_subcommand(
      "agents", "Agents ranked fairly by a metric (empirical Bayes)");
  AgentsQuery agents_query;
  agents->add_option("--rank-by", agents_query.rank_by, "nps, csat, ces or ves")
      ->required();
  AddSelectionOptions(agents, &agents_query.selection);
  AddNpsIntervalOption(agents, &agents_query.nps_interval);

  DocumentCommands document_commands;
  AddDocumentCommands(&app, &document_commands);

  // admin verify [--repair] | backup | backups: need the admin role when the
  // server has tokens.
  CLI::App* admin = app.add_subcommand(
      "admin", "Administration (the admin role, when the server has tokens)");
  admin->require_subcommand(1);
  CLI::App* admin_verify = admin->add_subcommand(
      "verify",
      "Recompute every rollup cell from the raw records and compare; exit 1 "
      "listing the cells that differ (docs/reliability.md)");
  VerifyCommandOptions verify_options;
  admin_verify->add_flag(
      "--repair", verify_options.repair,
      "Write the differing cells back, then verify again (exit 0 when the "
      "store is right afterwards)");
  // admin backup | backups: the same role (docs/cli.md).
  CLI::App* admin_backup = admin->add_subcommand(
      "backup", "Take an online backup into the server's --backup-dir");
  CLI::App* admin_backups =
      admin->add_subcommand("backups", "List the server's backups");

  // token new ROLE [NAME]: no server needed.
  CLI::App* token = app.add_subcommand("token", "Bearer tokens for cxscored");
  token->require_subcommand(1);
  CLI::App* token_new = token->add_subcommand(
      "new",
      "Print a fresh random token and the line for cxscored's --auth-tokens "
      "file");
  TokenNewOptions token_options;
  token_new
      ->add_option("ROLE", token_options.role,
                   "ingest, manager, admin or agent:AGENT_ID")
      ->required();
  token_new->add_option("NAME", token_options.name,
                        "Name of the token's holder in the audit log");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Help and version exit 0; every usage error exits 2 (CLI11 has its own
    // codes, which the contract does not allow).
    return app.exit(e) == 0 ? kExitOk : kExitFailure;
  }

  if (token_new->parsed()) {
    absl::StatusOr<OutputFormat> format = ParseOutputFormat(format_name);
    if (!format.ok()) {
      std::cerr << "cxscore: " << format.status().message() << "\n";
      return kExitFailure;
    }
    token_options.format = *format;
    return RunTokenNewCommand(token_options, std::cout, std::cerr);
  }

  absl::StatusOr<ConnectionOptions> connection =
      ResolveConnection(connection_flags, ProcessEnv);
  if (!connection.ok()) {
    std::cerr << "cxscore: " << connection.status().message() << "\n";
    return kExitFailure;
  }

  if (std::optional<int> code =
          RunDocumentCommands(app, document_commands, server, *connection,
                              timeout_seconds, format_name)) {
    return *code;
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
      v1::CxScore::NewStub(MakeChannel(server, *connection));

  if (admin_backup->parsed() || admin_backups->parsed()) {
    QueryCommandOptions options;
    options.format = *format;
    // A backup of a large database takes minutes: an hour unless --timeout.
    options.timeout =
        admin_backup->parsed() && app.get_option("--timeout")->count() == 0
            ? absl::Seconds(kAdminTimeoutSeconds)
            : timeout;
    options.server = server;
    return admin_backup->parsed()
               ? RunAdminBackupCommand(*stub, options, std::cout, std::cerr)
               : RunAdminBackupsCommand(*stub, options, std::cout, std::cerr);
  }
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
  if (drivers->parsed()) {
    DriversCommandOptions options;
    options.query = std::move(drivers_query);
    options.format = *format;
    options.timeout = timeout;
    options.server = server;
    return RunDriversCommand(*stub, options, std::cout, std::cerr);
  }
  if (trend->parsed()) {
    TrendCommandOptions options;
    options.query = std::move(trend_query);
    options.format = *format;
    options.timeout = timeout;
    options.server = server;
    return RunTrendCommand(*stub, options, std::cout, std::cerr);
  }
  if (admin_verify->parsed()) {
    verify_options.format = *format;
    verify_options.timeout = app.get_option("--timeout")->count() > 0
                                 ? timeout
                                 : absl::Seconds(kAdminTimeoutSeconds);
    verify_options.server = server;
    return RunVerifyCommand(*stub, verify_options, std::cout, std::cerr);
  }
  if (agents->parsed()) {
    AgentsCommandOptions options;
    options.query = std::move(agents_query);
    options.format = *format;
    options.timeout = timeout;
    options.server = server;
    return RunAgentsCommand(*stub, options, std::cout, std::cerr);
  }
  ScoresCommandOptions scores_options;
  scores_options.query = std::move(query);
  if (compare_option->count() > 0) scores_options.query.compare = compare;
  scores_options.format = *format;
  scores_options.timeout = timeout;
  scores_options.server = server;
  return RunScoresCommand(*stub, scores_options, std::cout, std::cerr);
}

}  // namespace
}  // namespace cxscore::client

int main(int argc, char** argv) { return cxscore::client::Main(argc, argv); }
