#include "progress_line.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace tandem::cli {

namespace {

bool InCi() {
  const char* ci = std::getenv("CI");
  return ci && *ci;
}

}  // namespace

ProgressLine::ProgressLine(bool quiet) : enabled_(!quiet && !InCi() && isatty(STDERR_FILENO)) {}

ProgressLine::~ProgressLine() {
  std::lock_guard<std::mutex> lock(mutex_);
  Clear();
}

std::function<void(size_t, size_t)> ProgressLine::Listener() {
  if (!enabled_) return {};
  return [this](size_t done, size_t total) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (done >= total)
      Clear();  // the end: the summary takes the line
    else
      Show(done, total);
  };
}

void ProgressLine::Note(const std::string& message) {
  std::lock_guard<std::mutex> lock(mutex_);
  Clear();
  std::fputs(("note: " + message + "\n").c_str(), stderr);
  std::fflush(stderr);
}

// \r goes back to the start of the line, ESC[K erases what a longer line left after it.
void ProgressLine::Show(size_t done, size_t total) {
  std::string line = "\rpages " + std::to_string(done) + "/" + std::to_string(total) + "\x1b[K";
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  shown_ = true;
}

void ProgressLine::Clear() {
  if (!shown_) return;
  std::fputs("\r\x1b[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace tandem::cli
