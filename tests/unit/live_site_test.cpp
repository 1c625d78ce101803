// `tandem serve`'s kept site: an edit of one page's Markdown renders that page alone, and what
// it writes and reports is what a full build of the same files writes and reports; any other
// change is a full build.
#include "pipeline/live_site.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <regex>
#include <sstream>

#include "fixture.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::string Formatted(const Diagnostics& diags) {
  std::string all;
  for (const Diagnostic& d : diags.Sorted()) all += FormatDiagnostic(d) + "\n";
  return all;
}

// A fixture site served from memory: built in full once, then updated after each edit.
struct Served {
  FixtureSite site;
  LiveSite live;
  std::string diagnostics;  // of the last build or update, formatted

  explicit Served(const std::string& fixture = "basic") : site(fixture), live(Options()) {
    Diagnostics diags;
    BuildReport first = live.Build(diags);
    INFO(Formatted(diags));
    REQUIRE(first.ok);
  }
  BuildOptions Options() const {
    BuildOptions options;
    options.source_dir = site.source().string();
    options.output_dir = site.output().string();
    options.jobs = 2;
    return options;
  }
  void Edit(const std::string& rel, const std::string& from, const std::string& to) {
    site.WriteFile(rel, Replace(ReadBytes(site.source() / rel), from, to));
  }
  BuildReport Update(const std::vector<std::string>& changed) {
    std::vector<std::string> paths;
    for (const std::string& rel : changed) paths.push_back((site.source() / rel).string());
    Diagnostics diags;
    BuildReport report = live.Update(paths, diags);
    diagnostics = Formatted(diags);
    return report;
  }
  // The output folder now is what a clean build of the files now gives, and unless `output_only`,
  // the last update reported what it reports.
  void CheckSameAsFullBuild(bool output_only = false) {
    ScratchDir clean;
    BuildOptions options = Options();
    options.output_dir = (clean.path() / "public").string();
    Diagnostics diags;
    BuildReport full = Build(options, diags);
    if (!output_only) CHECK(diagnostics == Formatted(diags));
    if (!full.ok) return;
    CHECK(site.Snapshot() == SnapshotDir(clean.path() / "public"));
  }
};

}  // namespace

TEST_CASE("live site: an edit of a page's Markdown renders that page alone, as a full build would",
          "[live]") {
  Served served;
  auto before = served.site.Snapshot();
  served.Edit("content/en/topics/school.md", "About School.", "About School.\n\nA **second** paragraph.");
  BuildReport report = served.Update({"content/en/topics/school.md"});
  CHECK(report.ok);
  CHECK(report.single_page == "content/en/topics/school.md");
  CHECK(report.pages_rendered == 1);
  CHECK(report.files_written == 1);
  auto after = served.site.Snapshot();
  CHECK(after.at("en/topics/school/index.html").find("A <strong>second</strong> paragraph.") !=
        std::string::npos);
  auto others_before = before;
  after.erase("en/topics/school/index.html");
  others_before.erase("en/topics/school/index.html");
  CHECK(after == others_before);
  served.CheckSameAsFullBuild();

  SECTION("a second edit, and the next full build renders the page again rather than trust the cache") {
    served.Edit("content/en/topics/school.md", "A **second** paragraph.", "Another paragraph.");
    CHECK(served.Update({"content/en/topics/school.md"}).single_page == "content/en/topics/school.md");
    served.CheckSameAsFullBuild();
    FixtureSite::Result full = served.site.Build();
    CHECK(full.report.ok);
    CHECK(full.report.pages_rendered == 1);
    served.CheckSameAsFullBuild(true);
  }
  SECTION("back to the first text: the files of the first build, which the next full build keeps") {
    served.Edit("content/en/topics/school.md", "About School.\n\nA **second** paragraph.", "About School.");
    CHECK(served.Update({"content/en/topics/school.md"}).single_page == "content/en/topics/school.md");
    CHECK(served.site.Snapshot() == before);
    FixtureSite::Result full = served.site.Build();
    CHECK(full.report.ok);
    CHECK(served.site.Snapshot() == before);
  }
}

TEST_CASE("live site: anything but a page's Markdown is a full build", "[live]") {
  Served served;
  std::string school = "content/en/topics/school.md";
  SECTION("its front matter") {
    served.Edit(school, "title = \"School\"", "title = \"Schools\"");
  }
  SECTION("its summary: the first paragraph, shown in its section's list") {
    served.Edit(school, "About School.", "About schools.");
  }
  SECTION("its structure: a level-2 heading, which the other language's version is compared with") {
    served.Edit(school, "About School.", "About School.\n\n## More");
  }
  SECTION("a new page") {
    served.site.WriteFile("content/en/topics/new.md", "+++\ntitle = \"New\"\n+++\nA new page.\n");
    school = "content/en/topics/new.md";
  }
  SECTION("a page removed") {
    served.site.Remove("content/en/topics/army.md");
    school = "content/en/topics/army.md";
  }
  SECTION("site.toml") {
    served.Edit("site.toml", "Example Department", "Example Agency");
    school = "site.toml";
  }
  BuildReport report = served.Update({school});
  CHECK(report.ok);
  CHECK(report.single_page.empty());
  CHECK(report.pages_rendered >= 1);
  served.CheckSameAsFullBuild();
}

TEST_CASE("live site: two pages edited at once are a full build", "[live]") {
  Served served;
  served.Edit("content/en/topics/school.md", "About School.", "About School.\n\nMore.");
  served.Edit("content/en/topics/army.md", "About army.", "About army.\n\nMore.");
  BuildReport report = served.Update({"content/en/topics/army.md", "content/en/topics/school.md"});
  CHECK(report.single_page.empty());
  CHECK(report.pages_rendered == 2);
  served.CheckSameAsFullBuild();
}

TEST_CASE("live site: a page's errors are reported as a full build reports them, and go when fixed",
          "[live]") {
  Served served;
  const std::string army = "content/en/topics/army.md";
  // While the army page is in error it has no output, and links to it lead nowhere.
  served.Edit("content/en/topics/school.md", "About School.", "About School.\n\nSee [the army](army.md).");
  Diagnostics diags;
  REQUIRE(served.live.Build(diags).ok);
  auto before = served.site.Snapshot();
  served.Edit(army, "About army.", "About army.\n\nSee [the navy](navy.md).");
  BuildReport broken = served.Update({army});
  INFO(served.diagnostics);
  CHECK_FALSE(broken.ok);
  CHECK(broken.single_page == army);
  CHECK(broken.files_written == 0);
  CHECK(
      served.diagnostics.find("content/en/topics/army.md:7:16: error: there is no content/en/topics/navy.md "
                              "to link to; a link by source file names a page's file, from this file's "
                              "folder or, with a leading \"/\", from content/en/\n"
                              " 7 | See [the navy](navy.md).\n"
                              "   |                ^\n") != std::string::npos);
  CHECK(
      served.diagnostics.find("content/en/topics/_index.md: warning: link to \"/en/topics/army/\" "
                              "leads to no page or file of the site; correct the address, or add what it "
                              "names [link-missing]\n") != std::string::npos);
  CHECK(served.site.Snapshot() == before);  // the last good build stays
  served.CheckSameAsFullBuild();

  served.Edit(army, "[the navy](navy.md)", "[the school](school.md)");
  BuildReport fixed = served.Update({army});
  CHECK(fixed.ok);
  CHECK(fixed.single_page == army);
  CHECK(served.diagnostics.find("error") == std::string::npos);
  CHECK(served.diagnostics.find("leads to no page") == std::string::npos);
  served.CheckSameAsFullBuild();
}

TEST_CASE("live site: links to a page's headings are checked again when its ids change", "[live]") {
  Served served;
  const std::string army = "content/en/topics/army.md", school = "content/en/topics/school.md";
  served.Edit(army, "About army.", "About army.\n\n### Ranks\n\nThree.");
  served.Edit(school, "About School.", "About School.\n\nSee [ranks](army.md#ranks).");
  Diagnostics diags;
  REQUIRE(served.live.Build(diags).ok);
  served.Edit(army, "### Ranks", "### Grades");
  BuildReport report = served.Update({army});
  INFO(served.diagnostics);
  CHECK(report.single_page == army);
  CHECK(served.diagnostics.find(
            "content/en/topics/school.md:7:20: warning: link to \"/en/topics/army/#ranks\": "
            "content/en/topics/army.md has no element with id \"ranks\"; link to one of "
            "its headings, or correct the fragment [anchor-missing]\n"
            " 7 | See [ranks](army.md#ranks).\n"
            "   |                    ^\n") != std::string::npos);
  served.CheckSameAsFullBuild();
  served.Edit(army, "### Grades", "### Ranks");
  served.Update({army});
  CHECK(served.diagnostics.find("has no element with id") == std::string::npos);
  served.CheckSameAsFullBuild();
}

namespace {

// The fixtures with goldens: sites that build.
std::vector<std::string> BuildingFixtures() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(TANDEM_TEST_SITES))
    if (fs::is_directory(entry.path() / "expected")) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The first page of the site that is Markdown and no section's own page, by path; on a site of
// home pages alone, the first home page.
std::string SomeMarkdownPage(const fs::path& source) {
  std::vector<std::string> pages, sections;
  for (const auto& entry : fs::recursive_directory_iterator(source / "content")) {
    std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && entry.path().extension() == ".md" && name.find('.') == name.rfind('.'))
      (name == "_index.md" ? sections : pages)
          .push_back(entry.path().lexically_relative(source).generic_string());
  }
  std::sort(pages.begin(), pages.end());
  std::sort(sections.begin(), sections.end());
  if (pages.empty()) pages = sections;
  REQUIRE(!pages.empty());
  return pages.front();
}

// Its title line rewritten, in TOML or YAML.
std::string WithOtherTitle(const std::string& text) {
  std::istringstream lines(text);
  std::string out, line;
  bool toml = text.rfind("+++", 0) == 0, done = false;
  while (std::getline(lines, line)) {
    if (!done && (line.rfind("title =", 0) == 0 || line.rfind("title:", 0) == 0)) {
      line = toml ? "title = \"An edited title\"" : "title: \"An edited title\"";
      done = true;
    }
    out += line + "\n";
  }
  REQUIRE(done);
  return out;
}

// The folder of the theme the site uses, copied into the site when it is tandem's own.
std::string ThemeOf(const FixtureSite& site) {
  std::string toml = ReadBytes(site.source() / "site.toml");
  std::smatch m;
  std::string name = std::regex_search(toml, m, std::regex("theme = \"([^\"]+)\"")) ? m[1].str() : "gc";
  if (!fs::exists(site.source() / "themes" / name)) site.CopyDefaultTheme(name);
  return "themes/" + name;
}

std::string FrontMatterPage(const std::string& title) {
  return "+++\ntitle = \"" + title + "\"\nmodified = 2024-05-05\n+++\nA page added while serving.\n";
}

}  // namespace

// Issue 20: what serve writes and reports after any kind of edit is what a clean build of the same
// files writes and reports, byte for byte and word for word, on every fixture site.
TEST_CASE(
    "live site: after every kind of edit, on every fixture, serve's output and report are a clean build's",
    "[live][differential]") {
  for (const std::string& fixture : BuildingFixtures()) {
    INFO("fixture: " << fixture);
    Served served(fixture);
    const fs::path& source = served.site.source();
    auto step = [&](const std::string& kind, const std::vector<std::string>& changed) {
      INFO("edit: " << kind);
      served.Update(changed);
      served.CheckSameAsFullBuild();
    };
    std::string page = SomeMarkdownPage(source);
    served.site.WriteFile(page, ReadBytes(source / page) + "\nAn added paragraph.\n\n## Results\n\nMore.\n");
    step("a page's Markdown", {page});
    served.site.WriteFile(page, WithOtherTitle(ReadBytes(source / page)));
    step("a page's front matter", {page});
    if (fs::exists(source / "data")) {
      for (const auto& entry : fs::recursive_directory_iterator(source / "data")) {
        if (!entry.is_regular_file()) continue;
        std::string rel = entry.path().lexically_relative(source).generic_string();
        served.site.WriteFile(rel, ReadBytes(entry.path()) + "\n# edited while serving\n");
        step("a data file", {rel});
        break;
      }
    }
    std::string theme = ThemeOf(served.site);
    step("the theme copied into the site", {theme + "/templates/page.mustache"});
    std::string template_file = theme + "/templates/page.mustache";
    served.site.WriteFile(template_file,
                          ReadBytes(source / template_file) + "<!-- edited while serving -->\n");
    step("a template", {template_file});
    std::string section_file = theme + "/templates/section.mustache";
    served.Edit(section_file, "<h1 ", "<div id=\"results\"></div>\n<h1 ");
    step("an id the theme writes", {section_file});
    served.site.WriteFile("static/added.txt", "added\n");
    step("a static file", {"static/added.txt"});
    std::vector<std::string> added = {"content/en/added-page.md", "content/fr/added-page.md"};
    for (const std::string& rel : added) served.site.WriteFile(rel, FrontMatterPage("Added"));
    step("a new page in each language", added);
    std::vector<std::string> renamed = {"content/en/renamed-page.md", "content/fr/renamed-page.md"};
    for (size_t i = 0; i < added.size(); ++i) fs::rename(source / added[i], source / renamed[i]);
    step("a renamed page", {added[0], added[1], renamed[0], renamed[1]});
    for (const std::string& rel : renamed) served.site.Remove(rel);
    step("a deleted page", renamed);
  }
}

// Issue 20: image-unused was never computed again on the one-page path, so serve reported an
// image a page had just started to show as unused (and missed one it stopped showing).
TEST_CASE("live site: a bundle image a page starts or stops showing is reported as a clean build reports it",
          "[live]") {
  Served served("bundles");
  const std::string page = "content/en/reports/annual-2024/index.md";
  std::string text = ReadBytes(served.site.source() / page);
  served.site.WriteFile(page, text + "\n![A photo nobody used](unused.jpg)\n");
  BuildReport report = served.Update({page});
  CHECK(report.single_page == page);
  CHECK(served.diagnostics.find("image-unused") == std::string::npos);
  served.CheckSameAsFullBuild();
  served.site.WriteFile(page, text);
  served.Update({page});
  CHECK(served.diagnostics.find("unused.jpg: warning: no page shows or links to this image") !=
        std::string::npos);
  served.CheckSameAsFullBuild();
}
