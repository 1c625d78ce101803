// Aliases: a page's old URLs (front matter `aliases`, as in Hugo), each published as a small
// page that sends the reader on to the page's URL: a meta refresh, and a canonical link for
// search engines. They are not pages: no sitemap line, no list entry, no translation.
#pragma once

#include <vector>

#include "directives/directive.hpp"
#include "model/site.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

// Gives each page's aliases their output paths. An alias that is no usable path, or that would be
// written where a page or another alias is, is an error naming both files.
void AssignAliases(Site& site, Diagnostics& diags);

// The redirect page of every alias, in a fixed order.
std::vector<Attachment> AliasFiles(const Site& site);

}  // namespace tandem
