#include "assemble/urls/urls.hpp"

#include <map>

#include "assemble/urls/permalinks.hpp"
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

std::string ParentDir(const std::string& dir) {
  size_t slash = dir.rfind('/');
  return slash == std::string::npos ? "" : dir.substr(0, slash);
}

std::string LastSegment(const std::string& dir) {
  size_t slash = dir.rfind('/');
  return dir.substr(slash == std::string::npos ? 0 : slash + 1);
}

}  // namespace

std::optional<std::string> SlugProblem(const std::string& slug, bool ascii) {
  if (slug.empty()) return "the slug is empty";
  if (slug.find('\0') != std::string::npos) return "the slug contains a NUL character";
  if (slug.find('/') != std::string::npos || slug.find('\\') != std::string::npos || slug == "." ||
      slug == "..")
    return "slug \"" + slug + "\" would leave its folder: a slug is one URL segment, without / or ..";
  if (slug.find('%') != std::string::npos)
    return "slug \"" + slug + "\" contains percent-encoding; write the characters themselves";
  if (!ascii && !IsUnicodeSlug(slug))
    return "slug \"" + slug + "\" must use only lowercase letters, digits and hyphens";
  for (char c : slug)
    if (ascii && !IsSlugChar(c))
      return "slug \"" + slug +
             "\" must use only lowercase ASCII letters, digits and hyphens (Canada.ca URLs are ASCII)";
  return std::nullopt;
}

std::optional<std::string> UrlProblem(const std::string& url, bool ascii) {
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
      if (auto problem = SlugProblem(segment, ascii))
        return "url \"" + url + "\": segment \"" + segment + "\" must use only lowercase " +
               (ascii ? "ASCII " : "") + "letters, digits and hyphens";
    start = end + 1;
  }
  return std::nullopt;
}

std::optional<std::string> LongSegmentProblem(std::string_view rel) {
  constexpr size_t kMaxName = 255;
  for (size_t start = 0, end; start < rel.size(); start = end + 1) {
    end = std::min(rel.find('/', start), rel.size());
    if (end - start <= kMaxName) continue;
    size_t shown = 40;  // bytes, not cutting a UTF-8 character
    while ((static_cast<unsigned char>(rel[start + shown]) & 0xC0) == 0x80) --shown;
    return "the URL segment \"" + std::string(rel.substr(start, shown)) + "…\" is " +
           std::to_string(end - start) + " bytes long, and a file system takes at most " +
           std::to_string(kMaxName) + " in a name";
  }
  return std::nullopt;
}

}  // namespace tandem

namespace tandem {

std::string SlugOf(const Locale& locale, std::string_view name, const SiteConfig& config) {
  if (config.hugo_slugs) return locale.SlugifyHugo(name, config.ascii_urls);
  return config.ascii_urls ? locale.Slugify(name) : locale.SlugifyUnicode(name);
}

namespace {

// The page's own segment: its slug if it gives one, else its file or folder name made a slug.
std::optional<std::string> SegmentOf(const Page& page, const Locale& locale, const SiteConfig& config,
                                     Diagnostics& diags) {
  if (page.is_home) return "";
  if (!page.meta.slug.empty() || page.meta.slug_pos.line > 0) {
    if (auto problem = SlugProblem(page.meta.slug, config.ascii_urls)) {
      diags.Error(page.meta.slug_pos, *problem, page.FrontMatterLine(page.meta.slug_pos.line));
      return std::nullopt;
    }
    return page.meta.slug;
  }
  // A leaf bundle (x/index.md) is named after its folder.
  std::string name = page.is_section           ? LastSegment(page.rel_dir)
                     : page.bundle_dir.empty() ? Stem(page.rel_path)
                                               : LastSegment(page.bundle_dir);
  std::string slug = SlugOf(locale, name, config);
  if (slug.empty()) {
    diags.Error({page.source_path}, "cannot make a URL slug from the name \"" + name +
                                        "\"; add slug = \"...\" to the front matter");
    return std::nullopt;
  }
  return slug;
}

// The folders between the page's section and the page, each a segment: a folder without an
// _index.md is no section, but its pages keep it in their URL (Hugo's rule).
std::optional<std::string> FoldersBetween(const Page& page, const Locale& locale, const SiteConfig& config,
                                          Diagnostics& diags) {
  std::string dir = page.is_section ? ParentDir(page.rel_dir) : page.rel_dir;
  const std::string& above = page.parent ? page.parent->rel_dir : dir;
  if (dir.size() <= above.size()) return "";
  std::string path;
  for (size_t start = above.empty() ? 0 : above.size() + 1, end; start < dir.size(); start = end + 1) {
    end = std::min(dir.find('/', start), dir.size());
    std::string name = dir.substr(start, end - start);
    std::string slug = SlugOf(locale, name, config);
    if (slug.empty()) {
      diags.Error({page.source_path}, "cannot make a URL segment from the folder name \"" + name +
                                          "\"; rename the folder, or give it an _index.md with a slug");
      return std::nullopt;
    }
    path += slug + "/";
  }
  return path;
}

// A url is below the language's root; written with the language's own prefix (Hugo's habit:
// `url: /fr/x/` in content/fr), it means the same place, not /fr/fr/x/.
std::string WithoutLanguagePrefix(std::string rel, const LanguageConfig& lang) {
  std::string prefix = lang.code + "/";
  if (EndsWith(lang.base_path, "/" + prefix) && (rel == lang.code || StartsWith(rel, prefix)))
    rel.erase(0, std::min(rel.size(), prefix.size()));
  return rel;
}

std::optional<std::string> RelativeUrlOf(const Page& page, const LanguageConfig& lang, bool ascii,
                                         Diagnostics& diags) {
  if (auto problem = UrlProblem(page.meta.url, ascii)) {
    diags.Error(page.meta.url_pos, *problem, page.FrontMatterLine(page.meta.url_pos.line));
    return std::nullopt;
  }
  std::string rel = ToNfc(page.meta.url);
  while (StartsWith(rel, "/")) rel.erase(0, 1);
  rel = WithoutLanguagePrefix(rel, lang);
  if (!rel.empty() && rel.back() != '/') rel += '/';
  return rel;
}

struct UrlContext {
  const Language& lang;
  const Site& site;
  std::string origin;
  std::map<std::string, std::string> section_segments;  // top folder → its section page's segment
  Diagnostics& diags;
};

// The place [permalinks] gives a page of a top section, or `tree_rel` when none does.
std::optional<std::string> PermalinkPlace(const Page& page, const std::string& tree_rel, UrlContext& ctx) {
  std::string top = TopSectionOf(page);
  const PermalinkPattern* pattern = top.empty() ? nullptr : ctx.lang.config.PermalinkOf(top);
  if (!pattern || page.is_section) return tree_rel;
  PermalinkValues values;
  values.ascii = ctx.site.config.ascii_urls;
  values.hugo = ctx.site.config.hugo_slugs;
  auto known = ctx.section_segments.find(top);
  values.section =
      known != ctx.section_segments.end() ? known->second : SlugOf(*ctx.lang.locale, top, ctx.site.config);
  return ExpandPermalink(page, *pattern, values, ctx.lang, ctx.diags);
}

void SetPlace(Page& page, const std::string& rel, const UrlContext& ctx) {
  const LanguageConfig& config = ctx.lang.config;
  page.url_path = config.base_path + PercentEncoded(rel, UrlSafe::kAscii);
  page.permalink = ctx.origin + page.url_path;
  page.output_path = config.output_dir + (config.output_dir.empty() ? "" : "/") + rel + "index.html";
}

// A page's place: its url, else its [permalinks] pattern, else its folders and slug. Its
// children go below its folders and slug even when its url moves it (Hugo's rule).
void AssignTree(Page& page, const std::string& parent_rel, UrlContext& ctx) {
  const SiteConfig& config = ctx.site.config;
  const Locale& locale = *ctx.lang.locale;
  bool has_url = page.meta.url_pos.line > 0;
  auto folders =
      page.is_home ? std::optional<std::string>("") : FoldersBetween(page, locale, config, ctx.diags);
  if (!folders) return;
  std::string tree_rel = parent_rel + *folders;
  if (!has_url || page.is_section) {
    auto segment = SegmentOf(page, locale, config, ctx.diags);
    if (!segment) return;
    page.slug = *segment;
    if (!segment->empty()) tree_rel += *segment + "/";
    if (page.is_section && page.rel_dir.find('/') == std::string::npos)
      ctx.section_segments[page.rel_dir] = page.slug;
  }
  auto rel = has_url ? RelativeUrlOf(page, ctx.lang.config, config.ascii_urls, ctx.diags)
                     : PermalinkPlace(page, tree_rel, ctx);
  if (!rel) return;
  if (auto problem = LongSegmentProblem(*rel)) {
    SourcePos pos = has_url                   ? page.meta.url_pos
                    : page.meta.slug_pos.line ? page.meta.slug_pos
                                              : SourcePos{page.source_path};
    ctx.diags.Error(pos, *problem + "; give the page a shorter slug", page.FrontMatterLine(pos.line));
    return;
  }
  SetPlace(page, *rel, ctx);
  for (Page* child : page.children) AssignTree(*child, tree_rel, ctx);
}

}  // namespace

void AssignUrls(Site& site, Diagnostics& diags) {
  for (const Language& lang : site.languages) {
    UrlContext ctx{lang, site, lang.config.base.Origin(), {}, diags};
    AssignTree(*lang.home, "", ctx);
  }
  WarnAboutUnusedPermalinks(site, diags);
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
