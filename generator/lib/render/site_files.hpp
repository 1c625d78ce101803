// The files of the site as a whole: the bilingual splash page and 404 page
// (a language on a host of its own gets its own 404), sitemap.xml and robots.txt.
#pragma once

#include <string>
#include <vector>

#include "directives/directive.hpp"
#include "model/site.hpp"
#include "render/theme.hpp"

namespace tandem {

// Each file's output path and bytes.
std::vector<Attachment> SiteFiles(const Site& site, const Theme& theme);

std::string SitemapXml(const Site& site);
std::string RobotsTxt(const Site& site);

}  // namespace tandem
