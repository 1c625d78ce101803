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

namespace {

// A commit marked "[minor]" in its message, or with a "Translation-impact: none" trailer, is one
// a translation need not follow.
bool MattersToTranslation(std::string_view trailer, std::string_view message) {
  if (message.find("[minor]") != std::string_view::npos) return false;
  std::string impact;
  for (char c : trailer)
    if (c != ' ' && c != '\t' && c != '\n') impact += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return impact != "none";
}

// A commit header: "\x1e<date>", then "\x1f<trailer>\x1f<message>" when the log was asked for them.
void ReadHeader(std::string_view header, std::string& date, bool& matters) {
  size_t first = header.find('\x1f');
  date = std::string(header.substr(0, first));
  matters = true;
  if (first == std::string_view::npos) return;
  size_t second = header.find('\x1f', first + 1);
  if (second == std::string_view::npos) return;
  matters = MattersToTranslation(header.substr(first + 1, second - first - 1), header.substr(second + 1));
}

}  // namespace

// Every commit's header follows an empty field (the format starts with %x00, and a file name is
// never empty): a file whose name starts with 0x1E is a file, not a commit's header.
std::map<std::string, FileHistory> ParseGitHistory(const std::string& log) {
  std::map<std::string, FileHistory> files;
  size_t commit = FileHistory::kNone;  // the first header makes it 0
  std::string date;
  bool matters = true;
  enum class Next { kField, kHeader, kFirstFile } next = Next::kField;
  size_t start = 0;
  while (start < log.size()) {
    size_t end = log.find('\0', start);
    if (end == std::string::npos) end = log.size();
    std::string_view token(log.data() + start, end - start);
    start = end + 1;
    if (token.empty()) {
      next = Next::kHeader;
      continue;
    }
    if (next == Next::kHeader) {
      next = Next::kFirstFile;
      if (token.front() != '\x1e') return {};  // not the output asked for: no dates rather than wrong ones
      ++commit;
      ReadHeader(token.substr(1), date, matters);
      continue;
    }
    if (commit == FileHistory::kNone) return {};
    if (next == Next::kFirstFile && token.front() == '\n') token.remove_prefix(1);  // git's, after a header
    next = Next::kField;
    if (token.empty()) continue;
    // Newest commits come first: the first commit seen for a file is its last change.
    FileHistory& file = files[ToNfc(std::string(token))];
    if (file.last == FileHistory::kNone) file.last = commit, file.last_date = date;
    file.first_date = date;  // the oldest commit comes last
    if (matters && file.last_significant == FileHistory::kNone)
      file.last_significant = commit, file.significant_date = date;
  }
  return files;
}

std::map<std::string, std::string> ParseGitLog(const std::string& log) {
  std::map<std::string, std::string> dates;
  for (auto& [path, history] : ParseGitHistory(log)) dates.emplace(path, history.last_date);
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

std::map<std::string, FileHistory> LoadGitHistory(const std::string& dir, Diagnostics& diags, bool* in_git) {
  // Whether the site is in a work tree, and whether its clone is shallow, are read from .git:
  // git itself is started once, for the log.
  auto git = FindGitDir(dir);
  if (in_git) *in_git = git.has_value();
  if (!git) return {};
  std::error_code ec;
  if (fs::exists(CommonDir(*git) / "shallow", ec))
    diags.Warning({"."},
                  "this is a shallow git clone, so every page gets the clone's date as its date modified; "
                  "fetch the full history (git fetch --unshallow, or fetch-depth: 0 in CI)",
                  {}, "git-shallow");
  // The same pass gives each commit's message and Translation-impact trailer, for stale translations.
  auto log = RunGit(
      dir, {"-c", "core.quotepath=off", "log", "--no-renames", "--name-only", "-z",
            "--format=%x00%x1e%ad%x1f%(trailers:key=Translation-impact,valueonly,separator=%x2C)%x1f%B",
            "--date=iso-strict", "--relative", "--", "."});
  if (!log) return {};
  return ParseGitHistory(*log);
}

std::map<std::string, std::string> LoadGitDates(const std::string& dir, Diagnostics& diags, bool* in_git) {
  std::map<std::string, std::string> dates;
  for (auto& [path, history] : LoadGitHistory(dir, diags, in_git)) dates.emplace(path, history.last_date);
  return dates;
}

}  // namespace tandem
