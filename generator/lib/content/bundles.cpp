#include "content/bundles.hpp"

#include <algorithm>
#include <fstream>
#include <map>

#include "support/text.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

std::string ParentOf(const std::string& rel) {
  size_t slash = rel.rfind('/');
  return slash == std::string::npos ? "" : rel.substr(0, slash);
}

std::string NameOf(const std::string& rel) {
  size_t slash = rel.rfind('/');
  return slash == std::string::npos ? rel : rel.substr(slash + 1);
}

// The page file that owns the content file `rel`, if one does: the nearest leaf bundle
// (index.md) in its folder or above, else the section (_index.md, or the home's index.md) of
// its own folder.
std::optional<std::string> OwnerOf(const std::string& rel, const std::set<std::string>& page_paths) {
  const std::string folder = ParentOf(rel);
  for (std::string dir = folder;; dir = ParentOf(dir)) {
    std::string prefix = dir.empty() ? "" : dir + "/";
    for (const char* name : {"index.md", "index.html", "_index.md", "_index.html"}) {
      bool leaf = name[0] == 'i' && !dir.empty();
      if ((leaf || dir == folder) && page_paths.count(prefix + name)) return prefix + name;
    }
    if (dir.empty()) return std::nullopt;
  }
}

void WarnUnpublished(const ContentFile& file, Diagnostics& diags) {
  bool html = EndsWith(file.rel, ".html");
  diags.Warning({file.source_path},
                "this file is in no page bundle, so it is not published; move it beside an index.md (a "
                "page bundle) or a section's _index.md, or into static/" +
                    std::string(html ? ". To make it a page, start it with front matter (+++ or ---)" : ""),
                {}, kContentFileUnpublished);
}

const Page* FindPageAt(const Language& lang, const std::string& rel_path) {
  auto it = std::lower_bound(lang.pages.begin(), lang.pages.end(), rel_path,
                             [](const auto& page, const std::string& rel) { return page->rel_path < rel; });
  return it != lang.pages.end() && (*it)->rel_path == rel_path ? it->get() : nullptr;
}

}  // namespace

bool IsPageFile(const fs::path& path) {
  std::string ext = path.extension().string();
  if (ext == ".md") return true;
  if (ext != ".html") return false;
  std::ifstream in(path, std::ios::binary);
  char head[8] = {};
  in.read(head, sizeof head);
  std::string_view text(head, static_cast<size_t>(in.gcount()));
  if (StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  if (!StartsWith(text, "+++") && !StartsWith(text, "---")) return false;
  return text.size() == 3 || text[3] == '\n' || text[3] == '\r';
}

bool IsSectionFileName(const std::string& name) {
  return name == "_index.md" || name == "_index.html";
}

bool IsLeafFileName(const std::string& name) {
  return name == "index.md" || name == "index.html";
}

std::string PairingPath(const std::string& rel_path) {
  return EndsWith(rel_path, ".html") ? rel_path.substr(0, rel_path.size() - 5) + ".md" : rel_path;
}

void AttachBundleFiles(Language& lang, const std::set<std::string>& page_paths,
                       const std::vector<ContentFile>& files, Diagnostics& diags) {
  std::map<std::string, Page*> pages;
  for (const auto& page : lang.pages)
    if (!page->implicit) pages[page->rel_path] = page.get();
  for (const ContentFile& file : files) {
    auto owner = OwnerOf(file.rel, page_paths);
    if (!owner) {
      WarnUnpublished(file, diags);
      continue;
    }
    auto page = pages.find(*owner);
    if (page == pages.end()) continue;  // a draft's, or a page in error
    std::string folder = ParentOf(*owner);
    page->second->files.push_back(
        {file.rel.substr(folder.empty() ? 0 : folder.size() + 1), file.source_path, file.fs_path});
  }
  for (auto& [rel, page] : pages)
    std::sort(page->files.begin(), page->files.end(),
              [](const BundleFile& a, const BundleFile& b) { return a.rel < b.rel; });
}

namespace {

void DropPagesInsideLeafBundles(Language& lang, Diagnostics& diags) {
  std::map<std::string, std::string> leaves;  // folder -> its index.md or index.html
  for (const auto& page : lang.pages)
    if (!page->bundle_dir.empty()) leaves[page->bundle_dir] = NameOf(page->rel_path);
  if (leaves.empty()) return;
  const std::string content = lang.config.content_dir + "/";
  auto inside = [&](const Page& page) -> std::optional<std::string> {
    for (std::string dir = ParentOf(page.rel_path); !dir.empty(); dir = ParentOf(dir))
      if (dir != page.bundle_dir && leaves.count(dir)) return dir;
    return std::nullopt;
  };
  auto end = std::remove_if(lang.pages.begin(), lang.pages.end(), [&](const std::unique_ptr<Page>& page) {
    auto leaf = inside(*page);
    if (!leaf) return false;
    const std::string& index = leaves[*leaf];
    diags.Error({page->source_path}, "this page is inside the page bundle " + content + *leaf + "/, whose " +
                                         index + " is one page with its files; move this page out of " +
                                         *leaf + "/, or rename " + *leaf + "/" + index + " to _" + index +
                                         " to make " + *leaf + "/ a section");
    return true;
  });
  lang.pages.erase(end, lang.pages.end());
}

void DropSecondSectionFiles(Language& lang, Diagnostics& diags) {
  std::map<std::string, const Page*> sections;  // folder -> its section page
  auto end = std::remove_if(lang.pages.begin(), lang.pages.end(), [&](const std::unique_ptr<Page>& page) {
    if (!page->is_section) return false;
    auto [it, first] = sections.emplace(page->rel_dir, page.get());
    if (first) return false;
    diags.Error({page->source_path}, "this file and " + it->second->source_path +
                                         " are both the page of the folder " + lang.config.content_dir + "/" +
                                         page->rel_dir + (page->rel_dir.empty() ? "" : "/") +
                                         "; remove or rename one of them");
    return true;
  });
  lang.pages.erase(end, lang.pages.end());
}

}  // namespace

void DropMisplacedPages(Language& lang, Diagnostics& diags) {
  DropPagesInsideLeafBundles(lang, diags);
  DropSecondSectionFiles(lang, diags);
}

std::string BundleFileOutputPath(const Page& page, const BundleFile& file) {
  const std::string& out = page.output_path;
  return out.substr(0, out.size() - std::string_view("index.html").size()) + file.rel;
}

std::optional<FoundBundleFile> FindBundleFile(const Language& lang, const std::string& rel) {
  const std::string folder = ParentOf(rel);
  for (std::string dir = folder;; dir = ParentOf(dir)) {
    std::string prefix = dir.empty() ? "" : dir + "/";
    for (const char* name : {"index.md", "index.html", "_index.md", "_index.html"}) {
      bool leaf = name[0] == 'i' && !dir.empty();
      if (!leaf && dir != folder) continue;
      const Page* page = FindPageAt(lang, prefix + name);
      if (!page) continue;
      std::string own = rel.substr(prefix.size());
      auto it = std::lower_bound(page->files.begin(), page->files.end(), own,
                                 [](const BundleFile& f, const std::string& r) { return f.rel < r; });
      if (it != page->files.end() && it->rel == own) return FoundBundleFile{page, &*it};
      return std::nullopt;
    }
    if (dir.empty()) return std::nullopt;
  }
}

bool IsImageFileName(const std::string& name) {
  std::string ext = AsciiLower(fs::path(NameOf(name)).extension().string());
  for (const char* image : {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"})
    if (ext == image) return true;
  return false;
}

}  // namespace tandem
