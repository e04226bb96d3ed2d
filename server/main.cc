// cxscored: maps flags onto ServerOptions, serves until SIGTERM or SIGINT.
// CLI11 is included here only (it is slow to compile).
#include <pthread.h>

#include <algorithm>
#include <csignal>
#include <iostream>

#include "CLI/CLI.hpp"
#include "server/server.h"

int main(int argc, char** argv) {
  cxscore::server::ServerOptions options;
  options.store.data_dir = "./var/cxscore";
  CLI::App app{"cxscored: the cxscore gRPC server"};
  app.add_option("--listen", options.listen,
                 "HOST:PORT to serve on; port 0 picks a free port")
      ->capture_default_str();
  app.add_option("--data-dir", options.store.data_dir,
                 "directory of the RocksDB database (created if missing)")
      ->capture_default_str();
  app.add_flag("--sync", options.store.sync_writes,
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

  auto server = cxscore::server::Server::Start(options);
  if (!server.ok()) {
    std::cerr << "cxscored: " << server.status() << "\n";
    return 1;
  }
  const std::string host = options.listen.substr(0, options.listen.rfind(':'));
  // Tests and scripts read the port from this line.
  std::cout << "cxscored: listening on " << host << ":" << (*server)->port()
            << ", data in " << options.store.data_dir
            << (options.store.sync_writes ? ", fsync per write group" : "")
            << std::endl;

  int signal = 0;
  sigwait(&stop_signals, &signal);
  std::cout << "cxscored: " << (signal == SIGTERM ? "SIGTERM" : "SIGINT")
            << ", shutting down" << std::endl;
  (*server)->Shutdown();
  server->reset();
  std::cout << "cxscored: stopped" << std::endl;
  return 0;
}
