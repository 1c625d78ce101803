// [permalinks]: a top section's pages placed by a pattern of their date, slug, title, file name
// and section, with Hugo's tokens and meanings, so that a site moved to tandem keeps its URLs.
#pragma once

#include <optional>
#include <string>

#include "model/site.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

// What a pattern's tokens stand for on one page, each already one or more URL segments.
struct PermalinkValues {
  std::string section;  // the top section's own segment: its slug, else its folder's name
  bool ascii = true;    // site.toml ascii_urls
  bool hugo = false;    // site.toml slugs = "hugo"
};

// The folder directly in the language's content folder that holds `page`, or "" for a page
// there: the section [permalinks] names (Hugo's .Section).
std::string TopSectionOf(const Page& page);

// `page`'s path below its language's root ("2021/07/30/launch/") by `pattern`, :year, :month and
// :day being the date as written (2021-07-31T01:30:00Z is under 2021/07/31/ in any time zone);
// nullopt after an error at the page (a dated pattern and no date, a slug or title that makes
// no segment).
std::optional<std::string> ExpandPermalink(const Page& page, const PermalinkPattern& pattern,
                                           const PermalinkValues& values, const Language& lang,
                                           Diagnostics& diags);

// A [permalinks] section that no language has is a warning at its line (a typo, or a folder
// renamed): its pages would silently keep their folder's URLs.
void WarnAboutUnusedPermalinks(const Site& site, Diagnostics& diags);

}  // namespace tandem
