#include "render/site_files.hpp"

#include "render/page_view.hpp"
#include "support/text.hpp"

namespace tandem {

std::vector<Attachment> SiteFiles(const Site& site, const Theme& theme) {
  TemplateSet templates(theme);
  Data data = ToData(SiteView(site));
  std::vector<Attachment> files;
  files.push_back({"index.html", templates.Render("splash", data)});
  std::string not_found = templates.Render("404", data);
  files.push_back({"404.html", not_found});
  for (const Language& lang : site.languages)
    if (!StartsWith(lang.config.base_url, site.config.base_url))
      files.push_back({lang.config.output_dir + "/404.html", not_found});
  files.push_back({"sitemap.xml", SitemapXml(site)});
  files.push_back({"robots.txt", RobotsTxt(site)});
  return files;
}

std::string SitemapXml(const Site& site) {
  std::vector<Page*> pages = site.AllPages();
  std::string xml;
  // Reserved up front: growing a 10 MB string by doubling costs more in page faults than writing it.
  xml.reserve(200 + pages.size() * (120 + 160 * site.languages.size()));
  xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
      .append(
          "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
          "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
  for (const Page* page : pages) {
    xml.append("  <url>\n    <loc>").append(EscapeXml(page->permalink)).append("</loc>\n");
    if (!page->modified.empty()) xml.append("    <lastmod>").append(page->modified).append("</lastmod>\n");
    for (const Page* t : page->translations) {
      if (!t) continue;
      xml.append("    <xhtml:link rel=\"alternate\" hreflang=\"")
          .append(EscapeXml(site.languages[t->lang_index].code()))
          .append("\" href=\"")
          .append(EscapeXml(t->permalink))
          .append("\"/>\n");
    }
    xml.append("  </url>\n");
  }
  return xml.append("</urlset>\n");
}

std::string RobotsTxt(const Site& site) {
  return "User-agent: *\nAllow: /\n\nSitemap: " + site.config.base_url + "sitemap.xml\n";
}

}  // namespace tandem
