#include "scaffold/new_page.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "assemble/urls/urls.hpp"
#include "config/site_config.hpp"
#include "output/beneath.hpp"
#include "scaffold/archetype.hpp"
#include "support/text.hpp"
#include "theme/theme.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

const char* const kPathExample =
    "write it as folders and a name below content/<lang>/, like news/road-safety";

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t slash; (slash = path.find('/', start)) != std::string::npos; start = slash + 1)
    parts.push_back(path.substr(start, slash - start));
  parts.push_back(path.substr(start));
  return parts;
}

// "content/en/news/x.md" -> "news/x": what a shell completes is accepted as it is.
std::string Trimmed(std::string path, const std::vector<std::string>& languages) {
  while (StartsWith(path, "./")) path.erase(0, 2);
  for (const std::string& lang : languages)
    if (StartsWith(path, "content/" + lang + "/")) path.erase(0, 9 + lang.size());
  if (EndsWith(path, ".md")) path.resize(path.size() - 3);
  return path;
}

std::optional<std::string> SegmentProblem(const std::string& segment, bool is_name, bool ascii) {
  if (segment.empty()) return std::string("it has an empty folder name (two slashes, or one at the end)");
  if (segment == "." || segment == "..")
    return std::string("\"") + segment + "\" would leave content/<lang>/";
  if (is_name && segment == "_index") return std::nullopt;
  if (auto problem = SlugProblem(segment, ascii))
    return (is_name ? "the name \"" : "the folder \"") + segment + "\" is not a URL segment: " +
           (ascii ? "use lowercase ASCII letters, digits and hyphens, like \"road-safety\""
                  : "use lowercase letters, digits and hyphens, like \"sécurité-routière\"");
  return std::nullopt;
}

struct Target {
  std::string lang;
  fs::path file;      // where it is written
  std::string shown;  // content/<lang>/<path>.md
};

std::vector<Target> Targets(const std::string& source_dir, const SiteConfig& config,
                            const NewPagePath& path) {
  std::vector<Target> targets;
  std::string rel = (path.section.empty() ? "" : path.SectionPath() + "/") + path.name + ".md";
  for (const LanguageConfig& lang : config.languages) {
    std::string shown = config.ContentFile(lang, rel);
    targets.push_back({lang.code, fs::path(source_dir) / shown, shown});
  }
  return targets;
}

// A new folder is most often a typo of an existing one: one of the languages must have it.
bool CheckSectionExists(const std::string& source_dir, const SiteConfig& config, const NewPagePath& path,
                        Diagnostics& diags) {
  if (path.section.empty()) return true;
  std::vector<std::string> nearby;
  for (const LanguageConfig& lang : config.languages) {
    fs::path dir = fs::path(source_dir) / lang.content_dir / path.SectionPath();
    std::error_code ec;
    if (fs::is_directory(dir, ec)) return true;
    for (const auto& entry : fs::directory_iterator(dir.parent_path(), ec))
      if (entry.is_directory()) nearby.push_back(entry.path().filename().string());
  }
  diags.Error({}, "no section " + path.SectionPath() + "/ in content/" + config.languages.front().code +
                      "/ or any other language" + DidYouMeanSuffix(path.section.back(), nearby) +
                      "; check the spelling, or create the folder first");
  return false;
}

bool CheckNoneExists(const std::vector<Target>& targets, Diagnostics& diags) {
  bool ok = true;
  for (const Target& t : targets) {
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(t.file, ec))) continue;
    diags.Error({t.shown},
                "the file already exists, and tandem new never overwrites one: choose another name, "
                "or edit this file");
    ok = false;
  }
  return ok;
}

// O_EXCL: a file that appeared since the check is not overwritten either. Below the site's folder
// no link is followed (output/beneath.hpp): a content folder that is a link is refused, not written
// through, and neither is a link where the file goes.
bool WriteNew(const DirFd& site, const Target& t, const std::string& text, Diagnostics& diags) {
  size_t slash = t.shown.rfind('/');
  DirFd parent = IsPlainRelativePath(t.shown)
                     ? OpenDirBeneath(site, slash == std::string::npos ? "" : t.shown.substr(0, slash), true)
                     : DirFd();
  if (!IsPlainRelativePath(t.shown)) errno = EINVAL;
  std::string name = t.shown.substr(slash == std::string::npos ? 0 : slash + 1);
  int fd = parent.ok() ? openat(parent.get(), name.c_str(),
                                O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666)
                       : -1;
  int error = errno;
  bool ok = fd >= 0 && write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  if (fd >= 0 && !ok) error = errno;
  if (fd >= 0 && close(fd) != 0 && ok) ok = false, error = errno;
  if (!ok) diags.Error({t.shown}, "cannot write: " + WriteFailure(error, "the site"));
  return ok;
}

// The folders a failed run created are left: they are empty and harmless; the files go.
bool WriteAll(const std::string& source_dir, const std::vector<Target>& targets,
              const std::vector<std::string>& texts, Diagnostics& diags) {
  DirFd site = OpenNamedDir(source_dir);
  for (size_t i = 0; i < targets.size(); ++i) {
    if (WriteNew(site, targets[i], texts[i], diags)) continue;
    for (size_t j = 0; j < i; ++j) RemoveFileBeneath(site, targets[j].shown);
    return false;
  }
  return true;
}

}  // namespace

std::string NewPagePath::SectionPath() const {
  std::string path;
  for (const std::string& folder : section) path += (path.empty() ? "" : "/") + folder;
  return path;
}

std::string NewPagePath::Key() const {
  if (name == "_index") return SectionPath();
  return section.empty() ? name : SectionPath() + "/" + name;
}

std::optional<NewPagePath> ParseNewPagePath(const std::string& typed,
                                            const std::vector<std::string>& languages, std::string& problem,
                                            bool ascii) {
  auto refuse = [&](const std::string& why) {
    problem = "cannot make a page at \"" + typed + "\": " + why + "; " + kPathExample;
    return std::nullopt;
  };
  if (typed.empty()) return refuse("the path is empty");
  if (typed[0] == '/') return refuse("it is an absolute path");
  if (typed.find('\\') != std::string::npos) return refuse("it has a backslash");
  std::vector<std::string> parts = SplitPath(Trimmed(typed, languages));
  NewPagePath path;
  path.name = parts.back();
  parts.pop_back();
  path.section = parts;
  for (size_t i = 0; i <= parts.size(); ++i)
    if (auto why = SegmentProblem(i < parts.size() ? parts[i] : path.name, i == parts.size(), ascii))
      return refuse(*why);
  if (path.name == "_index" && path.section.empty())
    return refuse("content/<lang>/_index.md is the home page, which every site has");
  return path;
}

std::vector<std::string> CreateNewPages(const NewPageRequest& request, Diagnostics& diags) {
  SiteConfig config;
  if (!LoadConfig(request.source_dir, config, diags)) return {};
  std::string problem;
  auto path = ParseNewPagePath(ToNfc(request.path), config.LanguageCodes(), problem, config.ascii_urls);
  if (!path) {
    diags.Error({}, problem);
    return {};
  }
  std::vector<Target> targets = Targets(request.source_dir, config, *path);
  if (!CheckSectionExists(request.source_dir, config, *path, diags) || !CheckNoneExists(targets, diags))
    return {};
  auto theme = FindThemeDir(config.theme, request.source_dir);
  // A section's own page has the archetype _index; any other page its folder's.
  std::string archetype = path->name == "_index"  ? "_index"
                          : path->section.empty() ? ""
                                                  : path->section.back();
  std::string slug = path->name == "_index" ? path->section.back() : path->name;
  ArchetypeValues values{ReadableName(slug),  request.date.empty() ? TodayForNewPages() : request.date,
                         path->Key(),         slug,
                         path->SectionPath(), ""};
  std::vector<std::string> texts;
  for (const Target& t : targets) {
    values.lang = t.lang;
    auto text = FillArchetype(request.source_dir, theme ? theme->string() : "", archetype, values, diags);
    if (!text) return {};
    texts.push_back(std::move(*text));
  }
  if (!WriteAll(request.source_dir, targets, texts, diags)) return {};
  std::vector<std::string> shown;
  for (const Target& t : targets) shown.push_back(t.shown);
  return shown;
}

}  // namespace tandem
