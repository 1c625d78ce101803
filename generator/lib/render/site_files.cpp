#include "render/site_files.hpp"

#include <algorithm>

#include "render/page_view.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

// Whether some language's home page is the root of `host`'s folder.
bool HomeAtRoot(const Site& site, size_t host_index) {
  const HostConfig& host = site.config.hosts[host_index];
  for (const Language& lang : site.languages)
    if (lang.config.host == host_index && lang.config.output_dir == host.folder) return true;
  return false;
}

// A host gets a splash page at its root unless a language's home page is there.
bool HasSplash(const Site& site, size_t host_index) {
  return !HomeAtRoot(site, host_index);
}

std::string SplashUrl(const Site& site) {
  return HasSplash(site, 0) ? site.config.base_url : "";
}

std::vector<const Page*> HostPages(const Site& site, size_t host_index) {
  std::vector<const Page*> pages;
  for (const Page* page : site.AllPages())
    if (site.languages[page->lang_index].config.host == host_index) pages.push_back(page);
  return pages;
}

void AppendUrl(std::string& xml, const Site& site, const Page& page, const std::string& splash) {
  xml.append("  <url>\n    <loc>").append(EscapeXml(page.permalink)).append("</loc>\n");
  if (!page.modified.empty()) xml.append("    <lastmod>").append(page.modified).append("</lastmod>\n");
  auto alternate = [&](const std::string& hreflang, const std::string& href) {
    xml.append("    <xhtml:link rel=\"alternate\" hreflang=\"")
        .append(EscapeXml(hreflang))
        .append("\" href=\"")
        .append(EscapeXml(href))
        .append("\"/>\n");
  };
  for (const Page* t : page.translations)
    if (t) alternate(site.languages[t->lang_index].code(), t->permalink);
  if (page.is_home && !splash.empty()) alternate("x-default", splash);
  xml.append("  </url>\n");
}

std::string Urlset(const Site& site, const std::vector<const Page*>& pages, const std::string& splash) {
  std::string xml;
  // Reserved up front: growing a 10 MB string by doubling costs more in page faults than writing it.
  xml.reserve(200 + pages.size() * (120 + 160 * site.languages.size()));
  xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
      .append(
          "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
          "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
  for (const Page* page : pages) AppendUrl(xml, site, *page, splash);
  return xml.append("</urlset>\n");
}

std::string SitemapIndex(const std::string& base, const std::vector<std::string>& names,
                         const std::vector<std::string>& lastmods) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  xml.append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
  for (size_t i = 0; i < names.size(); ++i) {
    xml.append("  <sitemap>\n    <loc>").append(EscapeXml(base + names[i])).append("</loc>\n");
    if (!lastmods[i].empty()) xml.append("    <lastmod>").append(lastmods[i]).append("</lastmod>\n");
    xml.append("  </sitemap>\n");
  }
  return xml.append("</sitemapindex>\n");
}

}  // namespace

std::vector<Attachment> SiteFiles(const Site& site, const Theme& theme) {
  TemplateSet templates(theme);
  std::vector<Attachment> files;
  for (size_t h = 0; h < site.config.hosts.size(); ++h) {
    const HostConfig& host = site.config.hosts[h];
    Data data = ToData(SiteView(site, h));
    if (HasSplash(site, h))
      files.push_back({host.OutputPath("index.html"), templates.Render("splash", data)});
    std::string not_found = templates.Render("404", data);
    files.push_back({host.OutputPath("404.html"), not_found});
    if (site.config.hosts.size() == 1)
      for (const Language& lang : site.languages)
        if (!StartsWith(lang.config.base_url, site.config.base_url))
          files.push_back({lang.config.output_dir + "/404.html", not_found});
    for (Attachment& sitemap : SitemapFiles(site, h)) files.push_back(std::move(sitemap));
    files.push_back({host.OutputPath("robots.txt"), RobotsTxt(site, h)});
  }
  return files;
}

std::vector<Attachment> SitemapFiles(const Site& site, size_t host_index, size_t limit) {
  const HostConfig& host = site.config.hosts[host_index];
  std::vector<const Page*> pages = HostPages(site, host_index);
  std::string splash = SplashUrl(site);
  if (pages.size() <= limit) return {{host.OutputPath("sitemap.xml"), Urlset(site, pages, splash)}};
  std::vector<Attachment> files(1);
  std::vector<std::string> names, lastmods;
  for (size_t start = 0; start < pages.size(); start += limit) {
    std::vector<const Page*> part(pages.begin() + start,
                                  pages.begin() + std::min(pages.size(), start + limit));
    names.push_back("sitemap-" + std::to_string(names.size() + 1) + ".xml");
    std::string newest;
    for (const Page* p : part) newest = std::max(newest, p->modified);
    lastmods.push_back(newest);
    files.push_back({host.OutputPath(names.back()), Urlset(site, part, splash)});
  }
  files[0] = {host.OutputPath("sitemap.xml"), SitemapIndex(host.origin + host.root_path, names, lastmods)};
  return files;
}

std::string RobotsTxt(const Site& site, size_t host_index) {
  // A staging build (or a site that says noindex) must not be crawled at all.
  if (site.config.noindex) return "User-agent: *\nDisallow: /\n";
  const HostConfig& host = site.config.hosts[host_index];
  return "User-agent: *\nAllow: /\n\nSitemap: " + host.origin + host.root_path + "sitemap.xml\n";
}

}  // namespace tandem
