#include "storage/write_queue.h"

namespace cxscore::storage {

WriteQueue::WriteQueue(size_t max_group_records, ApplyGroup apply)
    : max_group_records_(max_group_records),
      apply_(std::move(apply)),
      writer_([this] { Run(); }) {}

WriteQueue::~WriteQueue() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  writer_.join();
}

void WriteQueue::Push(WriteRequest request) {
  absl::MutexLock lock(&mu_);
  pending_.push_back(std::move(request));
}

void WriteQueue::RunExclusive(absl::FunctionRef<void()> fn) {
  absl::MutexLock apply_lock(&apply_mu_);
  fn();
}

void WriteQueue::Run() {
  std::vector<WriteRequest> group;
  while (true) {
    {
      absl::MutexLock lock(&mu_);
      mu_.Await(absl::Condition(
          +[](WriteQueue* q) ABSL_EXCLUSIVE_LOCKS_REQUIRED(q->mu_) {
            return q->stopping_ || !q->pending_.empty();
          },
          this));
      if (pending_.empty()) return;  // stopping, and nothing left
      // Always take at least one request, however large.
      size_t records = 0;
      while (!pending_.empty() &&
             (group.empty() ||
              records + pending_.front().size() <= max_group_records_)) {
        records += pending_.front().size();
        group.push_back(std::move(pending_.front()));
        pending_.pop_front();
      }
    }
    {
      absl::MutexLock apply_lock(&apply_mu_);
      apply_(group);
    }
    group.clear();
  }
}

}  // namespace cxscore::storage
