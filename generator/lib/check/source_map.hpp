// Where a finding in a page's generated HTML was written: in its Markdown, at the place cmark-gfm
// gave (a link's or an image's), or found by searching the file for what the HTML came from (a
// heading's text), else in its template.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "model/page.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

class SourceMap {
 public:
  // `theme_dir` is absolute, `shown_theme_dir` as messages show it ("themes/gc").
  SourceMap(std::string theme_dir, std::string shown_theme_dir)
      : theme_dir_(std::move(theme_dir)), shown_theme_dir_(std::move(shown_theme_dir)) {}

  // A diagnostic placed at the first of `needles` found in the page's Markdown (after its front
  // matter), else in its template `layout` (at the needle when the template has it as written).
  // Thread-safe.
  Diagnostic Locate(const Page& page, const std::string& layout, const std::vector<std::string>& needles,
                    std::string message, std::string code);
  // A warning at `pos` of the page's file, its line quoted. Thread-safe.
  Diagnostic At(const Page& page, const SourcePos& pos, std::string message, std::string code);

 private:
  const std::string& Text(const std::string& fs_path);

  std::string theme_dir_, shown_theme_dir_;
  std::mutex mutex_;
  std::map<std::string, std::string> texts_;  // files read so far, by path
};

}  // namespace tandem
