// Builds killed (SIGKILL) or failing (an I/O error) at every fault point of the build, through
// TANDEM_TEST_FAULT (support/fault.hpp): the output folder holds the old site or the new one,
// and the next build finishes the job. The environment variable is read once per process, so
// every build here is the tandem program run as a child.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "fixture.hpp"
#include "pipeline/phases.hpp"

using namespace tandem::testing;

extern char** environ;

namespace {

// How many times one build passes a fault point: it depends on what the build writes.
struct Passes {
  int written = 0;  // files written, to the stage or straight to their place
  int moved = 0;    // staged files moved into place by the commit
  int removed = 0;  // old files the commit deletes
  bool staged = false;
};

// Where a fault point lies: before the commit journal is written the old output is untouched;
// while the journal is replayed the folder is part old, part new, until the next run finishes it
// (when the build is killed; a build that fails there puts every file back); after it the new
// output is in place.
enum class Phase { kBeforeJournal, kCommitting, kAfterCommit };

struct Point {
  const char* name;
  Phase phase;
  int (*passes)(const Passes&);
};

int Once(const Passes&) {
  return 1;
}
int PerFileWritten(const Passes& p) {
  return p.written;
}
int OnceIfStaged(const Passes& p) {
  return p.staged ? 1 : 0;
}
int PerFileMoved(const Passes& p) {
  return p.moved;
}
int PerFileRemoved(const Passes& p) {
  return p.removed;
}

// Every fault point of a build, in the order a build reaches them: a stage of the build's table
// (pipeline/phases.hpp) or a point inside one. A test below fails when a build passes a point
// missing here, so a new stage cannot go untried.
const Point kPoints[] = {
    {"config", Phase::kBeforeJournal, Once},
    {"checks", Phase::kBeforeJournal, Once},
    {"theme", Phase::kBeforeJournal, Once},
    {"unchanged?", Phase::kBeforeJournal, Once},
    {"languages", Phase::kBeforeJournal, Once},
    {"data", Phase::kBeforeJournal, Once},
    {"content", Phase::kBeforeJournal, Once},
    {"page params", Phase::kBeforeJournal, Once},
    {"titles", Phase::kBeforeJournal, Once},
    {"summaries", Phase::kBeforeJournal, Once},
    {"summary", Phase::kBeforeJournal, Once},
    {"sections", Phase::kBeforeJournal, Once},
    {"menus", Phase::kBeforeJournal, Once},
    {"urls", Phase::kBeforeJournal, Once},
    {"translations", Phase::kBeforeJournal, Once},
    {"dates", Phase::kBeforeJournal, Once},
    {"order", Phase::kBeforeJournal, Once},
    {"taxonomies", Phase::kBeforeJournal, Once},
    {"layouts", Phase::kBeforeJournal, Once},
    {"output", Phase::kBeforeJournal, Once},
    {"prepare", Phase::kBeforeJournal, Once},
    {"pages", Phase::kBeforeJournal, Once},
    {"render", Phase::kBeforeJournal, Once},
    {"write", Phase::kBeforeJournal, PerFileWritten},
    {"site files", Phase::kBeforeJournal, Once},
    {"publish", Phase::kBeforeJournal, Once},
    {"aliases", Phase::kBeforeJournal, Once},
    {"page files", Phase::kBeforeJournal, Once},
    {"static files", Phase::kBeforeJournal, Once},
    {"links", Phase::kBeforeJournal, Once},
    {"commit", Phase::kBeforeJournal, Once},
    {"journal", Phase::kBeforeJournal, OnceIfStaged},
    {"commit-move", Phase::kCommitting, PerFileMoved},
    {"commit-remove", Phase::kCommitting, PerFileRemoved},
    {"cache", Phase::kAfterCommit, Once},
};

// The passes to stop at: the first; for a point passed several times also the second, one in
// the middle and the last, and (when `beyond`) one more than there are, which must not stop the
// build at all. A point a build does not pass (n = 1 of 0) must not stop it either.
std::vector<int> PassesToTry(int passes, bool beyond) {
  std::set<int> at = {1};
  if (passes > 1) at.insert({2, passes / 2 + 1, passes});
  if (passes > 1 && beyond) at.insert(passes + 1);
  return {at.begin(), at.end()};
}

struct Run {
  bool killed = false;  // by SIGKILL
  int exit_code = -1;
  std::string output;  // standard output and error together
};

// Runs `tandem build` as a child, with TANDEM_TEST_FAULT set to `fault` (unset when empty), and
// TANDEM_TEST_FAULT_TRACE to `trace` (support/fault.hpp).
Run Tandem(const fs::path& source, const fs::path& output, const std::string& fault, bool stats = false,
           const std::string& trace = "") {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e)
    if (std::strncmp(*e, "TANDEM_TEST_FAULT", 17) != 0) env_strings.push_back(*e);
  if (!fault.empty()) env_strings.push_back("TANDEM_TEST_FAULT=" + fault);
  if (!trace.empty()) env_strings.push_back("TANDEM_TEST_FAULT_TRACE=" + trace);
  std::vector<char*> envp;
  for (std::string& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> arg_strings = {TANDEM_BINARY,   "build",    "--source",
                                          source.string(), "--output", output.string()};
  if (stats) arg_strings.push_back("--stats");
  std::vector<char*> argv;
  for (std::string& s : arg_strings) argv.push_back(s.data());
  argv.push_back(nullptr);

  int pipe_fds[2];
  REQUIRE(pipe(pipe_fds) == 0);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    dup2(pipe_fds[1], 1);
    dup2(pipe_fds[1], 2);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    execve(TANDEM_BINARY, argv.data(), envp.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  Run run;
  char buffer[4096];
  for (ssize_t n; (n = read(pipe_fds[0], buffer, sizeof buffer)) != 0;) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    run.output.append(buffer, static_cast<size_t>(n));
  }
  close(pipe_fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  run.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

// The output folder as a visitor sees it (its .tandem/ state excluded): every file with its
// bytes, and every folder as "<path>/", so that an empty folder left behind shows too.
using Tree = std::map<std::string, std::string>;

Tree ReadTree(const fs::path& dir) {
  Tree tree = SnapshotDir(dir);
  if (!fs::exists(dir)) return tree;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
    std::string rel = it->path().lexically_relative(dir).generic_string();
    if (rel == ".tandem") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_directory()) tree[rel + "/"] = "";
  }
  return tree;
}

// Only files, for comparing folders file by file.
Tree FilesOf(const Tree& tree) {
  Tree files;
  for (const auto& [rel, bytes] : tree)
    if (rel.back() != '/') files[rel] = bytes;
  return files;
}

// Copies a folder with the modification times of its files, as the manifest records them.
void CopyTree(const fs::path& from, const fs::path& to) {
  fs::create_directories(to);
  for (auto it = fs::recursive_directory_iterator(from); it != fs::recursive_directory_iterator(); ++it) {
    fs::path target = to / it->path().lexically_relative(from);
    if (it->is_directory()) {
      fs::create_directories(target);
    } else if (it->is_regular_file()) {
      fs::copy_file(it->path(), target);
      fs::last_write_time(target, fs::last_write_time(it->path()));
    }
  }
}

// The state tandem keeps after a build that succeeded: nothing staged, no journal left over.
std::set<std::string> StateFiles(const fs::path& output) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(output / ".tandem"))
    names.insert(entry.path().filename().string());
  return names;
}

// What `now` has that `want` lacks (+), lacks (-) or holds other bytes at (~).
std::string Differences(const Tree& now, const Tree& want) {
  std::string out;
  for (const auto& [rel, bytes] : now) {
    auto it = want.find(rel);
    if (it == want.end())
      out += "    + " + rel + "\n";
    else if (it->second != bytes)
      out += "    ~ " + rel + "\n";
  }
  for (const auto& [rel, bytes] : want)
    if (!now.count(rel)) out += "    - " + rel + "\n";
  return out;
}

// Which of the two sites a folder holds: "A", "B", or how it differs from each.
std::string Which(const Tree& now, const Tree& a, const Tree& b) {
  if (now == a) return "A";
  if (now == b) return "B";
  return "neither A nor B; against A:\n" + Differences(now, a) + "  against B:\n" + Differences(now, b);
}

std::string Page(const std::string& title, const std::string& text) {
  return "+++\ntitle = \"" + title + "\"\nmodified = 2024-01-01\n+++\n" + text + "\n";
}

// A site built once (output A) then changed, so that the next build writes, moves and deletes:
// one page edited, one deleted, one added, one static file deleted and one kept.
class CrashSite {
 public:
  CrashSite() : site_("minimal") {
    site_.WriteFile("content/en/edited.md", Page("Edited", "Before."));
    site_.WriteFile("content/en/deleted.md", Page("Deleted", "Going."));
    site_.WriteFile("content/en/kept.md", Page("Kept", "Staying."));
    site_.WriteFile("static/files/old.txt", "old\n");
    site_.WriteFile("static/files/kept.txt", "kept\n");
    Run a = Tandem(site_.source(), a_output(), "");
    REQUIRE(a.exit_code == 0);
    a_ = ReadTree(a_output());

    site_.WriteFile("content/en/edited.md", Page("Edited", "After."));
    site_.Remove("content/en/deleted.md");
    site_.WriteFile("content/en/added.md", Page("Added", "New."));
    site_.Remove("static/files/old.txt");
    Run b = Tandem(site_.source(), b_output(), "");
    REQUIRE(b.exit_code == 0);
    b_ = ReadTree(b_output());
    std::smatch counts;  // "en: 4 pages, fr: 1 pages"
    for (std::string out = b.output; std::regex_search(out, counts, std::regex("(\\d+) pages"));
         out = counts.suffix())
      pages_ += std::stoi(counts[1]);

    Tree a_files = FilesOf(a_), b_files = FilesOf(b_);
    for (const auto& [rel, bytes] : b_files) {
      auto old = a_files.find(rel);
      changed_ += old == a_files.end() || old->second != bytes;
    }
    for (const auto& [rel, bytes] : a_files) removed_ += b_files.count(rel) == 0;
    REQUIRE(changed_ >= 4);  // enough for a first, second, middle and last move
    REQUIRE(removed_ >= 2);
    REQUIRE(a_files.count("en/deleted/index.html"));
    REQUIRE(a_files.at("files/kept.txt") == b_files.at("files/kept.txt"));
  }

  const FixtureSite& site() const { return site_; }
  const Tree& a() const { return a_; }
  const Tree& b() const { return b_; }
  int pages() const { return pages_; }
  fs::path a_output() const { return work_.path() / "a"; }
  fs::path b_output() const { return work_.path() / "b"; }
  fs::path case_output() const { return work_.path() / "case" / "public"; }

  // A rebuild of the changed site over output A.
  Passes Rebuild() const { return {changed_, changed_, removed_, true}; }
  // A first build of the changed site into a new or empty folder.
  Passes FirstBuild() const { return {static_cast<int>(FilesOf(b_).size()), 0, 0, false}; }

 private:
  FixtureSite site_;
  ScratchDir work_;
  Tree a_, b_;
  int changed_ = 0;
  int removed_ = 0;
  int pages_ = 0;
};

// What the case runner starts from.
enum class Start { kOutputA, kNewFolder, kEmptyFolder };

std::string FaultSpec(const Point& point, int n, bool kill) {
  return std::string(point.name) + ":" + std::to_string(n) + ":" + (kill ? "kill" : "fail");
}

// Each file of the folder is A's or B's, and a file that either has is there unless the other
// lacks it: what a commit stopped halfway leaves, for the next run to finish from its journal.
void CheckHalfway(const Tree& now, const Tree& a, const Tree& b) {
  Tree files = FilesOf(now), a_files = FilesOf(a), b_files = FilesOf(b);
  for (const auto& [rel, bytes] : files) {
    INFO(rel);
    auto in_a = a_files.find(rel), in_b = b_files.find(rel);
    CHECK(((in_a != a_files.end() && in_a->second == bytes) ||
           (in_b != b_files.end() && in_b->second == bytes)));
  }
  for (const auto& [rel, bytes] : a_files)
    if (b_files.count(rel)) CHECK(files.count(rel));
}

// Each file a first build left in place is one of B's files, or the start of one (another
// thread may have been writing it when the process was killed); the next build clears them.
void CheckPartOfB(const Tree& now, const Tree& b) {
  for (const auto& [rel, bytes] : FilesOf(now)) {
    INFO(rel);
    auto in_b = b.find(rel);
    REQUIRE(in_b != b.end());
    CHECK(in_b->second.compare(0, bytes.size(), bytes) == 0);
  }
}

// One build stopped at `point`'s n-th pass, then the checks of what it left, then a normal
// build that must give B, then one more that must find nothing changed.
void RunCase(const CrashSite& crash, Start start, const Point& point, int n, bool kill) {
  const bool first_build = start != Start::kOutputA;
  const int passes = point.passes(first_build ? crash.FirstBuild() : crash.Rebuild());
  const fs::path out = crash.case_output();
  const std::string spec = FaultSpec(point, n, kill);
  INFO("TANDEM_TEST_FAULT=" << spec
                            << (start == Start::kOutputA     ? " over output A"
                                : start == Start::kNewFolder ? " into a new folder"
                                                             : " into an empty folder"));
  fs::remove_all(out.parent_path());
  fs::create_directories(out.parent_path());
  if (start == Start::kOutputA) CopyTree(crash.a_output(), out);
  if (start == Start::kEmptyFolder) fs::create_directories(out);
  const Tree before = ReadTree(out);

  Run stopped = Tandem(crash.site().source(), out, spec);
  INFO("the stopped build said:\n" << stopped.output);
  Tree now = ReadTree(out);
  bool journal = fs::exists(out / ".tandem/journal");
  if (n > passes) {
    // The point is not passed that often: the build runs to its end.
    CHECK_FALSE(stopped.killed);
    CHECK(stopped.exit_code == 0);
    CHECK(Which(now, crash.a(), crash.b()) == "B");
  } else if (kill) {
    REQUIRE(stopped.killed);
    if (point.phase == Phase::kAfterCommit) {
      CHECK(Which(now, crash.a(), crash.b()) == "B");
      CHECK_FALSE(fs::exists(out / ".tandem/cache"));
    } else if (point.phase == Phase::kCommitting) {
      CHECK(journal);
      CheckHalfway(now, crash.a(), crash.b());
    } else if (first_build) {
      CheckPartOfB(now, crash.b());
    } else {
      CHECK_FALSE(journal);
      CHECK(Which(now, crash.a(), crash.b()) == "A");
    }
  } else {
    CHECK(stopped.exit_code == 1);
    CHECK(stopped.output.find(std::string("fault point ") + point.name +
                              ": error: injected failure (TANDEM_TEST_FAULT)") != std::string::npos);
    if (point.phase == Phase::kCommitting) {
      // Issue 24: a move that fails is undone, every file put back, so that a build with errors
      // changes nothing (it was left half done, for the next run to finish).
      CHECK_FALSE(journal);
      CHECK(now == before);
      CHECK_FALSE(fs::exists(out / ".tandem/stage"));
      CHECK_FALSE(fs::exists(out / ".tandem/old"));
    } else if (point.phase == Phase::kAfterCommit) {
      // The site is committed, in a first build too: only the cache is missing.
      CHECK(Which(now, crash.a(), crash.b()) == "B");
      CHECK_FALSE(fs::exists(out / ".tandem/cache"));
    } else {
      // A failed build leaves the folder as it found it (a first build: empty, or not there).
      CHECK_FALSE(journal);
      CHECK(now == before);
      CHECK_FALSE(fs::exists(out / ".tandem/stage"));
      if (first_build) CHECK(fs::exists(out) == (start == Start::kEmptyFolder));
      if (first_build && fs::exists(out)) CHECK(fs::is_empty(out));
    }
  }

  Run next = Tandem(crash.site().source(), out, "", true);
  INFO("the next build said:\n" << next.output);
  REQUIRE(next.exit_code == 0);
  CHECK(Which(ReadTree(out), crash.a(), crash.b()) == "B");
  CHECK(StateFiles(out) == std::set<std::string>{"cache", "lock", "manifest"});
  if (n <= passes && point.phase == Phase::kAfterCommit && kill) {
    // No cache: every page is rendered again, and found unchanged.
    CHECK(next.output.find("pages rendered: " + std::to_string(crash.pages()) + "\n") != std::string::npos);
    CHECK(next.output.find("files: 0 written, ") != std::string::npos);
  }

  if (!kill) return;
  Run again = Tandem(crash.site().source(), out, "");
  INFO("the build after said:\n" << again.output);
  CHECK(again.exit_code == 0);
  CHECK(again.output.find("nothing changed since the last build\n") != std::string::npos);
  CHECK(Which(ReadTree(out), crash.a(), crash.b()) == "B");
}

// A killed build is followed by two: one that must give B, one that must find nothing changed.
// A failed one by the first only.
void RunAllPoints(const CrashSite& crash, Start start, bool kill) {
  for (const Point& point : kPoints) {
    int passes = point.passes(start == Start::kOutputA ? crash.Rebuild() : crash.FirstBuild());
    for (int n : PassesToTry(passes, kill)) RunCase(crash, start, point, n, kill);
  }
}

}  // namespace

TEST_CASE("the crash tests try every fault point a first build and a rebuild pass, and every stage",
          "[crash]") {
  std::set<std::string> tried;
  for (const Point& point : kPoints) tried.insert(point.name);
  for (const tandem::Stage& stage : tandem::Stages()) {
    INFO("a stage of pipeline/build.cpp missing from kPoints: " << stage.name);
    CHECK((stage.runs == tandem::Runs::kChecking || tried.count(stage.name)));
  }
  CrashSite crash;
  ScratchDir work;
  fs::path trace = work.path() / "trace", out = work.path() / "public";
  CopyTree(crash.a_output(), out);
  REQUIRE(Tandem(crash.site().source(), out, "", false, trace.string()).exit_code == 0);  // a rebuild
  REQUIRE(Tandem(crash.site().source(), work.path() / "new", "", false, trace.string()).exit_code ==
          0);  // a first
  std::set<std::string> passed;
  std::istringstream lines(ReadBytes(trace));
  for (std::string line; std::getline(lines, line);) passed.insert(line);
  CHECK(passed.size() > 20);
  for (const std::string& point : passed) {
    INFO("a fault point the build passes, missing from kPoints: " << point);
    CHECK(tried.count(point));
  }
}

TEST_CASE(
    "a rebuild killed at any fault point leaves the old output or the new, and the next build gives the new",
    "[crash]") {
  CrashSite crash;
  RunAllPoints(crash, Start::kOutputA, true);
}

TEST_CASE("a rebuild failing at any fault point exits 1 naming it, and the next build gives the new output",
          "[crash]") {
  CrashSite crash;
  RunAllPoints(crash, Start::kOutputA, false);
}

TEST_CASE("a first build killed at any fault point is cleared and redone by the next build", "[crash]") {
  CrashSite crash;
  RunAllPoints(crash, Start::kNewFolder, true);
}

TEST_CASE("a first build failing at any fault point leaves the folder as it was", "[crash]") {
  CrashSite crash;
  RunAllPoints(crash, Start::kEmptyFolder, false);
}

TEST_CASE(
    "a build killed after its commit leaves the new output without a cache; the next renders every page",
    "[crash]") {
  CrashSite crash;
  fs::path out = crash.case_output();
  CopyTree(crash.a_output(), out);
  Run killed = Tandem(crash.site().source(), out, "cache:1:kill");
  REQUIRE(killed.killed);
  CHECK(Which(ReadTree(out), crash.a(), crash.b()) == "B");
  CHECK_FALSE(fs::exists(out / ".tandem/cache"));
  Run next = Tandem(crash.site().source(), out, "", true);
  REQUIRE(next.exit_code == 0);
  CHECK(crash.pages() == 5);  // en: home, edited, kept, added; fr: home
  CHECK(next.output.find("pages rendered: 5\n") != std::string::npos);
  CHECK(next.output.find("files: 0 written, ") != std::string::npos);
  CHECK(Which(ReadTree(out), crash.a(), crash.b()) == "B");
  CHECK(fs::exists(out / ".tandem/cache"));
}

TEST_CASE("a first build killed before it marked the new folder as its own leaves one the next build takes",
          "[crash]") {
  // Into a new or empty folder, the build creates .tandem/ (and its lock) a moment before it writes
  // the manifest that marks the folder as tandem's. No fault point lies in between, so the folder
  // a kill there leaves is made by hand.
  for (bool with_lock : {false, true}) {
    INFO((with_lock ? "public/.tandem/lock" : "public/.tandem/"));
    FixtureSite site("minimal");
    fs::create_directories(site.output() / ".tandem");
    if (with_lock) site.WriteFile("../public/.tandem/lock", "");
    Run next = Tandem(site.source(), site.output(), "");
    INFO(next.output);
    CHECK(next.exit_code == 0);
    CHECK(site.Exists("en/index.html"));
  }
}
