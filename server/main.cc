// cxscored: maps flags onto StoreOptions and ServerOptions, opens the RocksDB
// store (the only place that does), serves until SIGTERM or SIGINT.
// CLI11 is included here only (it is slow to compile).
#include <pthread.h>

#include <algorithm>
#include <csignal>
#include <iostream>

#include "CLI/CLI.hpp"
#include "server/server.h"
#include "storage/rocks_store.h"

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
  app.add_flag("--sync", store_options.sync_writes,
               "fsync every write group before acknowledging it (group "
               "commit). Without it an acknowledged write survives a crash "
               "of the process, not of the machine, unless the request asks "
               "for sync");
  app.add_option("--query-threads", options.query_threads,
                 "threads that run score queries")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  // Block the stop signals in every thread; the main thread waits for them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto store = cxscore::storage::OpenRocksStore(store_options);
  if (!store.ok()) {
    std::cerr << "cxscored: " << store.status() << "\n";
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
            << (store_options.sync_writes ? ", fsync per write group" : "")
            << std::endl;

  int signal = 0;
  sigwait(&stop_signals, &signal);
  std::cout << "cxscored: " << (signal == SIGTERM ? "SIGTERM" : "SIGINT")
            << ", shutting down" << std::endl;
  (*server)->Shutdown();
  server->reset();
  store->reset();  // after the server: acknowledged writes are applied
  std::cout << "cxscored: stopped" << std::endl;
  return 0;
}
