// The files of the site as a whole, for each host it is published to (config/hosts.hpp): the
// bilingual splash page (on the site's host, and on any host whose root no language's home
// page takes), the bilingual 404 page, sitemap.xml and robots.txt. A language under another
// path of the site's single host gets a 404 of its own too.
#pragma once

#include <string>
#include <vector>

#include "directives/directive.hpp"
#include "model/site.hpp"
#include "theme/theme.hpp"

namespace tandem {

// Each file's output path and bytes.
std::vector<Attachment> SiteFiles(const Site& site, const Theme& theme);

// The most URLs one sitemap file may list (sitemaps.org); past it, sitemap.xml is an index.
constexpr size_t kSitemapLimit = 50000;

// The sitemap of one host, of its languages' pages, with every translation as an alternate
// (absolute, on any host), lastmod from the date modified, and x-default on the home pages
// to the splash page. Past `limit` URLs: sitemap.xml indexes sitemap-1.xml, sitemap-2.xml, ...
std::vector<Attachment> SitemapFiles(const Site& site, size_t host_index, size_t limit = kSitemapLimit);
std::string RobotsTxt(const Site& site, size_t host_index);

}  // namespace tandem
