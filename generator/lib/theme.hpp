// A theme: Mustache templates with their partials resolved once at load time,
// UI strings per language, and static files.
#pragma once

#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "config.hpp"
#include "diagnostics.hpp"

namespace tandem {

using Strings = std::map<std::string, std::string>;

class Theme {
 public:
  // Finds the theme named in site.toml (in the site's themes/, then tandem's
  // own), reads its templates, partials and UI strings. False on any error.
  bool Load(const SiteConfig& config, const std::string& source_dir, Diagnostics& diags);

  const std::string& dir() const { return dir_; }
  bool HasTemplate(const std::string& name) const { return templates_.count(name) > 0; }
  // The template text with every {{> partial}} already replaced by the partial.
  const std::map<std::string, std::string>& templates() const { return templates_; }
  // The UI strings of one language (theme strings overridden by the site's i18n/).
  const Strings& StringsFor(const std::string& lang) const { return strings_.at(lang); }
  // Folders whose files are copied to the output root, theme first.
  std::vector<std::string> StaticDirs() const { return static_dirs_; }
  // A text that changes whenever any UI string changes (every page shows some).
  const std::string& strings_fingerprint() const { return strings_fingerprint_; }

 private:
  bool LoadTemplates(Diagnostics& diags);
  bool LoadStrings(const SiteConfig& config, const std::string& source_dir, Diagnostics& diags);

  std::string dir_;        // absolute
  std::string shown_dir_;  // as shown in messages: "themes/gc"
  std::map<std::string, std::string> templates_;
  std::map<std::string, Strings> strings_;
  std::vector<std::string> static_dirs_;
  std::string strings_fingerprint_;
};

// Parsed templates for one thread: kainjow's objects are not shared between threads.
class TemplateSet {
 public:
  explicit TemplateSet(const Theme& theme);
  std::string Render(const std::string& name, const kainjow::mustache::data& data);
  // Renders `top`, looking names up in `top` first, then in `base`.
  std::string Render(const std::string& name, const kainjow::mustache::data& base,
                     const kainjow::mustache::data& top);

 private:
  std::map<std::string, std::unique_ptr<kainjow::mustache::mustache>> parsed_;
};

// Templates every theme must have.
extern const std::vector<std::string> kRequiredTemplates;

}  // namespace tandem
