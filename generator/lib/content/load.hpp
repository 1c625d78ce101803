// Loading content/: finding every page of every language, reading and
// parsing it, and building each language's section tree.
#pragma once

#include <map>
#include <string>

#include "model/site.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

struct LoadOptions {
  bool drafts = false;
  unsigned jobs = 1;
};

// Reads content/<lang>/ for every language into site.languages[i].pages, and each
// page's Markdown into site.texts.
// Unknown language folders, links leading out of the site, bad encodings and
// bad front matter are reported; such pages are left out.
void LoadContent(Site& site, const LoadOptions& options, Diagnostics& diags);

// Links each page to its section and sorts every section's children by
// weight, then title in the language's collation.
void BuildSectionTree(Site& site, Diagnostics& diags);

}  // namespace tandem
