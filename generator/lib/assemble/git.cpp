#include "assemble/git.hpp"

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>

#include "support/text.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs a command and returns its standard output, or nullopt if it failed.
std::optional<std::string> Capture(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen((command + " 2>/dev/null").c_str(), "r"), pclose);
  if (!pipe) return std::nullopt;
  std::string out;
  std::array<char, 65536> buffer;
  for (size_t n; (n = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0;) out.append(buffer.data(), n);
  int status = pclose(pipe.release());
  if (status != 0) return std::nullopt;
  return out;
}

std::optional<std::string> FirstLine(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  if (!std::getline(in, line)) return std::nullopt;
  return line;
}

// The commit HEAD names in a .git folder: a detached HEAD holds it, a branch's is in its loose
// ref file or in packed-refs. nullopt when it is none of these.
std::optional<std::string> HeadOfGitDir(const fs::path& git) {
  auto head = FirstLine(git / "HEAD");
  if (!head) return std::nullopt;
  if (!StartsWith(*head, "ref: ")) return head->size() >= 40 ? head : std::nullopt;
  std::string ref = head->substr(5);
  if (auto loose = FirstLine(git / ref)) return loose->size() >= 40 ? loose : std::nullopt;
  std::ifstream packed(git / "packed-refs");
  for (std::string line; std::getline(packed, line);) {
    size_t space = line.find(' ');
    if (space != std::string::npos && line.compare(space + 1, std::string::npos, ref) == 0)
      return line.substr(0, space);
  }
  return std::nullopt;
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
  // Read from .git directly where it is a plain folder, since a no-op build asks every time and
  // starting git costs more than the rest of that check; other layouts (worktrees, reftable) ask git.
  std::error_code ec;
  for (fs::path at = fs::absolute(dir, ec).lexically_normal();; at = at.parent_path()) {
    fs::path git = at / ".git";
    if (fs::is_directory(git, ec)) {
      if (auto head = HeadOfGitDir(git)) return *head;
      break;
    }
    if (fs::exists(git, ec)) break;
    if (at == at.parent_path()) break;
  }
  std::string head = Capture("git -C " + ShellQuote(dir) + " rev-parse HEAD").value_or("");
  return head.substr(0, head.find('\n'));
}

std::map<std::string, std::string> LoadGitDates(const std::string& dir, Diagnostics& diags, bool* in_git) {
  std::string git = "git -C " + ShellQuote(dir) + " ";
  auto inside = Capture(git + "rev-parse --is-inside-work-tree");
  if (in_git) *in_git = inside && StartsWith(*inside, "true");
  if (!inside || !StartsWith(*inside, "true")) return {};
  auto shallow = Capture(git + "rev-parse --is-shallow-repository");
  if (shallow && StartsWith(*shallow, "true"))
    diags.Warning({"."},
                  "this is a shallow git clone, so every page gets the clone's date as its date modified; "
                  "fetch the full history (git fetch --unshallow, or fetch-depth: 0 in CI)");
  auto log = Capture(git +
                     "-c core.quotepath=off log --no-renames --name-only -z --format=%x1e%ad --date=short "
                     "--relative -- .");
  if (!log) return {};
  return ParseGitLog(*log);
}

}  // namespace tandem
