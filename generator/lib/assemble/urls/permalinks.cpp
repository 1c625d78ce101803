#include "assemble/urls/permalinks.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "i18n/time_zone.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

bool IsTokenChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// The pattern as literal text and tokens, in order; site.toml's reading checked every token.
std::vector<std::pair<bool, std::string>> Split(const std::string& pattern) {
  std::vector<std::pair<bool, std::string>> parts;  // (is a token, text)
  for (size_t i = 0; i < pattern.size();) {
    size_t end = i + 1;
    bool token = pattern[i] == ':';
    while (end < pattern.size() && (token ? IsTokenChar(pattern[end]) : pattern[end] != ':')) ++end;
    parts.emplace_back(token, pattern.substr(i, end - i));
    i = end;
  }
  return parts;
}

bool IsDated(const std::string& pattern) {
  for (const auto& [token, text] : Split(pattern))
    if (token && (text == ":year" || text == ":month" || text == ":day")) return true;
  return false;
}

// The file's name without its extension; for a page bundle (a folder's index.md), the folder's.
std::string FileName(const Page& page) {
  size_t slash = page.rel_path.rfind('/');
  std::string name = page.rel_path.substr(slash == std::string::npos ? 0 : slash + 1);
  name = name.substr(0, name.rfind('.'));
  if (name == "index" && !page.rel_dir.empty()) name = page.rel_dir.substr(page.rel_dir.rfind('/') + 1);
  return name;
}

std::string Where(const PermalinkPattern& pattern) {
  return "the permalink pattern \"" + pattern.pattern + "\" of section \"" + pattern.section + "\" (" +
         pattern.pos.path + ":" + std::to_string(pattern.pos.line) + ")";
}

}  // namespace

std::string TopSectionOf(const Page& page) {
  size_t slash = page.rel_path.find('/');
  return slash == std::string::npos ? "" : page.rel_path.substr(0, slash);
}

std::optional<std::string> ExpandPermalink(const Page& page, const PermalinkPattern& pattern,
                                           const PermalinkValues& values, const Language& lang,
                                           Diagnostics& diags) {
  // YYYY-MM-DD: the front matter date's own day, in its own offset, as Hugo takes it; not the
  // day in the site's zone, which would move a page dated 01:30Z a day back from its Hugo URL.
  std::string day;
  if (IsDated(pattern.pattern)) {
    if (page.meta.date.empty()) {
      diags.Error({page.source_path}, Where(pattern) +
                                          " needs the page's date; add date = 2024-05-01 (its "
                                          "day of publication) to the front matter, or a url");
      return std::nullopt;
    }
    day = ParseDateTime(page.meta.date)->Day();  // front matter keeps only dates it reads
  }
  auto slug = [&](const std::string& text) {
    if (values.hugo) return lang.locale->SlugifyHugo(text, values.ascii);
    return values.ascii ? lang.locale->Slugify(text) : lang.locale->SlugifyUnicode(text);
  };
  std::string file = slug(FileName(page));
  std::string title = slug(page.meta.title);
  if (title.empty()) title = file;               // a title of symbols alone
  const std::string& own_slug = page.meta.slug;  // checked by SlugProblem before
  std::map<std::string, std::string> tokens = {
      {":year", day.substr(0, std::min<size_t>(day.size(), 4))},
      {":month", day.size() >= 7 ? day.substr(5, 2) : ""},
      {":day", day.size() >= 10 ? day.substr(8, 2) : ""},
      {":slug", own_slug.empty() ? title : own_slug},  // Hugo: the slug, else the title
      {":title", title},
      {":filename", file},
      {":slugorfilename", own_slug.empty() ? file : own_slug},
      {":section", values.section}};
  std::string rel;
  for (const auto& [token, text] : Split(pattern.pattern)) rel += token ? tokens.at(text) : text;
  while (StartsWith(rel, "/")) rel.erase(0, 1);
  if (!rel.empty() && rel.back() != '/') rel += '/';
  if (rel.find("//") != std::string::npos) {
    diags.Error({page.source_path}, Where(pattern) + " leaves a segment of this page empty (\"" + rel +
                                        "\"); give the page a slug, or a url");
    return std::nullopt;
  }
  return rel;
}

void WarnAboutUnusedPermalinks(const Site& site, Diagnostics& diags) {
  std::set<std::string> sections;
  for (const Language& lang : site.languages)
    for (const auto& page : lang.pages)
      if (!TopSectionOf(*page).empty()) sections.insert(TopSectionOf(*page));
  std::vector<std::string> names(sections.begin(), sections.end());
  std::set<std::pair<int, int>> warned;  // a site-wide pattern is in every language's list
  for (const Language& lang : site.languages)
    for (const PermalinkPattern& pattern : lang.config.permalinks) {
      if (sections.count(pattern.section) || !warned.insert({pattern.pos.line, pattern.pos.column}).second)
        continue;
      diags.Warning(pattern.pos,
                    "no language has a section \"" + pattern.section + "\"" +
                        DidYouMeanSuffix(pattern.section, names) +
                        ", so this pattern places no page; [permalinks] names folders directly in a "
                        "language's content folder, like " +
                        lang.config.content_dir + "/" + (names.empty() ? "blog" : names.front()) + "/",
                    pattern.line, "permalink-section-missing");
    }
}

}  // namespace tandem
