// Helpers for reading TOML with positions, so every complaint points at a line and column.
#pragma once

#include <toml++/toml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostics.hpp"
#include "support/text.hpp"
#include "support/value.hpp"

namespace tandem {

// The TOML text of one file (or one block inside a file) and where it starts,
// so that positions can be reported in the enclosing file.
struct TomlSource {
  std::string path;       // shown to the user
  std::string_view text;  // the TOML itself
  int first_line = 1;     // line of `text`'s first line in the file
  std::string_view file;  // the whole file, for quoting source lines
  // Another file merged over this one (site.staging.toml over site.toml): a value from it
  // is reported at its own path and line, and quoted from this text.
  std::string_view overlay;
};

SourcePos PosOf(const TomlSource& src, const toml::source_region& region);
std::string SourceLineOf(const TomlSource& src, const SourcePos& pos);

// How deep a TOML text may nest: the segments of table names and dotted keys, inline tables and
// lists together. Hugo's deepest configurations use about 6.
inline constexpr int kMaxTomlDepth = 64;

// Parses; on a syntax error, nesting past kMaxTomlDepth or a character no page or feed can carry
// (support/printable.hpp) in a key or a text, reports it and returns nullopt.
std::optional<toml::table> ParseToml(const TomlSource& src, Diagnostics& diags);

// Reports each key and text of `node` holding a character no page or feed can carry, where it is
// written; `name` is the value's key path as messages show it ("offices.name"). False if any.
bool CheckPrintableToml(const TomlSource& src, const toml::node& node, const std::string& name,
                        Diagnostics& diags);

// Reports every key of `table` not in `allowed`, with a suggestion. Returns false if any.
bool CheckKeys(const TomlSource& src, const toml::table& table, const std::vector<std::string>& allowed,
               std::string_view where, Diagnostics& diags);

// Reports `message` at `node`'s position.
void ErrorAt(const TomlSource& src, const toml::node& node, const std::string& message, Diagnostics& diags);
void ErrorAtKey(const TomlSource& src, const toml::key& key, const std::string& message, Diagnostics& diags);

// Reads a string value; reports a type error and returns nullopt if it is not a string.
std::optional<std::string> GetString(const TomlSource& src, const toml::table& t, std::string_view key,
                                     Diagnostics& diags);

// A TOML value as templates see it: text (numbers and dates as TOML writes them), true/false,
// lists and tables (in the file's order of keys: toml++ keeps them sorted).
Value TomlValue(const toml::node& node);

}  // namespace tandem
