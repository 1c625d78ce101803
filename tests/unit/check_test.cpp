// tandem check: each problem with its exact message and code, the three output shapes, [checks],
// --strict and the exit status, nothing written; stale translations from a scripted git history;
// and the link check of builds, carried-over pages included.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "assemble/git.hpp"
#include "check/html_scan.hpp"
#include "check/report.hpp"
#include "fixture.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

FixtureSite::Result Check(const FixtureSite& site, bool strict = false) {
  BuildOptions options;
  options.check_only = true;
  options.strict = strict;
  return site.Build(options);
}

// Runs `command` in `dir` with a fixed committer, failing the test if it fails.
void Shell(const fs::path& dir, const std::string& command) {
  std::string full = "cd '" + dir.string() + "' && " + command + " >/dev/null 2>&1";
  REQUIRE(std::system(full.c_str()) == 0);
}

// Commits everything staged in `dir` on `day`, with `message`.
void CommitOn(const fs::path& dir, const std::string& day, const std::string& message) {
  std::string when = day + "T12:00:00Z";
  Shell(dir, "git add -A && GIT_AUTHOR_DATE=" + when + " GIT_COMMITTER_DATE=" + when +
                 " git -c user.name=T -c user.email=t@example.ca commit -q -m '" + message + "'");
}

}  // namespace

TEST_CASE("the generated HTML gives its ids, links, link texts, images and headings", "[check]") {
  HtmlScan scan = ScanHtml(
      "<!-- <a href=\"/no/\"> --><h1 id=\"top-title\">A &amp; B</h1><p><a href=\"/en/x/#a\" class=x>Read "
      "<em>more</em></a> <a href='/fr/' hreflang=\"fr\">Fran&#231;ais</a><a href=/y/><img src=\"i.png\" "
      "alt=\"Chart\"></a><img src=\"j.png\"></p><h3>C</h3><script>var a = '<a href=\"/z/\">';</script>");
  CHECK(scan.links.ids == std::vector<std::string>{"top-title"});
  CHECK(scan.links.links == std::vector<std::string>{"/en/x/#a", "/y/", "i.png", "j.png"});
  CHECK(scan.links.language_links == std::vector<std::string>{"/fr/"});
  REQUIRE(scan.anchors.size() == 3);
  CHECK(scan.anchors[0].text == "Read more");
  CHECK(scan.anchors[1].text == "Français");
  CHECK(scan.anchors[2].text == "Chart");
  REQUIRE(scan.images.size() == 2);
  CHECK_FALSE(scan.images[1].has_alt);
  REQUIRE(scan.headings.size() == 2);
  CHECK(scan.headings[0].text == "A & B");
  CHECK(scan.headings[1].level == 3);
}

TEST_CASE("tandem check reports each problem of the generated pages with its code", "[check]") {
  FixtureSite site("check-problems");
  auto result = Check(site);
  CHECK(result.errors == "");
  CHECK(
      result.warnings ==
      "content/en/_index.md:7:17: warning: link to \"/en/nowhere/\" leads to no page or file of the site; "
      "correct the address, or add what it names [link-missing]\n"
      " 7 | A [broken link](/en/nowhere/) and a [broken anchor](/en/guide/#nowhere).\n"
      "   |                 ^\n"
      "content/en/_index.md:7:53: warning: link to \"/en/guide/#nowhere\": content/en/guide.md has no "
      "element "
      "with id \"nowhere\"; link to one of its headings, or correct the fragment [anchor-missing]\n"
      " 7 | A [broken link](/en/nowhere/) and a [broken anchor](/en/guide/#nowhere).\n"
      "   |                                                     ^\n"
      "content/en/_index.md:9:1: warning: link text \"Click here\" does not say where the link goes; name "
      "its "
      "destination instead (\"Read the 2023 annual report\") [link-text-vague]\n"
      " 9 | [Click here](/en/guide/) for more, or see [le guide](/fr/guide/).\n"
      "   | ^\n"
      "content/en/_index.md:9:54: warning: link to \"/fr/guide/\" leads to a page in \"fr\" from a page in "
      "\"en\"; link to /en/guide/ instead (the language toggle leads readers to the other language) "
      "[link-other-language]\n"
      " 9 | [Click here](/en/guide/) for more, or see [le guide](/fr/guide/).\n"
      "   |                                                      ^\n"
      "content/en/_index.md:11:2: warning: image \"/images/chart.gif\" has no alt text; say what it shows "
      "between the brackets: ![what it shows](/images/chart.gif) [image-alt-missing]\n"
      " 11 | ![](/images/chart.gif)\n"
      "    |  ^\n"
      "content/en/_index.md:13:1: warning: link to \"/en/guide/\" has no text, so a screen reader reads out "
      "its "
      "address; write where it goes between the brackets [link-text-empty]\n"
      " 13 | [](/en/guide/)\n"
      "    | ^\n"
      "content/en/_index.md:17:1: warning: heading \"Skipped\" is an h4 after an h2; make it an h3 (###), so "
      "that no level is skipped [heading-skip]\n"
      " 17 | #### Skipped\n"
      "    | ^\n"
      "content/en/only-english.md: warning: the page has no \"fr\" translation; add "
      "content/fr/only-english.md. "
      "Its language toggle goes to the nearest translated section [translation-missing]\n"
      "content/fr/_index.md:5:49: warning: link text \"cliquez ici\" does not say where the link goes; name "
      "its "
      "destination instead (\"Read the 2023 annual report\") [link-text-vague]\n"
      " 5 | Lisez [le guide](/fr/guide/). Pour tout savoir, [cliquez ici](/fr/guide/#etapes).\n"
      "   |                                                 ^\n");
  CHECK(result.report.ok);
}

TEST_CASE("a finding is placed where cmark-gfm read the image or link, not at the first like it", "[check]") {
  // The image with alt text on line 7 has the same address as the one without on line 11 (found at
  // 7:21 by a search of the text); the two vague links on lines 13 and 15 have the same text.
  FixtureSite site("check-problems");
  site.WriteFile("static/chart.gif", "GIF89a");
  site.WriteFile(
      "content/en/charts.md",
      "+++\ntitle = \"Charts\"\n+++\nThe charts.\n\n## Spending\nSee this ![A chart](/chart.gif)\n\n"
      "## Again\n\n![](/chart.gif)\n\n[Click here](/en/guide/).\n\n- Or [Click here](/en/charts/).\n");
  site.WriteFile("content/fr/charts.md", "+++\ntitle = \"Graphiques\"\n+++\nLes graphiques.\n");
  auto result = Check(site);
  std::string warnings = result.warnings.substr(result.warnings.find("content/en/charts.md"));
  CHECK(warnings.substr(0, warnings.find("content/en/only-english.md")) ==
        "content/en/charts.md:11:2: warning: image \"/chart.gif\" has no alt text; say what it shows between "
        "the brackets: ![what it shows](/chart.gif) [image-alt-missing]\n"
        " 11 | ![](/chart.gif)\n"
        "    |  ^\n"
        "content/en/charts.md:13:1: warning: link text \"Click here\" does not say where the link goes; name "
        "its destination instead (\"Read the 2023 annual report\") [link-text-vague]\n"
        " 13 | [Click here](/en/guide/).\n"
        "    | ^\n"
        "content/en/charts.md:15:6: warning: link text \"Click here\" does not say where the link goes; name "
        "its destination instead (\"Read the 2023 annual report\") [link-text-vague]\n"
        " 15 | - Or [Click here](/en/charts/).\n"
        "    |      ^\n");
}

TEST_CASE("a skipped heading level is placed at its own heading, not at the first with its text", "[check]") {
  FixtureSite site("check-problems");
  site.WriteFile(
      "content/en/results.md",
      "+++\ntitle = \"Results\"\n+++\n## Spending\n### Years\n#### Results\n\n## Again\n#### Results\n");
  site.WriteFile("content/fr/results.md", "+++\ntitle = \"Résultats\"\n+++\nTexte.\n");
  auto result = Check(site);
  std::string warnings = result.warnings.substr(result.warnings.find("content/en/results.md"));
  CHECK(
      warnings.substr(0, warnings.find("content/fr/")) ==
      "content/en/results.md:9:1: warning: heading \"Results\" is an h4 after an h2; make it an h3 (###), so "
      "that no level is skipped [heading-skip]\n"
      " 9 | #### Results\n"
      "   | ^\n");
}

namespace {

// Every file and folder under `dir`, .tandem/ included, with its size and modification time.
std::map<std::string, std::string> Listing(const fs::path& dir) {
  std::map<std::string, std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    auto time = fs::last_write_time(entry.path()).time_since_epoch().count();
    std::string size = entry.is_regular_file() ? std::to_string(entry.file_size()) : "dir";
    out[entry.path().lexically_relative(dir).generic_string()] = size + " " + std::to_string(time);
  }
  return out;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("tandem check writes nothing: no output folder is made, an existing one is left as it was",
          "[check]") {
  FixtureSite site("check-problems");
  Check(site);
  CHECK_FALSE(fs::exists(site.output()));
  REQUIRE(site.Build().report.ok);
  auto before = Listing(site.output());
  REQUIRE(before.count(".tandem/cache"));
  site.WriteFile("content/en/guide.md", "+++\ntitle = \"Guide\"\nmodified = 2024-01-01\n+++\nChanged.\n");
  Check(site);
  CHECK(Listing(site.output()) == before);
}

TEST_CASE("[checks] turns a check off or changes its severity; --strict makes every warning an error",
          "[check]") {
  FixtureSite site("check-problems");
  std::string config = ReadBytes(site.source() / "site.toml");
  site.WriteFile("site.toml",
                 config + "\n[checks]\nlink-text-vague = \"off\"\nimage-alt-missing = \"error\"\n");
  auto result = Check(site);
  CHECK_FALSE(Has(result.warnings, "[link-text-vague]"));
  CHECK(result.errors ==
        "content/en/_index.md:11:2: error: image \"/images/chart.gif\" has no alt text; say what it shows "
        "between "
        "the brackets: ![what it shows](/images/chart.gif) [image-alt-missing]\n"
        " 11 | ![](/images/chart.gif)\n"
        "    |  ^\n");
  CHECK_FALSE(result.report.ok);

  auto strict = Check(site, true);
  CHECK(strict.warnings == "");
  CHECK(Has(strict.errors, "error: link to \"/en/nowhere/\" leads to no page or file of the site"));
  CHECK(Has(strict.errors, "content/en/only-english.md: error: the page has no \"fr\" translation"));
  CHECK_FALSE(Has(strict.errors, "[link-text-vague]"));  // off stays off
}

TEST_CASE("an unknown code in [checks] is an error with a suggestion, in check and build alike", "[check]") {
  FixtureSite site("minimal");
  std::string config = ReadBytes(site.source() / "site.toml");
  site.WriteFile("site.toml", config + "\n[checks]\nlink-text-vage = \"off\"\nheading-skip = \"loud\"\n");
  std::string expected =
      "site.toml:15:1: error: unknown check \"link-text-vage\" in [checks] (did you mean "
      "\"link-text-vague\"?)\n"
      " 15 | link-text-vage = \"off\"\n"
      "    | ^\n"
      "site.toml:16:16: error: [checks] heading-skip must be \"off\", \"warning\" or \"error\"\n"
      " 16 | heading-skip = \"loud\"\n"
      "    |                ^\n";
  CHECK(Check(site).errors == expected);
  CHECK(site.Build().errors == expected);
}

TEST_CASE("tandem build checks links and anchors: warnings, errors with --strict", "[check]") {
  FixtureSite site("check-problems");
  auto result = site.Build();
  CHECK(result.report.ok);
  CHECK(Has(
      result.warnings,
      "content/en/_index.md:7:17: warning: link to \"/en/nowhere/\" leads to no page or file of the site; "
      "correct the address, or add what it names [link-missing]\n"));
  CHECK(Has(result.warnings,
            "content/en/_index.md:7:53: warning: link to \"/en/guide/#nowhere\": "
            "content/en/guide.md has no element with id \"nowhere\"; link to one of its headings, "
            "or correct the fragment [anchor-missing]\n"));
  // The checks of `tandem check` alone are not a build's.
  CHECK_FALSE(Has(result.warnings, "[link-text-vague]"));
  CHECK_FALSE(Has(result.warnings, "[link-other-language]"));

  // Without the untranslated page, which --strict would stop the build at before any page renders.
  FixtureSite strict_site("check-problems");
  strict_site.Remove("content/en/only-english.md");
  BuildOptions strict;
  strict.strict = true;
  auto failed = strict_site.Build(strict);
  CHECK_FALSE(failed.report.ok);
  CHECK(Has(failed.errors, "content/en/_index.md:7:17: error: link to \"/en/nowhere/\""));
  CHECK_FALSE(fs::exists(strict_site.output() / "en/index.html"));
}

// Issue 22: a starter template of an imported shortcode wrote <a href=""> on both home pages,
// and nothing said so; an empty address, or "#" alone, leads nowhere.
TEST_CASE("a link to \"\" or \"#\" leads nowhere: a warning at the link, in Markdown or a template",
          "[check]") {
  FixtureSite site("minimal");
  site.WriteFile(
      "content/en/e.md",
      "+++\ntitle = \"E\"\nmodified = 2024-01-01\n+++\nSee [this]() and [that](#), not [top](#top).\n");
  site.WriteFile("content/fr/e.md", "+++\ntitle = \"E\"\nmodified = 2024-01-01\n+++\nTexte.\n");
  site.WriteFile("shortcodes/starter.mustache", "<a href=\"\">{{inner}}</a>");
  site.WriteFile(
      "content/fr/e.md",
      "+++\ntitle = \"E\"\nmodified = 2024-01-01\n+++\nTexte {{< starter >}}ici{{< /starter >}}.\n");
  auto result = site.Build();
  INFO(result.warnings);
  CHECK(result.report.ok);
  std::string nowhere =
      " leads nowhere (it is this same page, at no place in it); give the link the address "
      "it is meant to have, or write its text without a link [link-empty]\n";
  CHECK(Has(result.warnings, "content/en/e.md:5:12: warning: a link to \"\"" + nowhere));
  CHECK(Has(result.warnings, "content/en/e.md:5:25: warning: a link to \"#\"" + nowhere));
  CHECK(Has(result.warnings, "content/fr/e.md: warning: a link to \"\"" + nowhere));
  CHECK_FALSE(Has(result.warnings, "\"#top\""));
}

TEST_CASE("a rebuild checks the links of pages carried over from the cache, and links to them", "[check]") {
  FixtureSite site("check-problems");
  REQUIRE(site.Build().report.ok);
  // The guide's heading changes: the home page, not rendered again, still links to #steps.
  site.WriteFile("content/en/guide.md",
                 "+++\ntitle = \"Guide\"\nmodified = 2024-01-01\n+++\n## Stages\n\nBack [home](/en/).\n");
  auto second = site.Build();
  CHECK(second.report.pages_rendered == 1);
  CHECK(Has(second.warnings,
            "content/en/_index.md:5:46: warning: link to \"/en/guide/#steps\": "
            "content/en/guide.md has no element with id \"steps\""));
  // The home page changes alone: the guide's ids come from the cache.
  site.WriteFile("content/en/_index.md",
                 "+++\ntitle = \"Home\"\nmodified = 2024-01-01\n+++\n"
                 "[Stages](/en/guide/#stages), [steps](/en/guide/#steps).\n");
  auto third = site.Build();
  CHECK(third.report.pages_rendered == 1);
  CHECK_FALSE(Has(third.warnings, "link to \"/en/guide/#stages\""));
  CHECK(Has(third.warnings, "content/en/_index.md:5:38: warning: link to \"/en/guide/#steps\""));
  // Nothing changed: the same warnings again.
  auto fourth = site.Build();
  CHECK(fourth.report.nothing_changed);
  CHECK(fourth.warnings == third.warnings);
}

TEST_CASE("a translation is stale when its source has a later commit that matters", "[check][git]") {
  FixtureSite site("minimal");
  fs::path dir = site.source();
  site.WriteFile("content/en/page.md", "+++\ntitle = \"Page\"\n+++\nOne.\n");
  site.WriteFile("content/fr/page.md", "+++\ntitle = \"Page\"\n+++\nUn.\n");
  Shell(dir, "git init -q .");
  CommitOn(dir, "2024-01-10", "Add the page");
  CHECK(Check(site).warnings == "");

  site.WriteFile("content/en/page.md", "+++\ntitle = \"Page\"\n+++\nOne, changed.\n");
  CommitOn(dir, "2024-02-01", "Change the page");
  CHECK(
      Check(site).warnings ==
      "content/fr/page.md: warning: this translation is older than its source: content/en/page.md changed on "
      "2024-02-01, after this file's last change on 2024-01-10; update the translation, or mark a change "
      "that "
      "needs none with [minor] or \"Translation-impact: none\" in its commit message [translation-stale]\n");

  site.WriteFile("content/fr/page.md", "+++\ntitle = \"Page\"\n+++\nUn, changé.\n");
  CommitOn(dir, "2024-02-05", "Traduire");
  CHECK(Check(site).warnings == "");

  site.WriteFile("content/en/page.md", "+++\ntitle = \"Page\"\n+++\nOne, changed!\n");
  CommitOn(dir, "2024-03-01", "Fix a typo [minor]");
  CHECK(Check(site).warnings == "");
  site.WriteFile("content/en/page.md", "+++\ntitle = \"Page\"\n+++\nOne, changed!!\n");
  CommitOn(dir, "2024-03-02", "Reword\n\nTranslation-impact: none");
  CHECK(Check(site).warnings == "");

  // The French page is now the source: the English page follows it.
  site.WriteFile("content/fr/page.md",
                 "+++\ntitle = \"Page\"\ntranslation_source = \"fr\"\n+++\nUn, rechangé.\n");
  CommitOn(dir, "2024-04-01", "Source en français");
  CHECK(
      Check(site).warnings ==
      "content/en/page.md: warning: this translation is older than its source: content/fr/page.md changed on "
      "2024-04-01, after this file's last change on 2024-03-02; update the translation, or mark a change "
      "that "
      "needs none with [minor] or \"Translation-impact: none\" in its commit message [translation-stale]\n");
}

TEST_CASE("one git log pass reads the commits a translation need not follow", "[check][git]") {
  std::string log = std::string("\0\x1e", 2) + "2024-03-02\x1fnone\x1fReword\n\nTranslation-impact: none\n" +
                    '\0' + "\nen.md" + '\0' + '\0' + '\x1e' + "2024-03-01\x1f\x1f" + "Fix [minor]\n" + '\0' +
                    "\nen.md" + '\0' + '\0' + '\x1e' + "2024-02-01\x1f\x1f" + "Change\n" + '\0' + "\nen.md" +
                    '\0' + "fr.md" + '\0';
  auto files = ParseGitHistory(log);
  CHECK(files["en.md"].last == 0);
  CHECK(files["en.md"].last_date == "2024-03-02");
  CHECK(files["en.md"].last_significant == 2);
  CHECK(files["en.md"].significant_date == "2024-02-01");
  CHECK(files["fr.md"].last == 2);
}

TEST_CASE("JSON and GitHub shapes, with their escaping", "[check]") {
  std::vector<Diagnostic> diags = {
      {Severity::kError,
       {"content/en/a,b.md", 3, 7},
       "link to \"/x:y/\" 100% wrong\nsecond line",
       "",
       "link-missing"},
      {Severity::kWarning, {"content/fr/c.md"}, "tab\there \\ done", "", "translation-missing"}};
  CHECK(FormatReport(diags, ReportFormat::kJson) ==
        "[\n"
        "  {\"file\": \"content/en/a,b.md\", \"line\": 3, \"column\": 7, \"severity\": \"error\", \"code\": "
        "\"link-missing\", \"message\": \"link to \\\"/x:y/\\\" 100% wrong\\nsecond line\"},\n"
        "  {\"file\": \"content/fr/c.md\", \"line\": 0, \"column\": 0, \"severity\": \"warning\", \"code\": "
        "\"translation-missing\", \"message\": \"tab\\there \\\\ done\"}\n"
        "]\n");
  CHECK(FormatReport({}, ReportFormat::kJson) == "[]\n");
  CHECK(FormatReport(diags, ReportFormat::kGithub) ==
        "::error file=content/en/a%2Cb.md,line=3,col=7,title=link-missing::link to \"/x:y/\" 100%25 "
        "wrong%0Asecond "
        "line\n"
        "::warning file=content/fr/c.md,title=translation-missing::tab\there \\ done\n");
  CHECK(GithubProperty("a:b,c%\r") == "a%3Ab%2Cc%25%0D");
}

TEST_CASE("tandem check: exit status, --strict, --format json and github", "[check][cli]") {
  FixtureSite site("check-problems");
  std::string source = " --source " + site.source().string();
  ProgramRun text = RunTandem("check" + source);
  CHECK(text.status == 0);
  CHECK(Has(text.output, "\n\ncontent/en/only-english.md: warning: the page has no \"fr\" translation"));
  CHECK(Has(text.output, "\n9 warnings, 0 errors\n"));
  CHECK(RunTandem("check --strict" + source).status == 1);

  ProgramRun json = RunTandem("check --format json" + source);
  CHECK(json.status == 0);
  CHECK(json.output.rfind("[\n  {\"file\": \"content/en/_index.md\", \"line\": 7, \"column\": 17, ", 0) == 0);
  CHECK(Has(json.output, "\"code\": \"translation-missing\""));
  CHECK(json.output.substr(json.output.size() - 4) == "}\n]\n");

  ProgramRun github = RunTandem("check --format github" + source);
  CHECK(Has(github.output,
            "::warning file=content/en/_index.md,line=7,col=17,title=link-missing::link to "
            "\"/en/nowhere/\" leads to no page or file of the site"));
  CHECK_FALSE(fs::exists(site.output()));
}
