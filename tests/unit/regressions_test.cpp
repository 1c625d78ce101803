// One case per bug fixed, each failing before its fix. Issue 9: state that cannot break a
// build, diagnostics that do not depend on threads, and input that used to slip through.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <set>

#include "assemble/urls/urls.hpp"
#include "content/front_matter.hpp"
#include "fixture.hpp"
#include "markdown/cmark_threads.hpp"
#include "support/text.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

void Append(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::app) << bytes;
}

void Overwrite(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

void EditPage(const FixtureSite& site) {
  std::string page = ReadBytes(site.source() / "content/en/topics/school.md");
  site.WriteFile("content/en/topics/school.md", page + "\nOne more line.\n");
}

// The output of a clean build of `site` as it is now, in a folder of its own.
std::map<std::string, std::string> CleanBuildOf(const FixtureSite& site) {
  ScratchDir out;
  BuildOptions options;
  options.output_dir = (out.path() / "public").string();
  auto result = site.Build(options);
  INFO(result.errors);
  REQUIRE(result.report.ok);
  return SnapshotDir(out.path() / "public");
}

}  // namespace

TEST_CASE("a damaged build cache is a note, and the build renders everything", "[regression][state]") {
  for (std::string damage : {std::string(""), std::string("tandem cache 3\ninputs\tzz\nend 1\n"),
                             std::string("tandem cache 3\npage\tcontent/en/_index.md\t12"),
                             std::string("tandem cache 2\ninputs\t1\n"), std::string("\x01\x02garbage")}) {
    FixtureSite site("basic");
    REQUIRE(site.Build().report.ok);
    Overwrite(site.output() / ".tandem/cache", damage);
    EditPage(site);
    auto result = site.Build();
    INFO(result.errors);
    CHECK(result.report.ok);
    CHECK(result.errors.empty());
    CHECK(result.notes.find(".tandem/cache: note: the build cache cannot be used (") != std::string::npos);
    CHECK(result.report.pages_rendered == 23);
    CHECK(site.Snapshot() == CleanBuildOf(site));
    // The next build has a good cache again.
    EditPage(site);
    auto next = site.Build();
    CHECK(next.notes.empty());
    CHECK(next.report.pages_rendered == 1);
  }
}

TEST_CASE("a tampered manifest never deletes a file outside the output folder", "[regression][state]") {
  FixtureSite site("basic");
  REQUIRE(site.Build().report.ok);
  ScratchDir elsewhere;
  fs::path victim = elsewhere.path() / "victim";
  Overwrite(victim, "keep me");
  fs::path sibling = site.output().parent_path() / "sibling";
  Overwrite(sibling, "keep me too");
  // The old format's way in, then the new format's, by absolute and by relative path.
  Append(site.output() / ".tandem/manifest", "0 9 " + victim.string() + "\n");
  auto first = site.Build();
  CHECK(first.report.ok);
  std::string manifest = ReadBytes(site.output() / ".tandem/manifest");
  for (std::string path : {victim.string(), std::string("../sibling"), std::string("en/../../sibling")}) {
    std::string tampered = manifest;
    tampered.insert(tampered.find("\nend "), "\nfile\t" + path + "\t0\t9\t0");
    Overwrite(site.output() / ".tandem/manifest", tampered);
    EditPage(site);
    auto result = site.Build();
    INFO(result.errors);
    CHECK(result.report.ok);
    CHECK(result.notes.find("the list of files the last build wrote cannot be used") != std::string::npos);
  }
  CHECK(ReadBytes(victim) == "keep me");
  CHECK(ReadBytes(sibling) == "keep me too");
  CHECK(site.Snapshot() == CleanBuildOf(site));
}

TEST_CASE("a tampered journal never deletes a file outside the output folder", "[regression][state]") {
  FixtureSite site("basic");
  REQUIRE(site.Build().report.ok);
  fs::path sibling = site.output().parent_path() / "sibling";
  Overwrite(sibling, "keep me");
  for (std::string journal :
       {sibling.string() + "\n", "tandem journal 1\nremove\t" + sibling.string() + "\nend 1\n",
        std::string("tandem journal 1\nremove\t../sibling\nend 1\n")}) {
    Overwrite(site.output() / ".tandem/journal", journal);
    auto result = site.Build();
    INFO(result.errors);
    CHECK(result.report.ok);
    CHECK(result.notes.find("the journal of an interrupted build cannot be used") != std::string::npos);
    CHECK_FALSE(fs::exists(site.output() / ".tandem/journal"));
  }
  CHECK(ReadBytes(sibling) == "keep me");
}

TEST_CASE("an empty manifest does not wipe the output folder", "[regression][state]") {
  FixtureSite site("basic");
  REQUIRE(site.Build().report.ok);
  Overwrite(site.output() / "CNAME", "example.ca\n");
  Overwrite(site.output() / ".tandem/manifest", "");
  EditPage(site);
  auto result = site.Build();
  CHECK(result.report.ok);
  CHECK(ReadBytes(site.output() / "CNAME") == "example.ca\n");
  auto clean = CleanBuildOf(site);
  clean["CNAME"] = "example.ca\n";
  CHECK(site.Snapshot() == clean);
}

TEST_CASE("a static file cannot write into tandem's state folder", "[regression][state]") {
  FixtureSite site("basic");
  site.WriteFile("static/.tandem/journal", "/tmp/victim\n");
  site.WriteFile("static/.tandem/manifest.next", "x\n");
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  CHECK(result.errors ==
        "static/.tandem/journal: error: this static file would be written into .tandem/, tandem's own state "
        "folder; rename or move it\n"
        "static/.tandem/manifest.next: error: this static file would be written into .tandem/, tandem's own "
        "state folder; rename or move it\n");
  CHECK_FALSE(fs::exists(site.output()));
}

TEST_CASE("a hand edit of an output file that keeps its size is repaired", "[regression][output]") {
  FixtureSite site("basic");
  REQUIRE(site.Build().report.ok);
  std::string page = site.Read("en/topics/school/index.html");
  std::string edited = page;
  edited[edited.find("<title>") + 7] ^= 0x20;  // same size, other bytes
  Overwrite(site.output() / "en/topics/school/index.html", edited);
  auto result = site.Build();
  CHECK(result.report.ok);
  CHECK_FALSE(result.report.nothing_changed);
  CHECK(result.report.files_written == 1);
  CHECK(site.Read("en/topics/school/index.html") == page);
}

TEST_CASE("more than 50 errors on many threads show the same first 50 every time",
          "[regression][diagnostics]") {
  FixtureSite site("minimal");
  for (int i = 0; i < 120; ++i)  // a URL error on even pages, a front matter error on odd ones
    site.WriteFile("content/en/p" + std::to_string(1000 + i) + ".md",
                   i % 2 ? "+++\ntitle = \"P\"\n\nweight = 99999999999\n+++\n"
                         : "+++\ntitle = \"P\"\nslug = \"Bad Slug\"\n+++\n");
  std::set<std::string> shown;
  for (unsigned jobs : {1u, 4u, 8u, 3u}) {
    BuildOptions options;
    options.jobs = jobs;
    Diagnostics diags;
    options.source_dir = site.source().string();
    options.output_dir = site.output().string();
    Build(options, diags);
    CHECK(diags.error_count() == 120);
    std::string errors;
    for (const Diagnostic& d : diags.Shown())
      if (d.severity == Severity::kError) errors += FormatDiagnostic(d) + "\n";
    shown.insert(errors);
    CHECK(diags.Render().find("error: 70 more errors not shown, of these kinds:\n") != std::string::npos);
  }
  REQUIRE(shown.size() == 1);
  const std::string& text = *shown.begin();
  CHECK(text.rfind("content/en/p1000.md:3:1: error: slug \"Bad Slug\"", 0) == 0);
  CHECK(text.find("content/en/p1049.md:4:1: error: \"weight\" is out of range") != std::string::npos);
  CHECK(text.find("content/en/p1050.md") == std::string::npos);
}

TEST_CASE("errors of content, URLs, translations and layouts come in one pass", "[regression][diagnostics]") {
  FixtureSite site("minimal");
  site.WriteFile("content/en/a.md", "---\ntitle: A\ndate: 2024- 1-01\n---\n");
  site.WriteFile("content/en/b.md", "+++\ntitle = \"B\"\nslug = \"B!\"\n+++\n");
  site.WriteFile("content/en/c.md", "+++\ntitle = \"C\"\nlayout = \"wide\"\n+++\n");
  site.WriteFile("content/en/d.md", "+++\ntitle = \"D\"\ntranslation_key = \"k\"\n+++\n");
  site.WriteFile("content/en/e.md", "+++\ntitle = \"E\"\ntranslation_key = \"k\"\n+++\n");
  auto result = site.Build(BuildOptions{".", "", false, true});
  CHECK(result.errors.find("content/en/a.md:3:1: error: \"date\" must be a date written YYYY-MM-DD, or a "
                           "date and time like 2021-07-30T09:00:00-04:00 or 2021-07-30 09:00:00 -0400 (the "
                           "offset may be Z, or left out for the site's time zone), not \"2024- 1-01\"") !=
        std::string::npos);
  CHECK(result.errors.find("content/en/b.md:3:1: error: slug \"B!\"") != std::string::npos);
  CHECK(result.errors.find("content/en/c.md:3:1: error: the theme has no layout \"wide\"") !=
        std::string::npos);
  CHECK(result.errors.find(
            "content/en/e.md:3:1: error: translation_key \"k\" is also used by content/en/d.md") !=
        std::string::npos);
  CHECK(result.errors.find("content/en/c.md: error: the page has no \"fr\" translation") !=
        std::string::npos);
}

TEST_CASE("dates must be written with exactly their digits", "[regression][front matter]") {
  for (std::string bad : {"2024- 1-01", "2024-01- 1", " 2024-01-01", "2024-1-01x", "+024-01-01"})
    CHECK_FALSE(IsIsoDate(bad));
  CHECK(IsIsoDate("2024-02-29"));
  CHECK_FALSE(IsIsoDate("2023-02-29"));
}

TEST_CASE("a weight past the range of an integer is an error, not a wrapped number",
          "[regression][front matter]") {
  for (std::string front :
       {"+++\ntitle = \"X\"\nweight = 4294967297\n+++\n", "---\ntitle: X\nweight: 4294967297\n---\n",
        "---\ntitle: X\nweight: 99999999999999999999999\n---\n"}) {
    Diagnostics diags;
    CHECK_FALSE(ParsePage("x.md", front, diags));
    CHECK(diags.Render().find("x.md:3:") == 0);
    CHECK(
        diags.Render().find("\"weight\" is out of range: use a number between -2147483648 and 2147483647") !=
        std::string::npos);
  }
}

TEST_CASE("a --jobs past the limit is refused with a message, not a crash", "[regression][cli]") {
  FixtureSite site("minimal");
  ProgramRun run = RunTandem("build --jobs 10000 --source " + site.source().string());
  CHECK(run.status != 0);
  CHECK(run.status != -1);
  CHECK(run.output.find("--jobs") != std::string::npos);
  CHECK(run.output.find("--jobs: Value 10000 not in range 1 to 256") != std::string::npos);
  CHECK_FALSE(fs::exists(site.output()));
}

TEST_CASE("tandem never restarts itself, and its git sees the environment it was given",
          "[regression][cli]") {
  FixtureSite site("minimal");
  site.WriteFile("content/en/x.md", "+++\ntitle = \"X\"\n+++\nNo date modified: git is asked.\n");
  site.WriteFile(".git/HEAD", "ref: refs/heads/main\n");  // a work tree, as far as tandem can tell
  // A git that records its environment, then fails as outside a repository.
  ScratchDir bin;
  std::string log = (bin.path() / "env.log").string();
  std::ofstream(bin.path() / "git") << "#!/bin/sh\nenv >> " << log << "\nexit 128\n";
  fs::permissions(bin.path() / "git", fs::perms::owner_all);
  ProgramRun run = RunTandem("build --source " + site.source().string(),
                             "env -u GLIBC_TUNABLES PATH=" + bin.path().string() + ":$PATH ");
  CHECK(run.status == 0);
  std::string env = ReadBytes(log);
  CHECK(env.find("PATH=") != std::string::npos);
  CHECK(env.find("GLIBC_TUNABLES") == std::string::npos);
}

TEST_CASE("cmark-gfm's parsers run in parallel: tandem's replacement of its table function took effect",
          "[regression][markdown]") {
  CHECK(CmarkParsersRunInParallel());
}

TEST_CASE("a failed write names the file, never an internal error", "[regression][output]") {
  FixtureSite site("basic");
  REQUIRE(site.Build().report.ok);
  // A file where the build needs a folder.
  fs::remove_all(site.output() / "en/topics/school");
  Overwrite(site.output() / "en/topics/school", "in the way");
  EditPage(site);
  auto before = site.Snapshot();
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  INFO(result.errors);
  CHECK(result.errors.find("internal error") == std::string::npos);
  CHECK(result.errors.find(site.output().string() +
                           "/en/topics/school/index.html: error: cannot move the new file "
                           "into place: a folder on the way is a symbolic link or a file") == 0);
  CHECK(site.Snapshot() == before);  // issue 24: the moves made before the failed one are undone
  // The failed move was undone; once the way is clear, the next build makes the new site.
  fs::remove(site.output() / "en/topics/school");
  auto next = site.Build();
  INFO(next.errors);
  CHECK(next.report.ok);
  CHECK(site.Snapshot() == CleanBuildOf(site));
}

TEST_CASE("YAML aliases that would expand without bound are refused at their field",
          "[regression][front matter]") {
  std::string front = YamlAliasBomb("---\ntitle: Bomb\n", 12, 9);
  Diagnostics diags;
  CHECK_FALSE(ParsePage("bomb.md", front + "---\n", diags));
  CHECK(diags.Render() ==
        "bomb.md:7:1: error: \"a4\" holds more than 10000 values once its YAML aliases (*name) are expanded; "
        "write the values out instead\n"
        " 7 | a4: &a4 [*a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3]\n"
        "   | ^\n");
}

// Found by the fuzz targets (tests/fuzz/crashes/).
TEST_CASE("a YAML alias inside its own value is refused, not followed for ever", "[regression][fuzz]") {
  Diagnostics diags;
  CHECK_FALSE(ParsePage("x.md", "---\ntitle: x\na: &a [*a]\n---\nBody\n", diags));
  CHECK(diags.Render().rfind(
            "x.md:3:1: error: \"a\" nests deeper than 64 levels once its YAML aliases (*name) are expanded",
            0) == 0);
}

TEST_CASE("bytes F5 to FF never start a UTF-8 character", "[regression][fuzz]") {
  for (std::string bad :
       {std::string("\xF5\x80\x80\x80"), std::string("a\xF8\x80\x80"), std::string("\xFF")}) {
    auto pos = FindInvalidUtf8(bad);
    REQUIRE(pos);
    CHECK(pos->column == (bad[0] == 'a' ? 2 : 1));
  }
  CHECK_FALSE(FindInvalidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last one
}

TEST_CASE("a url with an empty segment is refused", "[regression][fuzz]") {
  CHECK(UrlProblem("a//b") == "url \"a//b\" has an empty segment (\"//\"); write one / between segments");
  CHECK(UrlProblem("/news//item/"));
  CHECK_FALSE(UrlProblem("/news/item/"));
  CHECK_FALSE(UrlProblem("news/item"));
}
