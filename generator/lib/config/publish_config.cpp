#include "config/publish_config.hpp"

#include <algorithm>
#include <filesystem>
#include <tuple>

#include "config/site_config.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

const std::vector<std::string> kFeedsKeys = {"sections", "entries"};
const std::vector<std::string> kSearchKeys = {"enabled", "external"};

void ReadFeeds(const TomlSource& src, const toml::table& t, FeedsConfig& feeds, Diagnostics& diags) {
  CheckKeys(src, t, kFeedsKeys, "[feeds]", diags);
  if (const toml::node* n = t.get("entries")) {
    if (!n->is_integer() || **n->as_integer() < 1 || **n->as_integer() > 1000)
      ErrorAt(src, *n, "\"entries\" must be a number of entries from 1 to 1000, like entries = 20", diags);
    else
      feeds.entries = static_cast<int>(**n->as_integer());
  }
  const toml::node* sections = t.get("sections");
  if (!sections) return;
  const toml::array* list = sections->as_array();
  if (!list) {
    ErrorAt(src, *sections, "\"sections\" must be a list of section paths, like [\"news\"]", diags);
    return;
  }
  for (const toml::node& item : *list) {
    auto path = item.value<std::string>();
    if (!path || path->empty()) {
      ErrorAt(src, item,
              "each of [feeds] sections must be a section's path under content/<lang>/, like \"news\"",
              diags);
      continue;
    }
    std::string p = *path;
    while (!p.empty() && p.back() == '/') p.pop_back();
    while (!p.empty() && p.front() == '/') p.erase(0, 1);
    SourcePos pos = PosOf(src, item.source());
    feeds.sections.push_back({p, pos, SourceLineOf(src, pos)});
  }
}

void ReadSearch(const TomlSource& src, const toml::table& t, SearchConfig& search, Diagnostics& diags) {
  CheckKeys(src, t, kSearchKeys, "[search]", diags);
  if (const toml::node* n = t.get("enabled")) {
    if (n->is_boolean())
      search.enabled = **n->as_boolean();
    else
      ErrorAt(src, *n, "\"enabled\" must be true or false", diags);
  }
  const toml::node* external = t.get("external");
  if (!external) return;
  const toml::table* urls = external->as_table();
  if (!urls) {
    ErrorAt(src, *external,
            "\"external\" must name a search page per language, like external.en = "
            "\"https://www.canada.ca/en/sr/srb.html\"",
            diags);
    return;
  }
  for (const auto& [code, value] : *urls) {
    auto url = value.value<std::string>();
    std::string problem;
    if (!url || !ParseBaseUrl(*url, problem))
      ErrorAt(src, value, "external." + std::string(code.str()) + " must be an absolute http or https URL",
              diags);
    else
      search.external[std::string(code.str())] = *url;
  }
}

const std::vector<std::string> kTaxonomyKeys = {"key", "segment", "title", "paginate"};

// A taxonomy's key is a front matter key, a URL segment and a file name (data/taxonomies/<key>.toml).
bool IsTaxonomyKey(const std::string& key) {
  if (key.empty() || key.size() > 40 || key.front() < 'a' || key.front() > 'z') return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

bool IsSegment(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

// segment.<lang> and title.<lang>: a string per language of the site.
void ReadPerLanguage(const TomlSource& src, const toml::table& t, const std::string& field,
                     const std::string& where, const std::vector<std::string>& languages,
                     std::map<std::string, std::string>& out, Diagnostics& diags) {
  const toml::node* node = t.get(field);
  if (!node) return;
  const toml::table* per = node->as_table();
  if (!per)
    return ErrorAt(src, *node,
                   "\"" + field + "\" in " + where + " must be a table with one entry per language, like " +
                       field + " = { en = \"...\", fr = \"...\" }",
                   diags);
  for (const auto& [code, value] : *per) {
    std::string lang(code.str());
    auto text = value.value<std::string>();
    if (std::find(languages.begin(), languages.end(), lang) == languages.end())
      ErrorAtKey(src, code,
                 field + "." + lang + " names no language of the site" + DidYouMeanSuffix(lang, languages) +
                     "; site.toml defines " + JoinQuoted(languages),
                 diags);
    else if (!text || text->empty())
      ErrorAt(src, value, field + "." + lang + " must be a non-empty string", diags);
    else if (field == "segment" && !IsSegment(*text))
      ErrorAt(src, value,
              "segment." + lang + " \"" + *text +
                  "\" must be one URL segment of lowercase ASCII letters, digits and hyphens, like "
                  "\"mots-cles\"",
              diags);
    else
      out[lang] = *text;
  }
}

void ReadTaxonomyTable(const TomlSource& src, const toml::table& t, const std::string& where,
                       const std::vector<std::string>& languages, TaxonomyConfig& tax, Diagnostics& diags) {
  CheckKeys(src, t, kTaxonomyKeys, where, diags);
  if (auto key = GetString(src, t, "key", diags)) tax.key = *key;
  ReadPerLanguage(src, t, "segment", where, languages, tax.segment, diags);
  ReadPerLanguage(src, t, "title", where, languages, tax.title, diags);
  if (const toml::node* n = t.get("paginate")) {
    if (!n->is_integer() || **n->as_integer() < 1 || **n->as_integer() > 100000)
      ErrorAt(src, *n,
              "\"paginate\" must be a whole number of pages per list page, 1 or more, like paginate = 10",
              diags);
    else
      tax.paginate = static_cast<int>(**n->as_integer());
  }
}

// Tables merge key by key; any other value in `over` replaces the one in `base`.
void MergeTables(toml::table& base, const toml::table& over) {
  for (const auto& [key, value] : over) {
    toml::table* mine = base.get_as<toml::table>(key.str());
    if (mine && value.is_table())
      MergeTables(*mine, *value.as_table());
    else
      base.insert_or_assign(key, value);
  }
}

bool IsEnvironmentName(const std::string& name) {
  if (name.empty() || name.size() > 32) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

bool CheckBaseUrl(const std::string& option, const std::string& url, Diagnostics& diags) {
  std::string problem;
  if (ParseBaseUrl(url, problem)) return true;
  diags.Error({"--base-url"}, "--base-url " + option + ": " + problem);
  return false;
}

}  // namespace

void ReadPublishConfig(const TomlSource& src, const toml::table& table, FeedsConfig& feeds,
                       SearchConfig& search, bool& noindex, Diagnostics& diags) {
  if (const toml::node* n = table.get("feeds")) {
    if (n->is_table())
      ReadFeeds(src, *n->as_table(), feeds, diags);
    else
      ErrorAt(src, *n, "\"feeds\" must be a table: [feeds] sections = [\"news\"]", diags);
  }
  if (const toml::node* n = table.get("search")) {
    if (n->is_table())
      ReadSearch(src, *n->as_table(), search, diags);
    else
      ErrorAt(src, *n, "\"search\" must be a table: [search] enabled = true", diags);
  }
  if (const toml::node* n = table.get("noindex")) {
    if (n->is_boolean())
      noindex = **n->as_boolean();
    else
      ErrorAt(src, *n, "\"noindex\" must be true or false", diags);
  }
}

void ReadTaxonomies(const TomlSource& src, const toml::table& table,
                    const std::vector<std::string>& languages, std::vector<TaxonomyConfig>& taxonomies,
                    Diagnostics& diags) {
  const toml::node* node = table.get("taxonomies");
  if (!node) return;
  const toml::table* all = node->as_table();
  if (!all) return ErrorAt(src, *node, "\"taxonomies\" must be a table: [taxonomies] tag = \"tags\"", diags);
  for (const auto& [name, value] : *all) {
    TaxonomyConfig tax;
    tax.name = std::string(name.str());
    std::string where = "[taxonomies." + tax.name + "]";
    tax.pos = PosOf(src, name.source());
    tax.line = SourceLineOf(src, tax.pos);
    if (auto plural = value.value<std::string>())
      tax.key = *plural;
    else if (const toml::table* t = value.as_table())
      ReadTaxonomyTable(src, *t, where, languages, tax, diags);
    else
      ErrorAt(src, value,
              "taxonomy \"" + tax.name + "\" must name its front matter key, like " + tax.name +
                  " = \"tags\", or be a table " + where + " with key, segment and title",
              diags);
    if (tax.key.empty() && value.is_table() && !value.as_table()->get("key"))
      diags.Error(tax.pos,
                  where + " is missing \"key\", the front matter key of its terms, like key = \"tags\"",
                  tax.line);
    if (tax.key.empty()) continue;
    const toml::node& at =
        value.is_table() && value.as_table()->get("key") ? *value.as_table()->get("key") : value;
    if (!IsTaxonomyKey(tax.key)) {
      ErrorAt(
          src, at,
          "taxonomy key \"" + tax.key +
              "\" must be lowercase letters, digits, hyphens and underscores, starting with a letter, like "
              "\"tags\"",
          diags);
      continue;
    }
    auto same = std::find_if(taxonomies.begin(), taxonomies.end(),
                             [&](const TaxonomyConfig& other) { return other.key == tax.key; });
    if (same != taxonomies.end()) {
      ErrorAt(src, at,
              "taxonomy key \"" + tax.key + "\" is also the key of [taxonomies." + same->name +
                  "]; each taxonomy needs its own",
              diags);
      continue;
    }
    taxonomies.push_back(std::move(tax));
  }
  // toml++ keeps keys sorted; pages show their taxonomies in the order site.toml names them.
  std::stable_sort(taxonomies.begin(), taxonomies.end(),
                   [](const TaxonomyConfig& a, const TaxonomyConfig& b) {
                     return std::tie(a.pos.path, a.pos.line, a.pos.column) <
                            std::tie(b.pos.path, b.pos.line, b.pos.column);
                   });
}

bool MergeEnvironment(const std::string& source_dir, const std::string& environment, toml::table& table,
                      std::string& text, Diagnostics& diags) {
  if (!IsEnvironmentName(environment)) {
    diags.Error({"--environment"}, "--environment \"" + environment +
                                       "\" must be lowercase letters, digits and hyphens, like \"staging\"");
    return false;
  }
  std::string name = "site." + environment + ".toml";
  std::error_code ec;
  if (!std::filesystem::exists(source_dir + "/" + name, ec)) return true;  // nothing to change
  auto read = ReadSourceText(source_dir + "/" + name, name, diags, {source_dir, "the site"});
  if (!read) return false;
  text = std::move(*read);
  auto over = ParseToml({name, text, 1, text}, diags);
  if (!over) return false;
  MergeTables(table, *over);
  return true;
}

void ApplyPreviewOrigin(const std::map<std::string, std::string>& origins, toml::table& table) {
  auto move = [&origins](toml::table& t) {
    auto url = t["base_url"].value<std::string>();
    std::string problem;
    auto base = url ? ParseBaseUrl(*url, problem) : std::nullopt;
    if (!base) return;  // reported when the config is read
    // The hosts' origins are parsed ones (lowercase, no default port): compare parsed to parsed.
    auto preview = origins.find(base->Origin());
    if (preview != origins.end()) t.insert_or_assign("base_url", preview->second + base->path);
  };
  if (origins.empty()) return;
  move(table);
  if (toml::table* languages = table["languages"].as_table())
    for (auto& [code, value] : *languages)
      if (toml::table* lang = value.as_table()) move(*lang);
}

bool ApplyBaseUrls(const std::vector<std::string>& base_urls, toml::table& table, Diagnostics& diags) {
  bool ok = true;
  for (const std::string& option : base_urls) {
    size_t eq = option.find('=');
    bool per_language = eq != std::string::npos && option.find("://") > eq;
    std::string url = per_language ? option.substr(eq + 1) : option;
    if (!CheckBaseUrl(option, url, diags)) {
      ok = false;
      continue;
    }
    if (!per_language) {
      table.insert_or_assign("base_url", url);
      continue;
    }
    std::string code = option.substr(0, eq);
    toml::table* lang = table.at_path("languages." + code).as_table();
    if (!lang) {
      diags.Error({"--base-url"}, "--base-url " + option + ": site.toml has no [languages." + code +
                                      "]; name one of its languages, like fr=https://fr.example.ca/");
      ok = false;
      continue;
    }
    lang->insert_or_assign("base_url", url);
  }
  return ok;
}

}  // namespace tandem
