// Building fixture sites from tests/sites/ in a scratch folder, and reading what came out.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "pipeline/build.hpp"
#include "support/diagnostics.hpp"

namespace tandem::testing {

namespace fs = std::filesystem;

// A fresh, empty folder under the system's temporary folder, removed on destruction.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// A copy of a fixture site (or an empty site) in a scratch folder, with helpers to change it.
class FixtureSite {
 public:
  // Copies tests/sites/<name>; an empty name gives an empty folder.
  explicit FixtureSite(const std::string& name = "");
  fs::path source() const { return scratch_.path() / "site"; }
  fs::path output() const { return scratch_.path() / "public"; }
  void WriteFile(const std::string& rel, const std::string& bytes) const;
  void Remove(const std::string& rel) const;
  // Copies tandem's gc theme into the site as themes/<name>, for a test to change it.
  void CopyDefaultTheme(const std::string& name = "gc") const;
  // Removes a UI string from both languages of the site's copy of the gc theme.
  void DropThemeString(const std::string& key) const;

  struct Result {
    BuildReport report;
    std::string errors;    // every error, formatted, one after another
    std::string warnings;  // every warning, formatted
    std::string notes;     // every note, formatted
  };
  Result Build(BuildOptions options = {}) const;

  bool Exists(const std::string& rel) const { return fs::exists(output() / rel); }
  std::string Read(const std::string& rel) const;
  // Every file under the output folder (its .tandem/ state excluded): path -> bytes.
  std::map<std::string, std::string> Snapshot() const;

 private:
  ScratchDir scratch_;
};

// Runs the tandem program with `args` (and `env`, such as "LANG=C ", before it), as a shell would.
struct ProgramRun {
  int status = -1;     // exit status; -1 when it did not exit (killed by a signal)
  std::string output;  // standard output and error together
};
ProgramRun RunTandem(const std::string& args, const std::string& env = "");
// Runs a shell command line, its standard error with its output.
ProgramRun RunCommand(const std::string& shell_command);

// "Billion laughs": `before`, then YAML keys a0 to a<levels - 1>, one a line, each a list of
// `per` aliases to the one before it (a0: `per` x), so that a<n> stands for per^(n+1) values.
std::string YamlAliasBomb(const std::string& before, int levels, int per);

std::string ReadBytes(const fs::path& path);
std::map<std::string, std::string> SnapshotDir(const fs::path& dir);

}  // namespace tandem::testing
