#include "config/publish_config.hpp"

#include <filesystem>

#include "config/site_config.hpp"

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
    std::string origin, path;
    if (!url || !SplitUrl(*url, origin, path) || BaseUrlProblem(*url))
      ErrorAt(src, value, "external." + std::string(code.str()) + " must be an absolute http or https URL",
              diags);
    else
      search.external[std::string(code.str())] = *url;
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
  std::string origin, path;
  std::string problem;
  if (!SplitUrl(url, origin, path))
    problem = "\"" + url + "\" must be an absolute http or https URL, like \"https://staging.example.ca/\"";
  else if (auto bad = BaseUrlProblem(url))
    problem = *bad;
  if (problem.empty()) return true;
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
