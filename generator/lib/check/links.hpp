// Links across the site, in the generated HTML: each internal link must reach a page or a file
// the build writes (link-missing), its #fragment an id in that page (anchor-missing), and a page
// links to the other language only through its toggle and alternates (link-other-language).
#pragma once

#include <map>
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
  // Each page's index in `pages` by its output path: made by each check when empty, or once with
  // IndexPages by a caller that checks the same pages again and again (`tandem serve`).
  std::map<std::string, size_t> by_output;
};

void IndexPages(SiteLinks& links);

struct LinkCheckOptions {
  bool other_language = false;  // tandem check: also link-other-language
  // When given, only the links of the pages[i] where only[i] are checked (the others' ids still
  // answer their fragments).
  const std::vector<bool>* only = nullptr;
  // When given, each finding is also kept here as found (before [checks]), by the index in
  // SiteLinks::pages of the page whose link it is: `tandem serve` replaces one page's findings.
  std::vector<std::vector<Diagnostic>>* by_page = nullptr;
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
