// The ids a theme's templates write around a page's Markdown (GCWeb's id="wb-cont", a
// funding table's id="{{id}}-caption"), and those of the official artwork the templates inline
// (the signature's id="signature-en-title", the wordmark's id="wmms"): a heading's id made from
// its text never takes one, and a `{#id}` naming one is an error.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "theme/theme.hpp"

namespace tandem {

class ReservedIds {
 public:
  // `inlined`: HTML put in every page as it is, beside the templates (the identity's SVG files).
  ReservedIds(const Theme& theme, const std::vector<std::string_view>& inlined);
  // Whether a template can write `id`; a {{tag}} in a template's id stands for any text.
  bool Contains(std::string_view id) const;
  // Of every id the templates write: a page whose heading ids were chosen against them records it
  // as the dependency kDependency, and is rendered again when a template writes another id.
  uint64_t hash() const { return hash_; }
  static constexpr std::string_view kDependency = "theme:ids";

 private:
  void AddIdsOf(std::string_view html);
  void AddPattern(std::string_view written);

  std::vector<std::vector<std::string>> patterns_;  // the text between tags: {"", "-caption"}
  uint64_t hash_ = 0;
};

}  // namespace tandem
