// The front matter keys tandem reads, and the site's own keys (page_params).
#include <algorithm>
#include <map>

#include "content/front_matter.hpp"
#include "content/front_matter/fields.hpp"
#include "support/text.hpp"

namespace tandem {

namespace front_matter {

namespace {

// The keys tandem reads, in the spelling the code below uses. Front matter may write them in
// any case, with or without underscores (Hugo's `Title`, `LastMod`, `publishDate`).
const std::vector<std::string> kKnownKeys = {"title",
                                             "description",
                                             "date",
                                             "modified",
                                             "lastmod",
                                             "publish_date",
                                             "expiry_date",
                                             "slug",
                                             "url",
                                             "layout",
                                             "keywords",
                                             "subject",
                                             "draft",
                                             "weight",
                                             "params",
                                             "translation_key",
                                             "translation_source",
                                             "summary",
                                             "aliases",
                                             "sort",
                                             "paginate",
                                             "creator"};

// Lowercase, without underscores or hyphens: "publishDate", "publish_date" and "PublishDate" meet.
std::string Folded(std::string_view key) {
  std::string out;
  for (char c : AsciiLower(key))
    if (c != '_' && c != '-') out += c;
  return out;
}

}  // namespace

std::string KnownKey(std::string_view key) {
  std::string folded = Folded(key);
  for (const std::string& known : kKnownKeys)
    if (Folded(known) == folded) return known;
  return "";
}

const std::vector<std::string>& KnownKeysLowercase() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out = kKnownKeys;
    for (const char* hugo : {"publishdate", "expirydate", "translationkey"}) out.push_back(hugo);
    return out;
  }();
  return keys;
}

}  // namespace front_matter

void CheckOwnKeys(const std::vector<const Page*>& pages, const PageParamsDeclaration& declared,
                  Diagnostics& diags) {
  constexpr const char* kCode = "param-undeclared";
  std::vector<std::string> keys;
  for (const std::string& k : declared.keys) keys.push_back(AsciiLower(k));
  struct Use {
    const Page* page;
    std::string key;  // as written
    SourcePos pos;
  };
  std::map<std::string, std::vector<Use>> undeclared;  // by lower-case key, in page order
  for (const Page* page : pages)
    for (const auto& [key, pos] : page->meta.own_keys)
      if (std::find(keys.begin(), keys.end(), AsciiLower(key)) == keys.end())
        undeclared[AsciiLower(key)].push_back({page, key, pos});
  if (declared.given) {
    for (const auto& [lower, uses] : undeclared)
      for (const Use& use : uses) {
        auto near = DidYouMean(lower, keys);
        diags.Error(use.pos,
                    "\"" + use.key +
                        "\" is not a front matter key tandem reads, nor one of site.toml's page_params" +
                        (near ? " (did you mean \"" + *near + "\"?)" : std::string()) +
                        "; correct it, or add it to page_params if the site's pages use it",
                    use.page->FrontMatterLine(use.pos.line), kCode);
      }
    return;
  }
  if (undeclared.empty()) return;
  // One warning for them all, at the first page that has one, with the line to add to site.toml.
  const Use* first = nullptr;
  std::string counts, list;
  for (const auto& [lower, uses] : undeclared) {
    for (const Use& use : uses)
      if (!first || use.page->source_path < first->page->source_path ||
          (use.page == first->page && use.pos.line < first->pos.line))
        first = &use;
    std::string n = std::to_string(uses.size()) + (uses.size() == 1 ? " page" : " pages");
    counts += (counts.empty() ? "" : ", ") + ("\"" + uses.front().key + "\" (" + n + ")");
    list += (list.empty() ? "" : ", ") + ("\"" + uses.front().key + "\"");
  }
  diags.Warning(first->pos,
                std::string(undeclared.size() == 1 ? "a front matter key tandem does not read becomes"
                                                   : "front matter keys tandem does not read become") +
                    " page.params for templates: " + counts +
                    ". Declare the site's own keys in site.toml, page_params = [" + list +
                    "], so that a misspelt one is an error",
                first->page->FrontMatterLine(first->pos.line), kCode);
}

}  // namespace tandem
