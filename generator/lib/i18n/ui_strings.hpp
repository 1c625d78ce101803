// UI strings: every word a theme shows, per language, from the theme's
// i18n/<code>.toml, each overridable by the site's own i18n/<code>.toml.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "support/diagnostics.hpp"

namespace tandem {

using Strings = std::map<std::string, std::string>;

struct UiStringSources {
  std::string theme_dir;        // absolute
  std::string shown_theme_dir;  // as shown in messages: "themes/gc"
  std::string site_dir;         // the site folder, for its i18n/ overrides
};

// Reads the strings of every language in `codes`. Every language must have every key that
// another has: a string missing in one is an error, not a blank. False on any error.
bool LoadUiStrings(const std::vector<std::string>& codes, const UiStringSources& from,
                   std::map<std::string, Strings>& out, Diagnostics& diags);

}  // namespace tandem
