// data/: every TOML and YAML file of the site, for templates as site.data.<file>.<key> (a file
// in a folder is site.data.<folder>.<file>). A value given per language, as a table of the
// site's language codes (`name.en = "..."`, `name.fr = "..."`) or as keys ending in one
// (`name.en:` in YAML), is shown to each language as its own.
#pragma once

#include <string>
#include <vector>

#include "support/diagnostics.hpp"
#include "support/value.hpp"

namespace tandem {

// Reads every data file under `source_dir`/data; a file that cannot be read is an error at its
// line and column, and is left out.
Value LoadSiteData(const std::string& source_dir, Diagnostics& diags);

// `data` as language `code` sees it, among the site's `codes`.
Value ForLanguage(const Value& data, const std::string& code, const std::vector<std::string>& codes);

}  // namespace tandem
