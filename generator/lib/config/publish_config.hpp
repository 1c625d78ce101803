// What site.toml says about publishing: Atom feeds, the site's own search, taxonomies (the list
// pages of tags and the like), whether search engines may index the build, and how a build for another host
// or environment changes it
// (--base-url, --environment, site.<environment>.toml).
#pragma once

#include <toml++/toml.h>

#include <map>
#include <string>
#include <vector>

#include "config/toml_source.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

struct FeedSection {
  std::string path;  // under content/<lang>/: "public-safety-canada/news"
  SourcePos pos;     // where site.toml names it
  std::string line;  // that line, for messages
};

struct FeedsConfig {
  std::vector<FeedSection> sections;
  int entries = 20;  // newest entries per feed
};

struct SearchConfig {
  bool enabled = false;
  std::map<std::string, std::string> external;  // language code -> the search page offered without JS
};

// A taxonomy: [taxonomies] tag = "tags" (Hugo's shape: the singular names the plural, which is
// the front matter key and the URL segment in every language), or a table [taxonomies.tag] with
// key, segment.<lang>, title.<lang> and paginate.
struct TaxonomyConfig {
  std::string name;                            // the singular: "tag"
  std::string key;                             // the front matter key: "tags"
  std::map<std::string, std::string> segment;  // language code -> URL segment; else the key
  std::map<std::string, std::string> title;    // language code -> title; else UI string taxonomy_<key>
  int paginate = 0;                            // pages to a term's list page (0: all on one)
  SourcePos pos;                               // where site.toml names it, for later messages
  std::string line;

  const std::string& SegmentIn(const std::string& lang) const {
    auto it = segment.find(lang);
    return it == segment.end() ? key : it->second;
  }
};

// What the command line changes in site.toml for one build.
struct ConfigOverrides {
  std::string environment = "production";  // reads site.<environment>.toml over site.toml
  std::vector<std::string> base_urls;      // "URL" (the site's) or "code=URL" (a language's)
  // tandem serve: each host of site.toml ("https://fr.example.ca") -> the origin previewing it
  // ("http://localhost:1314"). Paths stay as site.toml gives them, so that every link that works
  // in the build works in the preview.
  std::map<std::string, std::string> preview_origin;
};

// Reads [feeds], [search] and noindex from site.toml's table.
void ReadPublishConfig(const TomlSource& src, const toml::table& table, FeedsConfig& feeds,
                       SearchConfig& search, bool& noindex, Diagnostics& diags);

// Reads [taxonomies]; `languages` are the site's codes, which segment and title may name.
void ReadTaxonomies(const TomlSource& src, const toml::table& table,
                    const std::vector<std::string>& languages, std::vector<TaxonomyConfig>& taxonomies,
                    Diagnostics& diags);

// site.<environment>.toml, when there is one, merged over `table`: its keys override.
// `text` keeps the file's text for messages. False, reported, when it cannot be read.
bool MergeEnvironment(const std::string& source_dir, const std::string& environment, toml::table& table,
                      std::string& text, Diagnostics& diags);

// Writes each --base-url into `table`; false, reported, when one is not usable.
bool ApplyBaseUrls(const std::vector<std::string>& base_urls, toml::table& table, Diagnostics& diags);
// Moves each base_url of `table` whose origin `origins` maps (ConfigOverrides::preview_origin)
// to the mapped origin, its path kept.
void ApplyPreviewOrigin(const std::map<std::string, std::string>& origins, toml::table& table);

}  // namespace tandem
