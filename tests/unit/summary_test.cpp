// Summaries for lists and feeds, and raw HTML a site does not allow (issue: real sites).
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "markdown/markdown.hpp"

using namespace tandem;
using namespace tandem::testing;

TEST_CASE("a summary is the first paragraph, as plain text", "[summary]") {
  CHECK(SummaryText("## Intro\n\nThe *first* paragraph,\nwith [a link](x.md) and `code`.\n\nThe second.\n") ==
        "The first paragraph, with a link and code.");
  CHECK(SummaryText("> A quotation is not the page's own.\n\n- nor a list\n\nThis is.\n") == "This is.");
  CHECK(SummaryText("![An image](a.png) beside text.\n") == "beside text.");
  CHECK(SummaryText("```\ncode\n```\n") == "");
}

TEST_CASE("text before <!--more--> is the summary, every paragraph of it", "[summary]") {
  CHECK(SummaryText("One.\n\n- two\n\nThree <!--more--> four.\n\nFive.\n") == "One. two Three");
}

TEST_CASE("directives and shortcodes do not reach a summary", "[summary]") {
  CHECK(SummaryText("In all, {{funding:total}} for {{< param city >}} projects.\n") == "In all, for projects.");
}

TEST_CASE("a long page's first paragraph is found without reading it all, and the same", "[summary]") {
  std::string tail;
  for (int i = 0; i < 500; ++i) tail += "More text, paragraph " + std::to_string(i) + ".\n\n";
  CHECK(SummaryText("First.\n\n" + tail) == "First.");
  // A paragraph longer than the part read first is read whole.
  std::string long_paragraph(6000, 'a');
  CHECK(SummaryText(long_paragraph + "\n\nNext.\n") == long_paragraph);
  // A link whose reference is defined at the end still resolves.
  CHECK(SummaryText("See [the act][act].\n\n" + tail + "[act]: https://laws.example/\n") == "See the act.");
}

TEST_CASE("front matter summary wins, and lists and feeds show it", "[summary]") {
  FixtureSite site("minimal");
  site.WriteFile("content/en/a.md", "+++\ntitle = \"A\"\nsummary = \"Given.\"\n+++\nWritten.\n");
  site.WriteFile("content/en/b.md", "+++\ntitle = \"B\"\n+++\nShown in the list.\n\nNot shown.\n");
  site.WriteFile("content/en/c.md", "+++\ntitle = \"C\"\ndescription = \"Described.\"\n+++\nText.\n");
  site.WriteFile("content/fr/a.md", "+++\ntitle = \"A\"\n+++\nTexte.\n");
  site.WriteFile("content/fr/b.md", "+++\ntitle = \"B\"\n+++\nTexte.\n");
  site.WriteFile("content/fr/c.md", "+++\ntitle = \"C\"\n+++\nTexte.\n");
  REQUIRE(site.Build().report.ok);
  std::string home = site.Read("en/index.html");
  CHECK(home.find("<a href=\"/en/a/\">A</a></h3>\n<p>Given.</p>") != std::string::npos);
  CHECK(home.find("<a href=\"/en/b/\">B</a></h3>\n<p>Shown in the list.</p>") != std::string::npos);
  CHECK(home.find("<a href=\"/en/c/\">C</a></h3>\n<p>Described.</p>") != std::string::npos);
  CHECK(home.find("Not shown") == std::string::npos);
}

TEST_CASE("raw HTML a site does not allow: one warning per page and kind, and the text stays", "[summary]") {
  FixtureSite site("minimal");
  site.WriteFile("content/en/x.md",
                 "+++\ntitle = \"X\"\n+++\nSome <abbr title=\"x\">RCMP</abbr> and <b>bold</b> text.\n\n"
                 "<p>A sentence in a paragraph tag.</p>\n\n<div>\nTwo lines\nof text.\n</div>\n\n"
                 "<!-- a comment says nothing -->\n\n<script>alert(1)</script>\n");
  site.WriteFile("content/fr/x.md", "+++\ntitle = \"X\"\n+++\nTexte.\n");
  auto result = site.Build();
  REQUIRE(result.report.ok);
  CHECK(result.warnings.substr(result.warnings.find("content/")) ==
        "content/en/x.md:4:6: warning: raw HTML is not allowed on this site, so this <abbr> tag is left out "
        "(and 1 more tag on this page); the text around it is kept. Write it in Markdown, or set "
        "allow_raw_html = true in site.toml [raw-html]\n"
        " 4 | Some <abbr title=\"x\">RCMP</abbr> and <b>bold</b> text.\n"
        "   |      ^\n"
        "content/en/x.md:6:1: warning: raw HTML is not allowed on this site, so this <p> block is left out "
        "(and 2 more blocks on this page); its text is kept as a paragraph. Write it in Markdown, or set "
        "allow_raw_html = true in site.toml [raw-html]\n"
        " 6 | <p>A sentence in a paragraph tag.</p>\n"
        "   | ^\n");
  std::string html = site.Read("en/x/index.html");
  CHECK(html.find("<p>Some RCMP and bold text.</p>\n<p>A sentence in a paragraph tag.</p>\n"
                  "<p>Two lines of text.</p>\n") != std::string::npos);
  CHECK(html.find("alert") == std::string::npos);
  CHECK(html.find("raw HTML omitted") == std::string::npos);

  // Allowed, it is kept, and nothing is said.
  std::string config = ReadBytes(site.source() / "site.toml");
  site.WriteFile("site.toml", "allow_raw_html = true\n" + config);
  auto allowed = site.Build();
  CHECK(allowed.warnings.find("raw-html") == std::string::npos);
  CHECK(site.Read("en/x/index.html").find("<abbr title=\"x\">RCMP</abbr>") != std::string::npos);
}
