#include "config/identity_config.hpp"

#include <climits>

#include "support/url/url_policy.hpp"

namespace tandem {

const std::vector<std::string> kIdentitySiteKeys = {
    "identity", "missing_translation", "title_max_length", "description_max_length", "share", "feedback",
    "analytics"};
const std::vector<std::string> kIdentityLanguageKeys = {"title_suffix", "search_action",    "search_param",
                                                        "breadcrumbs",  "footer_title",     "footer_links",
                                                        "typography",   "curly_apostrophes"};

namespace {

// One of `choices`, or an error naming them all; nullopt when absent or wrong.
std::optional<std::string> GetChoice(const TomlSource& src, const toml::table& t, std::string_view key,
                                     const std::vector<std::string>& choices, Diagnostics& diags) {
  auto value = GetString(src, t, key, diags);
  if (!value) return std::nullopt;
  for (const std::string& c : choices)
    if (*value == c) return value;
  std::string list;
  for (const std::string& c : choices) list += (list.empty() ? "\"" : " or \"") + c + "\"";
  ErrorAt(src, *t.get(key), "\"" + std::string(key) + "\" must be " + list, diags);
  return std::nullopt;
}

void GetBool(const TomlSource& src, const toml::table& t, std::string_view key, bool& out,
             Diagnostics& diags) {
  const toml::node* n = t.get(key);
  if (!n) return;
  if (n->is_boolean())
    out = **n->as_boolean();
  else
    ErrorAt(src, *n, "\"" + std::string(key) + "\" must be true or false", diags);
}

void GetLength(const TomlSource& src, const toml::table& t, std::string_view key, size_t& out,
               Diagnostics& diags) {
  const toml::node* n = t.get(key);
  if (!n) return;
  if (n->is_integer() && **n->as_integer() >= 1 && **n->as_integer() <= 10000)
    out = static_cast<size_t>(**n->as_integer());
  else
    ErrorAt(src, *n, "\"" + std::string(key) + "\" must be a number of characters from 1 to 10000", diags);
}

// A table of string keys (like [analytics]): each key read into its string.
const toml::table* GetTable(const TomlSource& src, const toml::table& t, std::string_view key,
                            const std::vector<std::string>& keys, Diagnostics& diags) {
  const toml::node* n = t.get(key);
  if (!n) return nullptr;
  const toml::table* table = n->as_table();
  if (!table) {
    ErrorAt(src, *n, "[" + std::string(key) + "] must be a table", diags);
    return nullptr;
  }
  CheckKeys(src, *table, keys, "[" + std::string(key) + "]", diags);
  return table;
}

// The string `key`, an address the URL policy allows (support/url/url_policy.hpp), as it cleans
// it; its problem at its place otherwise.
std::optional<std::string> GetUrl(const TomlSource& src, const toml::table& t, std::string_view key,
                                  Diagnostics& diags) {
  auto url = GetString(src, t, key, diags);
  if (!url) return std::nullopt;
  std::string problem;
  auto clean = CleanUrl(*url, problem);
  if (!clean) ErrorAt(src, *t.get(key), problem, diags);
  return clean;
}

// breadcrumbs = [{ title = "...", url = "https://..." }, ...]
void GetLinks(const TomlSource& src, const toml::table& t, std::string_view key,
              const std::string& table_name, std::vector<LinkConfig>& out, Diagnostics& diags) {
  const toml::node* n = t.get(key);
  if (!n) return;
  const toml::array* list = n->as_array();
  std::string usage = table_name + " " + std::string(key) +
                      " must be a list of links, like [{ title = \"Public Safety Canada\", url = "
                      "\"https://www.publicsafety.gc.ca/\" }]";
  if (!list) return ErrorAt(src, *n, usage, diags);
  for (const toml::node& item : *list) {
    const toml::table* link = item.as_table();
    if (!link) {
      ErrorAt(src, item, usage, diags);
      continue;
    }
    CheckKeys(src, *link, {"title", "url"}, table_name + " " + std::string(key), diags);
    auto title = GetString(src, *link, "title", diags);
    auto url = GetString(src, *link, "url", diags);
    if (!title || !url || title->empty() || url->empty()) {
      ErrorAt(src, item, usage, diags);
      continue;
    }
    if (auto clean = GetUrl(src, *link, "url", diags)) out.push_back({*title, *clean});
  }
}

// `share` turned on the "Share this page" list, which Canada.ca removed on 2025-10-24: a site that
// still turns it on is told, at the setting, that the list is no longer shown.
void WarnAboutShare(const TomlSource& src, const toml::table& t, Diagnostics& diags) {
  bool share = false;
  GetBool(src, t, "share", share, diags);
  if (!share) return;
  SourcePos pos = PosOf(src, t.find("share")->first.source());
  diags.Warning(pos,
                "\"share\" turns on the \"Share this page\" list, which Canada.ca removed on 2025-10-24: "
                "the gc theme no longer shows it; remove share = true",
                SourceLineOf(src, pos));
}

}  // namespace

void ReadIdentityConfig(const TomlSource& src, const toml::table& table, IdentityConfig& out,
                        Diagnostics& diags) {
  if (auto identity = GetChoice(src, table, "identity", {"gc", "none"}, diags)) out.gc = *identity == "gc";
  out.missing_translation_error = out.gc;
  if (auto missing = GetChoice(src, table, "missing_translation", {"error", "warning"}, diags))
    out.missing_translation_error = *missing == "error";
  GetLength(src, table, "title_max_length", out.title_max, diags);
  GetLength(src, table, "description_max_length", out.description_max, diags);
  WarnAboutShare(src, table, diags);
  if (const toml::table* f = GetTable(src, table, "feedback", {"theme", "section"}, diags)) {
    out.feedback_theme = GetString(src, *f, "theme", diags).value_or("");
    out.feedback_section = GetString(src, *f, "section", diags).value_or("");
    if (out.feedback_theme.empty())
      ErrorAt(src, *table.get("feedback"),
              "[feedback] needs a theme, the Canada.ca theme the GC Feedback tool files comments under, "
              "like theme = \"security\"",
              diags);
  }
  if (const toml::table* a =
          GetTable(src, table, "analytics", {"service", "access_rights", "sitename"}, diags)) {
    out.analytics_service = GetString(src, *a, "service", diags).value_or("");
    out.analytics_access_rights = GetString(src, *a, "access_rights", diags).value_or("");
    out.analytics_sitename = GetString(src, *a, "sitename", diags).value_or("");
  }
}

void ReadLanguageIdentity(const TomlSource& src, const toml::table& table, const std::string& table_name,
                          LanguageIdentity& out, Diagnostics& diags) {
  out.title_suffix = GetString(src, table, "title_suffix", diags).value_or("");
  out.search_action = GetUrl(src, table, "search_action", diags).value_or("");
  out.search_param = GetString(src, table, "search_param", diags).value_or("");
  out.footer_title = GetString(src, table, "footer_title", diags).value_or("");
  GetLinks(src, table, "breadcrumbs", table_name, out.breadcrumbs, diags);
  GetLinks(src, table, "footer_links", table_name, out.footer_links, diags);
  if (auto typography = GetChoice(src, table, "typography", {"fr-CA", "none"}, diags))
    out.typography = *typography;
  GetBool(src, table, "curly_apostrophes", out.curly_apostrophes, diags);
}

}  // namespace tandem
