// Rebuilds reuse what did not change, and give exactly what a clean build gives.
#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

// Builds `site`, applies `change`, rebuilds; checks the output equals a clean
// build of the changed site, and returns how many pages the rebuild rendered.
size_t RenderedAfter(const std::function<void(const FixtureSite&)>& change) {
  FixtureSite site("basic");
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

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

void Edit(const FixtureSite& site, const std::string& rel, const std::string& from, const std::string& to) {
  site.WriteFile(rel, Replace(ReadBytes(site.source() / rel), from, to));
}

}  // namespace

TEST_CASE("a build with nothing changed stops after checking, and says what the last one said", "[incremental]") {
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
          Edit(s, "content/en/topics/school.md", "About School.", "About the school, revised.");
        }) == 1);
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

TEST_CASE("a changed template re-renders every page", "[incremental]") {
  CHECK(RenderedAfter([](const FixtureSite& s) {
          std::filesystem::create_directories(s.source() / "themes");
          std::filesystem::copy(std::string(TANDEM_THEMES_DIR) + "/gc", s.source() / "themes/gc",
                                std::filesystem::copy_options::recursive);
          Edit(s, "themes/gc/partials/footer.mustache", "<footer", "<!-- changed -->\n<footer");
        }) == 23);
}
