#include "content.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "output.hpp"
#include "parallel.hpp"
#include "text.hpp"

namespace fs = std::filesystem;

namespace tandem {

// Plain POSIX reads into a string sized from fstat: at 20,000 pages, streams cost a seventh of the build.
std::string ReadFile(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
  struct stat st;
  std::string bytes;
  if (fstat(fd, &st) == 0 && st.st_size > 0) bytes.resize(static_cast<size_t>(st.st_size));
  size_t got = 0;
  for (;;) {
    if (got == bytes.size()) bytes.resize(bytes.size() + 4096);  // a file that grew, or one stat cannot size
    ssize_t n = read(fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int error = errno;
      close(fd);
      if (n < 0) throw std::runtime_error("cannot read " + path + ": " + std::strerror(error));
      break;
    }
    got += static_cast<size_t>(n);
  }
  bytes.resize(got);
  return bytes;
}

std::vector<Page*> Site::AllPages() const {
  std::vector<Page*> all;
  for (const Language& lang : languages)
    for (const auto& page : lang.pages) all.push_back(page.get());
  return all;
}

namespace {

bool IsHidden(const fs::path& p) {
  std::string name = p.filename().string();
  return name.empty() || name[0] == '.' || name.back() == '~';
}

std::string RelativeGeneric(const fs::path& p, const fs::path& base) {
  return p.lexically_relative(base).generic_string();
}

// A link is followed only if it stays inside the site; a folder link is never followed.
bool AcceptSymlink(const fs::directory_entry& entry, const fs::path& site_root, const std::string& shown,
                   Diagnostics& diags) {
  std::error_code ec;
  fs::path target = fs::weakly_canonical(entry.path(), ec);
  std::string rel = target.lexically_relative(site_root).generic_string();
  if (ec || rel.empty() || StartsWith(rel, "..")) {
    diags.Error({shown}, "symbolic link to " + fs::read_symlink(entry.path(), ec).string() +
                             " points outside the site; tandem does not follow it. Copy the file into the "
                             "site instead");
    return false;
  }
  if (fs::is_directory(target, ec)) {
    diags.Warning({shown}, "symbolic link to a folder is not followed; move the folder here instead");
    return false;
  }
  return true;
}

struct FoundFile {
  fs::path fs_path;
  std::string rel_path;  // NFC, relative to content/<lang>
};

std::vector<FoundFile> FindMarkdown(const fs::path& lang_dir, const fs::path& site_root,
                                    const std::string& shown_prefix, Diagnostics& diags) {
  std::vector<FoundFile> found;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(lang_dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    if (IsHidden(entry.path())) {
      if (entry.is_directory()) it.disable_recursion_pending();
      continue;
    }
    std::string rel = ToNfc(RelativeGeneric(entry.path(), lang_dir));
    if (entry.is_symlink() && !AcceptSymlink(entry, site_root, shown_prefix + rel, diags)) continue;
    if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
    found.push_back({entry.path(), rel});
  }
  if (ec) diags.Error({shown_prefix}, "cannot read the folder: " + ec.message());
  std::sort(found.begin(), found.end(),
            [](const FoundFile& a, const FoundFile& b) { return a.rel_path < b.rel_path; });
  return found;
}

std::string ParentDir(const std::string& rel) {
  size_t slash = rel.rfind('/');
  return slash == std::string::npos ? "" : rel.substr(0, slash);
}

std::unique_ptr<Page> LoadPage(const FoundFile& file, size_t lang_index, const std::string& shown,
                               Diagnostics& diags) {
  std::string text;
  try {
    text = ReadFile(file.fs_path.string());
  } catch (const std::exception& e) {
    diags.Error({shown}, e.what());
    return nullptr;
  }
  if (auto bad = FindInvalidUtf8(text)) {
    diags.Error({shown, bad->line, bad->column},
                "invalid UTF-8; save the file as UTF-8 (it may be in Windows-1252 or Latin-1)",
                ReplaceInvalidUtf8(LineAt(text, bad->line)));
    return nullptr;
  }
  text = NormalizeSource(std::move(text));
  uint64_t hash = HashBytes(text);
  auto parsed = ParsePage(shown, text, diags);
  if (!parsed) return nullptr;
  auto page = std::make_unique<Page>();
  page->lang_index = lang_index;
  page->rel_path = file.rel_path;
  page->source_path = shown;
  page->fs_path = file.fs_path.string();
  page->source_hash = hash;
  bool is_index = file.fs_path.filename() == "_index.md";
  page->is_section = is_index;
  page->rel_dir = is_index ? ParentDir(file.rel_path) : ParentDir(file.rel_path);
  page->is_home = is_index && page->rel_dir.empty();
  page->meta = std::move(parsed->meta);
  page->body = std::move(parsed->body);
  page->body_line = parsed->body_line;
  return page;
}

// A folder with pages but no _index.md still needs a section page for its
// breadcrumbs and list; its title comes from the folder name.
std::unique_ptr<Page> ImplicitSection(size_t lang_index, const std::string& rel_dir,
                                      const std::string& lang_code, const std::string& site_title) {
  auto page = std::make_unique<Page>();
  page->lang_index = lang_index;
  page->rel_dir = rel_dir;
  page->rel_path = rel_dir.empty() ? "_index.md" : rel_dir + "/_index.md";
  page->source_path = "content/" + lang_code + "/" + page->rel_path;
  page->is_section = true;
  page->is_home = rel_dir.empty();
  page->implicit = true;
  std::string name = rel_dir.substr(rel_dir.rfind('/') == std::string::npos ? 0 : rel_dir.rfind('/') + 1);
  std::replace(name.begin(), name.end(), '-', ' ');
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  page->meta.title = page->is_home ? site_title : name;
  return page;
}

void AddImplicitSections(Language& lang, size_t lang_index, Diagnostics& diags) {
  std::set<std::string> have, need = {""};
  for (const auto& p : lang.pages) {
    if (p->is_section) have.insert(p->rel_dir);
    for (std::string dir = p->is_section ? ParentDir(p->rel_dir) : p->rel_dir;; dir = ParentDir(dir)) {
      need.insert(dir);
      if (dir.empty()) break;
    }
  }
  for (const std::string& dir : need) {
    if (have.count(dir)) continue;
    auto page = ImplicitSection(lang_index, dir, lang.config->code, lang.config->title);
    if (!dir.empty())
      diags.Warning({"content/" + lang.config->code + "/" + dir},
                    "the folder has no _index.md; its section is titled \"" + page->meta.title +
                        "\" from the folder name. Add an _index.md with a title");
    lang.pages.push_back(std::move(page));
  }
}

void CheckLanguageFolders(const Site& site, Diagnostics& diags) {
  fs::path content = fs::path(site.source_dir) / "content";
  std::error_code ec;
  if (!fs::is_directory(content, ec)) {
    diags.Error(
        {"content"},
        "the site has no content/ folder; create content/en/ and content/fr/ with an _index.md in each");
    return;
  }
  std::vector<std::string> codes = site.config.LanguageCodes();
  std::vector<std::string> entries;
  for (const auto& entry : fs::directory_iterator(content, ec))
    if (!IsHidden(entry.path())) entries.push_back(entry.path().filename().string());
  std::sort(entries.begin(), entries.end());
  for (const std::string& name : entries) {
    if (std::find(codes.begin(), codes.end(), name) != codes.end()) continue;
    bool is_dir = fs::is_directory(content / name, ec);
    diags.Error({"content/" + name}, is_dir ? "unknown language folder \"" + name + "\"" +
                                                  DidYouMeanSuffix(name, codes) + "; site.toml defines " +
                                                  JoinQuoted(codes) + ": add [languages." + name +
                                                  "] to site.toml or move the folder"
                                            : "a file directly in content/ belongs to no language; move it "
                                              "into content/" +
                                                  codes.front() + "/ or another language folder");
  }
}

}  // namespace

void LoadContent(Site& site, const LoadOptions& options, Diagnostics& diags) {
  CheckLanguageFolders(site, diags);
  fs::path site_root = fs::weakly_canonical(site.source_dir);
  for (size_t i = 0; i < site.languages.size(); ++i) {
    Language& lang = site.languages[i];
    std::string prefix = "content/" + lang.config->code + "/";
    fs::path dir = fs::path(site.source_dir) / "content" / lang.config->code;
    std::error_code ec;
    if (fs::is_directory(dir, ec)) {
      std::vector<FoundFile> files = FindMarkdown(dir, site_root, prefix, diags);
      std::vector<std::unique_ptr<Page>> loaded(files.size());
      ParallelFor(files.size(), options.jobs, [&](size_t k, unsigned) {
        loaded[k] = LoadPage(files[k], i, prefix + files[k].rel_path, diags);
      });
      for (auto& page : loaded)
        if (page && (!page->meta.draft || options.drafts)) lang.pages.push_back(std::move(page));
    } else {
      diags.Warning({prefix},
                    "no content for language \"" + lang.config->code + "\"; create " + prefix + "_index.md");
    }
    AddImplicitSections(lang, i, diags);
    std::sort(lang.pages.begin(), lang.pages.end(),
              [](const auto& a, const auto& b) { return a->rel_path < b->rel_path; });
    for (const auto& p : lang.pages)
      if (p->is_home) lang.home = p.get();
  }
}

namespace {

bool ComesFirst(const Locale& locale, const Page* a, const Page* b) {
  if (a->meta.weight != b->meta.weight) {
    // Pages without a weight (0) come after weighted ones, as in Hugo.
    if (a->meta.weight == 0 || b->meta.weight == 0) return b->meta.weight == 0;
    return a->meta.weight < b->meta.weight;
  }
  int c = locale.Compare(a->meta.title, b->meta.title);
  if (c != 0) return c < 0;
  return a->rel_path < b->rel_path;
}

}  // namespace

void BuildSectionTree(Site& site, Diagnostics&) {
  for (Language& lang : site.languages) {
    std::map<std::string, Page*> sections;
    for (const auto& p : lang.pages)
      if (p->is_section) sections[p->rel_dir] = p.get();
    for (const auto& p : lang.pages) {
      if (p->is_home) continue;
      std::string dir = p->is_section ? ParentDir(p->rel_dir) : p->rel_dir;
      p->parent = sections.at(dir);
      p->parent->children.push_back(p.get());
    }
    for (const auto& p : lang.pages)
      std::stable_sort(p->children.begin(), p->children.end(),
                       [&](const Page* a, const Page* b) { return ComesFirst(*lang.locale, a, b); });
  }
}

}  // namespace tandem
