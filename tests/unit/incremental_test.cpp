// Rebuilds reuse what did not change, and give exactly what a clean build gives.
#include <catch2/catch.hpp>
#include <fstream>

#include "fixture.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

// Builds `site`, applies `change`, rebuilds; checks the output equals a clean
// build of the changed site, and returns how many pages the rebuild rendered.
size_t RenderedAfter(const FixtureSite& site, const std::function<void(const FixtureSite&)>& change) {
  REQUIRE(site.Build().report.ok);
  change(site);
  auto rebuilt = site.Build();
  INFO(rebuilt.errors);
  REQUIRE(rebuilt.report.ok);
  ScratchDir clean_out;
  BuildOptions clean;
  clean.output_dir = (clean_out.path() / "public").string();
  REQUIRE(site.Build(clean).report.ok);
  CHECK(site.Snapshot() == SnapshotDir(clean_out.path() / "public"));
  return rebuilt.report.pages_rendered;
}

size_t RenderedAfter(const std::function<void(const FixtureSite&)>& change,
                     const std::string& fixture = "basic") {
  return RenderedAfter(FixtureSite(fixture), change);
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

void Edit(const FixtureSite& site, const std::string& rel, const std::string& from, const std::string& to) {
  site.WriteFile(rel, Replace(ReadBytes(site.source() / rel), from, to));
}

}  // namespace

TEST_CASE("a build with nothing changed stops after checking, and says what the last one said",
          "[incremental]") {
  FixtureSite site("basic");
  auto first = site.Build();
  REQUIRE(first.report.ok);
  auto second = site.Build();
  CHECK(second.report.ok);
  CHECK(second.report.nothing_changed);
  CHECK(second.report.files_written == 0);
  CHECK(second.warnings == first.warnings);
}

TEST_CASE("a changed body re-renders only that page", "[incremental]") {
  CHECK(RenderedAfter([](const FixtureSite& s) {
          Edit(s, "content/en/topics/school.md", "About School.", "About School.\n\nA second paragraph.");
        }) == 1);
}

TEST_CASE("a changed first paragraph re-renders the page and the section that lists its summary",
          "[incremental]") {
  CHECK(RenderedAfter([](const FixtureSite& s) {
          Edit(s, "content/en/topics/school.md", "About School.", "About the school, revised.");
        }) == 2);
}

TEST_CASE("a changed title re-renders the page and the section that lists it", "[incremental]") {
  CHECK(RenderedAfter([](const FixtureSite& s) {
          Edit(s, "content/fr/topics/school.md", "title = \"École\"", "title = \"Écoles\"");
        }) == 2);
}

TEST_CASE("a changed slug re-renders the page, its translation and its section", "[incremental]") {
  CHECK(RenderedAfter([](const FixtureSite& s) {
          Edit(s, "content/fr/topics/school.md", "slug = \"ecole\"", "slug = \"ecoles\"");
        }) == 3);
}

TEST_CASE("a changed section title re-renders every page under it", "[incremental]") {
  // The section itself, its 6 pages (breadcrumbs), and the home page that lists it.
  CHECK(RenderedAfter([](const FixtureSite& s) {
          Edit(s, "content/en/topics/_index.md", "title = \"Topics\"", "title = \"Subjects\"");
        }) == 8);
}

TEST_CASE("a new page re-renders its section and leaves the rest", "[incremental]") {
  CHECK(RenderedAfter([](const FixtureSite& s) {
          s.WriteFile("content/en/topics/new.md", "+++\ntitle = \"New\"\nmodified = 2024-06-01\n+++\nNew.\n");
        }) == 2);
}

TEST_CASE("a deleted page is removed and its section re-rendered", "[incremental]") {
  CHECK(RenderedAfter([](const FixtureSite& s) { s.Remove("content/en/topics/zebra.md"); }) == 2);
}

TEST_CASE("a changed UI string re-renders every page", "[incremental]") {
  CHECK(RenderedAfter([](const FixtureSite& s) {
          s.WriteFile("i18n/en.toml", "date_modified = \"Last changed:\"\n");
        }) == 23);
}

TEST_CASE("a changed partial that every template includes re-renders every page", "[incremental]") {
  CHECK(RenderedAfter([](const FixtureSite& s) {
          s.CopyDefaultTheme();
          Edit(s, "themes/gc/partials/footer.mustache", "<footer", "<!-- changed -->\n<footer");
        }) == 23);
}

TEST_CASE("a changed amount re-renders the pages that show funding, and only them",
          "[incremental][funding]") {
  // grants.md in each language shows a table and figures; the home pages do not.
  CHECK(RenderedAfter(
            [](const FixtureSite& s) { Edit(s, "data/funding.toml", "amount = 80500", "amount = 80501"); },
            "funding") == 2);
}

TEST_CASE("a page carried over from the last build still reports its funding warnings",
          "[incremental][funding]") {
  FixtureSite site("funding");
  site.CopyDefaultTheme();
  site.DropThemeString("funding_col_stream");
  auto first = site.Build();
  REQUIRE(first.report.ok);
  REQUIRE(first.warnings.find("no UI string \"funding_col_stream\" for language \"fr\"") !=
          std::string::npos);
  Edit(site, "content/en/_index.md", "Welcome.", "Welcome, again.");
  auto second = site.Build();
  REQUIRE(second.report.ok);
  CHECK(second.report.pages_rendered == 1);
  CHECK(second.warnings == first.warnings);
}

TEST_CASE("a changed template re-renders only the pages that use it", "[incremental]") {
  // section.mustache: the two sections of each language (the home pages have their own template).
  CHECK(RenderedAfter([](const FixtureSite& s) {
          s.CopyDefaultTheme();
          Edit(s, "themes/gc/templates/section.mustache", "</main>", "<!-- changed --></main>");
        }) == 4);
}

TEST_CASE("output files deleted or changed by hand are written again, and only those pages rendered",
          "[incremental]") {
  FixtureSite site("basic");
  REQUIRE(site.Build().report.ok);
  auto clean = site.Snapshot();
  std::filesystem::remove(site.output() / "en/topics/school/index.html");
  REQUIRE(site.Exists("fr/sujets/ecole/index.html"));
  std::ofstream(site.output() / "fr/sujets/ecole/index.html", std::ios::trunc) << "edited";
  auto rebuilt = site.Build();
  REQUIRE(rebuilt.report.ok);
  CHECK_FALSE(rebuilt.report.nothing_changed);
  CHECK(rebuilt.report.pages_rendered == 2);
  CHECK(site.Snapshot() == clean);
}

TEST_CASE("a changed directive template re-renders only the pages whose directives used it",
          "[incremental][funding]") {
  // The funding table template: grants.md in each language has tables; the home pages none.
  CHECK(RenderedAfter(
            [](const FixtureSite& s) {
              s.CopyDefaultTheme();
              Edit(s, "themes/gc/templates/directives/funding-table.mustache", "</table>",
                   "</table><!-- changed -->");
            },
            "funding") == 2);
}

TEST_CASE("a page whose directive dependency disappeared is rendered again", "[incremental][funding]") {
  FixtureSite site("funding");
  REQUIRE(site.Build().report.ok);
  // A cache written by a build whose directives recorded a dependency this one does not know.
  std::string cache = ReadBytes(site.output() / ".tandem/cache");
  const std::string known = "\ndependency\tcontent/en/grants.md\tdata:funding\t";
  size_t at = cache.find(known);
  REQUIRE(at != std::string::npos);
  cache.replace(at, known.size(), "\ndependency\tcontent/en/grants.md\tdata:other\t");
  std::ofstream(site.output() / ".tandem/cache", std::ios::trunc | std::ios::binary) << cache;
  Edit(site, "content/fr/_index.md", "+++", "+++\n# touched");
  auto rebuilt = site.Build();
  REQUIRE(rebuilt.report.ok);
  CHECK(rebuilt.report.pages_rendered == 2);  // the French home page, and the English grants page
}

// The cache's "page" line of `source` with `file` added to the files it lists.
void AddCachedFile(const FixtureSite& site, const std::string& source, const std::string& file) {
  std::string cache = ReadBytes(site.output() / ".tandem/cache");
  size_t line = cache.find("\npage\t" + source + "\t");
  REQUIRE(line != std::string::npos);
  cache.insert(cache.find('\n', line + 1), "\t" + file);
  std::ofstream(site.output() / ".tandem/cache", std::ios::trunc | std::ios::binary) << cache;
}

// Issue 24: a cache edited to list another page's file as a page's own is well formed, so it was
// trusted: the page was carried over with that file, and the other page's write was an error in
// this build and every later one (a failed build leaves the cache as it was).
TEST_CASE("a cache that gives one page's file to another is not trusted", "[incremental]") {
  {
    // An alias's redirect page, in the folder of the page the cache is edited to give it to.
    FixtureSite site("basic");
    Edit(site, "content/en/_index.md", "+++", "+++\naliases = [\"/topics/school/old/\"]");
    CHECK(RenderedAfter(site, [](const FixtureSite& s) {
            AddCachedFile(s, "content/en/topics/school.md", "en/topics/school/old/index.html");
            Edit(s, "content/fr/_index.md", "+++", "+++\n# touched");
          }) == 2);  // the page touched, and the page whose cached files were wrong
  }
  // Two pages that both list a file: the cache is not used at all.
  FixtureSite site("basic");
  REQUIRE(site.Build().report.ok);
  AddCachedFile(site, "content/en/topics/school.md", "en/topics/x.bin");
  AddCachedFile(site, "content/fr/_index.md", "en/topics/x.bin");
  Edit(site, "content/fr/_index.md", "+++", "+++\n# touched");
  auto rebuilt = site.Build();
  REQUIRE(rebuilt.report.ok);
  CHECK(rebuilt.notes == (site.output() / ".tandem/cache").string() +
                             ": note: the build cache cannot be used (it gives en/topics/x.bin to both "
                             "content/en/topics/school.md and content/fr/_index.md); every page is rendered "
                             "again\n");
}

// Issue 20: the preview origin was not part of the build identity, so a build after
// `tandem serve --output public` found "nothing changed" and kept localhost in every link.
TEST_CASE("a build after a preview into the same folder builds again, without the preview's URLs",
          "[incremental]") {
  FixtureSite site("basic");
  BuildOptions preview;
  preview.preview_origin = {{"https://example.ca", "http://localhost:4321"}};
  REQUIRE(site.Build(preview).report.ok);
  REQUIRE(site.Read("en/topics/school/index.html").find("http://localhost:4321/") != std::string::npos);
  auto build = site.Build();
  REQUIRE(build.report.ok);
  CHECK_FALSE(build.report.nothing_changed);
  for (const auto& [path, bytes] : site.Snapshot()) {
    INFO(path);
    CHECK(bytes.find("localhost") == std::string::npos);
  }
}

// Issue 20: a heading's id avoids the ids the theme's templates write; an id a template newly
// writes (here in the section template, which the page does not use) renames the page's heading.
TEST_CASE("an id a theme template starts to write renames a heading of a page carried over",
          "[incremental]") {
  FixtureSite site("basic");
  site.CopyDefaultTheme("mine");
  Edit(site, "site.toml", "theme = \"gc\"", "theme = \"mine\"");
  Edit(site, "content/en/topics/school.md", "About School.", "About School.\n\n## Results\n\nGood.");
  REQUIRE(site.Build().report.ok);
  REQUIRE(site.Read("en/topics/school/index.html").find("id=\"results\"") != std::string::npos);
  CHECK(RenderedAfter(site, [](const FixtureSite& s) {
          Edit(s, "themes/mine/templates/section.mustache", "<h1 ", "<div id=\"results\"></div>\n<h1 ");
        }) >= 1);
  CHECK(site.Read("en/topics/school/index.html").find("id=\"results-1\"") != std::string::npos);
}
