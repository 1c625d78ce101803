// The basic fixture site, built as a whole, checked the way a reader would.
#include <catch2/catch.hpp>
#include <tuple>

#include "fixture.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The order in which `needles` appear in `text`; fails if one is missing.
bool InOrder(const std::string& text, const std::vector<std::string>& needles) {
  size_t at = 0;
  for (const std::string& n : needles) {
    at = text.find(n, at);
    if (at == std::string::npos) return false;
  }
  return true;
}

const FixtureSite& BasicSite() {
  static FixtureSite site("basic");
  static bool built = false;
  if (!built) {
    auto result = site.Build();
    INFO(result.errors);
    REQUIRE(result.report.ok);
    built = true;
  }
  return site;
}

}  // namespace

TEST_CASE("every page is built in both languages with its own URL", "[site]") {
  const FixtureSite& site = BasicSite();
  for (const char* path :
       {"index.html", "404.html", "sitemap.xml", "robots.txt", "en/index.html", "fr/index.html",
        "en/topics/index.html", "fr/sujets/index.html", "en/topics/school/index.html",
        "fr/sujets/ecole/index.html", "en/news/launch/index.html",
        "fr/nouvelles/lancement-du-service/index.html", "files/example.txt"})
    CHECK(site.Exists(path));
  CHECK_FALSE(site.Exists("en/news/draft/index.html"));
}

TEST_CASE("the language toggle goes to the exact translation, both ways", "[site]") {
  const FixtureSite& site = BasicSite();
  std::string en = site.Read("en/topics/school/index.html");
  std::string fr = site.Read("fr/sujets/ecole/index.html");
  CHECK(Contains(en, "<html lang=\"en\""));
  CHECK(Contains(fr, "<html lang=\"fr\""));
  CHECK(Contains(en, "href=\"/fr/sujets/ecole/\" lang=\"fr\" hreflang=\"fr\" translate=\"no\""));
  CHECK(Contains(fr, "href=\"/en/topics/school/\" lang=\"en\" hreflang=\"en\" translate=\"no\""));
}

TEST_CASE("pages pair by translation_key when their paths differ", "[site]") {
  std::string en = BasicSite().Read("en/news/launch/index.html");
  CHECK(Contains(en, "href=\"/fr/nouvelles/lancement-du-service/\" lang=\"fr\""));
  CHECK(Contains(en,
                 "<link rel=\"alternate\" hreflang=\"fr\" "
                 "href=\"https://example.ca/fr/nouvelles/lancement-du-service/\">"));
}

TEST_CASE("a page without a translation toggles to the nearest translated section", "[site]") {
  std::string en = BasicSite().Read("en/news/english-only/index.html");
  CHECK(Contains(en, "href=\"/fr/nouvelles/\" lang=\"fr\""));
  CHECK_FALSE(Contains(en, "hreflang=\"fr\" href=\"https://example.ca/fr/nouvelles/english-only/"));
}

TEST_CASE("the date modified block closes main in each language", "[site]") {
  std::string en = BasicSite().Read("en/news/launch/index.html");
  std::string fr = BasicSite().Read("fr/nouvelles/lancement-du-service/index.html");
  CHECK(Contains(en, "<dl id=\"wb-dtmd\">"));
  CHECK(Contains(en, "<dt>Date modified:</dt>"));
  CHECK(Contains(en, "<time property=\"dateModified\">2024-01-20</time>"));
  CHECK(Contains(fr, "<dt>Date de modification\u00a0:</dt>"));
  CHECK(Contains(fr, "<time property=\"dateModified\">2024-01-21</time>"));
  CHECK(Contains(en, "<meta name=\"dcterms.modified\" title=\"W3CDTF\" content=\"2024-01-20\">"));
  CHECK(Contains(en, "<meta name=\"dcterms.issued\" title=\"W3CDTF\" content=\"2024-01-15\">"));
  CHECK(Contains(fr, "<meta name=\"dcterms.language\" title=\"ISO639-2/T\" content=\"fra\">"));
}

TEST_CASE("metadata: canonical, alternates, keywords, creator", "[site]") {
  std::string en = BasicSite().Read("en/news/launch/index.html");
  CHECK(Contains(en, "<link rel=\"canonical\" href=\"https://example.ca/en/news/launch/\">"));
  CHECK(Contains(en, "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.ca/en/news/launch/\">"));
  CHECK(Contains(en, "<meta name=\"keywords\" content=\"launch, service\">"));
  CHECK(Contains(en, "<meta name=\"dcterms.creator\" content=\"Example Department\">"));
  CHECK(Contains(en, "<meta name=\"dcterms.subject\" title=\"gccore\" content=\"Government information\">"));
}

TEST_CASE("breadcrumbs start at home and do not repeat the page", "[site]") {
  std::string fr = BasicSite().Read("fr/sujets/ecole/index.html");
  CHECK(InOrder(fr, {"wb-bc", "<a href=\"/fr/\">", "<a href=\"/fr/sujets/\">Sujets</a>", "</ol>"}));
  size_t crumbs = fr.find("wb-bc");
  CHECK(fr.find(">École</a>", crumbs) == std::string::npos);
}

TEST_CASE("section lists sort by weight, then by the language's collation", "[site]") {
  std::string fr = BasicSite().Read("fr/sujets/index.html");
  CHECK(InOrder(fr, {">Premier par son poids<", ">armée<", ">Armée du salut<", ">École<",
                     ">Université Saint-Mary<", ">Zèbre<"}));
  std::string en = BasicSite().Read("en/topics/index.html");
  CHECK(InOrder(en, {">Weighted first<", ">army<", ">Saint Mary&apos;s University<", ">Salvation Army<",
                     ">School<", ">Zebra<"}));
}

TEST_CASE("the sitemap lists every page with its alternates", "[site]") {
  std::string xml = BasicSite().Read("sitemap.xml");
  CHECK(Contains(xml, "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
  CHECK(Contains(
      xml,
      "<loc>https://example.ca/fr/sujets/ecole/</loc>\n    <lastmod>2024-03-03</lastmod>\n"
      "    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.ca/en/topics/school/\"/>\n"
      "    <xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"https://example.ca/fr/sujets/ecole/\"/>"));
  CHECK(Contains(BasicSite().Read("robots.txt"), "Sitemap: https://example.ca/sitemap.xml"));
}

TEST_CASE("the splash and 404 pages are bilingual", "[site]") {
  std::string splash = BasicSite().Read("index.html");
  CHECK(Contains(splash, "lang=\"fr\""));
  CHECK(Contains(splash, "href=\"/en/\""));
  CHECK(Contains(splash, "href=\"/fr/\""));
  CHECK(Contains(splash, "noindex, follow"));
  std::string not_found = BasicSite().Read("404.html");
  CHECK(InOrder(not_found, {"href=\"/en/\"", "lang=\"fr\"", "href=\"/fr/\""}));
  CHECK(Contains(not_found, "noindex, nofollow"));
}

TEST_CASE("raw HTML is dropped and GFM extensions render", "[site][markdown]") {
  std::string en = BasicSite().Read("en/news/raw/index.html");
  CHECK_FALSE(Contains(en, "<script>alert"));
  CHECK_FALSE(Contains(en, "<div class=\"note\">"));
  CHECK(Contains(en, "<del>struck</del>"));
  CHECK(Contains(en, "<a href=\"https://example.org\">https://example.org</a>"));
  CHECK(Contains(en, "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> done"));
  CHECK(Contains(en, "class=\"footnotes\""));
  std::string launch = BasicSite().Read("en/news/launch/index.html");
  CHECK(Contains(launch, "<th style=\"text-align: right\">Amount</th>"));
}

// Issue 22: the text kept from a dropped HTML block had its character references escaped a second
// time: readers saw "&nbsp;" and "&#8220;" as text on 34 posts of a department's blog.
TEST_CASE("the text kept from a dropped HTML block shows its character references decoded, once",
          "[site][markdown][regression]") {
  FixtureSite site("minimal");
  site.WriteFile(
      "content/en/e.md",
      "+++\ntitle = \"E\"\nmodified = 2024-01-01\n+++\n<div class=\"x\">Caf&eacute;&nbsp;Ren&#233; "
      "&#8220;quoted&#x201D; &amp; &lt;b&gt; *not emphasis* 1. [x](y) a&b &bogus;</div>\n");
  site.WriteFile("content/fr/e.md", "+++\ntitle = \"E\"\nmodified = 2024-01-01\n+++\nTexte.\n");
  auto built = site.Build();
  REQUIRE(built.report.ok);
  CHECK(Contains(
      site.Read("en/e/index.html"),
      "<p>Café\u00A0René “quoted” &amp; &lt;b&gt; *not emphasis* 1. [x](y) a&amp;b &amp;bogus;</p>"));
}

TEST_CASE("fenced and indented code blocks render as escaped code", "[site][markdown][regression]") {
  // Asking cmark-gfm whether a block is fenced once crashed on every code block.
  std::string en = BasicSite().Read("en/news/raw/index.html");
  CHECK(Contains(en, "<pre><code class=\"language-cpp\">int x = 1 &lt; 2;\n</code></pre>"));
  CHECK(Contains(en, "<pre><code>indented code stays code\n</code></pre>"));
}

TEST_CASE("raw HTML passes when site.toml allows it, but the tag filter still applies", "[site][markdown]") {
  FixtureSite site("basic");
  std::string config = ReadBytes(site.source() / "site.toml");
  site.WriteFile("site.toml", "allow_raw_html = true\n" + config);
  REQUIRE(site.Build().report.ok);
  std::string en = site.Read("en/news/raw/index.html");
  CHECK(Contains(en, "<div class=\"note\">A block of HTML.</div>"));
  CHECK(Contains(en, "&lt;script>alert(1)&lt;/script>"));
}

TEST_CASE("with raw HTML allowed, Markdown links to javascript: and the like are still errors",
          "[site][markdown]") {
  FixtureSite site("basic");
  std::string config = ReadBytes(site.source() / "site.toml");
  site.WriteFile("site.toml", "allow_raw_html = true\n" + config);
  const std::string line =
      "[a](javascript:alert(1)) [b](JavaScript:x) [c](vbscript:x) [d](data:text/html,x) "
      "![e](data:image/png;base64,AAAA) [f](https://example.ca/)";
  site.WriteFile("content/en/news/links.md",
                 "+++\ntitle = \"Links\"\nmodified = 2024-01-01\n+++\n" + line + "\n");
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  // The URL policy (support/url/url_policy.hpp) is told at each address; data:image/... too.
  std::string expected;
  for (auto [column, url, scheme] : {std::tuple{5, "javascript:alert(1)", "javascript"},
                                     {30, "JavaScript:x", "javascript"},
                                     {48, "vbscript:x", "vbscript"},
                                     {64, "data:text/html,x", "data"},
                                     {87, "data:image/png;base64,AAAA", "data"}})
    expected += "content/en/news/links.md:5:" + std::to_string(column) + ": error: the address \"" + url +
                "\" is a \"" + scheme +
                ":\" address, which tandem does not write into a page; link to an http, https, mailto or tel "
                "address, or to a path of the site\n 5 | " +
                line + "\n   | " + std::string(column - 1, ' ') + "^\n";
  CHECK(result.errors == expected);
}

TEST_CASE("drafts are built with --drafts", "[site]") {
  FixtureSite site("basic");
  BuildOptions options;
  options.drafts = true;
  REQUIRE(site.Build(options).report.ok);
  CHECK(site.Exists("en/news/draft/index.html"));
}

TEST_CASE("a missing translation is a warning, and an error with --strict", "[site]") {
  FixtureSite site("basic");
  const std::string message =
      "content/en/news/english-only.md: warning: the page has no \"fr\" translation; add "
      "content/fr/news/english-only.md. Its language toggle goes to the nearest translated section "
      "[translation-missing]\n";
  CHECK(Contains(site.Build().warnings, message));
  BuildOptions strict;
  strict.strict = true;
  auto result = site.Build(strict);
  CHECK_FALSE(result.report.ok);
  CHECK(result.errors ==
        "content/en/news/english-only.md: error: the page has no \"fr\" translation; add "
        "content/fr/news/english-only.md. Its language toggle goes to the nearest translated section "
        "[translation-missing]\n");
}

TEST_CASE("strikethrough renders on every page when pages render on many threads",
          "[site][markdown][regression]") {
  // cmark-gfm shares one table of inline special characters between parsers;
  // without tandem's fix, a page finishing on one thread broke ~~ on another.
  FixtureSite site("basic");
  for (int i = 0; i < 60; ++i)
    site.WriteFile("content/en/bulk/p" + std::to_string(i) + ".md",
                   "+++\ntitle = \"P" + std::to_string(i) + "\"\n+++\n~~gone~~ and www.example.org\n");
  BuildOptions options;
  options.jobs = 4;
  REQUIRE(site.Build(options).report.ok);
  for (int i = 0; i < 60; ++i) {
    std::string html = site.Read("en/bulk/p" + std::to_string(i) + "/index.html");
    CHECK(Contains(html, "<del>gone</del>"));
    CHECK(Contains(html, "<a href=\"http://www.example.org\">www.example.org</a>"));
  }
}

TEST_CASE("footnote back links are labelled in the page's language", "[site][markdown]") {
  CHECK(Contains(BasicSite().Read("fr/nouvelles/html-brut/index.html"),
                 "data-footnote-backref aria-label=\"Retour au texte\""));
  CHECK(Contains(BasicSite().Read("en/news/raw/index.html"),
                 "data-footnote-backref aria-label=\"Back to content\""));
}

TEST_CASE("a site under a sub-path keeps the sub-path in every link", "[site]") {
  FixtureSite site("basic");
  std::string config = ReadBytes(site.source() / "site.toml");
  config.replace(config.find("https://example.ca/"), 19, "https://example.github.io/docs/");
  site.WriteFile("site.toml", config);
  REQUIRE(site.Build().report.ok);
  std::string fr = site.Read("fr/sujets/ecole/index.html");
  CHECK(Contains(fr, "href=\"/docs/en/topics/school/\" lang=\"en\""));
  CHECK(Contains(fr, "<link rel=\"canonical\" href=\"https://example.github.io/docs/fr/sujets/ecole/\">"));
  CHECK(Contains(fr, "href=\"/docs/css/"));
  CHECK(Contains(site.Read("index.html"), "href=\"/docs/fr/\""));
}

TEST_CASE("languages on hosts of their own link to each other with absolute URLs", "[site]") {
  FixtureSite site("basic");
  std::string config = ReadBytes(site.source() / "site.toml");
  config.replace(config.find("weight = 1"), 10, "weight = 1\nbase_url = \"https://en.example.ca/\"");
  config.replace(config.find("weight = 2"), 10, "weight = 2\nbase_url = \"https://fr.example.ca/\"");
  site.WriteFile("site.toml", config);
  auto result = site.Build();
  INFO(result.errors);
  REQUIRE(result.report.ok);
  // Each host has a folder of its own, named after it (docs/deploy.md).
  std::string en = site.Read("en.example.ca/topics/school/index.html");
  CHECK(Contains(en, "href=\"https://fr.example.ca/sujets/ecole/\" lang=\"fr\""));
  CHECK(Contains(en, "<link rel=\"canonical\" href=\"https://en.example.ca/topics/school/\">"));
  CHECK(site.Exists("fr.example.ca/404.html"));
  CHECK(site.Exists("en.example.ca/404.html"));
}
