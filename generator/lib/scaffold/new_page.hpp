// `tandem new SECTION/NAME`: a page and its translations, one file per language of the site,
// at the same path under each content/<lang>/ (so they pair by path) and with one shared
// translation_key (so they stay paired when a translation's slug or file name changes), filled
// in from archetypes (scaffold/archetype.hpp) and marked draft = true.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "support/diagnostics.hpp"

namespace tandem {

// Where the new pages go, read from what was typed: "news/road-safety", "news/road-safety.md"
// or "content/en/news/road-safety.md" all give section "news" and name "road-safety".
struct NewPagePath {
  std::vector<std::string> section;  // folders below content/<lang>/, outermost first
  std::string name;                  // the file name without .md; "_index" for a section's page
  std::string SectionPath() const;   // "a/b"
  std::string Key() const;           // the shared translation_key: "a/b/name", or "a/b" for _index
};

// Reads `typed`; nullopt with `problem` set to what is wrong and what would fix it. Each segment
// must be a slug: lowercase ASCII, or with `ascii` false (site.toml ascii_urls = false) lowercase
// letters with their accents, in NFC.
std::optional<NewPagePath> ParseNewPagePath(const std::string& typed,
                                            const std::vector<std::string>& languages, std::string& problem,
                                            bool ascii = true);

struct NewPageRequest {
  std::string source_dir = ".";
  std::string path;  // as typed
  std::string date;  // YYYY-MM-DD; default: TodayForNewPages()
};

// Writes one file per language, all or none: an existing file, a bad path, an unreadable
// archetype or site.toml are errors and nothing is written. Returns the files written, as
// shown to the user (content/en/news/x.md).
std::vector<std::string> CreateNewPages(const NewPageRequest& request, Diagnostics& diags);

}  // namespace tandem
