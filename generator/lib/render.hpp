// Turning the site model into files: the Mustache data of each page, and the
// site-level files (splash page, 404, sitemap.xml, robots.txt).
#pragma once

#include <kainjow/mustache.hpp>
#include <string>

#include "site.hpp"
#include "theme.hpp"

namespace tandem {

using Data = kainjow::mustache::data;

// The template a page uses: its front matter layout, else home, section or page.
std::string TemplateName(const Page& page);

// What every page of one language shares: lang, locale, t (UI strings), site,
// and `other` (the other language's code and strings). Built once per language.
Data LanguageLayer(const Site& site, const Theme& theme, size_t lang_index);
// What is particular to one page (see docs/themes.md); rendered above its language's layer.
Data PageData(const Site& site, const Page& page);
// What the bilingual splash and 404 templates receive.
Data SiteLevelData(const Site& site, const Theme& theme);

// Everything PageData puts in front of the template except the content, as
// one string: a page whose key is unchanged renders to the same HTML. Any
// field added to PageData must be added here too (tests compare incremental
// builds with clean ones).
std::string PageContextKey(const Site& site, const Page& page);

std::string SitemapXml(const Site& site);
std::string RobotsTxt(const Site& site);

// An absolute URL when `to` lives on another host than the page linking to it, else its path.
std::string LinkFrom(const Site& site, const Page& from, const Page& to);

}  // namespace tandem
