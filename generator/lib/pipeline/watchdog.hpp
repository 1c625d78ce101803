// Names pages that take too long to render. cmark-gfm still has inputs that take time growing
// with the square of their size, and a page cannot be interrupted half way: past `warn_after`
// the page is named at once (the build goes on); past `limit` the build stops there, with an
// error naming it, and the process ends, leaving the output folder as it was (nothing is
// committed while pages render).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tandem {

class Watchdog {
 public:
  using Clock = std::chrono::steady_clock;
  struct Limits {
    std::chrono::milliseconds warn_after{2000};
    std::chrono::milliseconds limit{30000};
  };
  // `say` prints a message at once; `stop` is called, on the watchdog's thread, with the page
  // past the limit, and must end the process.
  Watchdog(unsigned workers, Limits limits, std::function<void(const std::string&)> say,
           std::function<void(const std::string& page)> stop);
  ~Watchdog();
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

  // Worker `worker` starts or ends the page `path` (which must outlive the Stop).
  void Start(unsigned worker, const std::string* path);
  void Stop(unsigned worker);

 private:
  struct Slot {
    std::atomic<const std::string*> page{nullptr};
    std::atomic<int64_t> since{0};  // Clock ticks
    bool warned = false;            // the watchdog's own
  };
  void Watch();

  Limits limits_;
  std::function<void(const std::string&)> say_;
  std::function<void(const std::string&)> stop_;
  std::unique_ptr<Slot[]> slots_;
  unsigned workers_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  std::thread thread_;
};

// What `stop` does in a build: says on stderr that `page` is still rendering after `seconds`,
// runs `abort` (the writer's, which leaves the output folder as it was), and ends the process.
[[noreturn]] void StopPastLimit(const std::string& page, unsigned seconds,
                                const std::function<void()>& abort);

}  // namespace tandem
