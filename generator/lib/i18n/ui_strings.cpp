#include "i18n/ui_strings.hpp"

#include <filesystem>
#include <optional>

#include "config/toml_source.hpp"
#include "support/text.hpp"
#include "support/url/url_policy.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

// A UI string that templates write into href or action is named for it (footer_contacts_url,
// search_action); a site's i18n/ can replace it, so it passes the URL policy as content does.
bool IsAddressKey(std::string_view key) {
  return EndsWith(key, "_url") || EndsWith(key, "_action");
}

std::optional<Strings> ReadStrings(const std::string& path, const std::string& shown, const Confine& confine,
                                   Diagnostics& diags) {
  auto text = ReadSourceText(path, shown, diags, confine);
  if (!text) return std::nullopt;
  TomlSource src{shown, *text, 1, *text, {}};
  auto table = ParseToml(src, diags);
  if (!table) return std::nullopt;
  Strings strings;
  bool ok = true;
  for (const auto& [key, value] : *table) {
    if (auto s = value.value<std::string>(); s && value.is_string()) {
      std::string problem;
      if (!IsAddressKey(key.str())) {
        strings[std::string(key.str())] = *s;
      } else if (auto clean = CleanUrl(*s, problem)) {
        strings[std::string(key.str())] = *clean;
      } else {
        ErrorAt(src, value, problem, diags);
        ok = false;
      }
    } else {
      ErrorAt(src, value, "UI string \"" + std::string(key.str()) + "\" must be a string", diags);
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return strings;
}

}  // namespace

bool LoadUiStrings(const std::vector<std::string>& codes, const UiStringSources& from,
                   std::map<std::string, Strings>& out, Diagnostics& diags) {
  bool ok = true;
  std::map<std::string, std::map<std::string, std::string>> origins;  // language -> key -> file
  for (const std::string& code : codes) {
    std::string theme_shown = from.shown_theme_dir + "/i18n/" + code + ".toml";
    std::string theme_file = from.theme_dir + "/i18n/" + code + ".toml";
    std::error_code ec;
    if (!fs::is_regular_file(theme_file, ec)) {
      diags.Error({theme_shown}, "missing UI strings for language \"" + code + "\": the theme has no i18n/" +
                                     code + ".toml");
      ok = false;
      continue;
    }
    auto strings =
        ReadStrings(theme_file, theme_shown, {from.theme_dir, "the theme " + from.shown_theme_dir}, diags);
    std::string site_shown = "i18n/" + code + ".toml";
    std::string site_file = from.site_dir + "/" + site_shown;
    auto overrides = fs::is_regular_file(site_file, ec)
                         ? ReadStrings(site_file, site_shown, {from.site_dir, "the site"}, diags)
                         : std::optional<Strings>(Strings{});
    if (!strings || !overrides) {
      ok = false;
      continue;
    }
    for (const auto& [k, v] : *strings) origins[code][k] = theme_shown;
    for (auto& [k, v] : *overrides) {
      (*strings)[k] = v;
      origins[code][k] = site_shown;
    }
    out[code] = std::move(*strings);
  }
  if (!ok) return false;
  for (const auto& [code, strings] : out)
    for (const auto& [other_code, other] : out)
      for (const auto& [key, value] : strings)
        if (!other.count(key)) {
          // Ask for it beside the one that exists: in the site's i18n/ or in the theme's.
          const std::string& origin = origins[code][key];
          std::string to = StartsWith(origin, "i18n/")
                               ? "i18n/" + other_code + ".toml"
                               : from.shown_theme_dir + "/i18n/" + other_code + ".toml";
          diags.Error({to},
                      "UI string \"" + key + "\" is in " + origin + " but missing here; add its translation");
          ok = false;
        }
  return ok;
}

}  // namespace tandem
