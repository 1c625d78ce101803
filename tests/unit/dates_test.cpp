#include <catch2/catch.hpp>
#include <cstdlib>

#include "assemble/git.hpp"
#include "fixture.hpp"

using namespace tandem;
using namespace tandem::testing;

TEST_CASE("one git log pass gives each file the date of its last commit", "[dates]") {
  std::string log = std::string("\0\x1e", 2) + "2021-03-04" + '\0' + "\ny.md" + '\0' + '\0' + '\x1e' +
                    "2020-01-02" + '\0' + "\na/x.md" + '\0' + "y.md" + '\0';
  auto dates = ParseGitLog(log);
  CHECK(dates.size() == 2);
  CHECK(dates["y.md"] == "2021-03-04");
  CHECK(dates["a/x.md"] == "2020-01-02");
}

TEST_CASE("dates come from a real repository's history", "[dates]") {
  ScratchDir dir;
  std::string d = dir.path().string();
  auto run = [&](const std::string& command) {
    std::string full = "cd '" + d + "' && " + command + " >/dev/null 2>&1";
    REQUIRE(std::system(full.c_str()) == 0);
  };
  const std::string commit = "git -c user.name=T -c user.email=t@example.ca commit -q -m c";
  run("git init -q . && mkdir -p content/en && echo a > content/en/a.md && echo b > content/en/b.md && git "
      "add -A");
  run("GIT_AUTHOR_DATE=2020-01-02T12:00:00Z " + commit);
  run("echo b2 >> content/en/b.md && git add -A && GIT_AUTHOR_DATE=2022-06-30T12:00:00Z " + commit);
  Diagnostics diags;
  bool in_git = false;
  auto dates = LoadGitDates(d, diags, &in_git);
  CHECK(in_git);
  // As git wrote them; the dates stage makes them days in the site's time zone.
  CHECK(dates["content/en/a.md"] == "2020-01-02T12:00:00+00:00");
  CHECK(dates["content/en/b.md"] == "2022-06-30T12:00:00+00:00");
  CHECK(diags.warning_count() == 0);
}

TEST_CASE("git's dates are days in the site's time zone, and a first commit is the date issued", "[dates]") {
  FixtureSite site("minimal");
  site.WriteFile("content/en/a.md", "+++\ntitle = \"A\"\n+++\nText.\n");
  site.WriteFile("content/fr/a.md", "+++\ntitle = \"A\"\n+++\nTexte.\n");
  const std::string commit = "git -c user.name=T -c user.email=t@example.ca commit -q -m c";
  // First published late on June 1 in Toronto (early June 2 in UTC), last changed late on July 30.
  std::string script = "cd '" + site.source().string() + "' && git init -q . && git add -A && " +
                       "GIT_AUTHOR_DATE=2021-06-02T01:30:00Z " + commit +
                       " && echo more >> content/en/a.md && git add -A && GIT_AUTHOR_DATE=2021-07-31T01:30:00+00:00 " +
                       commit;
  REQUIRE(std::system((script + " >/dev/null 2>&1").c_str()) == 0);
  REQUIRE(site.Build().report.ok);
  std::string html = site.Read("en/a/index.html");
  CHECK(html.find("<meta name=\"dcterms.modified\" title=\"W3CDTF\" content=\"2021-07-30\">") != std::string::npos);
  CHECK(html.find("<meta name=\"dcterms.issued\" title=\"W3CDTF\" content=\"2021-06-01\">") != std::string::npos);
}

TEST_CASE("a folder outside git has no git dates", "[dates]") {
  ScratchDir dir;
  Diagnostics diags;
  bool in_git = true;
  CHECK(LoadGitDates(dir.path().string(), diags, &in_git).empty());
  CHECK_FALSE(in_git);
}

TEST_CASE("a shallow clone is reported, since every date would be wrong", "[dates]") {
  ScratchDir dir;
  std::string d = dir.path().string();
  const std::string commit = "git -c user.name=T -c user.email=t@example.ca commit -q -m c";
  std::string script = "cd '" + d +
                       "' && git init -q origin && cd origin && echo a > a.md && git add -A && " + commit +
                       " && echo b > b.md && git add -A && " + commit +
                       " && cd .. && git clone -q --depth 1 file://" + d + "/origin shallow";
  REQUIRE(std::system((script + " >/dev/null 2>&1").c_str()) == 0);
  Diagnostics diags;
  LoadGitDates(d + "/shallow", diags);
  CHECK(diags.Render() ==
        ".: warning: this is a shallow git clone, so every page gets the clone's date as its date modified; "
        "fetch "
        "the full history (git fetch --unshallow, or fetch-depth: 0 in CI) [git-shallow]\n");
}

TEST_CASE("a site in git takes each page's date from its last commit, and warns for uncommitted files",
          "[dates]") {
  FixtureSite site("minimal");
  site.WriteFile("content/en/_index.md", "+++\ntitle = \"Home\"\n+++\n");
  site.WriteFile("content/en/old.md", "+++\ntitle = \"Old\"\n+++\n");
  const std::string commit = "git -c user.name=T -c user.email=t@example.ca commit -q -m c";
  std::string script = "cd '" + site.source().string() +
                       "' && git init -q . && git add -A && GIT_AUTHOR_DATE=2019-05-06T10:00:00Z " + commit;
  REQUIRE(std::system((script + " >/dev/null 2>&1").c_str()) == 0);
  site.WriteFile("content/en/new.md", "+++\ntitle = \"New\"\n+++\n");
  auto result = site.Build();
  REQUIRE(result.report.ok);
  CHECK(site.Read("en/old/index.html").find("<time property=\"dateModified\">2019-05-06</time>") !=
        std::string::npos);
  CHECK(site.Read("en/index.html").find("<time property=\"dateModified\">2019-05-06</time>") !=
        std::string::npos);
  CHECK(result.warnings.find(
            "content/en/new.md: warning: the file is not committed to git, so its date modified is "
            "the file's modification time; commit it, or set modified in front matter [git-uncommitted]\n") !=
        std::string::npos);
}

TEST_CASE("the HEAD commit is read from .git as git itself reads it", "[dates]") {
  ScratchDir dir;
  std::string d = dir.path().string();
  auto run = [&](const std::string& command) {
    std::string full = "cd '" + d + "' && " + command + " >/dev/null 2>&1";
    REQUIRE(std::system(full.c_str()) == 0);
  };
  auto git_says = [&] {
    std::string out = d + "/head.txt";
    REQUIRE(std::system(("git -C '" + d + "' rev-parse HEAD > '" + out + "'").c_str()) == 0);
    std::string head = ReadBytes(out);
    return head.substr(0, head.find('\n'));
  };
  const std::string commit = "git -c user.name=T -c user.email=t@example.ca commit -q --allow-empty -m c";
  run("git init -q . && mkdir -p site/content && " + commit + " && " + commit);
  CHECK(GitHead(d + "/site") == git_says());  // a loose branch ref, from a folder below the repository
  run("git pack-refs --all");
  CHECK(GitHead(d + "/site") == git_says());  // a packed ref
  run("git checkout -q --detach HEAD~1");
  CHECK(GitHead(d) == git_says());  // a detached HEAD
  CHECK(GitHead(d).size() == 40);
  run("git worktree add -q --detach wt HEAD");  // .git is a file there: git itself is asked
  REQUIRE(std::system(("git -C '" + d + "/wt' rev-parse HEAD > '" + d + "/wt.txt'").c_str()) == 0);
  CHECK(GitHead(d + "/wt") + "\n" == ReadBytes(d + "/wt.txt"));
}

TEST_CASE("a site outside git is warned about only when a page has no date modified of its own", "[dates]") {
  FixtureSite site("minimal");  // every page sets modified
  const std::string warning = ".: warning: the site is not in a git repository";
  auto dated = site.Build();
  REQUIRE(dated.report.ok);
  CHECK(dated.warnings.find(warning) == std::string::npos);
  site.WriteFile("content/en/undated.md", "+++\ntitle = \"Undated\"\n+++\nText.\n");
  auto undated = site.Build();
  REQUIRE(undated.report.ok);
  CHECK(undated.warnings.find(warning) != std::string::npos);
}

// Issue 24 (Low): a committed file whose name starts with 0x1E was read as a commit's header,
// and changed other files' dates.
TEST_CASE("a file name that starts with 0x1E is a file, not a commit", "[dates]") {
  std::string log = std::string("\0\x1e", 2) + "2021-03-04" + '\0' + "\n\x1e" + "1999-01-01" + '\0' + "y.md" +
                    '\0' + '\0' + '\x1e' + "2020-01-02" + '\0' + "\n\na.md" + '\0';
  const std::string odd = std::string("\x1e") + "1999-01-01";  // a file's name, not a date
  auto dates = ParseGitLog(log);
  CHECK(dates.size() == 3);
  CHECK(dates["y.md"] == "2021-03-04");
  CHECK(dates[odd] == "2021-03-04");
  CHECK(dates["\na.md"] == "2020-01-02");

  ScratchDir dir;
  const std::string commit = "git -c user.name=T -c user.email=t@example.ca commit -q -m c";
  std::string script = "cd '" + dir.path().string() + "' && git init -q . && echo a > a.md && git add -A && " +
                       "GIT_AUTHOR_DATE=2020-01-02T12:00:00Z " + commit +
                       " && printf x > \"$(printf '\\0361999-01-01')\" && echo b > b.md && git add -A && " +
                       "GIT_AUTHOR_DATE=2022-06-30T12:00:00Z " + commit;
  REQUIRE(std::system((script + " >/dev/null 2>&1").c_str()) == 0);
  Diagnostics diags;
  auto history = LoadGitDates(dir.path().string(), diags);
  CHECK(history["a.md"].rfind("2020-01-02", 0) == 0);
  CHECK(history["b.md"].rfind("2022-06-30", 0) == 0);
  CHECK(history[odd].rfind("2022-06-30", 0) == 0);
  CHECK(history.size() == 3);
}
