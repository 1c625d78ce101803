// Front matter: TOML between +++ lines or YAML between --- lines, at the top of a page.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/page.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

struct PageSource {
  FrontMatter meta;
  std::string body;   // the Markdown after the front matter
  int body_line = 1;  // line of the body's first line in the file
};

// Splits and parses `text` (already normalized: no BOM, LF endings) read from `path`.
// Reports every problem; returns nullopt if the page cannot be used. A key in `taxonomy_keys`
// (site.toml's [taxonomies]) is read as a list of terms into FrontMatter::terms.
std::optional<PageSource> ParsePage(const std::string& path, const std::string& text, Diagnostics& diags,
                                    const std::vector<std::string>& taxonomy_keys = {});

// The site's own front matter keys, written at the top like Hugo's (`author: ...`) rather than
// under params: declared in site.toml's page_params, any other is an error, as a typo would be.
// A site that declares none gets one warning per key (param-undeclared), naming how many pages
// have it.
struct PageParamsDeclaration {
  bool given = false;  // site.toml has page_params
  std::vector<std::string> keys;
};
void CheckOwnKeys(const std::vector<const Page*>& pages, const PageParamsDeclaration& declared,
                  Diagnostics& diags);

// The top-level keys of a page's front matter that tandem does not read itself (nor a taxonomy
// names), as written, with their lines: what a site moving to tandem declares in page_params.
// Empty if the front matter cannot be read.
struct OwnKey {
  std::string key;
  int line = 1;
};
std::vector<OwnKey> OwnKeysOf(const std::string& path, const std::string& text,
                              const std::vector<std::string>& taxonomy_keys);

// The text of the key `key` tandem reads (in any spelling: "URL", "url"), when the front matter
// gives it as a scalar; "" when it does not or cannot be read.
std::string FrontMatterText(const std::string& path, const std::string& text, std::string_view key);

// Whether tandem reads `key` itself (in any spelling: "Title", "publishDate"), so that no
// taxonomy may take it.
bool IsFrontMatterKey(std::string_view key);

// True for a valid calendar date written YYYY-MM-DD, with exactly those digits.
bool IsIsoDate(const std::string& s);

}  // namespace tandem
