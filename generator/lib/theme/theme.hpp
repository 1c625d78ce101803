// A theme: Mustache templates with their partials resolved once at load time,
// and static files. (Its UI strings belong to each Language: i18n/.)
// templates/<name>.mustache are page layouts; templates/directives/<name>.mustache
// are what directives render their view models with; templates/shortcodes/**.mustache are
// shortcodes, which the site's own shortcodes/ folder adds to and overrides.
#pragma once

#include <filesystem>
#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/site_config.hpp"
#include "support/diagnostics.hpp"
#include "support/value.hpp"

namespace tandem {

using Data = kainjow::mustache::data;

// The template data of a Value. An empty text becomes false, so that
// {{#page.description}}…{{/page.description}} leaves out what a page does not have.
Data ToData(const Value& value);

class Theme {
 public:
  // Finds the theme named in site.toml (in the site's themes/, then tandem's
  // own), reads its templates and partials. False on any error.
  bool Load(const SiteConfig& config, const std::string& source_dir, Diagnostics& diags);

  const std::string& dir() const { return dir_; }
  const std::string& shown_dir() const { return shown_dir_; }
  bool HasTemplate(const std::string& name) const { return templates_.count(name) > 0; }
  // The template text with every {{> partial}} already replaced by the partial.
  const std::map<std::string, std::string>& templates() const { return templates_; }
  // Changes whenever the template `name` (or a partial it includes) does; 0 if there is none.
  uint64_t TemplateHash(const std::string& name) const;
  // The names a page's layout may take: the templates outside directives/ and shortcodes/.
  std::vector<std::string> LayoutNames() const;
  // Whether a template names `name` in a tag, alone or as site.<name> ({{site.data.x}}, {{#data}}).
  bool Mentions(std::string_view name) const;
  // Folders whose files are copied to the output root, theme first.
  std::vector<std::string> StaticDirs() const { return static_dirs_; }

 private:
  bool LoadTemplates(const std::string& source_dir, Diagnostics& diags);

  std::string dir_;        // absolute
  std::string shown_dir_;  // as shown in messages: "themes/gc"
  std::map<std::string, std::string> templates_;
  std::map<std::string, uint64_t> hashes_;
  std::vector<std::string> static_dirs_;
};

// Parsed templates for one thread: kainjow's objects are not shared between threads.
class TemplateSet {
 public:
  explicit TemplateSet(const Theme& theme);
  bool Has(const std::string& name) const { return parsed_.count(name) > 0; }
  std::string Render(const std::string& name, const Data& data);
  // Renders `top`, looking names up in `top` first, then in `base`.
  std::string Render(const std::string& name, const Data& base, const Data& top);

 private:
  std::map<std::string, std::unique_ptr<kainjow::mustache::mustache>> parsed_;
};

// Where tandem's own themes are: <program>/../share/tandem/themes when installed (found from
// the program's own location, so an installed tree may be moved), the source tree's themes/
// for a program in its build folder; empty if neither.
std::filesystem::path BundledThemesDir();
// The folders a theme name is looked up in, in order: the site's themes/, then tandem's own.
std::vector<std::filesystem::path> ThemeRoots(const std::string& source_dir);
// The folder of the theme `name`, the site's own first.
std::optional<std::filesystem::path> FindThemeDir(const std::string& name, const std::string& source_dir);

// Templates every theme must have.
extern const std::vector<std::string> kRequiredTemplates;

}  // namespace tandem
