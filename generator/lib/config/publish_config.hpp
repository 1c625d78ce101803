// What site.toml says about publishing: Atom feeds, the site's own search, whether search
// engines may index the build, and how a build for another host or environment changes it
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

// What the command line changes in site.toml for one build.
struct ConfigOverrides {
  std::string environment = "production";  // reads site.<environment>.toml over site.toml
  std::vector<std::string> base_urls;      // "URL" (the site's) or "code=URL" (a language's)
};

// Reads [feeds], [search] and noindex from site.toml's table.
void ReadPublishConfig(const TomlSource& src, const toml::table& table, FeedsConfig& feeds,
                       SearchConfig& search, bool& noindex, Diagnostics& diags);

// site.<environment>.toml, when there is one, merged over `table`: its keys override.
// `text` keeps the file's text for messages. False, reported, when it cannot be read.
bool MergeEnvironment(const std::string& source_dir, const std::string& environment, toml::table& table,
                      std::string& text, Diagnostics& diags);

// Writes each --base-url into `table`; false, reported, when one is not usable.
bool ApplyBaseUrls(const std::vector<std::string>& base_urls, toml::table& table, Diagnostics& diags);

}  // namespace tandem
