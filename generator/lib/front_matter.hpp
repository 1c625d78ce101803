// Front matter: TOML between +++ lines or YAML between --- lines, at the top of a page.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diagnostics.hpp"

namespace tandem {

// A front matter value tandem does not know, handed to templates as page.params.
struct Param {
  enum class Kind { kString, kBool, kList, kMap };
  Kind kind = Kind::kString;
  std::string text;                                   // kString; numbers and dates are kept as their text
  bool flag = false;                                  // kBool
  std::vector<Param> items;                           // kList
  std::vector<std::pair<std::string, Param>> fields;  // kMap, in source order
};

struct FrontMatter {
  std::string title;
  std::string description;
  std::string date;      // YYYY-MM-DD or empty
  std::string modified;  // YYYY-MM-DD or empty
  std::string slug;
  std::string url;
  std::string translation_key;
  std::string layout;
  std::string keywords;  // comma separated
  std::string subject;   // semicolon separated
  bool draft = false;
  int weight = 0;
  std::vector<std::pair<std::string, Param>> params;

  // Where some fields were written, for errors found after parsing.
  SourcePos title_pos, slug_pos, url_pos, translation_key_pos, layout_pos;
};

struct PageSource {
  FrontMatter meta;
  std::string body;   // the Markdown after the front matter
  int body_line = 1;  // line of the body's first line in the file
};

// Splits and parses `text` (already normalized: no BOM, LF endings) read from `path`.
// Reports every problem; returns nullopt if the page cannot be used.
std::optional<PageSource> ParsePage(const std::string& path, const std::string& text, Diagnostics& diags);

// True for a valid calendar date written YYYY-MM-DD.
bool IsIsoDate(const std::string& s);

}  // namespace tandem
