// The one way tandem reads YAML: front matter, data/ files and a Hugo site's configuration.
// yaml-cpp keeps an alias (*name) as one more reference to its anchor's value, so 1 KB of
// aliases to aliases stands for billions of values; here the tree is written out, each alias
// expanded, within limits on its values, its depth and the text's size, and any limit reached
// is an error at its file, line and column.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostics.hpp"
#include "support/text.hpp"

namespace tandem {

// The YAML text of one file (or one block inside a file) and where it starts, so that positions
// are reported in the enclosing file.
struct YamlSource {
  std::string path;       // shown to the user
  std::string_view text;  // the YAML itself
  int first_line = 1;     // line of `text`'s first line in the file
  std::string_view file;  // the whole file, for quoting source lines
};

struct YamlLimits {
  size_t max_bytes = 16 * 1024 * 1024;
  // Aliases expanded, the tree holds at most one value per byte of the text (YAML written out
  // takes at least two bytes a value, so only aliases reach it), or this many for a small text.
  size_t min_values = 10000;
  int max_depth = 64;
};

// One value of the tree, positions in the file.
struct YamlNode {
  enum class Kind { kNull, kScalar, kList, kMap };
  Kind kind = Kind::kNull;
  std::string text;                // kScalar, as yaml-cpp reads it (escapes decoded)
  bool quoted = false;             // a quoted scalar: a string whatever its spelling (YAML types plain ones)
  TextPos pos;                     // of the value
  std::string key;                 // in a map: its key ("" for a key that is not a scalar)
  TextPos key_pos;                 // in a map: of its key; else pos
  std::vector<YamlNode> children;  // kList: items; kMap: values, in the file's order
};

// The tree of `src`, aliases expanded; nullopt, reported, when it is not YAML or is past a limit.
std::optional<YamlNode> ReadYaml(const YamlSource& src, Diagnostics& diags, const YamlLimits& limits = {});

}  // namespace tandem
