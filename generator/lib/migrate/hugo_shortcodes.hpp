// A Hugo site's own shortcodes (layouts/shortcodes/**.html, Go templates) as tandem shortcode
// templates (shortcodes/<name>.mustache), for `tandem import hugo`. A simple template (HTML,
// .Get, .Inner, if/with/else/end on an argument) is translated; any other is written as a
// starter that shows the inner content alone, with where the translation stopped.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostics.hpp"

namespace tandem {

struct MustacheShortcode {
  std::string text;  // the Mustache template
  // For a starter: the first construct not translated, at its place in the Hugo file, and why.
  std::optional<SourcePos> stopped_at;
  std::string stopped_line;  // the source line at stopped_at
  std::string why;
};

// The Mustache template for the Go template `text` of a Hugo shortcode, read from `shown`
// ("layouts/shortcodes/box.html", also named in the template's comment).
MustacheShortcode MustacheFromHugoShortcode(const std::string& shown, std::string_view text);

struct HugoShortcodeFile {
  std::string name;  // "roadmap/div": the call's name and the path below shortcodes/
  MustacheShortcode mustache;
};

// A Hugo shortcode template the import leaves out, and why.
struct HugoShortcodeSkipped {
  std::string shown;  // "layouts/shortcodes/box.fr.html"
  std::string name;
  std::string why;
};

struct HugoShortcodes {
  std::vector<HugoShortcodeFile> files;  // by name
  std::vector<HugoShortcodeSkipped> skipped;
  std::vector<HugoShortcodeSkipped> refused;  // a link out of the site: an error, nothing read
};

// The shortcodes of the Hugo site in `hugo_dir`: layouts/shortcodes/, then each of `themes`
// ("themes/ananke", relative to the site) in order; the first of a name wins, as in Hugo. Of
// one name's files, name.html.html (Hugo's HTML output format) wins over name.html, and a
// language's own (name.fr.html, a code of `language_codes`) serves only when there is neither;
// the others, those for other output formats and those `shipped` names are skipped.
HugoShortcodes HugoShortcodesOf(const std::string& hugo_dir, const std::vector<std::string>& themes,
                                const std::vector<std::string>& language_codes,
                                const std::set<std::string>& shipped);

// The shortcodes tandem has for a site in `site_dir` whose theme is `theme`: the built-ins and
// the theme's templates/shortcodes/ (the site's own themes/ first, then tandem's).
std::set<std::string> ShippedShortcodeNames(const std::string& site_dir, const std::string& theme);

// Writes each file as <site_dir>/shortcodes/<name>.mustache. Without `force`, a file that is
// already there is an error, and then none is written. Returns the paths written, nullopt after
// an error.
std::optional<std::vector<std::string>> WriteHugoShortcodes(const std::vector<HugoShortcodeFile>& files,
                                                            const std::string& site_dir, bool force,
                                                            Diagnostics& diags);

}  // namespace tandem
