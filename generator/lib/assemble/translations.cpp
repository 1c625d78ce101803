#include "assemble/translations.hpp"

#include <map>

#include "content/bundles.hpp"

namespace tandem {

namespace {

using KeyIndex = std::map<std::string, Page*>;

// The translation_key index of one language; a key used twice is an error naming both pages.
KeyIndex IndexKeys(const Language& lang, Diagnostics& diags) {
  KeyIndex index;
  for (const auto& page : lang.pages) {
    const std::string& key = page->meta.translation_key;
    if (key.empty()) continue;
    auto [it, inserted] = index.emplace(key, page.get());
    if (!inserted)
      diags.Error(page->meta.translation_key_pos,
                  "translation_key \"" + key + "\" is also used by " + it->second->source_path +
                      " in the same language; each page needs its own key",
                  page->FrontMatterLine(page->meta.translation_key_pos.line));
  }
  return index;
}

std::map<std::string, Page*> IndexUnkeyedPaths(const Language& lang) {
  std::map<std::string, Page*> index;
  for (const auto& page : lang.pages)
    if (page->meta.translation_key.empty()) index[PairingPath(page->rel_path)] = page.get();
  return index;
}

Page* FindTranslation(const Page& page, const KeyIndex& keys, const std::map<std::string, Page*>& paths) {
  if (page.is_home) return nullptr;  // homes are paired by the caller
  if (!page.meta.translation_key.empty()) {
    auto it = keys.find(page.meta.translation_key);
    return it == keys.end() ? nullptr : it->second;
  }
  auto it = paths.find(PairingPath(page.rel_path));
  return it == paths.end() ? nullptr : it->second;
}

void ReportMissing(const Page& page, const SiteConfig& config, const LanguageConfig& other, bool strict,
                   Diagnostics& diags) {
  if (page.implicit) return;
  std::string hint = page.meta.translation_key.empty()
                         ? "add " + config.ContentFile(other, page.rel_path)
                         : "give a page in " + other.content_dir + "/ translation_key = \"" +
                               page.meta.translation_key + "\"";
  std::string message = "the page has no \"" + other.code + "\" translation; " + hint +
                        ". Its language toggle goes to the nearest translated section";
  if (strict)
    diags.Error({page.source_path}, message, {}, "translation-missing");
  else
    diags.Warning({page.source_path}, message, {}, "translation-missing");
}

}  // namespace

void PairTranslations(Site& site, bool strict, Diagnostics& diags) {
  size_t n = site.languages.size();
  std::vector<KeyIndex> keys(n);
  std::vector<std::map<std::string, Page*>> paths(n);
  for (size_t i = 0; i < n; ++i) {
    keys[i] = IndexKeys(site.languages[i], diags);
    paths[i] = IndexUnkeyedPaths(site.languages[i]);
  }
  for (size_t i = 0; i < n; ++i) {
    for (const auto& page : site.languages[i].pages) {
      page->translations.assign(n, nullptr);
      page->translations[i] = page.get();
      for (size_t j = 0; j < n; ++j) {
        if (j == i) continue;
        Page* other = page->is_home ? site.languages[j].home : FindTranslation(*page, keys[j], paths[j]);
        page->translations[j] = other;
        if (!other) ReportMissing(*page, site.config, site.languages[j].config, strict, diags);
      }
    }
  }
}

const Page* ToggleTarget(const Site& site, const Page& page, size_t lang) {
  for (const Page* p = &page; p; p = p->parent)
    if (p->translations.size() > lang && p->translations[lang]) return p->translations[lang];
  return site.languages[lang].home;
}

}  // namespace tandem
