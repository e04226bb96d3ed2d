// Group commit: one writer thread drains every request queued while the
// previous group was being written and applies them as one group, so that
// concurrent writers share one WriteBatch and at most one fsync.
#ifndef CXSCORE_STORAGE_WRITE_QUEUE_H_
#define CXSCORE_STORAGE_WRITE_QUEUE_H_

#include <cstddef>
#include <deque>
#include <functional>
#include <thread>
#include <variant>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/functional/function_ref.h"
#include "absl/synchronization/mutex.h"
#include "storage/store.h"

namespace cxscore::storage {

struct WriteRequest {
  std::variant<std::vector<Interaction>, std::vector<SurveyResponse>> records;
  WriteOptions options;
  WriteCallback done;

  size_t size() const {
    return std::visit([](const auto& v) { return v.size(); }, records);
  }
};

class WriteQueue {
 public:
  // Applies one group and runs every request's callback. Runs on the writer
  // thread only, so it needs no locking of its own.
  using ApplyGroup = std::function<void(std::vector<WriteRequest>& group)>;

  WriteQueue(size_t max_group_records, ApplyGroup apply);
  // Applies everything still queued, then stops the writer thread.
  ~WriteQueue();

  void Push(WriteRequest request);

  // Runs `fn` on the calling thread while no group is being applied: a
  // group in progress finishes first, and the next one waits for `fn`. For
  // maintenance writes that must fall between two groups (verify --repair).
  // Must not be called from the writer thread (from a callback).
  void RunExclusive(absl::FunctionRef<void()> fn);

 private:
  void Run();

  const size_t max_group_records_;
  const ApplyGroup apply_;
  absl::Mutex mu_;
  std::deque<WriteRequest> pending_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  // Held while a group is applied, and by RunExclusive.
  absl::Mutex apply_mu_;
  std::thread writer_;  // last: starts after the state above exists
};

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_WRITE_QUEUE_H_
