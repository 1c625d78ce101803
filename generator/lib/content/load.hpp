// Loading content/: finding every page of every language, reading and
// parsing it, and building each language's section tree.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "model/site.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

struct LoadOptions {
  bool drafts = false;
  bool future = false;   // keep pages whose publish date is still to come
  bool expired = false;  // keep pages whose expiry date has passed
  int64_t now_ms = 0;    // the build's clock, for publish and expiry dates
  unsigned jobs = 1;
};

// How many pages each rule kept out of the build, and when the next page is due to come in or
// go out (a build after that instant must not be skipped as "nothing changed").
struct HeldBack {
  size_t drafts = 0, future = 0, expired = 0;
  int64_t next_change_ms = 0;  // 0: no publish or expiry date after the build's clock
};

// Reads content/<lang>/ for every language into site.languages[i].pages, and each
// page's Markdown into site.texts.
// Unknown language folders, links leading out of the site, bad encodings and
// bad front matter are reported; such pages are left out.
// Drafts, pages not yet published and expired pages are left out as if they did not exist,
// unless the options keep them; publish and expiry dates are read in site.time_zone.
HeldBack LoadContent(Site& site, const LoadOptions& options, Diagnostics& diags);

// Links each page to its section and sorts every section's children by
// weight, then title in the language's collation.
void BuildSectionTree(Site& site, Diagnostics& diags);

}  // namespace tandem
