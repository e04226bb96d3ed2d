// A fixed set of threads for blocking work (rollup scans) that must not run
// on gRPC's callback threads.
#ifndef CXSCORE_SERVER_WORKER_POOL_H_
#define CXSCORE_SERVER_WORKER_POOL_H_

#include <deque>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/functional/any_invocable.h"
#include "absl/synchronization/mutex.h"

namespace cxscore::server {

class WorkerPool {
 public:
  explicit WorkerPool(int threads);
  // Runs every task already scheduled, then joins the threads.
  ~WorkerPool();

  void Schedule(absl::AnyInvocable<void() &&> task);

 private:
  void Run();

  absl::Mutex mu_;
  std::deque<absl::AnyInvocable<void() &&>> tasks_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::thread> threads_;
};

}  // namespace cxscore::server

#endif  // CXSCORE_SERVER_WORKER_POOL_H_
