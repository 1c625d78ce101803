// What templates are shown, as Values: one view per page (everything but its
// content), one per language (shared by its pages), and one for the bilingual
// splash and 404 pages. A page's cache key is hashed from its view, so what a
// template can show and what decides a re-render are the same thing.
#pragma once

#include <string>
#include <vector>

#include "model/site.hpp"
#include "support/value.hpp"

namespace tandem {

// The template a page uses: the one the layouts stage chose, else its front matter layout, else
// its default.
std::string TemplateName(const Page& page);
// The template of its kind: home, section or page.
std::string DefaultTemplateName(const Page& page);

// What is particular to one page (see docs/themes.md), except page.content.
Value PageView(const Site& site, const Page& page);
// The views of a paginated section's list pages after its first (page/2/, page/3/...), in order;
// none for any other page. Each is a PageView with its own address, title, toggle and pager.
std::vector<Value> MoreListPageViews(const Site& site, const Page& page);
// What every page of one language shares: lang, locale, lang_iso3, t (UI strings), site,
// and `other` (the first other language's code and strings).
Value LanguageView(const Site& site, size_t lang_index);
// What the bilingual splash and 404 templates receive, on one of the site's hosts.
Value SiteView(const Site& site, size_t host_index);

// An absolute URL when `to` lives on another host than the page linking to it, else its path.
std::string LinkFrom(const Site& site, const Page& from, const Page& to);

}  // namespace tandem
