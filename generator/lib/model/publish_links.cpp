#include "model/publish_links.hpp"

namespace tandem {

namespace {

const Page* FindSection(const Language& lang, const std::string& rel_dir) {
  for (const auto& page : lang.pages)
    if (page->is_section && page->rel_dir == rel_dir) return page.get();
  return nullptr;
}

// The folder of a page's index.html, with its trailing slash ("" at the output root).
std::string FolderOf(const std::string& output_path) {
  size_t slash = output_path.rfind('/');
  return slash == std::string::npos ? "" : output_path.substr(0, slash + 1);
}

}  // namespace

std::vector<FeedLink> FeedLinks(const Site& site, size_t lang_index) {
  std::vector<FeedLink> links;
  for (const FeedSection& wanted : site.config.feeds.sections) {
    const Page* section = FindSection(site.languages[lang_index], wanted.path);
    if (!section || section->output_path.empty()) continue;
    links.push_back({section, section->url_path + "feed.xml", section->permalink + "feed.xml",
                     FolderOf(section->output_path) + "feed.xml"});
  }
  return links;
}

std::string SearchPageUrl(const Site& site, size_t lang_index) {
  const Language& lang = site.languages[lang_index];
  if (!site.config.search.enabled || !lang.home) return "";
  return lang.home->url_path + "search/";
}

std::string SearchPageDir(const Site& site, size_t lang_index) {
  const Language& lang = site.languages[lang_index];
  return FolderOf(lang.home ? lang.home->output_path : "") + "search/";
}

}  // namespace tandem
