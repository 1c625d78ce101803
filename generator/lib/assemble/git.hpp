// Git, asked once per build: the last commit of every file (one `git log` pass
// over the whole repository) and the commit the site is checked out at.
#pragma once

#include <map>
#include <string>

#include "model/page.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

// The history of every file under `dir` (its last commit and date, YYYY-MM-DD, and its last
// commit that matters to a translation), keyed by its path relative to `dir`, from one `git log`
// pass. Empty when `dir` is not in a git work tree. Warns when the clone is shallow.
std::map<std::string, FileHistory> LoadGitHistory(const std::string& dir, Diagnostics& diags,
                                                  bool* in_git = nullptr);
// The last commit date of every file: LoadGitHistory's dates.
std::map<std::string, std::string> LoadGitDates(const std::string& dir, Diagnostics& diags,
                                                bool* in_git = nullptr);

// Parses the output of `git log --name-only -z --format=%x00%x1e%ad%x1f<trailer>%x1f%B
// --date=short`, where <trailer> is the value of a Translation-impact trailer; a header of the
// date alone (`--format=%x00%x1e%ad`) is a commit that matters. Each header follows an empty
// field, which no file name can be: the names are NUL-separated and may hold any other byte.
std::map<std::string, FileHistory> ParseGitHistory(const std::string& log);
std::map<std::string, std::string> ParseGitLog(const std::string& log);

// The commit `dir` is checked out at, or "" outside git.
std::string GitHead(const std::string& dir);

}  // namespace tandem
