#include "scaffold/archetype.hpp"

#include <cstdlib>
#include <filesystem>

#include "support/text.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

// When neither the site nor its theme has an archetype: what every page needs to build.
constexpr const char* kPlainArchetype =
    "+++\n"
    "title = \"{title}\"\n"
    "translation_key = \"{key}\"\n"
    "date = {date}\n"
    "draft = true\n"
    "+++\n";

std::string Shown(const std::string& path, const std::string& site_dir) {
  std::string rel = fs::path(path).lexically_relative(site_dir).generic_string();
  return rel.empty() || StartsWith(rel, "..") ? path : rel;
}

}  // namespace

std::vector<std::string> ArchetypeCandidates(const std::string& site_dir, const std::string& theme_dir,
                                             const std::string& lang, const std::string& section) {
  std::vector<std::string> candidates;
  for (const std::string& name : {section, std::string("default")}) {
    if (name.empty()) continue;
    for (const std::string& root : {site_dir, theme_dir})
      if (!root.empty()) candidates.push_back(root + "/archetypes/" + lang + "/" + name + ".md");
  }
  return candidates;
}

std::optional<std::string> FillArchetype(const std::string& site_dir, const std::string& theme_dir,
                                         const std::string& section, const ArchetypeValues& values,
                                         Diagnostics& diags) {
  std::string text = kPlainArchetype;
  for (const std::string& candidate : ArchetypeCandidates(site_dir, theme_dir, values.lang, section)) {
    std::error_code ec;
    if (!fs::is_regular_file(candidate, ec)) continue;
    // Through no link out of the folder it was found in: its text becomes the site's pages.
    Confine from = StartsWith(candidate, site_dir + "/") ? Confine{site_dir, "the site"}
                                                         : Confine{theme_dir, "the theme"};
    auto read = ReadSourceText(candidate, Shown(candidate, site_dir), diags, from);
    if (!read) return std::nullopt;
    text = std::move(*read);
    break;
  }
  return FillPlaceholders(text, {{"title", values.title},
                                 {"date", values.date},
                                 {"key", values.key},
                                 {"slug", values.slug},
                                 {"section", values.section},
                                 {"lang", values.lang}});
}

std::string TodayForNewPages() {
  std::time_t now = std::time(nullptr);
  std::tm day{};
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (epoch && *epoch) {
    now = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
    gmtime_r(&now, &day);
  } else {
    localtime_r(&now, &day);
  }
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &day);
  return text;
}

std::string ReadableName(const std::string& name) {
  std::string readable = name;
  for (char& c : readable)
    if (c == '-') c = ' ';
  if (!readable.empty() && readable[0] >= 'a' && readable[0] <= 'z') readable[0] = readable[0] - 'a' + 'A';
  return readable;
}

}  // namespace tandem
