// The site model: its config, and per language everything that language owns:
// its config, its Locale (every ICU object), its UI strings and its pages.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "config/site_config.hpp"
#include "i18n/locale.hpp"
#include "i18n/time_zone.hpp"
#include "i18n/ui_strings.hpp"
#include "model/page.hpp"

namespace tandem {

// An entry of a language's main menu, resolved: a page of that language, or an address.
struct MenuItem {
  std::string title;
  const Page* page = nullptr;
  std::string url;  // when there is no page: as written, a root-relative one under the site's path
};

struct Language {
  size_t index = 0;  // in Site::languages
  LanguageConfig config;
  std::unique_ptr<Locale> locale;
  Strings strings;                           // UI strings
  std::vector<std::unique_ptr<Page>> pages;  // sorted by rel_path
  Page* home = nullptr;
  std::vector<MenuItem> menu;  // site.toml's menu.main, in order (content/menus.hpp)
  // The official SVG markup the theme inlines (render/identity_view.hpp: LoadIdentityArtwork), byte for
  // byte the theme's files: empty when the site is not the Government's or the theme names none.
  std::string signature_svg, wordmark_svg;

  const std::string& code() const { return config.code; }
  // The UI string `key`, or "" when the theme has none.
  const std::string& String(const std::string& key) const;
};

// The Markdown of every page, kept apart from the pages: rendering takes each
// page's text once and frees it, while the pages stay as they were assembled.
class PageTexts {
 public:
  PageTexts() = default;
  // Moved with its site, when a build hands what it assembled to `tandem serve`; never while in use.
  PageTexts(PageTexts&& other) noexcept : texts_(std::move(other.texts_)) {}
  PageTexts& operator=(PageTexts&& other) noexcept {
    texts_ = std::move(other.texts_);
    return *this;
  }

  void Put(const Page* page, std::string text);
  // Thread-safe. The text of `page`, which is forgotten here; "" the second time.
  std::string Take(const Page* page);
  // The text of `page`, left in place: for stages before rendering, which run on one thread.
  std::string_view Peek(const Page* page);

 private:
  std::mutex mutex_;
  std::map<const Page*, std::string> texts_;
};

struct Site {
  std::string source_dir;  // absolute
  SiteConfig config;
  std::vector<Language> languages;      // in config order (by weight)
  std::unique_ptr<TimeZone> time_zone;  // site.toml's `timezone`: every day shown is a day there
  PageTexts texts;
  Value data = Value::Map();  // every file of data/ (content/data.hpp)
  // Every page's cache key covers its language's view: with data/ in it, a data edit would render
  // every page again. It is there only when some template reads it.
  bool data_in_view = false;

  // Every page of every language, in a stable order: by language, then path.
  std::vector<Page*> AllPages() const;
  // site.toml's [params] with the language's own [languages.<code>.params] over them.
  Value ParamsOf(size_t lang_index) const;
};

}  // namespace tandem
