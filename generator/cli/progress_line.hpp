// While a long build renders, one line on a terminal's standard error, "pages 120/2000",
// rewritten in place and cleared at the end. None when stderr is not a terminal, in CI (the
// CI variable set), or with --quiet.
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>

namespace tandem::cli {

class ProgressLine {
 public:
  explicit ProgressLine(bool quiet);
  ~ProgressLine();  // clears the line if it is still shown
  // For BuildOptions::progress; empty when no line is to be shown.
  std::function<void(size_t done, size_t total)> Listener();
  // Prints "note: <message>" on a line of its own, the progress line (if shown) cleared first
  // and drawn again by the next count. For BuildOptions::say, from any thread.
  void Note(const std::string& message);

 private:
  void Show(size_t done, size_t total);
  void Clear();

  bool enabled_;
  std::mutex mutex_;    // the build's workers and its watchdog both write to the line
  bool shown_ = false;  // under mutex_
};

}  // namespace tandem::cli
