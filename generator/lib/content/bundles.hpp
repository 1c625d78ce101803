// Page files and page bundles. A page is a .md file, or an .html file that starts with front
// matter (its body is HTML, used as written). A page named index.md (or index.html) is a leaf
// bundle: its folder is the page, and every other file in that folder and its subfolders is
// copied next to its HTML. A section's _index.md is a branch bundle: the files directly in its
// folder are copied next to its HTML. A file in no bundle is not published (a warning).
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/site.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

inline constexpr const char* kContentFileUnpublished = "content-file-unpublished";
inline constexpr const char* kImageUnused = "image-unused";

// Whether `path` is a page: a .md file, or an .html file whose first line is +++ or ---.
bool IsPageFile(const std::filesystem::path& path);

// "_index.md", "_index.html": the file of a section.
bool IsSectionFileName(const std::string& name);
// "index.md", "index.html": the file of a leaf bundle (or, directly in a language's folder, of its home).
bool IsLeafFileName(const std::string& name);

// The path translations are paired by: an .html page pairs with a .md page of the same name.
std::string PairingPath(const std::string& rel_path);

// A file of content/<lang>/ that is not a page.
struct ContentFile {
  std::string rel;  // NFC, relative to the language's content folder, without a language suffix
  std::string source_path;
  std::string fs_path;
};

// Gives each page of `lang` the files of its bundle. `page_paths` are the rel_paths of every
// page file found, held back or not: the files of a draft's bundle are left out without a word.
void AttachBundleFiles(Language& lang, const std::set<std::string>& page_paths,
                       const std::vector<ContentFile>& files, Diagnostics& diags);

// A leaf bundle is one page: a page file inside its folder is an error, and is left out. So is
// a folder's second section file (_index.md and _index.html, or the home's index.md).
void DropMisplacedPages(Language& lang, Diagnostics& diags);

// Where the bundle file `file` of `page` is written, relative to the output folder.
std::string BundleFileOutputPath(const Page& page, const BundleFile& file);

// The page and bundle file that content path `rel` (relative to the language's content folder)
// names, if it names one.
struct FoundBundleFile {
  const Page* page = nullptr;
  const BundleFile* file = nullptr;
};
std::optional<FoundBundleFile> FindBundleFile(const Language& lang, const std::string& rel);

// Whether a file name ends in an image extension (png, jpg, jpeg, gif, svg, webp).
bool IsImageFileName(const std::string& name);

}  // namespace tandem
