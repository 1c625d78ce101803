// Archetypes: the text a new page starts from, one per language. A site's
// archetypes/<lang>/<section>.md wins over its theme's, which wins over the site's
// archetypes/<lang>/default.md, then the theme's; a theme without any gets a plain one.
// Placeholders, written {name}, are filled in; anything else is kept as written.
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "support/diagnostics.hpp"

namespace tandem {

struct ArchetypeValues {
  std::string title;    // {title}: the page name made readable ("road-safety" -> "Road safety")
  std::string date;     // {date}: YYYY-MM-DD
  std::string key;      // {key}: the translation_key shared by the pages ("news/road-safety")
  std::string slug;     // {slug}: the URL segment it has now: the file's name, or its folder's
                        // for a section's _index.md ("road-safety")
  std::string section;  // {section}: the section's path ("news"), empty at the top
  std::string lang;     // {lang}: the language code ("fr")
};

// Where each archetype of `lang` may be, in the order they are tried (see above); `section`
// is the name of the folder the page goes into, empty at the top of content/<lang>/.
std::vector<std::string> ArchetypeCandidates(const std::string& site_dir, const std::string& theme_dir,
                                             const std::string& lang, const std::string& section);

// The archetype of `lang` filled in; nullopt (with the error reported) when one cannot be read.
std::optional<std::string> FillArchetype(const std::string& site_dir, const std::string& theme_dir,
                                         const std::string& section, const ArchetypeValues& values,
                                         Diagnostics& diags);

// Today as YYYY-MM-DD: the local date, or the UTC date of SOURCE_DATE_EPOCH when it is set
// (reproducible output, tests).
std::string TodayForNewPages();

// "road-safety" -> "Road safety".
std::string ReadableName(const std::string& name);

}  // namespace tandem
