#include "migrate/hugo_import.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "content/front_matter.hpp"
#include "migrate/hugo_config.hpp"
#include "migrate/hugo_pages.hpp"
#include "migrate/hugo_shortcodes.hpp"
#include "migrate/toml_writer.hpp"
#include "output/beneath.hpp"
#include "support/files.hpp"
#include "support/text.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

constexpr const char* kNoSetting = "tandem has no setting for it (docs/migrating-from-hugo.md)";
constexpr const char* kMarkupWhy =
    "tandem renders Markdown with cmark-gfm, GitHub's dialect, which has no such setting; "
    "only goldmark.renderer.unsafe carries over, as allow_raw_html";

// Why a Hugo setting has no place in site.toml, by its lower-case path; others get kNoSetting.
const std::map<std::string, std::string>& WhyNot() {
  static const std::map<std::string, std::string> why = {
      {"theme",
       "tandem's gc theme (Canada.ca) replaces the Hugo theme; Hugo layouts are not read, but for its "
       "shortcodes (written to shortcodes/)"},
      {"themesdir",
       "tandem's gc theme (Canada.ca) replaces the Hugo theme; Hugo layouts are not read, but for its "
       "shortcodes (written to shortcodes/)"},
      {"enablegitinfo",
       "nothing to set: tandem always dates pages by their last git commit (front matter modified wins)"},
      {"enablerobotstxt", "nothing to set: tandem always writes robots.txt"},
      {"sitemap", "nothing to set: tandem always writes sitemap.xml, with every page's translations"},
      {"languagename",
       "the language toggle's words come from the theme's UI strings (i18n/<code>.toml), not from here"},
      {"outputs", "tandem writes HTML pages, sitemap.xml and, with [feeds], Atom feeds; no other formats"},
      {"outputformats",
       "tandem writes HTML pages, sitemap.xml and, with [feeds], Atom feeds; no other formats"},
      {"paginate",
       "tandem pages a section's list when its _index.md says paginate = N (and sort); there is no "
       "site-wide setting"},
      {"pagination",
       "tandem pages a section's list when its _index.md says paginate = N (and sort); there is no "
       "site-wide setting"},
      {"uglyurls", "tandem writes every page as a folder with index.html"},
      {"canonifyurls", "tandem writes links from the site's root, under base_url's path"},
      {"relativeurls", "tandem writes links from the site's root, under base_url's path"},
      {"module", "Hugo modules are not read: copy the files the site needs into static/ or i18n/"},
      {"enableemoji", "tandem does not turn :emoji: codes into emoji"},
      {"languagedirection", "tandem writes every language left to right"},
      {"copyright", "the gc theme's footer shows the Government of Canada's terms, from its UI strings"},
      {"frontmatter",
       "tandem takes a page's dates from its front matter (date, lastmod, publishDate, expiryDate) and its "
       "git history; a date in a file name (:filename) is not read: give those pages a date"},
      {"summarylength",
       "a summary is front matter summary, the text before <!--more-->, else the first paragraph whole"},
  };
  return why;
}

std::string Why(const std::string& path) {
  std::string last = LowerKey(path.substr(path.rfind('.') == std::string::npos ? 0 : path.rfind('.') + 1));
  auto it = WhyNot().find(last);
  return it == WhyNot().end() ? kNoSetting : it->second;
}

bool IsAbsoluteUrl(const std::string& url) {
  return StartsWith(url, "http://") || StartsWith(url, "https://");
}

std::string WithSlash(std::string url) {
  if (url.empty() || url.back() != '/') url += '/';
  return url;
}

// "en-ca" -> "en-CA"; "en" -> "en-CA" and "fr" -> "fr-CA", the Government of Canada's.
std::string LocaleFor(const std::string& code, std::string given) {
  if (given.empty()) return code == "en" || code == "fr" ? code + "-CA" : code;
  std::replace(given.begin(), given.end(), '_', '-');
  size_t dash = given.find('-');
  std::string language = LowerKey(given.substr(0, dash));
  if (dash == std::string::npos) return language == "en" || language == "fr" ? language + "-CA" : language;
  std::string region = given.substr(dash + 1);
  if (region.size() == 2)
    for (char& c : region) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return language + "-" + region;
}

// "./content/en/" -> "content/en".
std::string PlainDir(std::string dir) {
  while (StartsWith(dir, "./")) dir.erase(0, 2);
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir;
}

// Hugo permalink tokens tandem has, and those that mean the same as one of them.
std::optional<std::string> TandemToken(const std::string& token) {
  static const std::map<std::string, std::string> same = {{":year", ":year"},
                                                          {":month", ":month"},
                                                          {":day", ":day"},
                                                          {":slug", ":slug"},
                                                          {":title", ":title"},
                                                          {":section", ":section"},
                                                          {":filename", ":filename"},
                                                          {":contentbasename", ":filename"},
                                                          {":slugorfilename", ":slugorfilename"},
                                                          {":slugorcontentbasename", ":slugorfilename"}};
  auto it = same.find(token);
  if (it == same.end()) return std::nullopt;
  return it->second;
}

struct Language {
  std::string code;
  const HugoValue* table = nullptr;  // [languages.<code>]; nullptr for a site with one language
  std::string content_dir;           // relative to the site: "content/en"
};

class Importer {
 public:
  Importer(std::string dir, const HugoConfig& config, std::set<std::string> shipped_shortcodes,
           Diagnostics& diags)
      : dir_(std::move(dir)),
        root_(config.root),
        config_file_(config.files.front()),
        diags_(diags),
        shipped_shortcodes_(std::move(shipped_shortcodes)) {}

  std::optional<std::string> Run() {
    size_t errors = diags_.error_count();
    default_code_ = LowerKey(root_.Text("defaultContentLanguage"));
    if (default_code_.empty()) default_code_ = "en";
    ReadLanguages();
    if (languages_.empty()) return std::nullopt;
    ReadContentDirs();
    ScanFrontMatterKeys();
    NoteHugoPageKeys();
    std::string taxonomies = Taxonomies();
    std::string top = TopSettings() + PageParams();
    std::string params = ParamsTable("params", root_.Get("params"));
    std::string permalinks = Permalinks("permalinks", "permalinks", root_.Get("permalinks"));
    std::string langs;
    for (const Language& lang : languages_) langs += (langs.empty() ? "" : "\n") + LanguageTables(lang);
    NoteOtherSettings();
    CarryShortcodes();
    if (diags_.error_count() != errors) return std::nullopt;
    std::string out =
        "# site.toml for tandem, written by `tandem import hugo` from the Hugo configuration.\n";
    out += "# Hugo settings with no equivalent are listed at the end.\n\n" + top;
    for (const std::string& part : {params, permalinks, taxonomies, langs})
      if (!part.empty()) out += "\n" + part;
    if (!not_carried_.empty()) {
      out += "\n# Not carried over (tandem import printed these as notes):\n";
      for (const std::string& line : not_carried_) out += "#   " + line + "\n";
    }
    return out;
  }

 private:
  void Note(const HugoValue& at, const std::string& path, const std::string& why) {
    diags_.Note(at.pos, path + ": " + why, at.line);
    std::string where = at.pos.path;
    if (at.pos.line) where += ":" + std::to_string(at.pos.line) + ":" + std::to_string(at.pos.column);
    not_carried_.push_back(where + ": " + path + ": " + why);
  }

  void Error(const HugoValue& at, const std::string& message) { diags_.Error(at.pos, message, at.line); }

  // ---- languages ----

  void ReadLanguages() {
    std::set<std::string> disabled;
    if (const HugoValue* list = root_.Get("disableLanguages"))
      for (const HugoValue& item : list->items) disabled.insert(LowerKey(item.text));
    const HugoValue* table = root_.Get("languages");
    if (!table || !table->IsTable() || table->fields.empty()) {
      languages_.push_back({default_code_, nullptr, ""});
      return;
    }
    std::vector<std::pair<int, Language>> weighted;
    for (const auto& [key, value] : table->fields) {
      std::string code = LowerKey(key);
      if (!value.IsTable()) {
        Error(value, "languages." + key + " must be a table of the language's settings");
        continue;
      }
      if (disabled.count(code) || value.Text("disabled") == "true") {
        Note(value, "languages." + key, "the language is disabled in Hugo; it is left out");
        continue;
      }
      if (!std::regex_match(code, std::regex("[a-z][a-z0-9-]*"))) {
        Error(value, "language code \"" + key +
                         "\" must be letters, digits and hyphens, starting with a letter, like \"en\"; "
                         "tandem uses it in folder names and URLs");
        continue;
      }
      std::string weight = value.Text("weight");
      weighted.push_back({weight.empty() ? 0 : std::atoi(weight.c_str()), Language{code, &value, ""}});
    }
    std::stable_sort(weighted.begin(), weighted.end(), [](const auto& a, const auto& b) {
      return std::tie(a.first, a.second.code) < std::tie(b.first, b.second.code);
    });
    for (auto& [weight, lang] : weighted) languages_.push_back(std::move(lang));
  }

  // A language's setting, else the site's (Hugo's languages inherit the root's settings).
  const HugoValue* Setting(const Language& lang, std::string_view key) const {
    if (lang.table)
      if (const HugoValue* v = lang.table->Get(key)) return v;
    return root_.Get(key);
  }

  std::string SettingText(const Language& lang, std::string_view key) const {
    const HugoValue* v = Setting(lang, key);
    return v && v->IsScalar() ? v->text : "";
  }

  // ---- content folders ----

  void ReadContentDirs() {
    for (Language& lang : languages_) {
      const HugoValue* dir = Setting(lang, "contentDir");
      lang.content_dir = dir && dir->IsScalar() ? PlainDir(dir->text) : "content";
      if (!IsPlainRelativePath(lang.content_dir)) {
        Error(*dir, "contentDir \"" + dir->text +
                        "\" leaves the Hugo site's folder; tandem reads only inside "
                        "it: name a folder inside content/, without \"..\"");
        lang.content_dir = "content";  // nothing is read from where it points
        continue;
      }
      if (lang.content_dir != "content" && !StartsWith(lang.content_dir, "content/")) {
        Error(*dir, "contentDir \"" + dir->text +
                        "\" is outside content/, the only folder tandem reads pages from; move the folder "
                        "into content/ (git mv " +
                        lang.content_dir + " content/" + lang.content_dir +
                        ") and change contentDir to match, then import again");
        continue;
      }
      std::error_code ec;
      if (dir && !fs::is_directory(fs::path(dir_) / lang.content_dir, ec))
        Note(*dir,
             (lang.table && lang.table->Get("contentDir") ? "languages." + lang.code + "." : std::string()) +
                 "contentDir",
             "the folder " + lang.content_dir + " does not exist; tandem will find no pages there");
    }
  }

  bool SharesContentDir(const Language& lang) const {
    return std::count_if(languages_.begin(), languages_.end(),
                         [&](const Language& l) { return l.content_dir == lang.content_dir; }) > 1;
  }

  // The content file a menu's pageRef or url names, as a path in the language's folder without a
  // language suffix ("about.md", "news/_index.md", "_index.html"); nullopt when there is none.
  std::optional<std::string> ContentFile(const Language& lang, std::string ref) const {
    ref = ref.substr(0, ref.find_first_of("#?"));
    while (StartsWith(ref, "/")) ref.erase(0, 1);
    while (!ref.empty() && ref.back() == '/') ref.pop_back();
    std::vector<std::string> bases;
    if (EndsWith(ref, ".md") || EndsWith(ref, ".html"))
      bases = {ref.substr(0, ref.rfind('.'))};
    else if (ref.empty())
      bases = {"_index"};
    else
      bases = {ref, ref + "/_index", ref + "/index"};
    bool shared = SharesContentDir(lang);
    std::error_code ec;
    for (const std::string& base : bases)
      for (const char* ext : {".md", ".html"}) {
        std::vector<std::string> names = {base + ext};
        if (shared) names = {base + "." + lang.code + ext};
        if (shared && lang.code == default_code_) names.push_back(base + ext);
        for (const std::string& name : names)
          if (fs::is_regular_file(fs::path(dir_) / lang.content_dir / name, ec)) return base + ext;
      }
    return std::nullopt;
  }

  // ---- front matter ----

  // The top-level front matter keys tandem does not read, from every page of every language: the
  // site's own (page_params), and Hugo's default taxonomies when the site has no [taxonomies].
  void ScanFrontMatterKeys() {
    std::set<std::string> dirs;
    for (const Language& lang : languages_) dirs.insert(lang.content_dir);
    for (const std::string& dir : dirs)
      for (const std::string& name : HugoContentFiles(fs::path(dir_) / dir)) {
        std::string rel = dir + "/" + name, text;
        try {
          text = NormalizeSource(ReadFileInside((fs::path(dir_) / rel).string(), dir_));
        } catch (const IoError&) {
          continue;  // the build reports a file it cannot read
        }
        for (const OwnKey& own : OwnKeysOf(rel, text, {})) {
          KeyUse& use = own_keys_[LowerKey(own.key)];
          if (use.spelling.empty() || own.key < use.spelling) use.spelling = own.key;  // whatever the order
          if (use.files++ == 0) use.first = {rel, own.line, 1}, use.first_line = LineAt(text, own.line);
        }
      }
  }

  // Hugo front matter keys with a meaning tandem does not give them: declared like the site's own
  // (templates still read them), each with a note at its first use, so nothing is lost unsaid.
  void NoteHugoPageKeys() {
    static const std::map<std::string, std::string> why = {
        {"menu",
         "a page's own menu entries are not read: add them to site.toml's [[languages.<code>.menu.main]]"},
        {"menus",
         "a page's own menu entries are not read: add them to site.toml's [[languages.<code>.menu.main]]"},
        {"cascade", "values a section cascades to its pages are not applied: write them on each page"},
        {"headless", "every page is published: a headless page is not kept out"},
        {"build",
         "build options (render, list, publishResources) are not read: every page is published and listed"},
        {"linktitle", "menus and lists show the page's title"},
        {"outputs", "tandem writes each page as HTML only"},
        {"type", "tandem chooses a page's template by its layout only"},
        {"sitemap", "every page is in the sitemap, with its translations"},
        {"markup", "every page's Markdown is rendered by cmark-gfm"},
    };
    for (const auto& [lower, use] : own_keys_) {
      auto it = why.find(lower);
      if (it == why.end()) continue;
      size_t n = use.files - 1;
      std::string others = n ? " (and " + std::to_string(n) + " other file" + (n == 1 ? ")" : "s)") : "";
      Note(HugoValue(HugoValue::Kind::kNull, use.first, use.first_line),
           "front matter " + use.spelling + others, it->second);
    }
  }

  // page_params = [...]: the keys found, less those taxonomies read.
  std::string PageParams() const {
    std::string list;
    for (const auto& [lower, use] : own_keys_)
      if (!taxonomy_keys_.count(lower)) list += (list.empty() ? "" : ", ") + TomlString(use.spelling);
    if (list.empty()) return "";
    return "# Front matter keys of the site's own, found in its pages; templates read them as "
           "page.params.<key>.\n"
           "# Any other key tandem does not know is an error, as a misspelt one would be.\n"
           "page_params = [" +
           list + "]\n";
  }

  // [taxonomies], as Hugo's: singular = "plural". Without one, Hugo makes tags and categories,
  // unless disableKinds turns taxonomies off; only those the pages use are written.
  std::string Taxonomies() {
    std::vector<std::pair<std::string, std::string>> named;  // singular, plural
    const HugoValue* table = root_.Get("taxonomies");
    if (table && table->IsTable()) {
      for (const auto& [singular, plural] : table->fields)
        if (plural.IsScalar() && !plural.text.empty())
          named.push_back({singular, LowerKey(plural.text)});
        else
          Note(plural, "taxonomies." + singular,
               "a taxonomy must name its front matter key, like tag = \"tags\"");
    } else if (!TaxonomiesDisabled()) {
      for (const auto& [singular, plural] :
           {std::pair<std::string, std::string>{"category", "categories"}, {"tag", "tags"}})
        if (own_keys_.count(plural)) named.push_back({singular, plural});
    }
    for (const Language& lang : languages_)
      if (const HugoValue* own = lang.table ? lang.table->Get("taxonomies") : nullptr)
        Note(*own, "languages." + lang.code + ".taxonomies",
             "tandem's taxonomies are the site's; a language gives each its own URL segment and title "
             "in [taxonomies.<name>] (README, Taxonomies)");
    std::string out;
    for (const auto& [singular, plural] : named) {
      taxonomy_keys_.insert(plural);
      if (plural == "tags" || plural == "categories") {  // the gc theme has their titles
        out += TomlKey(singular) + " = " + TomlString(plural) + "\n";
        continue;
      }
      std::string title = plural;
      title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
      std::string titles;
      for (const Language& lang : languages_)
        titles += (titles.empty() ? "" : ", ") + TomlKey(lang.code) + " = " + TomlString(title);
      out += "\n[taxonomies." + TomlKey(singular) + "]\nkey = " + TomlString(plural) + "\ntitle = { " +
             titles + " }  # made from the key: write each language's title\n";
    }
    return out.empty() ? "" : "[taxonomies]\n" + out;
  }

  bool TaxonomiesDisabled() const {
    const HugoValue* kinds = root_.Get("disableKinds");
    if (!kinds) return false;
    for (const HugoValue& kind : kinds->items) {
      std::string k = LowerKey(kind.text);
      if (k == "taxonomy" || k == "term" || k == "taxonomyterm") return true;
    }
    return false;
  }

  // ---- the site's own settings ----

  std::string TopSettings() {
    std::string out;
    std::string base = root_.Text("baseURL");
    const HugoValue* base_at = root_.Get("baseURL");
    if (!IsAbsoluteUrl(base)) {
      // A site on one host per language may leave the root's empty: the default language's host.
      for (const Language& lang : languages_)
        if (lang.table && IsAbsoluteUrl(lang.table->Text("baseURL")) &&
            (base.empty() || lang.code == default_code_))
          base = lang.table->Text("baseURL"), base_at = lang.table->Get("baseURL");
    }
    if (!IsAbsoluteUrl(base)) {
      HugoValue file_start(HugoValue::Kind::kNull, {config_file_, 1, 1}, "");
      Error(base_at ? *base_at : file_start,
            "tandem needs the site's absolute address: set baseURL = \"https://www.example.gc.ca/\" in the "
            "Hugo "
            "configuration, then import again");
      return out;
    }
    site_base_ = WithSlash(base);
    out += "base_url = " + TomlString(site_base_) + "\n";
    out += "theme = \"gc\"  # tandem's Canada.ca theme\n";
    out += "slugs = \"hugo\"  # file names and titles become URLs as Hugo made them\n";
    if (const HugoValue* unsafe = Markup("goldmark", "renderer", "unsafe"))
      out += std::string("allow_raw_html = ") + (unsafe->text == "true" ? "true" : "false") +
             "  # markup.goldmark.renderer.unsafe\n";
    std::string zone = root_.Text("timeZone");
    if (!zone.empty()) out += "timezone = " + TomlString(zone) + "\n";
    if (root_.Text("removePathAccents") != "true" && ContentNamesHaveAccents())
      out += "ascii_urls = false  # Hugo kept the accents of file and folder names in their URLs\n";
    bool by_file_name = std::any_of(languages_.begin(), languages_.end(),
                                    [&](const Language& l) { return SharesContentDir(l); });
    if (default_code_ != "en" || by_file_name)
      out += "translation_source = " + TomlString(default_code_) +
             "  # defaultContentLanguage: translations are made from it" +
             (by_file_name ? "; a file without .<code>.md is in it" : "") + "\n";
    return out;
  }

  // Whether a content file or folder is named with letters beyond ASCII, which Hugo keeps in URLs.
  bool ContentNamesHaveAccents() const {
    for (const Language& lang : languages_) {
      std::error_code ec;
      for (auto it = fs::recursive_directory_iterator(fs::path(dir_) / lang.content_dir, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (std::any_of(name.begin(), name.end(),
                        [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
          return true;
      }
    }
    return false;
  }

  const HugoValue* Markup(std::string_view a, std::string_view b, std::string_view c) const {
    const HugoValue* v = root_.Get("markup");
    for (std::string_view key : {a, b, c}) v = v && v->IsTable() ? v->Get(key) : nullptr;
    return v;
  }

  std::string ParamsTable(const std::string& header, const HugoValue* params) const {
    if (!params || !params->IsTable() || params->fields.empty()) return "";
    return TomlTable(header, *params);
  }

  // [permalinks] or [languages.<code>.permalinks]: `path` is where Hugo's table is, for notes.
  std::string Permalinks(const std::string& header, const std::string& path, const HugoValue* table) {
    if (!table || !table->IsTable()) return "";
    std::string out;
    for (const auto& [key, value] : table->fields) {
      if (value.IsTable() && LowerKey(key) == "page") {
        for (const auto& [section, pattern] : value.fields)
          out += Permalink(path + ".page." + section, section, pattern);
      } else if (value.IsTable()) {
        Note(value, path + "." + key, "tandem's permalinks are for pages of a section; " + key + " has none");
      } else {
        out += Permalink(path + "." + key, key, value);
      }
    }
    return out.empty() ? "" : "[" + header + "]\n" + out;
  }

  std::string Permalink(const std::string& path, const std::string& section, const HugoValue& pattern) {
    std::string mapped, text = pattern.text;
    static const std::regex token(R"(:[A-Za-z_]+(\[[^\]]*\])?)");
    size_t at = 0;
    for (std::sregex_iterator it(text.begin(), text.end(), token), end; it != end; ++it) {
      auto tandem = TandemToken(it->str());
      if (!tandem) {
        Note(
            pattern, path,
            "tandem's permalinks have :year, :month, :day, :slug, :title, :filename, :slugorfilename and "
            ":section, not " +
                it->str() +
                "; the section keeps tandem's URLs (set url in front matter where a page must keep its own)");
        return "";
      }
      mapped += text.substr(at, it->position() - at) + *tandem;
      at = it->position() + it->length();
    }
    return TomlKey(section) + " = " + TomlString(mapped + text.substr(at)) + "\n";
  }

  // ---- one language ----

  std::string LanguageTables(const Language& lang) {
    std::string header = "languages." + TomlKey(lang.code);
    std::string out = "[" + header + "]\n";
    const HugoValue* given = lang.table ? lang.table->Get("locale") : nullptr;
    if (!given && lang.table) given = lang.table->Get("languageCode");
    if (!given && lang.code == default_code_) given = root_.Get("languageCode");  // the site's own language
    out +=
        "locale = " + TomlString(LocaleFor(lang.code, given && given->IsScalar() ? given->text : "")) + "\n";
    std::string title = SettingText(lang, "title");
    if (title.empty())
      Error(lang.table ? *lang.table : root_, "the Hugo site has no title for \"" + lang.code +
                                                  "\"; set title in its configuration, then import again");
    out += "title = " + TomlString(title) + "\n";
    out += "creator = " + TomlString(Creator(lang, title)) + "\n";
    if (const HugoValue* weight = lang.table ? lang.table->Get("weight") : nullptr)
      out += Weight(*weight, "languages." + lang.code + ".weight");
    std::string base = lang.table ? lang.table->Text("baseURL") : "";
    if (IsAbsoluteUrl(base)) out += "base_url = " + TomlString(WithSlash(base)) + "\n";
    if (lang.content_dir != "content/" + lang.code)
      out += "content_dir = " + TomlString(lang.content_dir) + "\n";
    std::string params = lang.table ? ParamsTable(header + ".params", lang.table->Get("params")) : "";
    if (!params.empty()) out += "\n" + params;
    std::string permalinks =
        lang.table ? Permalinks(header + ".permalinks", "languages." + lang.code + ".permalinks",
                                lang.table->Get("permalinks"))
                   : "";
    if (!permalinks.empty()) out += "\n" + permalinks;
    out += Menus(lang, header);
    if (lang.table) NoteLanguageSettings(lang);
    return out;
  }

  // "weight = 10\n"; a weight that is not a whole number is left out, with a note.
  std::string Weight(const HugoValue& weight, const std::string& path) {
    if (weight.kind == HugoValue::Kind::kInteger) return "weight = " + weight.text + "\n";
    Note(weight, path, "a weight must be a whole number; it is left out");
    return "";
  }

  // dcterms.creator: the department. Hugo has no such setting; params often say it.
  std::string Creator(const Language& lang, const std::string& title) {
    for (const HugoValue* params : {lang.table ? lang.table->Get("params") : nullptr, root_.Get("params")}) {
      if (!params || !params->IsTable()) continue;
      for (const char* key : {"creator", "department", "organization", "organisation", "author"}) {
        const HugoValue* v = params->Get(key);
        if (v && v->IsTable()) v = v->Get("name");
        if (v && v->kind == HugoValue::Kind::kString && !v->text.empty()) return v->text;
      }
    }
    const HugoValue& at = lang.table ? *lang.table : root_;
    Note(at, "languages." + lang.code + ".creator",
         "the Hugo site does not name its department (params.creator or params.author); the site's title "
         "stands in for it in site.toml's creator, which the gc theme writes as dcterms.creator: write the "
         "department's name there");
    return title;
  }

  const HugoValue* MenusOf(const HugoValue* table) const {
    if (!table) return nullptr;
    const HugoValue* menus = table->Get("menus");
    return menus ? menus : table->Get("menu");
  }

  std::string Menus(const Language& lang, const std::string& header) {
    const HugoValue* menus = MenusOf(lang.table);
    if (!menus) menus = MenusOf(&root_);  // the site's menus serve every language without its own
    if (!menus || !menus->IsTable()) return "";
    std::string out;
    const HugoValue* owner = lang.table && MenusOf(lang.table) ? lang.table : &root_;
    std::string prefix =
        (owner == &root_ ? "" : "languages." + lang.code + ".") + (owner->Get("menus") ? "menus." : "menu.");
    for (const auto& [name, entries] : menus->fields) {
      if (LowerKey(name) != "main") {
        if (lang.code == languages_.front().code || MenusOf(lang.table))
          Note(entries, prefix + name,
               "the gc theme shows one menu, main; add these links to a page or the theme");
        continue;
      }
      for (const HugoValue& entry : entries.items)
        if (entry.IsTable()) out += MenuEntry(lang, header, prefix + name, entry);
    }
    return out;
  }

  std::string MenuEntry(const Language& lang, const std::string& header, const std::string& path,
                        const HugoValue& entry) {
    std::string name = entry.Text("name");
    std::string ref = entry.Text("pageRef"), url = entry.Text("url");
    if (name.empty()) {
      Note(entry, path, "an entry without a name is left out: tandem's menu entries need a title");
      return "";
    }
    std::string out = "\n[[" + header + ".menu.main]]\ntitle = " + TomlString(name) + "\n";
    std::optional<std::string> file = ref.empty() ? std::nullopt : ContentFile(lang, ref);
    if (!file && !url.empty() && !IsAbsoluteUrl(url) && !StartsWith(url, "//")) {
      file = PageWithUrl(lang, url);
      if (!file) file = ContentFile(lang, url);
      if (!file && StartsWith(url, "/" + lang.code + "/"))
        file = ContentFile(lang, url.substr(lang.code.size() + 1));
    }
    if (file)
      out += "page = " + TomlString(*file) + "\n";
    else if (!url.empty())
      out += "url = " + TomlString(url) + "\n";
    else
      out += "url = " + TomlString(ref) + "\n";
    if (!ref.empty() && !file)
      Note(entry, path + "." + name,
           "pageRef \"" + ref + "\" names no file in " + lang.content_dir +
               "/; it is written as a url: check it");
    if (const HugoValue* weight = entry.Get("weight")) out += Weight(*weight, path + "." + name + ".weight");
    for (const auto& [key, value] : entry.fields) {
      std::string k = LowerKey(key);
      // identifier names an entry for another's parent; tandem's menus are flat, and parent says so.
      if (k != "name" && k != "pageref" && k != "url" && k != "weight" && k != "identifier")
        Note(value, path + "." + name + "." + key,
             "tandem's menu entries have title, page or url, and weight only");
    }
    return out;
  }

  // The page whose front matter url is `url` in the language: Hugo sites move French pages so.
  std::optional<std::string> PageWithUrl(const Language& lang, const std::string& url) {
    auto [known, added] = pages_by_url_.try_emplace(lang.code);
    if (added) {
      HugoLanguageFolder folder{lang.code, lang.content_dir, {}, lang.code == default_code_};
      if (SharesContentDir(lang))
        for (const Language& l : languages_) folder.sharing.push_back(l.code);
      known->second = PagesByUrl(dir_, folder);
    }
    auto page = known->second.find(UrlKey(url, lang.code));
    if (page == known->second.end()) return std::nullopt;
    return page->second;
  }

  void NoteLanguageSettings(const Language& lang) {
    static const std::set<std::string> used = {"languagecode", "locale", "weight", "title", "baseurl",
                                               "contentdir",   "params", "menu",   "menus", "disabled",
                                               "permalinks"};
    for (const auto& [key, value] : lang.table->fields)
      if (!used.count(LowerKey(key))) Note(value, "languages." + lang.code + "." + key, Why(key));
  }

  // ---- what is left ----

  void NoteOtherSettings() {
    static const std::set<std::string> used = {"baseurl",
                                               "title",
                                               "languagecode",
                                               "defaultcontentlanguage",
                                               "languages",
                                               "params",
                                               "menu",
                                               "menus",
                                               "permalinks",
                                               "markup",
                                               "timezone",
                                               "contentdir",
                                               "removepathaccents",
                                               "disablelanguages",
                                               "taxonomies"};
    NoteDefaultLanguageAtRoot();
    NoteEnvironmentFolders();
    for (const auto& [key, value] : root_.fields) {
      std::string k = LowerKey(key);
      if (k == "defaultcontentlanguageinsubdir") continue;
      if (k == "markup" && value.IsTable()) {
        NoteMarkup(value);
        continue;
      }
      if (!used.count(k)) Note(value, key, Why(key));
    }
  }

  // On one host, Hugo serves the default language at the root unless told otherwise; tandem
  // serves every language under /<code>/, with the splash page at the root.
  void NoteDefaultLanguageAtRoot() {
    const HugoValue* in_subdir = root_.Get("defaultContentLanguageInSubdir");
    bool own_hosts = std::any_of(languages_.begin(), languages_.end(), [](const Language& l) {
      return l.table && IsAbsoluteUrl(l.table->Text("baseURL"));
    });
    if (languages_.size() < 2 || own_hosts || (in_subdir && in_subdir->text == "true")) return;
    HugoValue file_start(HugoValue::Kind::kNull, {config_file_, 1, 1}, "");
    Note(in_subdir ? *in_subdir : file_start, "defaultContentLanguageInSubdir",
         "Hugo serves the " + default_code_ + " pages at the site's root; tandem serves them under /" +
             default_code_ +
             "/ with a bilingual splash page at the root: redirect the old URLs, or give [languages." +
             default_code_ + "] a base_url of its own");
  }

  // config/production/ and the like change settings for one environment; only _default is read.
  void NoteEnvironmentFolders() {
    std::error_code ec;
    std::vector<std::string> folders;
    for (const auto& entry : fs::directory_iterator(fs::path(dir_) / "config", ec))
      if (entry.is_directory() && entry.path().filename() != "_default")
        folders.push_back(entry.path().filename().string());
    std::sort(folders.begin(), folders.end());
    for (const std::string& name : folders) {
      HugoValue at(HugoValue::Kind::kNull, {"config/" + name + "/"}, "");
      Note(at, "config/" + name,
           "settings for one environment are not read; put them in site." + name +
               ".toml, read by tandem build --environment " + name + " (docs/deploy.md)");
    }
  }

  // Every markup setting but goldmark.renderer.unsafe.
  void NoteMarkup(const HugoValue& markup) {
    for (const auto& [key, value] : markup.fields) {
      if (LowerKey(key) != "goldmark" || !value.IsTable()) {
        Note(value, "markup." + key, kMarkupWhy);
        continue;
      }
      for (const auto& [gkey, gvalue] : value.fields) {
        if (LowerKey(gkey) != "renderer" || !gvalue.IsTable()) {
          Note(gvalue, "markup.goldmark." + gkey, kMarkupWhy);
          continue;
        }
        for (const auto& [rkey, rvalue] : gvalue.fields)
          if (LowerKey(rkey) != "unsafe") Note(rvalue, "markup.goldmark.renderer." + rkey, kMarkupWhy);
      }
    }
  }

  // ---- shortcodes ----

 public:
  const std::vector<HugoShortcodeFile>& shortcodes() const { return shortcodes_; }

 private:
  // The Hugo site's own shortcodes, as Mustache; a note for each written as a starter or left out.
  void CarryShortcodes() {
    std::vector<std::string> codes;
    for (const Language& lang : languages_) codes.push_back(lang.code);
    HugoShortcodes found = HugoShortcodesOf(dir_, HugoThemeFolders(), codes, shipped_shortcodes_);
    for (const HugoShortcodeFile& file : found.files)
      if (file.mustache.stopped_at)
        Note(HugoValue(HugoValue::Kind::kNull, *file.mustache.stopped_at, file.mustache.stopped_line),
             "shortcodes/" + file.name + ".mustache",
             "written as a starter that shows the inner content alone: " + file.mustache.why +
                 "; finish it by hand (docs/shortcodes.md)");
    for (const HugoShortcodeSkipped& skipped : found.skipped)
      Note(HugoValue(HugoValue::Kind::kNull, {skipped.shown}, ""), "shortcodes/" + skipped.name, skipped.why);
    for (const HugoShortcodeSkipped& refused : found.refused)
      diags_.Error({refused.shown}, "symbolic link to " + refused.why +
                                        " points outside the Hugo site; tandem does not follow it. Copy the "
                                        "file in instead");
    shortcodes_ = std::move(found.files);
  }

  // The Hugo theme's folders ("themes/ananke"), whose shortcodes the site's own override.
  // One that would leave the Hugo site's folder ("..", an absolute path) is an error at its line.
  std::vector<std::string> HugoThemeFolders() {
    std::string themes_dir = PlainDir(root_.Text("themesDir"));
    if (themes_dir.empty()) themes_dir = "themes";
    std::vector<const HugoValue*> names;
    const HugoValue* theme = root_.Get("theme");
    if (theme && theme->IsScalar() && !theme->text.empty()) names.push_back(theme);
    if (theme && theme->kind == HugoValue::Kind::kArray)
      for (const HugoValue& item : theme->items)
        if (item.IsScalar() && !item.text.empty()) names.push_back(&item);
    std::vector<std::string> out;
    for (const HugoValue* name : names) {
      std::string folder = themes_dir + "/" + name->text;
      if (IsPlainRelativePath(folder)) {
        out.push_back(folder);
        continue;
      }
      const HugoValue* themes = root_.Get("themesDir");
      bool themes_bad = !IsPlainRelativePath(themes_dir);
      Error(themes_bad && themes ? *themes : *name,
            std::string(themes_bad ? "themesDir" : "theme") + " \"" + (themes_bad ? themes_dir : name->text) +
                "\" leaves the Hugo site's folder; tandem reads only inside it: copy the theme into themes/");
      if (themes_bad) break;
    }
    return out;
  }

  std::string dir_;
  const HugoValue& root_;
  std::string config_file_;  // the first file read, where a missing setting is reported
  Diagnostics& diags_;
  std::string default_code_;
  std::vector<Language> languages_;
  std::string site_base_;
  std::vector<std::string> not_carried_;
  // A front matter key tandem does not read, as the site's pages use it.
  struct KeyUse {
    std::string spelling;  // of its spellings ("Author", "author"), the first in byte order
    size_t files = 0;
    SourcePos first;         // in the first file by path, from the Hugo site's folder
    std::string first_line;  // that line
  };
  std::map<std::string, KeyUse> own_keys_;    // by lower case
  std::set<std::string> taxonomy_keys_;       // the plural keys [taxonomies] reads
  std::set<std::string> shipped_shortcodes_;  // tandem's own: a Hugo one of the name is left out
  std::vector<HugoShortcodeFile> shortcodes_;
  std::map<std::string, std::map<std::string, std::string>> pages_by_url_;  // by language, PagesByUrl
};

struct Imported {
  std::string site_toml;
  std::vector<HugoShortcodeFile> shortcodes;
};

// `site_dir` is where site.toml goes, whose theme's shortcodes count as tandem's.
std::optional<Imported> ImportFromHugo(const std::string& hugo_dir, const std::string& site_dir,
                                       Diagnostics& diags) {
  auto config = ReadHugoConfig(hugo_dir, diags);
  if (!config) return std::nullopt;
  Importer importer(hugo_dir, *config, ShippedShortcodeNames(site_dir, "gc"), diags);
  auto toml = importer.Run();
  if (!toml) return std::nullopt;
  return Imported{*toml, importer.shortcodes()};
}

}  // namespace

std::optional<std::string> SiteTomlFromHugo(const std::string& hugo_dir, Diagnostics& diags) {
  auto imported = ImportFromHugo(hugo_dir, hugo_dir, diags);
  if (!imported) return std::nullopt;
  return imported->site_toml;
}

std::optional<HugoImportResult> ImportHugoSite(const HugoImportRequest& request, Diagnostics& diags) {
  std::string out_dir = request.output_dir.empty() ? request.hugo_dir : request.output_dir;
  std::string target = (fs::path(out_dir) / "site.toml").string();
  struct stat st;  // a link, even a dangling one, is something already here
  if (lstat(target.c_str(), &st) == 0 && !request.force) {
    diags.Error({target},
                "a site.toml is already here; tandem import hugo does not replace it (--force "
                "does, or --output writes the new one elsewhere)");
    return std::nullopt;
  }
  auto imported = ImportFromHugo(request.hugo_dir, out_dir, diags);
  if (!imported) return std::nullopt;
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  // The folder named on the command line is the user's; inside it no link is followed.
  auto shortcodes = WriteHugoShortcodes(imported->shortcodes, out_dir, request.force, diags);
  if (!shortcodes) return std::nullopt;
  if (!WriteFileBeneath(OpenNamedDir(out_dir), "site.toml", imported->site_toml)) {
    diags.Error({target}, "cannot write: " + WriteFailure(errno, "the site"));
    return std::nullopt;
  }
  return HugoImportResult{target, *shortcodes};
}

}  // namespace tandem
