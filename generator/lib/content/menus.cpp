#include "content/menus.hpp"

#include <algorithm>
#include <filesystem>

#include "support/text.hpp"

namespace tandem {

namespace {

struct Resolved {
  MenuItem item;
  const MenuEntry* entry;
};

const Page* FindPage(const Language& lang, const std::string& rel_path) {
  for (const auto& page : lang.pages)
    if (page->rel_path == rel_path) return page.get();
  return nullptr;
}

std::vector<std::string> PagePaths(const Language& lang) {
  std::vector<std::string> paths;
  for (const auto& page : lang.pages)
    if (!page->implicit) paths.push_back(page->rel_path);
  return paths;
}

// A file of the language's content that this build left out (a draft, say) is not an error.
bool HeldBack(const Site& site, const Language& lang, const std::string& rel_path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(site.source_dir + "/content/" + lang.code() + "/" + rel_path, ec);
}

void ReportMissing(const Language& lang, const MenuEntry& entry, Diagnostics& diags) {
  std::string folder = "content/" + lang.code() + "/";
  diags.Error(entry.pos,
              "the menu's page \"" + entry.page + "\" is not a page of " + folder +
                  DidYouMeanSuffix(entry.page, PagePaths(lang)) + "; name a file under " + folder +
                  ", like \"news/_index.md\" for the section news/",
              entry.line);
}

std::string UnderSitePath(const Site& site, const std::string& url) {
  const std::string& root = site.config.root_path;
  if (StartsWith(url, "/") && root != "/") return root.substr(0, root.size() - 1) + url;
  return url;
}

}  // namespace

void ResolveMenus(Site& site, Diagnostics& diags) {
  for (Language& lang : site.languages) {
    std::vector<Resolved> items;
    for (const MenuEntry& entry : lang.config.menu) {
      Resolved r{{entry.title, nullptr, UnderSitePath(site, entry.url)}, &entry};
      if (!entry.page.empty()) {
        r.item.page = FindPage(lang, entry.page);
        if (!r.item.page && !HeldBack(site, lang, entry.page)) ReportMissing(lang, entry, diags);
        if (!r.item.page) continue;
      } else if (entry.url.empty()) {
        continue;  // reported with site.toml
      }
      items.push_back(std::move(r));
    }
    const Locale& locale = *lang.locale;
    std::stable_sort(items.begin(), items.end(), [&](const Resolved& a, const Resolved& b) {
      int x = a.entry->weight, y = b.entry->weight;
      if (x != y) return y == 0 || (x != 0 && x < y);
      return locale.Compare(a.item.title, b.item.title) < 0;
    });
    lang.menu.clear();
    for (Resolved& r : items) lang.menu.push_back(std::move(r.item));
  }
}

}  // namespace tandem
