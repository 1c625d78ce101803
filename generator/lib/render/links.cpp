#include "render/links.hpp"

#include <algorithm>
#include <filesystem>
#include <vector>

#include "content/bundles.hpp"
#include "support/files.hpp"
#include "support/text.hpp"
#include "support/url/url_policy.hpp"

namespace tandem {

namespace {

constexpr std::string_view kDependencyPrefix = "link:";

// "https:", "mailto:": an address with a scheme is never a file of the site.
bool HasScheme(std::string_view url) {
  return !UrlScheme(url).empty();
}

// The path of an address, before its query or fragment.
std::string_view PathOf(std::string_view url) {
  return url.substr(0, url.find_first_of("?#"));
}

bool IsContentFileLink(std::string_view url) {
  return !HasScheme(url) && !StartsWith(url, "//") && EndsWith(PathOf(url), ".md");
}

// "%C3%A9" → "é": a file name written as a URL may be percent-encoded.
std::string DecodePercent(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string FolderOf(std::string_view rel_path) {
  size_t slash = rel_path.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(rel_path.substr(0, slash));
}

// `path` from `folder` ("news" and "../x.md"), as a path under the content root; nullopt when
// it leads out of it.
std::optional<std::string> ContentPath(const std::string& folder, std::string_view path) {
  std::vector<std::string> parts;
  std::string joined = path.empty() || path[0] != '/' ? folder + "/" + std::string(path) : std::string(path);
  for (size_t at = 0; at <= joined.size();) {
    size_t slash = std::min(joined.find('/', at), joined.size());
    std::string part = joined.substr(at, slash - at);
    at = slash + 1;
    if (part.empty() || part == ".") continue;
    if (part != "..") {
      parts.push_back(part);
    } else if (parts.empty()) {
      return std::nullopt;
    } else {
      parts.pop_back();
    }
  }
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : "/") + part;
  return out;
}

const Page* FindPage(const Language& lang, const std::string& rel_path) {
  auto it = std::lower_bound(lang.pages.begin(), lang.pages.end(), rel_path,
                             [](const auto& page, const std::string& rel) { return page->rel_path < rel; });
  return it != lang.pages.end() && (*it)->rel_path == rel_path ? it->get() : nullptr;
}

// The page `rel_path` names for a page in `lang`: the language's own, or the translation
// (paired by translation_key) of another language's file at that path. `only_in` is set
// to the other language's page when it has no translation.
const Page* Resolve(const Site& site, size_t lang, const std::string& rel_path,
                    const Page** only_in = nullptr) {
  if (const Page* own = FindPage(site.languages[lang], rel_path)) return own;
  for (const Language& other : site.languages) {
    if (other.index == lang) continue;
    const Page* page = FindPage(other, rel_path);
    if (!page) continue;
    if (page->translations.size() > lang && page->translations[lang]) return page->translations[lang];
    if (only_in && !*only_in) *only_in = page;
  }
  return nullptr;
}

uint64_t UrlHash(const std::string& url) {
  return Hasher().Add(url).Digest();
}

// A file name in `folder` of `lang` close to `name`, for "did you mean".
std::optional<std::string> CloseFileName(const Language& lang, const std::string& folder,
                                         const std::string& name) {
  std::vector<std::string> names;
  for (const auto& page : lang.pages)
    if (!page->implicit && FolderOf(page->rel_path) == folder)
      names.push_back(page->rel_path.substr(folder.empty() ? 0 : folder.size() + 1));
  return DidYouMean(name, names);
}

// A relative address of a file: "map.png", "files/report.pdf", "../x/photo.jpg", not a folder
// ("../news/"), an anchor, or a root-relative or absolute address.
bool IsRelativeFileLink(std::string_view url) {
  std::string_view path = PathOf(url);
  if (path.empty() || path[0] == '/' || HasScheme(url)) return false;
  std::string_view name = path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1);
  size_t dot = name.rfind('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < name.size();
}

// The URL a content path names, as a page (an .html content page) or as a bundle's file.
std::optional<std::string> FileUrl(const Site& site, const Language& lang, const std::string& rel_path) {
  if (EndsWith(rel_path, ".html"))
    if (const Page* page = Resolve(site, lang.index, rel_path)) return page->url_path;
  if (auto found = FindBundleFile(lang, rel_path)) return found->page->url_path + found->file->rel;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> LinkResolver::Rewrite(const Page& from, std::string_view written, int line,
                                                 int column, PageScope& scope) const {
  std::string problem;
  auto clean = CleanUrl(written, problem);
  if (!clean) {
    scope.Error(scope.At(line, column), problem);
    return "";
  }
  auto rewritten = RewriteClean(from, *clean, line, column, scope);
  if (!rewritten && *clean != written) return clean;
  return rewritten;
}

std::optional<std::string> LinkResolver::RewriteClean(const Page& from, std::string_view url, int line,
                                                      int column, PageScope& scope) const {
  if (IsContentFileLink(url)) return RewriteContentLink(from, url, line, column, scope);
  std::optional<std::string> file;
  if (IsRelativeFileLink(url) && RewriteFileLink(from, url, line, column, scope, file)) return file;
  const std::string& root = site_.config.root_path;
  if (StartsWith(url, "/") && !StartsWith(url, "//") && root != "/")
    return root.substr(0, root.size() - 1) + std::string(url);
  return std::nullopt;
}

std::optional<std::string> LinkResolver::RewriteContentLink(const Page& from, std::string_view url, int line,
                                                            int column, PageScope& scope) const {
  const Language& lang = site_.languages[from.lang_index];
  std::string content = lang.config.content_dir + "/";
  std::string written(PathOf(url));
  auto rel_path = ContentPath(FolderOf(from.rel_path), ToNfc(DecodePercent(written)));
  if (!rel_path) {
    scope.Error(scope.At(line, column),
                "\"" + written + "\" leads out of " + content +
                    "; a link by source file names a page of the same language, from this "
                    "file's folder or, with a leading \"/\", from " +
                    content);
    return std::nullopt;
  }
  const Page* only_in = nullptr;
  if (const Page* target = Resolve(site_, from.lang_index, *rel_path, &only_in)) {
    scope.DependOn(std::string(kDependencyPrefix) + lang.code() + "/" + *rel_path, UrlHash(target->url_path));
    return target->url_path + std::string(url.substr(written.size()));
  }
  std::string file = content + *rel_path;
  std::string message;
  if (only_in) {
    message = only_in->source_path + " has no translation in " + content +
              ", so this page has nothing to link to; "
              "translate it as " +
              file + ", or link a URL";
  } else if (std::filesystem::exists(site_.source_dir + "/" + file)) {
    message = file + " is a draft (draft = true), left out of this build; publish it, or build with --drafts";
  } else {
    std::string folder = FolderOf(*rel_path);
    auto close = CloseFileName(lang, folder, rel_path->substr(folder.empty() ? 0 : folder.size() + 1));
    std::string suggestion = close ? written.substr(0, written.rfind('/') + 1) + *close : "";
    message =
        "there is no " + file + " to link to" + (close ? " (did you mean \"" + suggestion + "\"?)" : "") +
        "; a link by source file names a page's file, from this file's folder or, with a leading \"/\", "
        "from " +
        content;
  }
  scope.Error(scope.At(line, column), message);
  return std::nullopt;
}

bool LinkResolver::RewriteFileLink(const Page& from, std::string_view url, int line, int column,
                                   PageScope& scope, std::optional<std::string>& out) const {
  const Language& lang = site_.languages[from.lang_index];
  std::string written(PathOf(url));
  std::string folder = FolderOf(from.rel_path);
  auto rel_path = ContentPath(folder, ToNfc(DecodePercent(written)));
  if (!rel_path) return false;
  if (auto target = FileUrl(site_, lang, *rel_path)) {
    scope.DependOn(std::string(kDependencyPrefix) + lang.code() + "/" + *rel_path, UrlHash(*target));
    out = *target + std::string(url.substr(written.size()));
    return true;
  }
  // Only a leaf bundle's folder is its own: a section's may hold static files or other pages' folders.
  if (from.bundle_dir.empty() || !StartsWith(*rel_path, folder + "/")) return false;
  std::vector<std::string> names;
  for (const BundleFile& file : from.files) names.push_back(file.rel);
  auto close = DidYouMean(rel_path->substr(folder.size() + 1), names);
  std::string index = from.rel_path.substr(folder.size() + 1);
  scope.Error(scope.At(line, column), "there is no " + lang.config.content_dir + "/" + *rel_path +
                                          " in this page's bundle" +
                                          (close ? " (did you mean \"" + *close + "\"?)" : "") +
                                          "; put the file beside " + index + ", or correct the address");
  return true;
}

bool IsLinkDependency(std::string_view name) {
  return StartsWith(name, kDependencyPrefix);
}

std::optional<uint64_t> LinkDependencyHash(const Site& site, std::string_view name) {
  name.remove_prefix(kDependencyPrefix.size());
  size_t slash = name.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  for (const Language& lang : site.languages) {
    if (lang.code() != name.substr(0, slash)) continue;
    std::string rel_path(name.substr(slash + 1));
    if (const Page* target = Resolve(site, lang.index, rel_path)) return UrlHash(target->url_path);
    auto file = FileUrl(site, lang, rel_path);
    return file ? std::optional<uint64_t>(UrlHash(*file)) : std::nullopt;
  }
  return std::nullopt;
}

}  // namespace tandem
