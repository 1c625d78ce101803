// Page bundles (a page's folder with its images and files) and HTML content pages.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "fixture.hpp"
#include "markdown/markdown.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

bool Has(const std::string& text, const std::string& part) {
  INFO(text);
  return text.find(part) != std::string::npos;
}

std::string Page(const std::string& title, const std::string& body, const std::string& extra = "") {
  return "+++\ntitle = \"" + title + "\"\nmodified = 2024-01-01\n" + extra + "+++\n" + body;
}

const char kAnnual[] = "content/en/reports/annual-2024/index.md";

}  // namespace

TEST_CASE("a leaf bundle is its folder's page, with its files copied next to its HTML", "[bundles]") {
  FixtureSite site("bundles");
  auto built = site.Build();
  INFO(built.errors);
  REQUIRE(built.report.ok);
  CHECK(site.Exists("en/reports/annual-2024/index.html"));
  CHECK_FALSE(site.Exists("en/reports/annual-2024/index/index.html"));
  CHECK(site.Read("en/reports/annual-2024/map.png") ==
        ReadBytes(site.source() / "content/en/reports/annual-2024/map.png"));
  CHECK(site.Exists("en/reports/annual-2024/files/report.pdf"));
  // Paired by path with the French bundle, which has a slug and files of its own.
  CHECK(site.Exists("fr/rapports/annuel-2024/carte.png"));
  CHECK(site.Exists("fr/rapports/annuel-2024/files/rapport.pdf"));
  CHECK_FALSE(site.Exists("fr/rapports/annuel-2024/map.png"));
  std::string en = site.Read("en/reports/annual-2024/index.html");
  CHECK(Has(en, "<img src=\"/en/reports/annual-2024/map.png\" alt=\"Map of the regions\" />"));
  CHECK(Has(en, "<a href=\"/en/reports/annual-2024/files/report.pdf\">full report (PDF)</a>"));
  CHECK(Has(en, "<a href=\"/en/reports/summary/\">summary</a>"));
  CHECK(Has(en, "<a href=\"/fr/rapports/annuel-2024/\" lang=\"fr\""));
  // A branch bundle: the files beside a section's _index.md.
  CHECK(site.Exists("en/reports/logo.svg"));
  CHECK(Has(site.Read("fr/rapports/index.html"), "<img src=\"/fr/rapports/logo.svg\""));
}

TEST_CASE("an HTML content page is used as written, its dangerous addresses emptied", "[bundles]") {
  FixtureSite site("bundles");
  auto built = site.Build();
  INFO(built.errors);
  REQUIRE(built.report.ok);
  std::string about = site.Read("en/about/index.html");
  CHECK(Has(about, "<p>Who we are, in <abbr title=\"HyperText Markup Language\">HTML</abbr>.</p>"));
  CHECK(Has(about, "<a href=\"\">A script address is emptied</a>"));
  // Both homes are HTML pages: _index.html, and index.html at the top of a language's folder.
  CHECK(Has(site.Read("en/index.html"), "<section class=\"intro\">"));
  CHECK(Has(site.Read("fr/index.html"), "Bienvenue sur le site des <strong>rapports</strong>"));
  CHECK(site.Exists("fr/a-propos/index.html"));
  // Its summary is its first paragraph's text, in the section's list.
  CHECK(Has(site.Read("en/reports/index.html"), "The short version: we did our work… and more."));
}

TEST_CASE("an HTML page keeps its markup and empties only dangerous addresses", "[bundles]") {
  CHECK(HtmlPageContent("<a href=\"javascript:x()\">a</a><img src='JavaScript&#58;y'><a href=x>b</a>") ==
        "<a href=\"\">a</a><img src=''><a href=x>b</a>");
  CHECK(HtmlPageContent("<a href = \" java\tscript:x\" title=\"javascript:ok\">a</a>") ==
        "<a href = \"\" title=\"javascript:ok\">a</a>");
  CHECK(HtmlPageContent("<img src=\"data:image/png;base64,AA\"><object data=\"data:text/html,x\">") ==
        "<img src=\"data:image/png;base64,AA\"><object data=\"\">");
  CHECK(HtmlPageContent(
            "<!-- <a href=\"javascript:x\"> --><script>var a = '<a href=\"javascript:x\">';</script>") ==
        "<!-- <a href=\"javascript:x\"> --><script>var a = '<a href=\"javascript:x\">';</script>");
}

TEST_CASE("an HTML page's summary is its first paragraph's text", "[bundles]") {
  CHECK(HtmlSummaryText("<h1>T</h1>\n<p class=\"lead\">One <em>two</em>\n  &amp; "
                        "three&nbsp;&#233;t&eacute;.</p><p>Next</p>") == "One two & three\xC2\xA0été.");
  CHECK(HtmlSummaryText("<pre>code</pre><p></p><p>Second</p>") == "Second");
  CHECK(HtmlSummaryText("<div>No paragraph</div>").empty());
}

TEST_CASE("unused images and files in no bundle are warnings", "[bundles]") {
  FixtureSite site("bundles");
  auto built = site.Build();
  REQUIRE(built.report.ok);
  CHECK(Has(
      built.warnings,
      "content/en/reports/annual-2024/unused.jpg: warning: no page shows or links to this image, yet it is "
      "published; use it on a page, or delete it [image-unused]\n"));
  CHECK(Has(
      built.warnings,
      "content/en/legacy/old.html: warning: this file is in no page bundle, so it is not published; move "
      "it beside an index.md (a page bundle) or a section's _index.md, or into static/. To make it a page, "
      "start it with front matter (+++ or ---) [content-file-unpublished]\n"));
  CHECK(site.Exists("en/reports/annual-2024/unused.jpg"));
  CHECK_FALSE(site.Exists("en/legacy/old.html"));
}

TEST_CASE("an image a bundle does not have is an error at its address, with a suggestion",
          "[bundles][errors]") {
  FixtureSite site("bundles");
  site.WriteFile(kAnnual, Page("Annual report 2024", "The year.\n\n![Map of the regions](maps.png)\n"));
  auto built = site.Build();
  CHECK_FALSE(built.report.ok);
  CHECK(built.errors ==
        "content/en/reports/annual-2024/index.md:7:23: error: there is no "
        "content/en/reports/annual-2024/maps.png in this page's bundle (did you mean \"map.png\"?); put the "
        "file beside index.md, or correct the address\n"
        " 7 | ![Map of the regions](maps.png)\n"
        "   |                       ^\n");
}

TEST_CASE("a link to a missing file of a bundle's subfolder is an error; one outside the bundle is left",
          "[bundles][errors]") {
  FixtureSite site("bundles");
  site.WriteFile(kAnnual, Page("Annual report 2024", "[PDF](files/report.pfd) [up](../old/x.pdf)\n"));
  auto built = site.Build();
  CHECK_FALSE(built.report.ok);
  CHECK(Has(built.errors,
            "content/en/reports/annual-2024/index.md:5:7: error: there is no "
            "content/en/reports/annual-2024/files/report.pfd in this page's bundle (did you mean "
            "\"files/report.pdf\"?); put the file beside index.md, or correct the address\n"));
  CHECK_FALSE(Has(built.errors, "old/x.pdf in this page's bundle"));
}

TEST_CASE("a page inside a leaf bundle's folder is an error", "[bundles][errors]") {
  FixtureSite site("bundles");
  site.WriteFile("content/en/reports/annual-2024/extra/more.md", Page("More", "More.\n"));
  auto built = site.Build();
  CHECK_FALSE(built.report.ok);
  CHECK(built.errors ==
        "content/en/reports/annual-2024/extra/more.md: error: this page is inside the page bundle "
        "content/en/reports/annual-2024/, whose index.md is one page with its files; move this page out of "
        "reports/annual-2024/, or rename reports/annual-2024/index.md to _index.md to make "
        "reports/annual-2024/ "
        "a section\n");
}

TEST_CASE("a bundle file that would replace a page is an error", "[bundles][errors]") {
  FixtureSite site("bundles");
  site.WriteFile("content/en/reports/annual-2024/index.html", "<p>An export of the old page.</p>\n");
  auto built = site.Build();
  CHECK_FALSE(built.report.ok);
  CHECK(Has(built.errors,
            "content/en/reports/annual-2024/index.html: error: this file of a page bundle would be "
            "written to en/reports/annual-2024/index.html, where the build already writes a page "
            "or another file; rename it\n"));
}

TEST_CASE("a changed bundle file is copied again without rendering its page", "[bundles][incremental]") {
  FixtureSite site("bundles");
  REQUIRE(site.Build().report.ok);
  site.WriteFile("content/en/reports/annual-2024/map.png", "another map");
  auto rebuilt = site.Build();
  INFO(rebuilt.errors);
  REQUIRE(rebuilt.report.ok);
  CHECK(rebuilt.report.pages_rendered == 0);
  CHECK(rebuilt.report.files_written == 1);
  CHECK(site.Read("en/reports/annual-2024/map.png") == "another map");
  // A removed one is removed from the output, and the page that showed it is rendered again.
  site.Remove("content/en/reports/annual-2024/files/report.pdf");
  site.Remove("content/en/reports/annual-2024/map.png");
  auto removed = site.Build();
  CHECK_FALSE(removed.report.ok);
  CHECK(Has(removed.errors, "index.md:8:23: error: there is no content/en/reports/annual-2024/map.png"));
}

TEST_CASE("a removed bundle file is removed from the output", "[bundles][incremental]") {
  FixtureSite site("bundles");
  REQUIRE(site.Build().report.ok);
  site.Remove("content/en/reports/annual-2024/unused.jpg");
  auto rebuilt = site.Build();
  REQUIRE(rebuilt.report.ok);
  CHECK(rebuilt.report.pages_rendered == 0);
  CHECK_FALSE(site.Exists("en/reports/annual-2024/unused.jpg"));
  CHECK_FALSE(Has(rebuilt.warnings, "unused.jpg"));
}

TEST_CASE("in a folder languages share, a bundle file named for no language goes to every language",
          "[bundles]") {
  FixtureSite site("minimal");
  site.WriteFile(
      "site.toml",
      "base_url = \"https://example.ca/\"\ntheme = \"gc\"\n[languages.en]\nlocale = \"en-CA\"\n"
      "title = \"T\"\ncreator = \"C\"\ncontent_dir = \"content\"\n[languages.fr]\nlocale = \"fr-CA\"\n"
      "title = \"T\"\ncreator = \"C\"\ncontent_dir = \"content\"\n");
  site.Remove("content/en");
  site.Remove("content/fr");
  site.WriteFile("content/_index.md", Page("Home", "Hi.\n"));
  site.WriteFile("content/_index.fr.md", Page("Accueil", "Salut.\n"));
  site.WriteFile("content/trip/index.md", Page("Trip", "![Map](map.png) ![Note](note.svg)\n"));
  site.WriteFile("content/trip/index.fr.md",
                 Page("Voyage", "![Carte](map.png) ![Note](note.svg)\n", "slug = \"voyage\"\n"));
  site.WriteFile("content/trip/map.png", "shared");
  site.WriteFile("content/trip/note.svg", "<svg/>");
  site.WriteFile("content/trip/note.fr.svg", "<svg id=\"fr\"/>");
  auto built = site.Build();
  INFO(built.errors);
  REQUIRE(built.report.ok);
  CHECK(site.Read("en/trip/map.png") == "shared");
  CHECK(site.Read("fr/voyage/map.png") == "shared");
  CHECK(site.Read("en/trip/note.svg") == "<svg/>");
  CHECK(site.Read("fr/voyage/note.svg") == "<svg id=\"fr\"/>");
}

TEST_CASE("a folder with two section files is an error", "[bundles][errors]") {
  FixtureSite site("bundles");
  site.WriteFile("content/fr/_index.md", Page("Accueil", "Bonjour.\n"));
  site.WriteFile("content/en/about/_index.md", Page("About", "About.\n"));
  auto built = site.Build();
  CHECK_FALSE(built.report.ok);
  CHECK(built.errors ==
        "content/en/about/_index.md: error: this file and content/en/about/_index.html are both the page of "
        "the "
        "folder content/en/about/; remove or rename one of them\n"
        "content/fr/index.html: error: this file and content/fr/_index.md are both the page of the folder "
        "content/fr/; remove or rename one of them\n");
}

TEST_CASE("a bundle file is copied in blocks, byte for byte, never held whole in memory", "[bundles]") {
  FixtureSite site("bundles");
  // Across the 1 MiB blocks: every byte differs from its neighbours, so a lost or doubled block shows.
  std::string pattern(3 * (1 << 20) + 17, '\0');
  for (size_t i = 0; i < pattern.size(); ++i) pattern[i] = static_cast<char>((i * 7 + i / 251) & 0xFF);
  site.WriteFile("content/en/reports/annual-2024/files/data.bin", pattern);
  // 512 MiB without a byte on disk (a sparse file): a build that read it whole would hold all of it.
  const off_t big = off_t{512} << 20;
  {
    int fd = open((site.source() / "content/en/reports/annual-2024/files/video.bin").c_str(),
                  O_WRONLY | O_CREAT | O_TRUNC, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(ftruncate(fd, big) == 0);
    close(fd);
  }
  // The build runs in a child process that measures its own peak: the peak is set back to what is
  // resident at the start (clear_refs 5), and VmHWM read after the build. The child sends back
  // how much the build added, in KiB, or -1 when the build failed.
  int pipe_fds[2];
  REQUIRE(pipe(pipe_fds) == 0);
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    auto status_kib = [](const char* field) {
      std::ifstream in("/proc/self/status");
      for (std::string line; std::getline(in, line);)
        if (line.rfind(field, 0) == 0) return std::stol(line.substr(std::string(field).size()));
      return 0L;
    };
    long added = -1;
    try {  // nothing may escape into the test runner's copy in this process
      { std::ofstream("/proc/self/clear_refs") << "5"; }
      long before = status_kib("VmRSS:");
      if (site.Build().report.ok) added = status_kib("VmHWM:") - before;
    } catch (...) {
    }
    std::string reply = std::to_string(added);
    (void)!write(pipe_fds[1], reply.data(), reply.size());
    _exit(0);
  }
  close(pipe_fds[1]);
  std::string reply;
  char buffer[64];
  for (ssize_t n; (n = read(pipe_fds[0], buffer, sizeof buffer)) > 0;)
    reply.append(buffer, static_cast<size_t>(n));
  close(pipe_fds[0]);
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(!reply.empty());
  long added_kib = std::stol(reply);
  CHECK(added_kib >= 0);  // the build succeeded
  CHECK(site.Read("en/reports/annual-2024/files/data.bin") == pattern);
  CHECK(fs::file_size(site.output() / "en/reports/annual-2024/files/video.bin") ==
        static_cast<uintmax_t>(big));
  INFO("the build added " << added_kib << " KiB to the resident peak");
  CHECK(added_kib < 256 * 1024);  // room for the sanitizers; the file alone is twice that
}
