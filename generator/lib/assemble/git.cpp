#include "assemble/git.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <vector>

#include "support/text.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

// Runs git with `args` in `dir`, without a shell, and returns its standard output, or nullopt
// if it could not run or failed. Its errors go nowhere: tandem says what went wrong itself.
std::optional<std::string> RunGit(const std::string& dir, std::vector<std::string> args) {
  args.insert(args.begin(), {"git", "-C", dir});
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) return std::nullopt;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid;
  int spawned = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  std::string output;
  if (spawned == 0) {
    char buffer[65536];
    for (ssize_t n; (n = read(out[0], buffer, sizeof buffer)) != 0;) {
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) break;
      output.append(buffer, static_cast<size_t>(n));
    }
  }
  close(out[0]);
  if (spawned != 0) return std::nullopt;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return output;
}

std::optional<std::string> FirstLine(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  if (!std::getline(in, line)) return std::nullopt;
  return line;
}

// The commit HEAD names in a .git folder: a detached HEAD holds it, a branch's is in its loose
// ref file or in packed-refs, in the folder itself or, for a worktree, in the repository's
// common folder. nullopt when it is none of these.
std::optional<std::string> HeadOfGitDir(const fs::path& git) {
  auto head = FirstLine(git / "HEAD");
  if (!head) return std::nullopt;
  if (!StartsWith(*head, "ref: ")) return head->size() >= 40 ? head : std::nullopt;
  std::string ref = head->substr(5);
  fs::path common = git;
  if (auto dir = FirstLine(git / "commondir"))
    common = fs::path(*dir).is_absolute() ? fs::path(*dir) : git / *dir;
  for (const fs::path& at : {git, common})
    if (auto loose = FirstLine(at / ref)) return loose->size() >= 40 ? loose : std::nullopt;
  std::ifstream packed(common / "packed-refs");
  for (std::string line; std::getline(packed, line);) {
    size_t space = line.find(' ');
    if (space != std::string::npos && line.compare(space + 1, std::string::npos, ref) == 0)
      return line.substr(0, space);
  }
  return std::nullopt;
}

// The folder a .git file points at ("gitdir: ../.git/worktrees/x"), for a worktree or submodule.
std::optional<fs::path> GitDirOfFile(const fs::path& file) {
  auto line = FirstLine(file);
  if (!line || !StartsWith(*line, "gitdir: ")) return std::nullopt;
  fs::path dir = line->substr(8);
  return dir.is_absolute() ? dir : file.parent_path() / dir;
}

// The git folder of the work tree holding `dir` (a worktree's own, for a worktree), or nullopt.
std::optional<fs::path> FindGitDir(const std::string& dir) {
  std::error_code ec;
  for (fs::path at = fs::absolute(dir, ec).lexically_normal();; at = at.parent_path()) {
    fs::path git = at / ".git";
    if (fs::is_directory(git, ec)) return git;
    if (fs::is_regular_file(git, ec)) return GitDirOfFile(git);
    if (at == at.parent_path()) return std::nullopt;
  }
}

// The folder holding the repository's shared files (objects, refs, shallow): for a worktree,
// the one its commondir file names.
fs::path CommonDir(const fs::path& git) {
  auto dir = FirstLine(git / "commondir");
  if (!dir) return git;
  return fs::path(*dir).is_absolute() ? fs::path(*dir) : git / *dir;
}

}  // namespace

std::map<std::string, std::string> ParseGitLog(const std::string& log) {
  std::map<std::string, std::string> dates;
  std::string current;
  size_t start = 0;
  while (start < log.size()) {
    size_t end = log.find('\0', start);
    if (end == std::string::npos) end = log.size();
    std::string token = log.substr(start, end - start);
    start = end + 1;
    while (!token.empty() && token.front() == '\n') token.erase(0, 1);
    if (token.empty()) continue;
    if (token.front() == '\x1e') {
      current = token.substr(1);
      continue;
    }
    // Newest commits come first: the first date seen for a file is its last change.
    dates.emplace(ToNfc(token), current);
  }
  return dates;
}

std::string GitHead(const std::string& dir) {
  // Read from .git directly, since a no-op build asks every time and starting git costs more
  // than the rest of that check; only a layout this does not know (reftable) asks git itself.
  auto git = FindGitDir(dir);
  if (!git) return "";
  if (auto head = HeadOfGitDir(*git)) return *head;
  std::string asked = RunGit(dir, {"rev-parse", "HEAD"}).value_or("");
  return asked.substr(0, asked.find('\n'));
}

std::map<std::string, std::string> LoadGitDates(const std::string& dir, Diagnostics& diags, bool* in_git) {
  // Whether the site is in a work tree, and whether its clone is shallow, are read from .git:
  // git itself is started once, for the log.
  auto git = FindGitDir(dir);
  if (in_git) *in_git = git.has_value();
  if (!git) return {};
  std::error_code ec;
  if (fs::exists(CommonDir(*git) / "shallow", ec))
    diags.Warning({"."},
                  "this is a shallow git clone, so every page gets the clone's date as its date modified; "
                  "fetch the full history (git fetch --unshallow, or fetch-depth: 0 in CI)");
  auto log = RunGit(dir, {"-c", "core.quotepath=off", "log", "--no-renames", "--name-only", "-z",
                          "--format=%x1e%ad", "--date=short", "--relative", "--", "."});
  if (!log) return {};
  return ParseGitLog(*log);
}

}  // namespace tandem
