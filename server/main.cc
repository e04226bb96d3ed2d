// cxscored: maps flags onto StoreOptions and ServerOptions, opens the RocksDB
// store (the only place that does), serves until SIGTERM or SIGINT and
// re-reads the tokens file on SIGHUP.
// CLI11 is included here only (it is slow to compile).
#include <pthread.h>

#include <algorithm>
#include <csignal>
#include <iostream>

#include "CLI/CLI.hpp"
#include "absl/time/time.h"
#include "server/auth/token_file.h"
#include "server/server.h"
#include "storage/backup.h"
#include "storage/rocks_store.h"

namespace {

// `cxscored restore`: offline, into a new directory (storage/backup.h).
// Exit 0 after printing what was restored; 1 with the reason otherwise.
int RunRestore(const cxscore::storage::RestoreRequest& request) {
  absl::StatusOr<cxscore::storage::BackupInfo> restored =
      cxscore::storage::RestoreBackup(request);
  if (!restored.ok()) {
    std::cerr << "cxscored restore: " << restored.status().message() << "\n";
    return 1;
  }
  std::cout << "cxscored restore: restored backup " << restored->id
            << " (created "
            << absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", restored->created_at,
                                absl::UTCTimeZone())
            << ", " << restored->size_bytes << " bytes, "
            << restored->file_count << " files, checksums verified) into "
            << request.data_dir << std::endl;
  return 0;
}

// SEAM, NOT DONE (erase-customer, storage/backup.h): a data directory
// restored from a backup gets the erasures made after that backup again.
// No erasure journal exists yet, so nothing is re-applied today.
absl::Status ReapplyErasuresAfterRestore(cxscore::storage::Store& store,
                                         const std::string& data_dir,
                                         const std::string& backup_dir) {
  auto restored_from = cxscore::storage::ReadRestoredFrom(data_dir);
  if (!restored_from.ok()) return restored_from.status();
  if (!restored_from->has_value() || backup_dir.empty())
    return absl::OkStatus();
  auto erasures =
      cxscore::storage::ErasuresAfterBackup(backup_dir, **restored_from);
  if (!erasures.ok()) return erasures.status();
  return cxscore::storage::ReapplyErasures(store, *erasures);
}

}  // namespace

int main(int argc, char** argv) {
  cxscore::server::ServerOptions options;
  cxscore::storage::StoreOptions store_options;
  store_options.data_dir = "./var/cxscore";
  CLI::App app{"cxscored: the cxscore gRPC server"};
  app.add_option("--listen", options.listen,
                 "HOST:PORT to serve on; port 0 picks a free port")
      ->capture_default_str();
  app.add_option("--data-dir", store_options.data_dir,
                 "directory of the RocksDB database (created if missing)")
      ->capture_default_str();
  // Durable by default: every write group is fsynced before it is
  // acknowledged (group commit: one fsync per group).
  bool no_sync = false;
  bool sync_alias = false;
  CLI::Option* no_sync_flag = app.add_flag(
      "--no-sync", no_sync,
      "acknowledge a write group before it is fsynced (faster). The WAL is "
      "still written first, so a crash of the process loses nothing, but a "
      "power cut can lose the last acknowledged writes. Without it (the "
      "default) every write group is fsynced before it is acknowledged");
  app.add_flag("--sync", sync_alias,
               "no-op, kept for compatibility: fsyncing every write group "
               "before acknowledging it is the default")
      ->excludes(no_sync_flag);
  app.add_option("--query-threads", options.query_threads,
                 "threads that run score queries")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  // Limits (docs/security.md, "Limits"): beyond each, RESOURCE_EXHAUSTED
  // naming the flag.
  app.add_option("--max-message-bytes", options.max_message_bytes,
                 "largest message received or sent, in bytes")
      ->check(CLI::Range(1024, 1 << 30))
      ->capture_default_str();
  cxscore::server::IngestLimitOptions& ingest = options.ingest_limits;
  app.add_option("--max-batch-records", ingest.max_batch_records,
                 "records per ingest batch; a larger batch ends its stream "
                 "(earlier batches stay stored)")
      ->check(CLI::Range(1, 10000000))
      ->capture_default_str();
  app.add_option("--max-ingest-streams", ingest.max_ingest_streams,
                 "ingest streams open at once; one more is refused")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  app.add_option("--max-queued-queries", options.max_queued_queries,
                 "queries waiting for a query thread; one more is refused")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  app.add_option("--max-listed-rejections", ingest.max_listed_rejections,
                 "rejected records listed in an ingest summary (all are "
                 "counted in rejected_total)")
      ->check(CLI::Range(0, 1000000))
      ->capture_default_str();
  cxscore::server::ListenSecurity& security = options.security;
  app.add_option("--tls-cert", security.tls.cert_file,
                 "PEM certificate (chain) to serve TLS with; re-read when it "
                 "changes");
  app.add_option("--tls-key", security.tls.key_file,
                 "PEM private key of --tls-cert; re-read when it changes");
  app.add_option("--tls-client-ca", security.tls.client_ca_file,
                 "PEM CA certificate(s): clients must present a certificate "
                 "signed by one (mTLS)");
  app.add_option("--tls-refresh-seconds", security.tls.refresh_seconds,
                 "how often the TLS files are re-read for rotation")
      ->check(CLI::Range(1, 86400))
      ->capture_default_str();
  app.add_flag("--insecure-plaintext", security.insecure_plaintext,
               "allow serving without TLS on an address reachable beyond "
               "this machine");
  app.add_flag("--insecure-no-auth", security.insecure_no_auth,
               "allow serving without tokens on an address reachable beyond "
               "this machine");
  app.add_option("--auth-tokens", options.access.tokens_file,
                 "tokens file (sha256:HEX ROLE [NAME] per line; "
                 "docs/security.md): every call then needs "
                 "'authorization: Bearer TOKEN'. Re-read on SIGHUP");
  app.add_option("--audit-log", options.access.audit_log_file,
                 "append one JSON line per decided call to this file");
  app.add_option("--backup-dir", store_options.backup_dir,
                 "directory of the backups that `cxscore admin backup` takes "
                 "(created if missing); without it backups are refused");
  // cxscored restore --backup-dir DIR --data-dir NEW [--backup-id N]
  cxscore::storage::RestoreRequest restore_request;
  CLI::App* restore = app.add_subcommand(
      "restore",
      "Offline: verify a backup's checksums, then restore it into a new, "
      "empty data directory (docs/reliability.md)");
  restore
      ->add_option("--backup-dir", restore_request.backup_dir,
                   "directory of the backups")
      ->required();
  restore
      ->add_option("--data-dir", restore_request.data_dir,
                   "new (missing or empty) directory to restore into")
      ->required();
  uint32_t restore_backup_id = 0;
  CLI::Option* backup_id_option =
      restore->add_option("--backup-id", restore_backup_id,
                          "the backup to restore; default the latest");
  CLI11_PARSE(app, argc, argv);
  if (restore->parsed()) {
    if (backup_id_option->count() > 0)
      restore_request.backup_id = restore_backup_id;
    return RunRestore(restore_request);
  }
  store_options.sync_writes = !no_sync;

  // Exit 2 (a usage error) when the flags would serve beyond loopback
  // without TLS or tokens (the message names the missing flag), or when the
  // tokens file does not parse (the message names the line).
  security.tokens_configured = !options.access.tokens_file.empty();
  if (absl::Status s =
          cxscore::server::CheckListenSecurity(options.listen, security);
      !s.ok()) {
    std::cerr << "cxscored: " << s.message() << "\n";
    return 2;
  }
  if (security.tokens_configured) {
    if (absl::Status s =
            cxscore::server::auth::LoadTokenFile(options.access.tokens_file)
                .status();
        !s.ok()) {
      std::cerr << "cxscored: --auth-tokens: " << s.message() << "\n";
      return 2;
    }
  }

  // Block the stop signals in every thread; the main thread waits for them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGHUP);  // re-read the tokens file
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto store = cxscore::storage::OpenRocksStore(store_options);
  if (!store.ok()) {
    std::cerr << "cxscored: " << store.status() << "\n";
    return 1;
  }
  if (absl::Status s = ReapplyErasuresAfterRestore(
          **store, store_options.data_dir, store_options.backup_dir);
      !s.ok()) {
    std::cerr << "cxscored: " << s << "\n";
    return 1;
  }
  auto server = cxscore::server::Server::Start(options, **store);
  if (!server.ok()) {
    std::cerr << "cxscored: " << server.status() << "\n";
    return 1;
  }
  const std::string host = options.listen.substr(0, options.listen.rfind(':'));
  // Tests and scripts read the port from this line.
  std::cout << "cxscored: listening on " << host << ":" << (*server)->port()
            << ", data in " << store_options.data_dir
            << (store_options.backup_dir.empty()
                    ? ""
                    : ", backups in " + store_options.backup_dir)
            << ", " << cxscore::storage::DurabilityDescription(store_options)
            << (security.tls.cert_file.empty()
                    ? ", plaintext"
                    : (security.tls.client_ca_file.empty() ? ", TLS"
                                                           : ", mTLS"))
            << std::endl;
  if (security.tokens_configured) {
    std::cout << "cxscored: tokens from " << options.access.tokens_file
              << "; every call but health checks needs one" << std::endl;
  } else if (cxscore::server::IsLoopbackListen(options.listen)) {
    std::cout << "cxscored: serving loopback only: no token is asked "
                 "(reachable from this machine alone)"
              << std::endl;
  }
  if (!cxscore::server::IsLoopbackListen(options.listen)) {
    if (security.tls.cert_file.empty())
      std::cerr << "cxscored: WARNING: --insecure-plaintext: serving "
                   "plaintext beyond loopback"
                << std::endl;
    if (security.insecure_no_auth)
      std::cerr << "cxscored: WARNING: --insecure-no-auth: anyone who can "
                   "reach the port can read and write everything"
                << std::endl;
  }

  int signal = 0;
  while (sigwait(&stop_signals, &signal) == 0 && signal == SIGHUP) {
    absl::Status reloaded = (*server)->ReloadTokens();
    if (reloaded.ok())
      std::cout << "cxscored: SIGHUP: tokens re-read" << std::endl;
    else
      std::cerr << "cxscored: SIGHUP: tokens kept, the file does not load: "
                << reloaded.message() << std::endl;
  }
  std::cout << "cxscored: " << (signal == SIGTERM ? "SIGTERM" : "SIGINT")
            << ", shutting down" << std::endl;
  (*server)->Shutdown();
  server->reset();
  store->reset();  // after the server: acknowledged writes are applied
  std::cout << "cxscored: stopped" << std::endl;
  return 0;
}
