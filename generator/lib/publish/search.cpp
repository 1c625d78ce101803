#include "publish/search.hpp"

#include <algorithm>
#include <memory>
#include <unordered_map>

#include "i18n/typography.hpp"
#include "model/publish_links.hpp"
#include "render/identity_view.hpp"
#include "render/page_view.hpp"
#include "support/files.hpp"
#include "support/parallel.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

// How much a word counts where it is found.
constexpr uint32_t kTitleWeight = 10, kSummaryWeight = 3, kTextWeight = 1, kMaxWeight = 999;
constexpr size_t kMaxWordBytes = 40;  // longer runs are not words anyone types
constexpr size_t kShardPrefix = 2;    // code points of the shortest prefixes

using TermWeights = std::vector<std::pair<std::string, uint32_t>>;

// The Markdown of a page, as words see it: without its front matter, HTML tags and link targets.
std::string PageText(const Page& page) {
  if (page.implicit || page.fs_path.empty()) return "";
  std::string file = ReadFile(page.fs_path);
  size_t at = 0;
  for (int line = 1; line < page.body_line && at != std::string::npos; ++line) at = file.find('\n', at) + 1;
  if (at == std::string::npos || at == 0 && page.body_line > 1) return "";
  std::string text;
  text.reserve(file.size() - at);
  for (size_t i = at; i < file.size(); ++i) {
    char c = file[i];
    size_t close = std::string::npos;
    if (c == '<') close = file.find('>', i);
    if (c == ']' && i + 1 < file.size() && file[i + 1] == '(') close = file.find(')', i);
    if (close != std::string::npos && close - i < 2048) {
      text += ' ';
      i = close;
      continue;
    }
    text += c;
  }
  return text;
}

TermWeights WeighPage(const Page& page, const Locale& locale) {
  std::unordered_map<std::string, uint32_t> weights;
  auto add = [&](std::string_view text, uint32_t weight) {
    for (std::string& word : locale.SearchWords(text))
      if (word.size() <= kMaxWordBytes) {
        uint32_t& w = weights[std::move(word)];
        w = std::min(kMaxWeight, w + weight);
      }
  };
  add(page.meta.title, kTitleWeight);
  add(page.meta.description, kSummaryWeight);
  add(page.meta.keywords, kSummaryWeight);
  add(PageText(page), kTextWeight);
  TermWeights sorted(weights.begin(), weights.end());
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

std::string JsonQuote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      static const char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else if (c == '<') {
      out += "\\u003c";  // never "</script>" or "<!--", wherever the JSON ends up
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// "term":[gap,weight,gap,weight,...]
std::string TermEntry(const std::string& term, const std::vector<std::pair<uint32_t, uint32_t>>& postings) {
  std::string entry = JsonQuote(term) + ":[";
  uint32_t last = 0;
  for (size_t i = 0; i < postings.size(); ++i) {
    if (i) entry += ',';
    entry += std::to_string(postings[i].first - last) + ',' + std::to_string(postings[i].second);
    last = postings[i].first;
  }
  return entry + "]";
}

// The first `n` code points of `s`, and whether `s` has more.
std::string Utf8Prefix(const std::string& s, size_t n) {
  size_t at = 0;
  for (size_t count = 0; count < n && at < s.size(); ++count) {
    ++at;
    while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
  }
  return s.substr(0, at);
}

std::string Hex(const std::string& bytes) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) out += {kHex[c >> 4], kHex[c & 15]};
  return out;
}

struct Shard {
  std::string prefix;
  std::vector<const std::string*> entries;
};

using Entries = std::vector<std::pair<std::string, std::string>>;  // term -> its entry, sorted by term

// Groups terms by their first `length` code points; a group past the budget is split by one
// more code point, its terms no longer than the prefix staying in the prefix's own shard.
void SplitIntoShards(Entries::const_iterator begin, Entries::const_iterator end, size_t length, size_t budget,
                     std::vector<Shard>& shards) {
  for (auto group = begin; group != end;) {
    std::string prefix = Utf8Prefix(group->first, length);
    auto group_end = group;
    size_t bytes = 0;
    while (group_end != end && Utf8Prefix(group_end->first, length) == prefix)
      bytes += group_end->second.size() + 1, ++group_end;
    Shard own{prefix, {}};
    if (bytes <= budget) {
      for (auto it = group; it != group_end; ++it) own.entries.push_back(&it->second);
    } else {
      auto longer = group;
      while (longer != group_end && longer->first == prefix) own.entries.push_back(&longer->second), ++longer;
      SplitIntoShards(longer, group_end, length + 1, budget, shards);
    }
    if (!own.entries.empty()) shards.push_back(std::move(own));
    group = group_end;
  }
}

std::string DocumentsFile(const std::vector<SearchDocument>& documents, size_t begin, size_t end) {
  std::string json = "[";
  for (size_t i = begin; i < end; ++i) {
    const SearchDocument& d = documents[i];
    json += (i > begin ? ",\n[" : "\n[") + JsonQuote(d.url) + "," + JsonQuote(d.title) + "," +
            JsonQuote(d.summary) + "]";
  }
  return json + "\n]\n";
}

// The search page of each language, made up like a page of the site: its title and
// description are UI strings, its translations the other languages' search pages, its date
// modified the newest of the language's pages.
std::vector<std::unique_ptr<Page>> SearchPages(const Site& site) {
  std::vector<std::unique_ptr<Page>> pages;
  for (const Language& lang : site.languages) {
    auto page = std::make_unique<Page>();
    page->lang_index = lang.index;
    page->rel_path = "search";
    page->source_path = "(" + lang.code() + " search page)";
    page->meta.title = lang.String("search_page_title");
    page->meta.description = lang.String("search_page_description");
    page->slug = "search";
    page->url_path = SearchPageUrl(site, lang.index);
    page->permalink = lang.home->permalink + "search/";
    page->output_path = SearchPageDir(site, lang.index) + "index.html";
    page->parent = lang.home;
    for (const auto& p : lang.pages) page->modified = std::max(page->modified, p->modified);
    pages.push_back(std::move(page));
  }
  for (auto& page : pages)
    for (auto& other : pages) page->translations.push_back(other.get());
  return pages;
}

Value SearchView(const Site& site, const Language& lang) {
  // Without JavaScript: the search site.toml names, else the theme's (Canada.ca's, for gc).
  auto external = site.config.search.external.find(lang.code());
  bool configured = external != site.config.search.external.end();
  std::string action = configured ? external->second : lang.String("search_action");
  std::string param = configured || lang.String("search_param").empty() ? "q" : lang.String("search_param");
  const HostConfig& host = site.config.hosts[lang.config.host];
  return Value::Map()
      .Set("index_url", SearchPageUrl(site, lang.index))
      .Set("script_url", host.root_path + "js/search.js")
      .Set("external_url", action)
      .Set("external_param", param)
      .Set("has_external", Value::Bool(!action.empty()));
}

std::string SearchPageHtml(const Site& site, const Page& page, TemplateSet& templates) {
  const Language& lang = site.languages[page.lang_index];
  Value view = PageView(site, page);
  view.Set("search", SearchView(site, lang));
  std::string html = templates.Render("search", ToData(LanguageView(site, lang.index)), ToData(view));
  return TypesetHtml(html, TypographyOf(lang));
}

}  // namespace

SearchIndex BuildSearchIndex(const Site& site, size_t lang_index, unsigned jobs) {
  const Language& lang = site.languages[lang_index];
  std::vector<TermWeights> weights(lang.pages.size());
  ParallelFor(lang.pages.size(), jobs,
              [&](size_t i, unsigned) { weights[i] = WeighPage(*lang.pages[i], *lang.locale); });
  SearchIndex index;
  for (size_t i = 0; i < lang.pages.size(); ++i) {
    const Page& page = *lang.pages[i];
    if (page.output_path.empty()) continue;
    uint32_t number = static_cast<uint32_t>(index.documents.size());
    index.documents.push_back({page.url_path, page.meta.title, page.meta.description});
    for (auto& [term, weight] : weights[i]) index.postings[term].emplace_back(number, weight);
  }
  return index;
}

std::vector<Attachment> SearchIndexFiles(const SearchIndex& index, const std::string& dir,
                                         const SearchLimits& limits) {
  Entries entries;
  entries.reserve(index.postings.size());
  for (const auto& [term, postings] : index.postings) entries.emplace_back(term, TermEntry(term, postings));
  std::vector<Shard> shards;
  SplitIntoShards(entries.begin(), entries.end(), kShardPrefix, limits.shard_bytes, shards);
  std::sort(shards.begin(), shards.end(), [](const Shard& a, const Shard& b) { return a.prefix < b.prefix; });

  std::vector<Attachment> files;
  std::string manifest = "{\"documents\":" + std::to_string(index.documents.size()) +
                         ",\"per_file\":" + std::to_string(limits.documents_per_file) + ",\"shards\":[";
  for (size_t i = 0; i < shards.size(); ++i) {
    manifest += (i ? "," : "") + JsonQuote(shards[i].prefix);
    std::string json = "{";
    for (size_t e = 0; e < shards[i].entries.size(); ++e) json += (e ? ",\n" : "\n") + *shards[i].entries[e];
    files.push_back({dir + "t-" + Hex(shards[i].prefix) + ".json", json + "\n}\n"});
  }
  files.insert(files.begin(), {dir + "manifest.json", manifest + "]}\n"});
  size_t per = limits.documents_per_file;
  for (size_t begin = 0; begin < index.documents.size(); begin += per)
    files.push_back({dir + "d-" + std::to_string(begin / per) + ".json",
                     DocumentsFile(index.documents, begin, std::min(index.documents.size(), begin + per))});
  return files;
}

std::vector<Attachment> SearchFiles(const Site& site, const Theme& theme, unsigned jobs, Diagnostics& diags) {
  if (!site.config.search.enabled) return {};
  TemplateSet templates(theme);
  if (!templates.Has("search")) {
    diags.Error({"site.toml"}, "[search] is enabled, and the theme " + theme.shown_dir() +
                                   " has no templates/search.mustache; add one, or turn search off");
    return {};
  }
  std::vector<Attachment> files;
  std::vector<std::unique_ptr<Page>> pages = SearchPages(site);
  for (const Language& lang : site.languages) {
    std::string dir = SearchPageDir(site, lang.index);
    files.push_back({dir + "index.html", SearchPageHtml(site, *pages[lang.index], templates)});
    for (Attachment& file : SearchIndexFiles(BuildSearchIndex(site, lang.index, jobs), dir))
      files.push_back(std::move(file));
  }
  return files;
}

}  // namespace tandem
