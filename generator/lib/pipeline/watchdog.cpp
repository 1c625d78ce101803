#include "pipeline/watchdog.hpp"

#include <unistd.h>

namespace tandem {

namespace {

std::string Seconds(std::chrono::milliseconds ms) {
  long s = static_cast<long>(ms.count() / 1000), tenths = static_cast<long>(ms.count() % 1000 / 100);
  return std::to_string(s) + (tenths ? "." + std::to_string(tenths) : "") + " s";
}

}  // namespace

Watchdog::Watchdog(unsigned workers, Limits limits, std::function<void(const std::string&)> say,
                   std::function<void(const std::string& page)> stop)
    : limits_(limits),
      say_(std::move(say)),
      stop_(std::move(stop)),
      slots_(new Slot[workers]),
      workers_(workers),
      thread_([this] { Watch(); }) {}

Watchdog::~Watchdog() {
  {
    std::lock_guard lock(mutex_);
    done_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void Watchdog::Start(unsigned worker, const std::string* path) {
  slots_[worker].since.store(Clock::now().time_since_epoch().count());
  slots_[worker].page.store(path);
}

void Watchdog::Stop(unsigned worker) {
  slots_[worker].page.store(nullptr);
}

void Watchdog::Watch() {
  const auto tick = std::chrono::milliseconds(100);
  std::vector<const std::string*> seen(workers_, nullptr);
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, tick, [this] { return done_; })) {
    for (unsigned w = 0; w < workers_; ++w) {
      Slot& slot = slots_[w];
      const std::string* page = slot.page.load();
      if (page != seen[w]) slot.warned = false, seen[w] = page;
      if (!page) continue;
      auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
          Clock::now() - Clock::time_point(Clock::duration(slot.since.load())));
      if (elapsed >= limits_.limit) stop_(*page);
      if (elapsed >= limits_.warn_after && !slot.warned) {
        slot.warned = true;
        say_(*page + ": still rendering after " + Seconds(limits_.warn_after) +
             " (a cmark-gfm worst case? see \"Slow pages\" in README.md)");
      }
    }
  }
}

void StopPastLimit(const std::string& page, unsigned seconds, const std::function<void()>& abort) {
  std::string message = page + ": error: still rendering after " + std::to_string(seconds) +
                        " s; the build stops here and the output folder is left as it was. Split the page, "
                        "or allow more time with page_timeout in site.toml or --page-timeout\n";
  if (write(STDERR_FILENO, message.data(), message.size()) < 0) {
  }
  if (abort) abort();
  _exit(1);
}

}  // namespace tandem
