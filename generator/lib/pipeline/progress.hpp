// Pages done out of a total, told to a listener while workers render: the count is an atomic,
// and the listener is called at most once per interval, by whichever worker finds it due, so
// that a fast build pays one clock read per page and a listener is never called twice at once.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>

namespace tandem {

class Progress {
 public:
  using Listener = std::function<void(size_t done, size_t total)>;
  using Clock = std::chrono::steady_clock;

  // No listener: counting costs an atomic increment, nothing else.
  Progress(Listener listener, size_t total, std::chrono::milliseconds every);
  // One more page done; tells the listener if the interval has passed since it last did.
  void Done();
  // Tells the listener the final count (done == total when every page was done), so that it
  // can clear what it showed.
  void Finish();

 private:
  void Tell(size_t done);

  Listener listener_;
  size_t total_;
  Clock::duration every_;
  std::atomic<size_t> done_{0};
  std::atomic<Clock::rep> next_;  // when the listener is next due
  std::mutex telling_;
  size_t told_ = 0;  // the highest count told, under telling_: counts never go back
};

}  // namespace tandem
