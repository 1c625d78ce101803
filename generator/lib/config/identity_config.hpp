// site.toml's say over the Government of Canada identity of the gc theme (docs/themes.md):
// whether the site is a Government of Canada site, the Canada.ca chrome each language shows
// (search box, institution crumbs, contextual footer, title suffix), the optional page details
// (feedback form, share list), analytics metadata, French typography, and how strictly the two
// languages must match.
#pragma once

#include <toml++/toml.h>

#include <string>
#include <vector>

#include "config/toml_source.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

struct LinkConfig {
  std::string title;
  std::string url;
};

// [languages.<code>] keys of the identity. An empty string means "the theme's UI string".
struct LanguageIdentity {
  std::string title_suffix;             // "Canada.ca": <title> is "Page title - <suffix>"
  std::string search_action;            // the search box's form action
  std::string search_param;             // its text field's name
  std::vector<LinkConfig> breadcrumbs;  // the institution's crumbs, after Canada.ca
  std::string footer_title;             // the contextual footer band's heading
  std::vector<LinkConfig> footer_links;
  std::string typography;          // "fr-CA" or "none"; "" = derived from the locale (TypographyFor)
  bool curly_apostrophes = false;  // ' -> ’ in text, with the typography pass
};

struct IdentityConfig {
  bool gc = false;  // identity = "gc": the GC signature, wordmark and Canada.ca chrome
  // A page without its translation: an error (the default with the GC identity) or a warning.
  bool missing_translation_error = false;
  size_t title_max = 60;                // characters of <title> before a warning
  size_t description_max = 130;         // characters of the description before a warning
  std::string feedback_theme;           // [feedback] theme: the GC Feedback form, when set
  std::string feedback_section;         // [feedback] section
  std::string analytics_service;        // [analytics] service: dcterms.service
  std::string analytics_access_rights;  // [analytics] access_rights: dcterms.accessRights
  std::string analytics_sitename;       // [analytics] sitename: gcaaterms.sitename
};

// The site.toml keys read here, for the lists of known keys.
extern const std::vector<std::string> kIdentitySiteKeys;
extern const std::vector<std::string> kIdentityLanguageKeys;

// Reads identity, missing_translation, title_max_length, description_max_length, [feedback] and
// [analytics] from site.toml's top table; `share = true` is a warning, the list being gone.
void ReadIdentityConfig(const TomlSource& src, const toml::table& table, IdentityConfig& out,
                        Diagnostics& diags);

// Reads one [languages.<code>] table's identity keys.
void ReadLanguageIdentity(const TomlSource& src, const toml::table& table, const std::string& table_name,
                          LanguageIdentity& out, Diagnostics& diags);

}  // namespace tandem
