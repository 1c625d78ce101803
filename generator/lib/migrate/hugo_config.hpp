// A Hugo site's configuration, read from TOML, YAML or JSON (hugo.toml, config.yaml, ...) and
// from a split config/_default/ folder, into one tree whose every value knows the file, line
// and column it came from, so that what cannot be carried over is named where it is written.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support/diagnostics.hpp"

namespace tandem {

struct HugoValue {
  enum class Kind { kNull, kString, kInteger, kFloat, kBoolean, kDateTime, kArray, kTable };
  Kind kind = Kind::kNull;
  std::string text;              // a scalar: a string's value, else its TOML spelling ("10", "true")
  std::vector<HugoValue> items;  // an array
  std::vector<std::pair<std::string, HugoValue>> fields;  // a table, in file order
  SourcePos pos;                                          // of its key, else of the value
  std::string line;                                       // the source line at pos

  // Declared, so that the class is complete before its vectors' members are made (clang 14).
  HugoValue() = default;
  HugoValue(Kind k, SourcePos at, std::string source_line)
      : kind(k), pos(std::move(at)), line(std::move(source_line)) {}

  bool IsTable() const { return kind == Kind::kTable; }
  bool IsScalar() const { return kind != Kind::kArray && kind != Kind::kTable && kind != Kind::kNull; }
  // A field by name, ignoring case as Hugo does (baseURL, baseurl); nullptr when absent.
  const HugoValue* Get(std::string_view key) const;
  // The field's text when it is a scalar, else "".
  std::string Text(std::string_view key) const;
};

struct HugoConfig {
  HugoValue root;                  // every setting, merged
  std::vector<std::string> files;  // what was read, relative to the site: "hugo.toml"
};

// Reads the configuration of the Hugo site in `dir`: the first of hugo.toml, hugo.yaml, hugo.yml,
// hugo.json, config.toml, config.yaml, config.yml, config.json, then config/_default/ (where
// params.toml is [params] and menus.fr.toml is [languages.fr.menus]). A file that cannot be
// parsed is an error at its line; nullopt when there is none to read or one is broken.
std::optional<HugoConfig> ReadHugoConfig(const std::string& dir, Diagnostics& diags);

// Parses one configuration file's text (its format by `shown`'s extension) into a table.
std::optional<HugoValue> ParseHugoConfigText(const std::string& shown, const std::string& text,
                                             Diagnostics& diags);

// Lower case, as Hugo compares configuration keys.
std::string LowerKey(std::string_view key);

}  // namespace tandem
