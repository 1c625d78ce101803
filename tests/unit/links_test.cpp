// Links by source file, root-relative links under a sub-path, and heading ids.
#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

std::string Page(const std::string& title, const std::string& body, const std::string& extra = "") {
  return "+++\ntitle = \"" + title + "\"\n" + extra + "+++\n" + body;
}

// The minimal fixture with `files` added, built.
struct Built {
  FixtureSite site{"minimal"};
  FixtureSite::Result result;
  explicit Built(const std::vector<std::pair<std::string, std::string>>& files) {
    for (const auto& [path, bytes] : files) site.WriteFile(path, bytes);
    result = site.Build();
  }
  std::string Html(const std::string& rel) const { return site.Read(rel); }
};

// The errors of a build expected to fail.
std::string ErrorsOf(const std::vector<std::pair<std::string, std::string>>& files) {
  Built built(files);
  CHECK_FALSE(built.result.report.ok);
  return built.result.errors;
}

bool Has(const std::string& html, const std::string& part) {
  INFO(html);
  return html.find(part) != std::string::npos;
}

// Both languages with a news section and a hotline page whose French slugs differ.
const std::vector<std::pair<std::string, std::string>> kNews = {
    {"content/en/news/_index.md", Page("News", "")},
    {"content/fr/news/_index.md", Page("Nouvelles", "", "slug = \"nouvelles\"\n")},
    {"content/en/news/hotline.md", Page("Hotline", "## Contact\n")},
    {"content/fr/news/hotline.md", Page("Ligne d'urgence", "## Contact\n", "slug = \"ligne-urgence\"\n")},
};

std::vector<std::pair<std::string, std::string>> NewsWith(
    std::vector<std::pair<std::string, std::string>> more) {
  more.insert(more.begin(), kNews.begin(), kNews.end());
  return more;
}

}  // namespace

TEST_CASE("a link by source file is the page's URL in the linking page's language", "[links]") {
  std::string body = "[a](news/hotline.md) [b](/news/hotline.md#contact) [c](./news/_index.md?x=1#top)\n";
  Built built(NewsWith({{"content/en/a.md", Page("A", body)}, {"content/fr/a.md", Page("A", body)}}));
  INFO(built.result.errors);
  REQUIRE(built.result.report.ok);
  std::string en = built.Html("en/a/index.html"), fr = built.Html("fr/a/index.html");
  CHECK(Has(en, "<a href=\"/en/news/hotline/\">a</a>"));
  CHECK(Has(en, "<a href=\"/en/news/hotline/#contact\">b</a>"));
  CHECK(Has(en, "<a href=\"/en/news/?x=1#top\">c</a>"));
  CHECK(Has(fr, "<a href=\"/fr/nouvelles/ligne-urgence/\">a</a>"));
  CHECK(Has(fr, "<a href=\"/fr/nouvelles/ligne-urgence/#contact\">b</a>"));
  CHECK(Has(fr, "<a href=\"/fr/nouvelles/?x=1#top\">c</a>"));
}

TEST_CASE("links by source file go up folders and to the home page's _index.md", "[links]") {
  Built built(
      NewsWith({{"content/fr/news/autre.md",
                 Page("Autre", "[accueil](../_index.md) [ligne](hotline.md) [racine](/_index.md)\n")}}));
  INFO(built.result.errors);
  REQUIRE(built.result.report.ok);
  std::string html = built.Html("fr/nouvelles/autre/index.html");
  CHECK(Has(html, "<a href=\"/fr/\">accueil</a>"));
  CHECK(Has(html, "<a href=\"/fr/nouvelles/ligne-urgence/\">ligne</a>"));
  CHECK(Has(html, "<a href=\"/fr/\">racine</a>"));
}

TEST_CASE("a link to another language's file goes to its translation in this language", "[links]") {
  Built built(
      {{"content/en/progress.md", Page("Progress", "", "translation_key = \"p\"\n")},
       {"content/fr/progres.md", Page("Progrès", "[retour](progress.md#x)\n", "translation_key = \"p\"\n")}});
  INFO(built.result.errors);
  REQUIRE(built.result.report.ok);
  CHECK(Has(built.Html("fr/progres/index.html"), "<a href=\"/fr/progres/#x\">retour</a>"));
}

TEST_CASE("an image and other files keep their address; root-relative ones are left as they are at /",
          "[links]") {
  Built built(
      {{"content/en/a.md", Page("A", "![Logo](/img/logo.png) [PDF](report.pdf) [x](https://x.ca/a.md)\n")},
       {"content/fr/a.md", Page("A", "")}});
  REQUIRE(built.result.report.ok);
  std::string html = built.Html("en/a/index.html");
  CHECK(Has(html, "<img src=\"/img/logo.png\" alt=\"Logo\" />"));
  CHECK(Has(html, "<a href=\"report.pdf\">PDF</a>"));
  CHECK(Has(html, "<a href=\"https://x.ca/a.md\">x</a>"));
}

TEST_CASE("under a sub-path, every root-relative link and image gets it", "[links]") {
  FixtureSite site("minimal");
  std::string config = ReadBytes(site.source() / "site.toml");
  config.replace(config.find("https://example.ca/"), 19, "https://example.org/docs/");
  site.WriteFile("site.toml", config);
  site.WriteFile("content/en/a.md",
                 Page("A", "![Logo](/img/logo.png) [PDF](/files/r.pdf) [b](b.md) [c](#c)\n"));
  site.WriteFile("content/en/b.md", Page("B", "[images](img/x.png)\n"));
  auto result = site.Build();
  INFO(result.errors);
  REQUIRE(result.report.ok);
  std::string html = site.Read("en/a/index.html");
  CHECK(Has(html, "<img src=\"/docs/img/logo.png\" alt=\"Logo\" />"));
  CHECK(Has(html, "<a href=\"/docs/files/r.pdf\">PDF</a>"));
  CHECK(Has(html, "<a href=\"/docs/en/b/\">b</a>"));
  CHECK(Has(html, "<a href=\"#c\">c</a>"));
  CHECK(Has(site.Read("en/b/index.html"), "<a href=\"img/x.png\">images</a>"));
}

TEST_CASE("a link to a content file that does not exist is an error, with a suggestion", "[links][errors]") {
  CHECK(ErrorsOf(NewsWith(
            {{"content/en/news/a.md", Page("A", "Intro.\n\nCall the [hotline](hotlin.md#x).\n")}})) ==
        "content/en/news/a.md:6:20: error: there is no content/en/news/hotlin.md to link to (did you mean "
        "\"hotline.md\"?); a link by source file names a page's file, from this file's folder or, with a "
        "leading \"/\", from content/en/\n"
        " 6 | Call the [hotline](hotlin.md#x).\n"
        "   |                    ^\n");
  CHECK(
      ErrorsOf(NewsWith({{"content/fr/a.md", Page("A", "- Écoles : [ligne](/news/hotine.md)\n")}})) ==
      "content/fr/a.md:4:20: error: there is no content/fr/news/hotine.md to link to (did you mean "
      "\"/news/hotline.md\"?); a link by source file names a page's file, from this file's folder or, with a "
      "leading \"/\", from content/fr/\n"
      " 4 | - Écoles : [ligne](/news/hotine.md)\n"
      "   |                    ^\n");
}

TEST_CASE("a link to a file only in the other language is an error naming the missing translation",
          "[links][errors]") {
  CHECK(ErrorsOf({{"content/fr/seul.md", Page("Seul", "")},
                  {"content/en/a.md", Page("A", "See [it](seul.md).\n")},
                  {"content/fr/a.md", Page("A", "")}}) ==
        "content/en/a.md:4:10: error: content/fr/seul.md has no translation in content/en/, so this page has "
        "nothing to link to; translate it as content/en/seul.md, or link a URL\n"
        " 4 | See [it](seul.md).\n"
        "   |          ^\n");
}

TEST_CASE("a link by source file stays in its language's content folder", "[links][errors]") {
  CHECK(
      ErrorsOf({{"content/en/a.md", Page("A", "[fr](../fr/_index.md)\n")}}) ==
      "content/en/a.md:4:6: error: \"../fr/_index.md\" leads out of content/en/; a link by source file names "
      "a page of the same language, from this file's folder or, with a leading \"/\", from content/en/\n"
      " 4 | [fr](../fr/_index.md)\n"
      "   |      ^\n");
}

TEST_CASE("a link to a draft says so", "[links][errors]") {
  CHECK(ErrorsOf({{"content/en/d.md", Page("D", "", "draft = true\n")},
                  {"content/en/a.md", Page("A", "[d](d.md)\n")}}) ==
        "content/en/a.md:4:5: error: content/en/d.md is a draft (draft = true), left out of this build; "
        "publish it, or build with --drafts\n"
        " 4 | [d](d.md)\n"
        "   |     ^\n");
}

TEST_CASE("headings get ids from their text, unique within the page", "[links][headings]") {
  Built built({{"content/fr/a.md", Page("A", "## Écoles et élèves\n\n## Contact\n\n### Contact\n\nText\n")},
               {"content/en/a.md", Page("A", "# `Code` and *emphasis*\n\nSetext\n------\n\n## !!!\n")}});
  REQUIRE(built.result.report.ok);
  std::string fr = built.Html("fr/a/index.html"), en = built.Html("en/a/index.html");
  CHECK(Has(fr, "<h2 id=\"ecoles-et-eleves\">Écoles et élèves</h2>"));
  CHECK(Has(fr, "<h2 id=\"contact\">Contact</h2>"));
  CHECK(Has(fr, "<h3 id=\"contact-1\">Contact</h3>"));
  CHECK(Has(en, "<h1 id=\"code-and-emphasis\"><code>Code</code> and <em>emphasis</em></h1>"));
  CHECK(Has(en, "<h2 id=\"setext\">Setext</h2>"));
  CHECK(Has(en, "<h2 id=\"heading\">!!!</h2>"));
}

TEST_CASE("a {#id} at a heading's end is its id, and is not shown", "[links][headings]") {
  Built built(
      {{"content/en/a.md",
        Page(
            "A",
            "## Contact\n\n## Reach us {#contact}\n\n## Schools {#schools_2024}\n\n## Setext {#s}\n---\n")}});
  REQUIRE(built.result.report.ok);
  std::string html = built.Html("en/a/index.html");
  CHECK(Has(html, "<h2 id=\"contact-1\">Contact</h2>"));  // the written id comes first
  CHECK(Has(html, "<h2 id=\"contact\">Reach us</h2>"));
  CHECK(Has(html, "<h2 id=\"schools_2024\">Schools</h2>"));
  CHECK(Has(html, "<h2 id=\"s\">Setext</h2>"));
}

TEST_CASE("a heading never takes an id of the theme or of a footnote", "[links][headings]") {
  Built built({{"content/en/a.md", Page("A", "## Wb cont\n\n## Fn 1\n\nText[^1].\n\n[^1]: A note.\n")}});
  REQUIRE(built.result.report.ok);
  std::string html = built.Html("en/a/index.html");
  CHECK(Has(html, "<h2 id=\"wb-cont-1\">Wb cont</h2>"));
  CHECK(Has(html, "<h2 id=\"fn-1-1\">Fn 1</h2>"));
}

// Issue 23: the official signature and wordmark are inlined with ids of their own; a heading
// "Wmms" took id="wmms" too, and its anchor link went to the footer's wordmark.
TEST_CASE("a heading never takes an id of the inlined official artwork", "[links][headings]") {
  FixtureSite site("minimal");
  site.WriteFile("site.toml", "identity = \"gc\"\n" + ReadBytes(site.source() / "site.toml"));
  site.WriteFile("content/en/a.md", Page("A", "## Wmms\n\n## Signature en title\n"));
  site.WriteFile("content/fr/a.md", Page("A", "Texte.\n"));
  auto built = site.Build();
  INFO(built.errors);
  REQUIRE(built.report.ok);
  std::string html = site.Read("en/a/index.html");
  REQUIRE(Has(html, "id=\"wmms\""));
  CHECK(Has(html, "<h2 id=\"wmms-1\">Wmms</h2>"));
  CHECK(Has(html, "<h2 id=\"signature-en-title-1\">Signature en title</h2>"));
}

TEST_CASE("a {#id} with bad characters, used twice, or the theme's is an error",
          "[links][headings][errors]") {
  CHECK(ErrorsOf({{"content/en/a.md", Page("A", "Text\n\n## Schools {#écoles}\n")}}) ==
        "content/en/a.md:6:12: error: the heading id \"écoles\" may use only ASCII letters, digits, hyphens "
        "and "
        "underscores, and must start with a letter\n"
        " 6 | ## Schools {#écoles}\n"
        "   |            ^\n");
  CHECK(ErrorsOf({{"content/en/a.md", Page("A", "## A {#x}\n\n## B {#x}\n")}}) ==
        "content/en/a.md:6:6: error: the heading id \"x\" is already the id of a heading above; give each "
        "heading its own id\n"
        " 6 | ## B {#x}\n"
        "   |      ^\n");
  CHECK(
      ErrorsOf({{"content/en/a.md", Page("A", "## Main {#wb-cont}\n")}}) ==
      "content/en/a.md:4:9: error: the heading id \"wb-cont\" is one the page already has (the theme's, or a "
      "footnote's); pick another\n"
      " 4 | ## Main {#wb-cont}\n"
      "   |         ^\n");
}

TEST_CASE("a page linking another is rendered again when that page's URL changes", "[links][incremental]") {
  FixtureSite site("minimal");
  for (const auto& [path, bytes] : kNews) site.WriteFile(path, bytes);
  site.WriteFile("content/en/a.md", Page("A", "[hotline](news/hotline.md)\n"));
  REQUIRE(site.Build().report.ok);
  site.WriteFile("content/en/news/hotline.md", Page("Hotline", "## Contact\n", "slug = \"help-line\"\n"));
  auto rebuilt = site.Build();
  INFO(rebuilt.errors);
  REQUIRE(rebuilt.report.ok);
  CHECK(Has(site.Read("en/a/index.html"), "<a href=\"/en/news/help-line/\">hotline</a>"));
  site.Remove("content/en/news/hotline.md");
  site.Remove("content/fr/news/hotline.md");
  auto broken = site.Build();
  CHECK_FALSE(broken.report.ok);
  CHECK(Has(broken.errors, "content/en/a.md:4:11: error: there is no content/en/news/hotline.md to link to"));
}
