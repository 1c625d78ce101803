// Git, asked once per build: the last commit date of every file (one `git log`
// pass over the whole repository) and the commit the site is checked out at.
#pragma once

#include <map>
#include <string>

#include "support/diagnostics.hpp"

namespace tandem {

// The last commit date (YYYY-MM-DD) of every file under `dir`, keyed by its
// path relative to `dir`, from one `git log` pass. Empty when `dir` is not in
// a git work tree. Warns when the clone is shallow.
std::map<std::string, std::string> LoadGitDates(const std::string& dir, Diagnostics& diags,
                                                bool* in_git = nullptr);

// Parses the output of `git log --name-only -z --format=%x1e%ad --date=short`.
std::map<std::string, std::string> ParseGitLog(const std::string& log);

// The commit `dir` is checked out at, or "" outside git.
std::string GitHead(const std::string& dir);

}  // namespace tandem
