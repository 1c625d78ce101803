// What makes a rebuild cheap, kept in <output>/.tandem/cache (the state file
// format of output/state_file.hpp):
// - a signature of every input file (path, size, modification time, inode),
//   the git HEAD, the options, and the program with its ICU and cmark-gfm: when
//   none changed and the output is intact, a build stops after that one look;
// - per page, a key hashed from its file, its template, its view (everything
//   its template is shown) and the site-wide inputs, plus the dependencies its
//   directives recorded (data, directive templates): a page whose key and
//   dependencies did not change is neither rendered nor written.
// A damaged cache is a note, and the build renders everything.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "check/html_scan.hpp"
#include "directives/directive.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

// Hashes the stat data of every file in `paths` (files, or folders walked recursively, relative to
// `source_dir` unless absolute) plus `extra`, stating files on `jobs` threads.
uint64_t InputSignature(const std::string& source_dir, const std::vector<std::string>& paths,
                        const std::string& extra, unsigned jobs);

// The versions of everything that shapes the output besides the site: tandem, ICU, cmark-gfm.
std::string ProgramIdentity();

struct CachedPage {
  uint64_t key = 0;
  std::vector<std::string> files;  // output paths: the page and its attachments
  std::vector<Dependency> dependencies;
  std::vector<Diagnostic> warnings;  // found while rendering it
  PageLinks links;                   // its ids and links, for the link check of later builds
};

// What the last successful build left in .tandem/cache.
struct BuildCache {
  uint64_t inputs = 0;                      // 0: unknown
  std::map<std::string, CachedPage> pages;  // by source path
  std::vector<std::pair<std::string, size_t>> pages_per_language;
  std::vector<Diagnostic> warnings;  // every warning of that build, to repeat when nothing changed
  int64_t next_change_ms = 0;        // when a page's publish or expiry date comes; 0: none to come

  // A missing cache is empty; a damaged one is empty and noted in `diags`.
  static BuildCache Load(const std::string& path, Diagnostics& diags);
  void Save(const std::string& path) const;  // throws IoError
};

// Whether a cached page can be carried over: its key is the same, and so is every dependency
// (`current` gives a dependency's hash now, nullopt for one that no longer exists).
bool StillValid(const CachedPage& cached, uint64_t key,
                const std::function<std::optional<uint64_t>(const std::string&)>& current);

}  // namespace tandem
