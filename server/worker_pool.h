// A fixed set of threads for blocking work (rollup scans) that must not run
// on gRPC's callback threads, with a bounded queue of waiting tasks.
#ifndef CXSCORE_SERVER_WORKER_POOL_H_
#define CXSCORE_SERVER_WORKER_POOL_H_

#include <cstddef>
#include <deque>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/functional/any_invocable.h"
#include "absl/synchronization/mutex.h"

namespace cxscore::server {

class WorkerPool {
 public:
  // `max_queued`: tasks that may wait for a thread (not counting the ones
  // running); at least 1.
  explicit WorkerPool(int threads, size_t max_queued = 1024);
  // Runs every task already scheduled, then joins the threads.
  ~WorkerPool();

  // Queues `task`, or returns false (and drops it) when max_queued tasks
  // are already waiting.
  [[nodiscard]] bool TrySchedule(absl::AnyInvocable<void() &&> task);

  size_t max_queued() const { return max_queued_; }

 private:
  void Run();

  const size_t max_queued_;
  absl::Mutex mu_;
  std::deque<absl::AnyInvocable<void() &&>> tasks_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::thread> threads_;
};

}  // namespace cxscore::server

#endif  // CXSCORE_SERVER_WORKER_POOL_H_
