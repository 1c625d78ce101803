#include "config/site_config.hpp"

#include <unicode/timezone.h>
#include <unicode/ucurr.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <climits>
#include <filesystem>
#include <memory>
#include <sstream>

#include "config/toml_source.hpp"
#include "support/files.hpp"
#include "support/text.hpp"
#include "support/url/url_policy.hpp"

namespace tandem {

const LanguageConfig* SiteConfig::FindLanguage(const std::string& code) const {
  for (const LanguageConfig& l : languages)
    if (l.code == code) return &l;
  return nullptr;
}

std::vector<std::string> SiteConfig::LanguageCodes() const {
  std::vector<std::string> codes;
  for (const LanguageConfig& l : languages) codes.push_back(l.code);
  return codes;
}

const std::vector<std::string> kPermalinkTokens = {
    ":year", ":month", ":day", ":slug", ":title", ":filename", ":slugorfilename", ":section"};

const PermalinkPattern* LanguageConfig::PermalinkOf(const std::string& section) const {
  for (const PermalinkPattern& p : permalinks)
    if (p.section == section) return &p;
  return nullptr;
}

bool SiteConfig::SharesContentDir(const LanguageConfig& lang) const {
  for (const LanguageConfig& l : languages)
    if (l.code != lang.code && l.content_dir == lang.content_dir) return true;
  return false;
}

std::string SiteConfig::DefaultLanguageOf(const std::string& content_dir) const {
  std::string code;
  for (const LanguageConfig& l : languages)
    if (l.content_dir == content_dir && (code.empty() || l.code == checks.translation_source)) code = l.code;
  return code;
}

std::string SiteConfig::ContentFile(const LanguageConfig& lang, const std::string& rel) const {
  std::string file = lang.content_dir + "/" + rel;
  if (!SharesContentDir(lang) || DefaultLanguageOf(lang.content_dir) == lang.code || !EndsWith(file, ".md"))
    return file;
  return file.substr(0, file.size() - 3) + "." + lang.code + ".md";
}

namespace {

const std::vector<std::string> kSiteKeys = {
    "base_url", "theme",      "currency",   "allow_raw_html", "page_timeout",       "languages",
    "feeds",    "search",     "noindex",    "checks",         "translation_source", "timezone",
    "params",   "permalinks", "ascii_urls", "taxonomies",     "page_params",        "slugs"};
const std::vector<std::string> kLanguageKeys = {"locale", "title",       "creator", "base_url",  "weight",
                                                "menu",   "content_dir", "params",  "permalinks"};

std::vector<std::string> Joined(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// A base URL must be absolute so canonical links and the sitemap can use it.
std::optional<Url> ReadBaseUrl(const TomlSource& src, const toml::table& t, Diagnostics& diags) {
  auto value = GetString(src, t, "base_url", diags);
  if (!value) return std::nullopt;
  std::string problem;
  auto url = ParseBaseUrl(*value, problem);
  if (!url) ErrorAt(src, *t.get("base_url"), "base_url " + problem, diags);
  return url;
}

void RequireString(const TomlSource& src, const toml::table& t, const toml::source_region& where,
                   std::string_view key, std::string_view table_name, std::string& out, Diagnostics& diags) {
  if (auto v = GetString(src, t, key, diags)) {
    out = *v;
    if (!out.empty()) return;
    ErrorAt(src, *t.get(key), "\"" + std::string(key) + "\" is empty", diags);
    return;
  }
  if (t.get(key)) return;  // wrong type, already reported
  SourcePos pos = PosOf(src, where);
  diags.Error(pos, std::string(table_name) + " is missing \"" + std::string(key) + "\"",
              SourceLineOf(src, pos));
}

// A language code names a folder and goes into URLs, HTML and XML: "en", "fr", "iu-latn".
bool IsLanguageCode(const std::string& code) {
  if (code.empty() || code.size() > 16 || code.front() < 'a' || code.front() > 'z' || code.back() == '-')
    return false;
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

void ReadWeight(const TomlSource& src, const toml::table& t, int& weight, Diagnostics& diags) {
  const toml::node* w = t.get("weight");
  if (!w) return;
  if (!w->is_integer()) {
    ErrorAt(src, *w, "\"weight\" must be an integer", diags);
    return;
  }
  int64_t n = **w->as_integer();
  if (n < INT_MIN || n > INT_MAX) {
    ErrorAt(src, *w, "\"weight\" is out of range: use a number between -2147483648 and 2147483647", diags);
    return;
  }
  weight = static_cast<int>(n);
}

// A menu entry's address, once the URL policy allows it: absolute, or from the site's root; a page
// of the site is named by its file.
bool IsMenuUrl(const std::string& url) {
  return !UrlScheme(url).empty() || StartsWith(url, "/");
}

void ReadMenuEntry(const TomlSource& src, const toml::node& node, const std::string& name, MenuEntry& entry,
                   Diagnostics& diags) {
  const toml::table& t = *node.as_table();
  CheckKeys(src, t, {"title", "page", "url", "weight"}, name, diags);
  RequireString(src, t, node.source(), "title", name, entry.title, diags);
  ReadWeight(src, t, entry.weight, diags);
  auto page = GetString(src, t, "page", diags);
  auto url = GetString(src, t, "url", diags);
  std::string problem;
  auto clean = url ? CleanUrl(*url, problem) : std::nullopt;
  entry.pos = PosOf(src, node.source());
  if (page && url) {
    ErrorAt(src, *t.get("url"),
            name + " has both page and url; keep page for a page of the site, url for any other address",
            diags);
  } else if (page) {
    entry.page = ToNfc(*page);
    entry.pos = PosOf(src, t.get("page")->source());
  } else if (url && !clean) {
    ErrorAt(src, *t.get("url"), problem, diags);
  } else if (clean && IsMenuUrl(*clean)) {
    entry.url = *clean;
  } else if (url) {
    ErrorAt(src, *t.get("url"),
            "menu url \"" + *url +
                "\" must be absolute (\"https://...\") or start with \"/\"; for a page of the site, write "
                "page = \"its/file.md\" instead",
            diags);
  } else if (!t.get("page") && !t.get("url")) {
    diags.Error(entry.pos, name + " needs page (a content file, like page = \"news/_index.md\") or url",
                SourceLineOf(src, entry.pos));
  }
  entry.line = SourceLineOf(src, entry.pos);
}

// [[languages.<code>.menu.main]]: the site band's menu, entry by entry.
void ReadMenu(const TomlSource& src, const toml::table& t, LanguageConfig& lang, Diagnostics& diags) {
  const toml::node* menu = t.get("menu");
  if (!menu) return;
  std::string name = "[languages." + lang.code + ".menu]";
  const toml::table* menus = menu->as_table();
  if (!menus)
    return ErrorAt(src, *menu, name + " must be a table, like [[languages." + lang.code + ".menu.main]]",
                   diags);
  CheckKeys(src, *menus, {"main"}, name, diags);
  const toml::node* main = menus->get("main");
  if (!main) return;
  std::string entry_name = "[[languages." + lang.code + ".menu.main]]";
  const toml::array* entries = main->as_array();
  if (!entries || (!entries->empty() && !entries->is_array_of_tables()))
    return ErrorAt(
        src, *main,
        "the main menu is a list of entries, each a " + entry_name + " table with title and page or url",
        diags);
  for (const toml::node& node : *entries) {
    MenuEntry entry;
    ReadMenuEntry(src, node, entry_name, entry, diags);
    lang.menu.push_back(std::move(entry));
  }
}

bool IsTokenChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// What may stand between tokens: what a URL segment holds, and slashes between segments.
bool IsPatternChar(char c, bool ascii) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '/' ||
         (!ascii && static_cast<unsigned char>(c) >= 0x80);
}

// Why `pattern` cannot be a permalink pattern, or nullopt if it can.
std::optional<std::string> PermalinkProblem(const std::string& pattern, bool ascii) {
  std::string quoted = "permalink pattern \"" + pattern + "\"";
  if (pattern.find_first_not_of('/') == std::string::npos)
    return quoted + " is empty; write its segments, like \"/:year/:month/:slug/\"";
  for (size_t i = 0; i < pattern.size();) {
    if (pattern[i] == ':') {
      size_t end = i + 1;
      while (end < pattern.size() && IsTokenChar(pattern[end])) ++end;
      std::string token = pattern.substr(i, end - i);
      if (std::find(kPermalinkTokens.begin(), kPermalinkTokens.end(), token) == kPermalinkTokens.end())
        return "unknown token \"" + token + "\" in " + quoted + DidYouMeanSuffix(token, kPermalinkTokens) +
               "; the tokens are :year, :month, :day, :slug, :title, :filename, :slugorfilename and :section";
      i = end;
    } else if (!IsPatternChar(pattern[i], ascii)) {
      return quoted + " may hold only tokens, lowercase letters, digits, hyphens and slashes, not \"" +
             std::string(1, pattern[i]) + "\"";
    } else {
      ++i;
    }
  }
  if (pattern.find("//") != std::string::npos)
    return quoted + " has an empty segment (\"//\"); write one / between segments";
  return std::nullopt;
}

// [permalinks], or [languages.<code>.permalinks] over the site's: section = "pattern".
void ReadPermalinks(const TomlSource& src, const toml::table& t, const std::string& table_name, bool ascii,
                    std::vector<PermalinkPattern>& out, Diagnostics& diags) {
  const toml::node* node = t.get("permalinks");
  if (!node) return;
  const toml::table* table = node->as_table();
  if (!table)
    return ErrorAt(src, *node,
                   "[" + table_name + "] must be a table of section = \"pattern\", like [" + table_name +
                       "] with blog = \"/:year/:month/:slug/\"",
                   diags);
  for (const auto& [key, value] : *table) {
    std::string section(key.str());
    const auto* pattern = value.as_string();
    if (value.is_table()) {
      std::string where = "[" + table_name + "]";
      ErrorAt(src, value,
              "[" + table_name + "." + section +
                  "] is a table, not a pattern: write each section's pattern directly under " + where +
                  ", like blog = \"/:year/:month/:slug/\" (a section's pages, as Hugo's [permalinks.page])",
              diags);
      continue;
    }
    if (!pattern) {
      ErrorAt(src, value,
              table_name + "." + section + " must be a pattern in quotes, like " + section +
                  " = \"/:year/:month/:slug/\" (a section's pages; the section's own page keeps its URL)",
              diags);
      continue;
    }
    if (auto problem = PermalinkProblem(**pattern, ascii)) {
      ErrorAt(src, value, *problem, diags);
      continue;
    }
    PermalinkPattern entry{section, **pattern, PosOf(src, value.source()), ""};
    entry.line = SourceLineOf(src, entry.pos);
    auto same = std::find_if(out.begin(), out.end(), [&](const auto& p) { return p.section == section; });
    if (same != out.end())
      *same = std::move(entry);
    else
      out.push_back(std::move(entry));
  }
}

// content_dir stays below content/, where a build looks for changes and a preview watches.
void ReadContentDir(const TomlSource& src, const toml::table& t, LanguageConfig& lang, Diagnostics& diags) {
  lang.content_dir = "content/" + lang.code;
  auto dir = GetString(src, t, "content_dir", diags);
  if (!dir) return;
  std::string path = *dir;
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  bool plain = (path == "content" || StartsWith(path, "content/")) && path.find('\\') == std::string::npos;
  for (size_t start = 0, end; plain && start <= path.size(); start = end + 1) {
    end = std::min(path.find('/', start), path.size());
    std::string_view part = std::string_view(path).substr(start, end - start);
    plain = !part.empty() && part != "." && part != "..";
  }
  if (!plain) {
    ErrorAt(src, *t.get("content_dir"),
            "content_dir \"" + *dir + "\" must be content/ or a folder inside it, like \"content/" +
                lang.code + "\"; move the pages there",
            diags);
    return;
  }
  lang.content_dir = path;
}

// [params] and [languages.<code>.params]: values of the site's own, for its templates.
void ReadParams(const TomlSource& src, const toml::table& t, const std::string& where, Value& params,
                Diagnostics& diags) {
  const toml::node* node = t.get("params");
  if (!node) return;
  if (!node->is_table())
    return ErrorAt(src, *node,
                   where +
                       " must be a table of the site's own values, like [params] with "
                       "contact_email = \"...\"",
                   diags);
  params = TomlValue(*node);
}

// Where a language is published: its base_url, else a folder named after its code below the
// site's. Below the site's base_url, it is written at that place (the output's root when the two
// are one); elsewhere, in a folder named after its code, deployed to its own host.
void ReadLanguageBase(const TomlSource& src, const SiteConfig& site, const toml::table& t,
                      LanguageConfig& lang, Diagnostics& diags) {
  Url base = site.base;
  base.path += lang.code + "/";
  if (t.get("base_url")) {
    auto url = ReadBaseUrl(src, t, diags);
    if (!url) return;
    base = *url;
  }
  lang.base = base;
  lang.base_url = base.Text();
  lang.base_path = base.path;
  lang.output_dir = lang.code;
  if (StartsWith(lang.base_url, site.base_url)) {
    lang.output_dir = lang.base_url.substr(site.base_url.size());
    if (!lang.output_dir.empty()) lang.output_dir.pop_back();  // the trailing '/'
  }
  if (lang.output_dir == ".tandem" || StartsWith(lang.output_dir, ".tandem/"))
    ErrorAt(src, *t.get("base_url"),
            "base_url puts the language's pages in .tandem/, tandem's own state folder; choose another path",
            diags);
}

// Reads all of a language's table; false when its code is refused, and so is the language.
bool ReadLanguage(const TomlSource& src, const SiteConfig& site, const toml::key& code, const toml::table& t,
                  LanguageConfig& lang, Diagnostics& diags) {
  lang.code = std::string(code.str());
  std::string table_name = "[languages." + lang.code + "]";
  bool usable = IsLanguageCode(lang.code);
  if (!usable)
    ErrorAtKey(src, code,
               "language code \"" + lang.code +
                   "\" must be lowercase letters, digits and hyphens, starting with a letter, like \"en\"",
               diags);
  CheckKeys(src, t, Joined(kLanguageKeys, kIdentityLanguageKeys), table_name, diags);
  RequireString(src, t, code.source(), "locale", table_name, lang.locale, diags);
  RequireString(src, t, code.source(), "title", table_name, lang.title, diags);
  RequireString(src, t, code.source(), "creator", table_name, lang.creator, diags);
  ReadLanguageIdentity(src, t, table_name, lang.identity, diags);
  ReadWeight(src, t, lang.weight, diags);
  ReadMenu(src, t, lang, diags);
  ReadContentDir(src, t, lang, diags);
  ReadParams(src, t, "[languages." + lang.code + ".params]", lang.params, diags);
  lang.permalinks = site.permalinks;
  ReadPermalinks(src, t, "languages." + lang.code + ".permalinks", site.ascii_urls, lang.permalinks, diags);
  if (!usable) return false;  // a refused code cannot name its default folder (".tandem", "en/x")
  ReadLanguageBase(src, site, t, lang, diags);
  return true;
}

void ReadCurrency(const TomlSource& src, const toml::table& t, SiteConfig& config, Diagnostics& diags) {
  auto currency = GetString(src, t, "currency", diags);
  if (!currency) return;
  UErrorCode status = U_ZERO_ERROR;
  std::u16string code(currency->begin(), currency->end());
  bool known =
      currency->size() == 3 &&
      std::all_of(currency->begin(), currency->end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
      ucurr_isAvailable(reinterpret_cast<const UChar*>(code.c_str()), U_DATE_MIN, U_DATE_MAX, &status);
  if (!known) {
    ErrorAt(src, *t.get("currency"),
            "unknown currency \"" + *currency + "\": use an ISO 4217 code in capitals, like \"CAD\"", diags);
    return;
  }
  config.currency = *currency;
}

// page_params = ["author", "image"]: a list of key names.
void ReadPageParams(const TomlSource& src, const toml::table& t, SiteConfig& config, Diagnostics& diags) {
  const toml::node* node = t.get("page_params");
  if (!node) return;
  const char* shape =
      "\"page_params\" must be a list of the front matter keys of the site's own, like "
      "page_params = [\"author\", \"image\"]";
  const toml::array* list = node->as_array();
  if (!list) return ErrorAt(src, *node, shape, diags);
  config.page_params_given = true;
  for (const toml::node& item : *list) {
    const auto* key = item.as_string();
    if (!key || (*key)->empty())
      ErrorAt(src, item, shape, diags);
    else
      config.page_params.push_back(**key);
  }
}

void ReadTimeZone(const TomlSource& src, const toml::table& t, SiteConfig& config, Diagnostics& diags) {
  auto zone = GetString(src, t, "timezone", diags);
  if (!zone) return;
  std::unique_ptr<icu::TimeZone> known(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(*zone)));
  if (!known || *known == icu::TimeZone::getUnknown()) {  // ICU's answer to a name it does not know
    ErrorAt(src, *t.get("timezone"),
            "unknown time zone \"" + *zone +
                "\": use an IANA name, like \"America/Toronto\" or \"America/Halifax\"",
            diags);
    return;
  }
  config.timezone = *zone;
}

// A folder inside another language's would hold pages of both.
void CheckContentDirsApart(const TomlSource& src, const toml::table& languages, const SiteConfig& config,
                           Diagnostics& diags) {
  for (const LanguageConfig& inner : config.languages)
    for (const LanguageConfig& outer : config.languages) {
      if (!StartsWith(inner.content_dir, outer.content_dir + "/")) continue;
      const toml::node* at = languages[inner.code]["content_dir"].node();
      if (!at) at = languages[outer.code]["content_dir"].node();  // inner's is the default
      ErrorAt(src, *at,
              "content_dir \"" + inner.content_dir + "\" is inside \"" + outer.content_dir +
                  "\", the pages of [languages." + outer.code +
                  "]; give each language a folder of its own, or the same folder to both",
              diags);
    }
}

// The configuration as resolved: site.toml with the environment's file, --base-url and the preview
// origin applied. Everything the build reads of it comes from this table, so its hash is the
// configuration's identity, with nothing to list by hand.
uint64_t Fingerprint(const toml::table& resolved, const std::string& environment) {
  std::ostringstream text;
  text << "environment=" << environment << '\n' << resolved;
  return HashBytes(text.str());
}

// Two languages at one address would be written to one folder, each page over the other's.
void CheckBaseUrlsApart(const TomlSource& src, const toml::table& languages, const SiteConfig& config,
                        Diagnostics& diags) {
  for (size_t i = 0; i < config.languages.size(); ++i)
    for (size_t j = i + 1; j < config.languages.size(); ++j) {
      const LanguageConfig& first = config.languages[i];
      const LanguageConfig& second = config.languages[j];
      if (first.base_url.empty() || first.base != second.base) continue;  // empty: refused, reported
      const toml::node* at = languages[second.code]["base_url"].node();
      if (!at) at = languages[first.code]["base_url"].node();  // second's is the default
      const std::string& code = at == languages[first.code]["base_url"].node() ? first.code : second.code;
      const std::string& other = code == first.code ? second.code : first.code;
      ErrorAt(src, *at,
              "[languages." + code + "] has the base_url of [languages." + other + "], \"" + first.base_url +
                  "\"; give each language an address of its own, like \"" + config.base_url + code + "/\"",
              diags);
    }
}

// Reads site.toml, or says the folder is not a site.
std::optional<std::string> ReadSiteToml(const std::string& source_dir, Diagnostics& diags) {
  Diagnostics quiet;  // a missing site.toml gets its own message, below
  auto read = ReadSourceText(source_dir + "/site.toml", "site.toml", quiet, {source_dir, "the site"});
  if (read) return read;
  std::error_code ec;
  if (!std::filesystem::exists(source_dir + "/site.toml", ec))
    diags.Error({"site.toml"}, "cannot read site.toml in " + source_dir +
                                   "; is this a tandem site? (use --source to point at one)");
  else
    diags.AddAll(quiet.Sorted());
  return std::nullopt;
}

// site.toml's table with the command line's changes: site.<environment>.toml over it (its text
// kept in `environment_text` for messages), then --base-url, then serve's preview origin.
std::optional<toml::table> ParseWithOverrides(const std::string& source_dir, const ConfigOverrides& overrides,
                                              const TomlSource& src, std::string& environment_text,
                                              Diagnostics& diags) {
  auto table = ParseToml(src, diags);
  if (!table) return std::nullopt;
  if (!MergeEnvironment(source_dir, overrides.environment, *table, environment_text, diags) ||
      !ApplyBaseUrls(overrides.base_urls, *table, diags))
    return std::nullopt;
  ApplyPreviewOrigin(overrides.preview_origin, *table);
  return table;
}

void ReadSiteBase(const TomlSource& src, const toml::table& table, SiteConfig& config, Diagnostics& diags) {
  if (!table.get("base_url")) {
    diags.Error({"site.toml", 1, 1},
                "site.toml is missing \"base_url\", the site's absolute URL, like "
                "base_url = \"https://example.ca/\"",
                LineAt(src.text, 1));
    return;
  }
  auto base = ReadBaseUrl(src, table, diags);
  if (!base) return;
  config.base = *base;
  config.base_url = base->Text();
  config.root_path = base->path;
}

void ReadTheme(const TomlSource& src, const toml::table& table, SiteConfig& config, Diagnostics& diags) {
  auto theme = GetString(src, table, "theme", diags);
  if (!theme) return;
  config.theme = *theme;
  config.theme_pos = PosOf(src, table.get("theme")->source());
  config.theme_line = SourceLineOf(src, config.theme_pos);
}

void ReadSwitch(const TomlSource& src, const toml::table& table, std::string_view key, bool& out,
                Diagnostics& diags) {
  const toml::node* node = table.get(key);
  if (!node) return;
  if (node->is_boolean())
    out = **node->as_boolean();
  else
    ErrorAt(src, *node, "\"" + std::string(key) + "\" must be true or false", diags);
}

void ReadPageTimeout(const TomlSource& src, const toml::table& table, SiteConfig& config,
                     Diagnostics& diags) {
  const toml::node* timeout = table.get("page_timeout");
  if (!timeout) return;
  if (!timeout->is_integer() || **timeout->as_integer() < 1 || **timeout->as_integer() > 3600)
    ErrorAt(src, *timeout,
            "\"page_timeout\" must be a number of seconds from 1 to 3600, like page_timeout = 30", diags);
  else
    config.page_timeout = static_cast<int>(**timeout->as_integer());
}

void ReadSlugRule(const TomlSource& src, const toml::table& table, SiteConfig& config, Diagnostics& diags) {
  const toml::node* slugs = table.get("slugs");
  if (!slugs) return;
  auto rule = slugs->value<std::string>();
  if (rule == "hugo" || rule == "tandem")
    config.hugo_slugs = *rule == "hugo";
  else
    ErrorAt(src, *slugs,
            "\"slugs\" must be \"tandem\" (the default: punctuation becomes a hyphen) or \"hugo\" (Hugo's "
            "rule, for a site that keeps the URLs Hugo gave it)",
            diags);
}

// Everything in site.toml but its languages and taxonomies, in the order messages have always come.
void ReadSiteSettings(const TomlSource& src, const toml::table& table, const std::string& environment,
                      SiteConfig& config, Diagnostics& diags) {
  config.environment = environment;
  config.noindex = environment != "production";
  ReadPublishConfig(src, table, config.feeds, config.search, config.noindex, diags);
  CheckKeys(src, table, Joined(kSiteKeys, kIdentitySiteKeys), "site.toml", diags);
  ReadParams(src, table, "[params]", config.params, diags);
  ReadSiteBase(src, table, config, diags);
  ReadTheme(src, table, config, diags);
  ReadCurrency(src, table, config, diags);
  ReadSwitch(src, table, "allow_raw_html", config.allow_raw_html, diags);
  ReadPageTimeout(src, table, config, diags);
  ReadTimeZone(src, table, config, diags);
  ReadPageParams(src, table, config, diags);
  ReadSwitch(src, table, "ascii_urls", config.ascii_urls, diags);
  ReadSlugRule(src, table, config, diags);
  ReadPermalinks(src, table, "permalinks", config.ascii_urls, config.permalinks, diags);
  ReadChecksConfig(src, table, config.checks, diags);
  ReadIdentityConfig(src, table, config.identity, diags);
}

// [languages.<code>], by weight, then code; false when there are none.
bool ReadLanguages(const TomlSource& src, const toml::table& table, SiteConfig& config, Diagnostics& diags) {
  const toml::table* languages = table.get_as<toml::table>("languages");
  if (!languages || languages->empty()) {
    diags.Error({"site.toml", 1, 1}, "site.toml defines no languages; add [languages.en] and [languages.fr]",
                LineAt(src.text, 1));
    return false;
  }
  for (const auto& [code, value] : *languages) {
    const toml::table* t = value.as_table();
    if (!t) {
      ErrorAtKey(src, code, "[languages." + std::string(code.str()) + "] must be a table", diags);
      continue;
    }
    LanguageConfig lang;
    if (ReadLanguage(src, config, code, *t, lang, diags)) config.languages.push_back(std::move(lang));
  }
  std::stable_sort(config.languages.begin(), config.languages.end(),
                   [](const LanguageConfig& a, const LanguageConfig& b) {
                     return std::tie(a.weight, a.code) < std::tie(b.weight, b.code);
                   });
  CheckContentDirsApart(src, *languages, config, diags);
  CheckBaseUrlsApart(src, *languages, config, diags);
  return true;
}

}  // namespace

bool LoadConfig(const std::string& source_dir, SiteConfig& config, Diagnostics& diags) {
  return LoadConfig(source_dir, ConfigOverrides{}, config, diags);
}

bool LoadConfig(const std::string& source_dir, const ConfigOverrides& overrides, SiteConfig& config,
                Diagnostics& diags) {
  auto text = ReadSiteToml(source_dir, diags);
  if (!text) return false;
  TomlSource src{"site.toml", *text, 1, *text};
  size_t errors_before = diags.error_count();
  std::string environment_text;  // site.<environment>.toml, quoted by messages about its keys
  auto table = ParseWithOverrides(source_dir, overrides, src, environment_text, diags);
  if (!table) return false;
  config.fingerprint = Fingerprint(*table, overrides.environment);
  src.overlay = environment_text;
  ReadSiteSettings(src, *table, overrides.environment, config, diags);
  if (!ReadLanguages(src, *table, config, diags)) return false;
  ReadTaxonomies(src, *table, config.LanguageCodes(), config.taxonomies, diags);
  bool ok = diags.error_count() == errors_before;
  if (ok) AssignHosts(config);  // every base_url is usable
  return ok;
}

}  // namespace tandem
