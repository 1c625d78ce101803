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

// Everything a content page's template receives (see docs/themes.md).
Data PageData(const Site& site, const Theme& theme, const Page& page);
// What the bilingual splash and 404 templates receive.
Data SiteLevelData(const Site& site, const Theme& theme);

std::string SitemapXml(const Site& site);
std::string RobotsTxt(const Site& site);

// An absolute URL when `to` lives on another host than the page linking to it, else its path.
std::string LinkFrom(const Site& site, const Page& from, const Page& to);

}  // namespace tandem
