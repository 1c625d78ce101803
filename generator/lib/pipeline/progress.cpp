#include "pipeline/progress.hpp"

namespace tandem {

Progress::Progress(Listener listener, size_t total, std::chrono::milliseconds every)
    : listener_(std::move(listener)), total_(total), every_(every) {
  next_ = (Clock::now() + every_).time_since_epoch().count();
}

void Progress::Done() {
  size_t done = done_.fetch_add(1, std::memory_order_relaxed) + 1;
  if (!listener_) return;
  Clock::rep now = Clock::now().time_since_epoch().count();
  Clock::rep due = next_.load(std::memory_order_relaxed);
  // Only the worker that moves `next_` on tells; the others go back to work.
  if (now < due || !next_.compare_exchange_strong(due, now + every_.count())) return;
  Tell(done);
}

void Progress::Finish() {
  if (listener_) Tell(done_.load());
}

void Progress::Tell(size_t done) {
  std::lock_guard<std::mutex> lock(telling_);
  if (done < told_) return;
  told_ = done;
  listener_(done, total_);
}

}  // namespace tandem
