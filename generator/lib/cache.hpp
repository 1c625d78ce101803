// The build cache, kept in <output>/.tandem/ beside the manifest:
// - a signature of every input file (path, size, modification time), the git
//   HEAD, the options and the tandem program itself: when none of them changed
//   and the output is intact, a build stops after that one look;
// - for each page, a key hashed from everything its HTML is made of (its file's
//   bytes, the titles and URLs it links to, the theme, the config and the data
//   it uses): a page whose key did not change is neither rendered nor written.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "diagnostics.hpp"

namespace tandem {

// Hashes the stat data of every file in `paths` (files, or folders walked recursively) plus
// `extra`, stating files on `jobs` threads.
uint64_t InputSignature(const std::string& source_dir, const std::vector<std::string>& paths,
                        const std::string& extra, unsigned jobs);

struct CachedPage {
  uint64_t key = 0;
  std::vector<std::string> files;    // output paths: the page and its attachments
  std::vector<Diagnostic> warnings;  // found while rendering its Markdown
};

// What the last successful build left in .tandem/.
struct BuildCache {
  uint64_t inputs = 0;                      // 0: unknown
  std::map<std::string, CachedPage> pages;  // by source path
  std::vector<std::pair<std::string, size_t>> pages_per_language;
  std::vector<Diagnostic> warnings;

  // Without `with_pages`, only what a build with nothing changed needs: inputs, counts, warnings.
  static BuildCache Load(const std::string& path, bool with_pages = true);
  void Save(const std::string& path) const;
};

}  // namespace tandem
