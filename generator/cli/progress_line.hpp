// While a long build renders, one line on a terminal's standard error, "pages 120/2000",
// rewritten in place and cleared at the end. None when stderr is not a terminal, in CI (the
// CI variable set), or with --quiet.
#pragma once

#include <cstddef>
#include <functional>

namespace tandem::cli {

class ProgressLine {
 public:
  explicit ProgressLine(bool quiet);
  ~ProgressLine();  // clears the line if it is still shown
  // For BuildOptions::progress; empty when no line is to be shown.
  std::function<void(size_t done, size_t total)> Listener();

 private:
  void Show(size_t done, size_t total);
  void Clear();

  bool enabled_;
  bool shown_ = false;
};

}  // namespace tandem::cli
