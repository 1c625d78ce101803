// site.toml: the languages, their locales and URLs, the theme, the currency,
// and the switches that change how content is rendered.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/checks_config.hpp"
#include "config/hosts.hpp"
#include "config/identity_config.hpp"
#include "config/publish_config.hpp"
#include "support/diagnostics.hpp"
#include "support/url/url.hpp"
#include "support/value.hpp"

namespace tandem {

// One entry of a language's main menu: [[languages.<code>.menu.main]].
struct MenuEntry {
  std::string title;
  std::string page;  // a content file of the language, "news/_index.md" (NFC); or else
  std::string url;   // an address: "https://..." or root-relative "/..."
  int weight = 0;    // order: by weight (unweighted last), then title
  // Where the entry is written, for the errors found once content is loaded (content/menus.hpp).
  SourcePos pos;
  std::string line;
};

// One [permalinks] entry: the URL of a top section's pages, as a pattern of tokens and literal
// segments ("/:year/:month/:day/:slug/"); its tokens were checked when site.toml was read.
struct PermalinkPattern {
  std::string section;  // a folder directly in the language's content folder: "blog"
  std::string pattern;
  SourcePos pos;  // of the pattern, for messages about the pages it places
  std::string line;
};

// The tokens a permalink pattern may hold (Hugo's names and meanings).
extern const std::vector<std::string> kPermalinkTokens;

struct LanguageConfig {
  std::string code;  // "en"
  // Its pages' folder, relative to the site: "content/en" by default. Languages may share one
  // ("content"): a file then belongs to the language its name ends in, about.fr.md to fr, and
  // a file without one to translation_source's language (Hugo's translation by file name).
  std::string content_dir;
  std::string locale;           // "en-CA"
  std::string title;            // the site's title in this language
  std::string creator;          // the department, for dcterms.creator
  Url base;                     // base_url parsed once; base_url and base_path are its text and path
  std::string base_url;         // absolute, ends in '/': "https://example.ca/en/"
  std::string base_path;        // the path part of base_url: "/en/"
  std::string output_dir;       // where its pages go under the output folder: "en"; "" at its root
  size_t host = 0;              // in SiteConfig::hosts
  int weight = 0;               // order on the splash and 404 pages
  LanguageIdentity identity;    // its Canada.ca chrome and typography (identity_config.hpp)
  std::vector<MenuEntry> menu;  // [[languages.<code>.menu.main]], in the order written
  Value params = Value::Map();  // [languages.<code>.params], over the site's [params]
  // [permalinks] with [languages.<code>.permalinks] over it, section by section.
  std::vector<PermalinkPattern> permalinks;
  const PermalinkPattern* PermalinkOf(const std::string& section) const;
};

struct SiteConfig {
  std::string path = "site.toml";
  Url base;               // base_url parsed once; base_url and root_path are its text and path
  std::string base_url;   // absolute, ends in '/': where the splash page, 404 and sitemap live
  std::string root_path;  // its path part: "/"
  std::string theme = "gc";
  SourcePos theme_pos;
  std::string theme_line;        // the line of site.toml that names it, for messages
  std::string currency = "CAD";  // ISO 4217: what amounts in data/ are counted in
  bool allow_raw_html = false;
  int page_timeout = 30;  // seconds a page may render before the build stops
  // IANA time zone: the days shown come from it, never from the build machine's zone.
  std::string timezone = "America/Toronto";
  // Slugs made from names and titles, and those written, are lowercase ASCII (Canada.ca's rule);
  // ascii_urls = false keeps letters such as é for a site that already publishes them.
  bool ascii_urls = true;
  // slugs = "hugo": names and titles become segments by Hugo's rule (punctuation dropped, not made
  // a hyphen), so a site moved from Hugo keeps its URLs; "tandem" (the default) otherwise.
  bool hugo_slugs = false;
  std::vector<PermalinkPattern> permalinks;  // [permalinks]; a language's own are in LanguageConfig
  std::vector<LanguageConfig> languages;     // by weight, then code
  std::string environment = "production";    // --environment: which site.<environment>.toml was read
  bool noindex = false;                      // robots noindex on every page; default: not production
  FeedsConfig feeds;                         // [feeds]
  SearchConfig search;                       // [search]
  std::vector<HostConfig> hosts;             // where it is published: the site's host first
  ChecksConfig checks;                       // [checks] and translation_source
  IdentityConfig identity;                   // identity = "gc" and what goes with it
  Value params = Value::Map();               // [params]: the site's own values, for templates
  std::vector<TaxonomyConfig> taxonomies;    // [taxonomies], in the order written
  // page_params: the site's own front matter keys pages may write at the top (Hugo's style);
  // once given, any other unknown key is an error.
  std::vector<std::string> page_params;
  bool page_params_given = false;
  // A hash of the configuration as resolved (site.toml, the environment's file, --base-url, the
  // preview origin): part of the build's identity and of every page's key.
  uint64_t fingerprint = 0;

  const LanguageConfig* FindLanguage(const std::string& code) const;
  std::vector<std::string> LanguageCodes() const;
  // Whether another language reads `lang`'s content folder too (Hugo's translation by file name).
  bool SharesContentDir(const LanguageConfig& lang) const;
  // In a shared folder, the language of a file without one in its name: translation_source's
  // when it shares the folder, else the first language's that does.
  std::string DefaultLanguageOf(const std::string& content_dir) const;
  // The file of `lang`'s page at `rel` ("news/x.md"), from the site's folder: "content/fr/news/x.md",
  // or "content/news/x.fr.md" in a shared folder.
  std::string ContentFile(const LanguageConfig& lang, const std::string& rel) const;
};

// Reads `source_dir`/site.toml. Reports every problem; returns false if any.
bool LoadConfig(const std::string& source_dir, SiteConfig& config, Diagnostics& diags);
// The same, with the command line's --environment and --base-url applied.
bool LoadConfig(const std::string& source_dir, const ConfigOverrides& overrides, SiteConfig& config,
                Diagnostics& diags);

}  // namespace tandem
