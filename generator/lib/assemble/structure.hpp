// Official Languages: the versions of a page in each language should be of equal quality, so a
// reader of either finds the same structure. This compares what a reader would notice: the
// number of level-2 headings, of tables and of funding blocks.
#pragma once

#include <string_view>

#include "model/site.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

struct PageStructure {
  int headings = 0;  // level 2: "## ..."
  int tables = 0;    // GitHub tables
  int funding = 0;   // ```funding blocks
};

// Counted in the page's Markdown, outside fenced code (but for the funding fences themselves).
PageStructure StructureOf(std::string_view markdown);

// Warns, at each translation, where its structure differs from the first language's version.
void WarnAboutStructure(Site& site, Diagnostics& diags);

}  // namespace tandem
