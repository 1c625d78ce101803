// site.toml's say over `tandem check` and the checks of a build: [checks] sets one check's
// severity or turns it off, by its code; translation_source names the language translations
// are made from.
#pragma once

#include <toml++/toml.h>

#include <string>
#include <vector>

#include "config/toml_source.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

// One line of [checks]: `link-text-vague = "off"`.
struct CheckSetting {
  std::string code;
  std::string level;  // "off", "warning" or "error"
  SourcePos pos;      // of the code, for an unknown one
  std::string line;   // that line of site.toml
};

struct ChecksConfig {
  std::vector<CheckSetting> settings;
  std::string translation_source = "en";  // the language translations are made from
  SourcePos translation_source_pos;
  std::string translation_source_line;
};

// Every code a diagnostic may carry, sorted (the checks themselves are in check/ and the stages).
const std::vector<std::string>& CheckCodes();

// Reads [checks] and translation_source from site.toml's top table; reports a code that is not
// one (with a suggestion), a level that is not "off", "warning" or "error", and a value that is
// not a string.
void ReadChecksConfig(const TomlSource& src, const toml::table& table, ChecksConfig& out, Diagnostics& diags);

}  // namespace tandem
