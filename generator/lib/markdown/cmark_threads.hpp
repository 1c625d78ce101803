// cmark-gfm 0.29 keeps one process-wide table of the characters that start
// inline syntax, and each parser adds its extensions' characters to it before
// parsing inlines and removes them after: a parser finishing on one thread
// strips them from a parser still running on another, and "~~x~~" comes out
// unstruck. tandem replaces that library function (cmark_threads.cpp) with one
// that adds the characters once and never removes them. Whether the
// replacement took effect is checked once, by parsing a tiny document; if it
// did not, parsers take turns instead, so output stays correct, only slower.
#pragma once

#include <mutex>

namespace tandem {

// The extensions every tandem parser attaches; the replacement adds their characters once,
// so every parser must attach the same ones.
inline constexpr const char* kCmarkExtensions[] = {"table", "strikethrough", "autolink", "tagfilter",
                                                   "tasklist"};

// True when tandem's replacement is the function cmark-gfm calls, so parsers can run on many threads.
bool CmarkParsersRunInParallel();

// Held around a parse: a no-op when parsers run in parallel, else a process-wide lock.
class CmarkParseGuard {
 public:
  CmarkParseGuard();
  ~CmarkParseGuard();
  CmarkParseGuard(const CmarkParseGuard&) = delete;
  CmarkParseGuard& operator=(const CmarkParseGuard&) = delete;

 private:
  std::unique_lock<std::mutex> lock_;
};

}  // namespace tandem
