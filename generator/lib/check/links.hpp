// Links across the site, in the generated HTML: each internal link must reach a page or a file
// the build writes (link-missing), its #fragment an id in that page (anchor-missing), and a page
// links to the other language only through its toggle and alternates (link-other-language).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "check/html_scan.hpp"
#include "check/source_map.hpp"
#include "model/site.hpp"

namespace tandem {

struct SiteLinks {
  std::vector<const Page*> pages;
  std::vector<const PageLinks*> links;  // of pages[i]; nullptr when unknown (a page in error)
  std::set<std::string> outputs;        // every path the build writes, relative to the output folder
};

struct LinkCheckOptions {
  bool other_language = false;  // tandem check: also link-other-language
};

void CheckLinks(const Site& site, const SiteLinks& links, const LinkCheckOptions& options, SourceMap& sources,
                Diagnostics& diags);

// Each image of a page bundle that no page shows or links to (image-unused), once all pages'
// links are known.
void WarnUnusedImages(const Site& site, const SiteLinks& links, Diagnostics& diags);

// Where an internal `href`, written in `from`'s HTML, leads in the output folder ("en/x/index.html")
// and its fragment (decoded, "" when none). False for a link out of the site, or not to a file
// (mailto:, tel:, …).
bool ResolveLink(const Site& site, const Page& from, const std::string& href, std::string& output_path,
                 std::string& fragment);

}  // namespace tandem
