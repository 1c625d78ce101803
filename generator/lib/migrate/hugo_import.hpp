// `tandem import hugo DIR`: the site.toml for a Hugo site, so that tandem builds its content
// as it is. Languages, per-language base URLs, content folders, params, main menus, permalinks,
// raw HTML and the time zone carry over; every other setting is named in a note, on stderr and
// as a comment at the end of the site.toml, with what to do about it. The site's own shortcodes
// become Mustache templates beside it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "support/diagnostics.hpp"

namespace tandem {

// The site.toml for the Hugo site in `hugo_dir`, or nullopt after an error (in `diags`, at the
// file, line and column of the Hugo setting). Notes go to `diags` too.
std::optional<std::string> SiteTomlFromHugo(const std::string& hugo_dir, Diagnostics& diags);

struct HugoImportRequest {
  std::string hugo_dir;
  std::string output_dir;  // where site.toml is written; "" = hugo_dir
  bool force = false;      // replace an existing site.toml
};

struct HugoImportResult {
  std::string site_toml;                // the path written
  std::vector<std::string> shortcodes;  // the shortcode templates written, by name
};

// Writes <output_dir>/site.toml, and shortcodes/<name>.mustache for each of the Hugo site's own
// shortcodes (migrate/hugo_shortcodes.hpp). Never replaces a file without `force`: one already
// there is an error, and then nothing is written. nullopt after an error.
std::optional<HugoImportResult> ImportHugoSite(const HugoImportRequest& request, Diagnostics& diags);

}  // namespace tandem
