// The site's own search, without a server ([search] enabled = true in site.toml). For each
// language, at <home>/search/: an index built at build time, a search page (the theme's
// templates/search.mustache) and, from the theme's static files, js/search.js, which searches
// the index in the browser. The index is split so that a search loads only what its words need:
//   manifest.json   the shards' prefixes, the number of documents and of documents per file
//   t-<hex>.json    the terms starting with one prefix (hex of its UTF-8 bytes): term -> postings
//   d-<n>.json      documents n*per .. n*per+per-1: [url, title, summary]
// A term is folded by the language's Locale ("École" → "ecole"); its postings are pairs of the
// gap to the previous document's number and the term's weight in that document.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "directives/directive.hpp"
#include "model/site.hpp"
#include "theme/theme.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

struct SearchDocument {
  std::string url, title, summary;
};

struct SearchIndex {
  std::vector<SearchDocument> documents;
  std::map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> postings;  // term -> (document, weight)
};

struct SearchLimits {
  size_t shard_bytes = 32 * 1024;  // a prefix whose terms take more is split into longer prefixes
  size_t documents_per_file = 50;
};

// The index of one language's pages: words of the title, description, keywords and text.
SearchIndex BuildSearchIndex(const Site& site, size_t lang_index, unsigned jobs);

// The index's files, under `dir` ("en/search/").
std::vector<Attachment> SearchIndexFiles(const SearchIndex& index, const std::string& dir,
                                         const SearchLimits& limits = {});

// Every language's index and search page; none when search is off. A theme without
// templates/search.mustache is an error.
std::vector<Attachment> SearchFiles(const Site& site, const Theme& theme, unsigned jobs, Diagnostics& diags);

}  // namespace tandem
