#include "assemble/urls.hpp"

#include <map>

#include "support/text.hpp"

namespace tandem {

namespace {

bool IsSlugChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

std::string Stem(const std::string& rel_path) {
  size_t slash = rel_path.rfind('/');
  std::string name = rel_path.substr(slash == std::string::npos ? 0 : slash + 1);
  return name.substr(0, name.rfind('.'));
}

std::string LastSegment(const std::string& dir) {
  size_t slash = dir.rfind('/');
  return dir.substr(slash == std::string::npos ? 0 : slash + 1);
}

}  // namespace

std::optional<std::string> SlugProblem(const std::string& slug) {
  if (slug.empty()) return "the slug is empty";
  if (slug.find('\0') != std::string::npos) return "the slug contains a NUL character";
  if (slug.find('/') != std::string::npos || slug.find('\\') != std::string::npos || slug == "." ||
      slug == "..")
    return "slug \"" + slug + "\" would leave its folder: a slug is one URL segment, without / or ..";
  if (slug.find('%') != std::string::npos)
    return "slug \"" + slug + "\" contains percent-encoding; write the characters themselves";
  for (char c : slug)
    if (!IsSlugChar(c))
      return "slug \"" + slug +
             "\" must use only lowercase ASCII letters, digits and hyphens (Canada.ca URLs are ASCII)";
  return std::nullopt;
}

std::optional<std::string> UrlProblem(const std::string& url) {
  if (url.find('\0') != std::string::npos) return "the url contains a NUL character";
  if (url.find('%') != std::string::npos)
    return "url \"" + url +
           "\" contains percent-encoding (such as %2e%2e); write a plain path like \"/news/item/\"";
  if (StartsWith(url, "//") || url.find(':') != std::string::npos || url.find('\\') != std::string::npos)
    return "url \"" + url +
           "\" must be a path below the language's root, like \"/news/item/\", not an absolute "
           "address or file path";
  size_t start = 0;
  while (start < url.size()) {
    size_t end = url.find('/', start);
    if (end == std::string::npos) end = url.size();
    std::string segment = url.substr(start, end - start);
    if (segment == ".." || segment == ".")
      return "url \"" + url + "\" would leave the output folder: remove the \"" + segment + "\" segment";
    if (segment.empty() && start > 0 && end < url.size())
      return "url \"" + url + "\" has an empty segment (\"//\"); write one / between segments";
    if (!segment.empty())
      if (auto problem = SlugProblem(segment))
        return "url \"" + url + "\": segment \"" + segment +
               "\" must use only lowercase ASCII letters, digits and "
               "hyphens";
    start = end + 1;
  }
  return std::nullopt;
}

}  // namespace tandem

namespace tandem {

namespace {

// The page's own segment: its slug if it gives one, else its file or folder name made ASCII.
std::optional<std::string> SegmentOf(const Page& page, const Locale& locale, Diagnostics& diags) {
  if (page.is_home) return "";
  if (!page.meta.slug.empty() || page.meta.slug_pos.line > 0) {
    if (auto problem = SlugProblem(page.meta.slug)) {
      diags.Error(page.meta.slug_pos, *problem, page.FrontMatterLine(page.meta.slug_pos.line));
      return std::nullopt;
    }
    return page.meta.slug;
  }
  // A leaf bundle (x/index.md) is named after its folder.
  std::string name = page.is_section           ? LastSegment(page.rel_dir)
                     : page.bundle_dir.empty() ? Stem(page.rel_path)
                                               : LastSegment(page.bundle_dir);
  std::string slug = locale.Slugify(name);
  if (slug.empty()) {
    diags.Error({page.source_path}, "cannot make a URL slug from the name \"" + name +
                                        "\"; add slug = \"...\" to the front matter");
    return std::nullopt;
  }
  return slug;
}

// A url is below the language's root; written with the language's own prefix (Hugo's habit:
// `url: /fr/x/` in content/fr), it means the same place, not /fr/fr/x/.
std::string WithoutLanguagePrefix(std::string rel, const LanguageConfig& lang) {
  std::string prefix = lang.code + "/";
  if (EndsWith(lang.base_path, "/" + prefix) && (rel == lang.code || StartsWith(rel, prefix)))
    rel.erase(0, std::min(rel.size(), prefix.size()));
  return rel;
}

std::optional<std::string> RelativeUrlOf(const Page& page, const LanguageConfig& lang, Diagnostics& diags) {
  if (auto problem = UrlProblem(page.meta.url)) {
    diags.Error(page.meta.url_pos, *problem, page.FrontMatterLine(page.meta.url_pos.line));
    return std::nullopt;
  }
  std::string rel = page.meta.url;
  while (StartsWith(rel, "/")) rel.erase(0, 1);
  rel = WithoutLanguagePrefix(rel, lang);
  if (!rel.empty() && rel.back() != '/') rel += '/';
  return rel;
}

void AssignTree(Page& page, const std::string& parent_rel, const Language& lang, const std::string& origin,
                Diagnostics& diags) {
  std::string rel;
  if (page.meta.url_pos.line > 0) {
    auto url = RelativeUrlOf(page, lang.config, diags);
    if (!url) return;
    rel = *url;
  } else {
    auto segment = SegmentOf(page, *lang.locale, diags);
    if (!segment) return;
    page.slug = *segment;
    rel = segment->empty() ? parent_rel : parent_rel + *segment + "/";
  }
  page.url_path = lang.config.base_path + rel;
  page.permalink = origin + page.url_path;
  page.output_path =
      lang.config.output_dir + (lang.config.output_dir.empty() ? "" : "/") + rel + "index.html";
  for (Page* child : page.children) AssignTree(*child, rel, lang, origin, diags);
}

}  // namespace

void AssignUrls(Site& site, Diagnostics& diags) {
  for (const Language& lang : site.languages) {
    std::string origin, path;
    SplitUrl(lang.config.base_url, origin, path);
    AssignTree(*lang.home, "", lang, origin, diags);
  }
}

void CheckOutputCollisions(const Site& site, Diagnostics& diags) {
  std::map<std::string, const Page*> owners;
  for (const Page* page : site.AllPages()) {
    if (page->output_path.empty()) continue;
    auto [it, inserted] = owners.emplace(page->output_path, page);
    if (inserted) continue;
    const Page* first = it->second;
    SourcePos pos = page->meta.url_pos.line    ? page->meta.url_pos
                    : page->meta.slug_pos.line ? page->meta.slug_pos
                                               : SourcePos{page->source_path};
    diags.Error(pos,
                page->source_path + " and " + first->source_path + " would both be written to " +
                    page->output_path + "; give one of them another slug or url",
                page->FrontMatterLine(pos.line));
  }
}

}  // namespace tandem
