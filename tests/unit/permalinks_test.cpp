// [permalinks], a section's url, folders without _index.md and ascii_urls = false: where pages go,
// and every message about them, word for word. tests/sites/permalinks/ is the whole site's output.
#include <catch2/catch.hpp>

#include "assemble/urls/urls.hpp"
#include "fixture.hpp"
#include "i18n/locale.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

const char kLanguages[] =
    "[languages.en]\nlocale = \"en-CA\"\ntitle = \"T\"\ncreator = \"C\"\nweight = 1\n"
    "[languages.fr]\nlocale = \"fr-CA\"\ntitle = \"T\"\ncreator = \"C\"\nweight = 2\n";

// The permalinks fixture with site.toml's settings before [languages] replaced by `settings`.
FixtureSite PermalinksSite(const std::string& settings) {
  FixtureSite site("permalinks");
  site.WriteFile("site.toml", "base_url = \"https://example.ca/\"\n" + settings + kLanguages);
  return site;
}

}  // namespace

TEST_CASE("[permalinks] dates a page by its date as written, as Hugo does", "[permalinks]") {
  FixtureSite site("permalinks");
  auto toronto = site.Build();
  CHECK(toronto.errors == "");
  // 2021-07-31T01:30:00Z is the evening of July 30 in Toronto, but its URL keeps the day written;
  // 23:30 at -05:00 stays December 31 (UTC: January 1).
  CHECK(site.Exists("en/2021/07/31/launch-night/index.html"));
  CHECK(site.Exists("fr/2021/07/31/soiree-de-lancement/index.html"));
  CHECK(site.Exists("en/2020/12/31/year-end/index.html"));
  CHECK(site.Exists("fr/2020/12/31/fin-d-annee/index.html"));
  // The day shown is still the day in the site's time zone.
  CHECK(site.Read("en/2021/07/31/launch-night/index.html")
            .find("<meta name=\"dcterms.issued\" title=\"W3CDTF\" content=\"2021-07-30\">") !=
        std::string::npos);

  // The site's time zone does not move a URL.
  FixtureSite utc =
      PermalinksSite("timezone = \"UTC\"\n[permalinks]\nblog = \"/:year/:month/:day/:slug/\"\n");
  CHECK(utc.Build().errors == "");
  CHECK(utc.Exists("en/2021/07/31/launch-night/index.html"));
  CHECK(utc.Exists("en/2020/12/31/year-end/index.html"));
}

TEST_CASE("[permalinks] a date near midnight UTC, in each form, keeps its Hugo URL", "[permalinks]") {
  FixtureSite site("permalinks");
  // Hugo puts a post dated 2020-11-18T01:30:00.000Z under /2020/11/18/; in Toronto it is the 17th.
  const char* kDates[] = {"2020-11-18T01:30:00.000Z", "'2020-11-18 01:30:00 +0000'", "2020-11-18T00:30:00",
                          "'2020-11-18 23:59:00 -0400'", "2020-11-18"};
  for (const char* date : kDates) {
    INFO(date);
    site.WriteFile("content/en/blog/late.md", std::string("+++\ntitle = \"Late\"\ndate = ") + date +
                                                  "\nmodified = 2024-05-01\n+++\nText.\n");
    auto r = site.Build();
    CHECK(r.errors == "");
    CHECK(site.Exists("en/2020/11/18/late/index.html"));
    CHECK_FALSE(site.Exists("en/2020/11/17/late/index.html"));
    CHECK_FALSE(site.Exists("en/2020/11/19/late/index.html"));
  }
}

TEST_CASE("[permalinks] a page whose date changes moves in the next build", "[permalinks]") {
  FixtureSite site("permalinks");
  REQUIRE(site.Build().errors == "");
  REQUIRE(site.Exists("en/2021/07/31/launch-night/index.html"));
  site.WriteFile("content/en/blog/midnight.md",
                 "+++\ntitle = \"Launch night\"\ndate = 2021-08-02T01:30:00Z\nmodified = 2024-05-03\n+++\n"
                 "Launched late.\n");
  auto r = site.Build();
  CHECK(r.errors == "");
  CHECK_FALSE(r.report.nothing_changed);
  CHECK(site.Exists("en/2021/08/02/launch-night/index.html"));
  CHECK_FALSE(site.Exists("en/2021/07/31/launch-night/index.html"));
  // Pages carried over from the last build link to its new URL: the blog's list, the French page.
  CHECK(site.Read("en/blog/index.html").find("href=\"/en/2021/08/02/launch-night/\"") != std::string::npos);
  CHECK(site.Read("en/blog/index.html").find("/en/2021/07/31/") == std::string::npos);
  CHECK(site.Read("fr/2021/07/31/soiree-de-lancement/index.html").find("/en/2021/08/02/launch-night/") !=
        std::string::npos);
}

TEST_CASE("[permalinks] tokens: slug or title, file name, section, per-language patterns", "[permalinks]") {
  FixtureSite site("permalinks");
  CHECK(site.Build().errors == "");
  CHECK(site.Exists("en/2022/03/15/spring-update/index.html"));        // a slug wins over the title
  CHECK(site.Exists("en/news/2024/budget/index.html"));                // :section, :filename
  CHECK(site.Exists("fr/nouvelles/2024/depot-du-budget/index.html"));  // fr's own :slugorfilename
  CHECK(site.Exists("en/about-the-blog/index.html"));  // a url wins over the pattern, without a date
  CHECK(site.Exists("en/blog/index.html"));            // the section's own page keeps its folder
  CHECK(site.Exists("fr/blogue/index.html"));
}

TEST_CASE("a section's url moves its own page, not its pages", "[permalinks]") {
  FixtureSite site("permalinks");
  CHECK(site.Build().errors == "");
  CHECK(site.Exists("en/funding/index.html"));
  CHECK(site.Exists("en/programs/grants/index.html"));
  CHECK(site.Exists("fr/financement/index.html"));
  CHECK(site.Exists("fr/programmes/subventions/index.html"));
  CHECK_FALSE(site.Exists("en/funding/grants/index.html"));
}

TEST_CASE("a folder without _index.md is no section; its pages keep its path", "[permalinks]") {
  FixtureSite site("permalinks");
  auto result = site.Build();
  CHECK(result.warnings == "");  // below the top, Hugo's rule too: nothing to warn about
  CHECK(site.Exists("en/programs/2024/intake/index.html"));
  CHECK(site.Exists("fr/programmes/2024/appel/index.html"));
  CHECK_FALSE(site.Exists("en/programs/2024/index.html"));
  CHECK_FALSE(site.Exists("fr/programmes/2024/index.html"));
  // Listed by the section above, which is also its breadcrumb.
  CHECK(site.Read("en/funding/index.html").find("href=\"/en/programs/2024/intake/\"") != std::string::npos);
  CHECK(site.Read("fr/programmes/2024/appel/index.html").find("href=\"/fr/financement/\"") !=
        std::string::npos);
}

TEST_CASE("a top folder without _index.md gets no list page, and a warning", "[permalinks]") {
  FixtureSite site("permalinks");
  site.WriteFile("content/en/guides/setup.md",
                 "+++\ntitle = \"Setting up\"\nmodified = 2024-05-01\n+++\nText.\n");
  site.WriteFile("content/fr/guides/setup.md",
                 "+++\ntitle = \"Installation\"\nslug = \"installation\"\n"
                 "modified = 2024-05-01\n+++\nTexte.\n");
  auto result = site.Build();
  CHECK(
      result.warnings ==
      "content/en/guides: warning: the folder has no _index.md, so it is no section: tandem makes no list "
      "page "
      "for it (Hugo would, titled with the folder's name) and lists its pages in the home page, at URLs that "
      "keep the folder. Add an _index.md with a title in this language to make it a section "
      "[section-index-missing]\n"
      "content/fr/guides: warning: the folder has no _index.md, so it is no section: tandem makes no list "
      "page "
      "for it (Hugo would, titled with the folder's name) and lists its pages in the home page, at URLs that "
      "keep the folder. Add an _index.md with a title in this language to make it a section "
      "[section-index-missing]\n");
  CHECK_FALSE(site.Exists("fr/guides/index.html"));
  std::string page = site.Read("fr/guides/installation/index.html");
  CHECK(page.find(">Guides<") == std::string::npos);  // no English folder name as a French title
  CHECK(site.Read("fr/index.html").find("href=\"/fr/guides/installation/\"") != std::string::npos);
}

TEST_CASE("a dated pattern needs the page's date", "[permalinks]") {
  FixtureSite site("permalinks");
  site.WriteFile("content/en/blog/undated.md",
                 "+++\ntitle = \"Undated\"\nmodified = 2024-05-01\n+++\nText.\n");
  CHECK(site.Build().errors ==
        "content/en/blog/undated.md: error: the permalink pattern \"/:year/:month/:day/:slug/\" of section "
        "\"blog\" (site.toml:9) needs the page's date; add date = 2024-05-01 (its day of publication) to the "
        "front matter, or a url\n");
}

TEST_CASE("a pattern that gives two pages one URL, and a folder that makes no segment", "[permalinks]") {
  FixtureSite site = PermalinksSite("[permalinks]\nnews = \"/:section/:year/\"\n");
  site.WriteFile("content/en/news/second.md",
                 "+++\ntitle = \"Second\"\ndate = 2024-06-01\nmodified = 2024-06-01\n+++\nText.\n");
  CHECK(site.Build().errors ==
        "content/en/news/second.md: error: content/en/news/second.md and content/en/news/budget.md would both "
        "be written to en/news/2024/index.html; give one of them another slug or url\n");

  FixtureSite folder("permalinks");
  folder.WriteFile("content/en/programs/---/x.md", "+++\ntitle = \"X\"\nmodified = 2024-06-01\n+++\nText.\n");
  CHECK(folder.Build().errors ==
        "content/en/programs/---/x.md: error: cannot make a URL segment from the folder name \"---\"; rename "
        "the folder, or give it an _index.md with a slug\n");
}

TEST_CASE("a permalink pattern's problems in site.toml", "[permalinks]") {
  auto errors = [](const std::string& settings) { return PermalinksSite(settings).Build().errors; };
  CHECK(errors("[permalinks]\nblog = \"/:yaer/:slug/\"\n") ==
        "site.toml:3:8: error: unknown token \":yaer\" in permalink pattern \"/:yaer/:slug/\" (did you mean "
        "\":year\"?); the tokens are :year, :month, :day, :slug, :title, :filename, :slugorfilename and "
        ":section\n"
        " 3 | blog = \"/:yaer/:slug/\"\n"
        "   |        ^\n");
  CHECK(errors("[permalinks]\nblog = \"/Posts/:slug/\"\n") ==
        "site.toml:3:8: error: permalink pattern \"/Posts/:slug/\" may hold only tokens, lowercase letters, "
        "digits, hyphens and slashes, not \"P\"\n"
        " 3 | blog = \"/Posts/:slug/\"\n"
        "   |        ^\n");
  CHECK(
      errors("[permalinks]\nblog = \"/:year//:slug/\"\n") ==
      "site.toml:3:8: error: permalink pattern \"/:year//:slug/\" has an empty segment (\"//\"); write one / "
      "between segments\n"
      " 3 | blog = \"/:year//:slug/\"\n"
      "   |        ^\n");
  CHECK(errors("[permalinks.page]\nblog = \"/:slug/\"\n") ==
        "site.toml:2:1: error: [permalinks.page] is a table, not a pattern: write each section's pattern "
        "directly under [permalinks], like blog = \"/:year/:month/:slug/\" (a section's pages, as Hugo's "
        "[permalinks.page])\n"
        " 2 | [permalinks.page]\n"
        "   | ^\n");
  CHECK(errors("[permalinks]\nblog = 2024\n") ==
        "site.toml:3:8: error: permalinks.blog must be a pattern in quotes, like blog = "
        "\"/:year/:month/:slug/\" "
        "(a section's pages; the section's own page keeps its URL)\n"
        " 3 | blog = 2024\n"
        "   |        ^\n");
  CHECK(
      errors("permalinks = \"/:slug/\"\n") ==
      "site.toml:2:14: error: [permalinks] must be a table of section = \"pattern\", like [permalinks] with "
      "blog = \"/:year/:month/:slug/\"\n"
      " 2 | permalinks = \"/:slug/\"\n"
      "   |              ^\n");
}

TEST_CASE("a permalink pattern for a section no language has is a warning", "[permalinks]") {
  FixtureSite site = PermalinksSite("[permalinks]\nblgo = \"/:year/:slug/\"\n");
  auto result = site.Build();
  CHECK(result.errors == "");
  CHECK(
      result.warnings.find(
          "site.toml:3:8: warning: no language has a section \"blgo\" (did you mean \"blog\"?), so this "
          "pattern places no page; [permalinks] names folders directly in a language's content folder, like "
          "content/en/blog/ [permalink-section-missing]\n"
          " 3 | blgo = \"/:year/:slug/\"\n"
          "   |        ^\n") != std::string::npos);
}

TEST_CASE("ascii_urls = false keeps accents: lowercase, NFC, percent-encoded in addresses", "[permalinks]") {
  Locale fr("fr-CA");
  CHECK(fr.SlugifyUnicode("Sécurité publique : Été 2024 !") == "sécurité-publique-été-2024");
  CHECK(fr.SlugifyUnicode("E\xcc\x81te\xcc\x81") == "\xc3\xa9t\xc3\xa9");  // decomposed É → composed é
  CHECK(fr.SlugifyUnicode("Plain words") == "plain-words");
  CHECK_FALSE(SlugProblem("été", false));
  CHECK(*SlugProblem("Été", false) == "slug \"Été\" must use only lowercase letters, digits and hyphens");
  CHECK(*SlugProblem("e\xcc\x81te\xcc\x81", false) ==
        "slug \"e\xcc\x81te\xcc\x81\" must use only lowercase letters, digits and hyphens");
  CHECK(*SlugProblem("«été»", false) == "slug \"«été»\" must use only lowercase letters, digits and hyphens");
  CHECK_FALSE(UrlProblem("/à-propos/équipe/", false));
  CHECK(*UrlProblem("/À-propos/", false) ==
        "url \"/À-propos/\": segment \"À-propos\" must use only lowercase letters, digits and hyphens");
  CHECK(*UrlProblem("/à-propos/") ==
        "url \"/à-propos/\": segment \"à-propos\" must use only lowercase ASCII letters, digits and hyphens");

  FixtureSite site("permalinks");
  std::string toml = ReadBytes(site.source() / "site.toml");
  site.WriteFile("site.toml", "ascii_urls = false\n" + toml);
  site.WriteFile("content/fr/programs/_index.md",
                 "+++\ntitle = \"Programmes\"\nurl = \"/à-propos/\"\nmodified = 2024-05-09\n+++\nTexte.\n");
  CHECK(site.Build().errors == "");
  CHECK(site.Exists("fr/2021/07/31/soirée-de-lancement/index.html"));
  CHECK(site.Exists("fr/2020/12/31/fin-d-année/index.html"));
  CHECK(site.Exists("fr/à-propos/index.html"));
  CHECK(site.Exists("fr/nouvelles/2024/depot-du-budget/index.html"));
  std::string sitemap = site.Read("sitemap.xml");
  CHECK(sitemap.find("<loc>https://example.ca/fr/2021/07/31/soir%C3%A9e-de-lancement/</loc>") !=
        std::string::npos);
  CHECK(sitemap.find("soirée") == std::string::npos);
  std::string page = site.Read("fr/2021/07/31/soirée-de-lancement/index.html");
  CHECK(page.find("href=\"https://example.ca/fr/2021/07/31/soir%C3%A9e-de-lancement/\"") !=
        std::string::npos);
}
