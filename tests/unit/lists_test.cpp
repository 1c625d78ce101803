// A section's list: its order (sort), its list pages (paginate), and the site band's menu
// (site.toml's [[languages.<code>.menu.main]]), checked the way a reader and an author would.
#include <catch2/catch.hpp>

#include "content/front_matter.hpp"
#include "fixture.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The order in which `needles` appear in `text`; false if one is missing.
bool InOrder(const std::string& text, const std::vector<std::string>& needles) {
  size_t at = 0;
  for (const std::string& n : needles) {
    at = text.find(n, at);
    if (at == std::string::npos) return false;
  }
  return true;
}

const FixtureSite& ListsSite() {
  static FixtureSite site("lists");
  static bool built = false;
  if (!built) {
    auto result = site.Build();
    INFO(result.errors);
    REQUIRE(result.report.ok);
    built = true;
  }
  return site;
}

std::string FrontMatterErrors(const std::string& path, const std::string& text) {
  Diagnostics diags;
  CHECK_FALSE(ParsePage(path, text, diags));
  return diags.Render();
}

// The lists fixture with its site.toml's English menu replaced by `menu`: the build's errors.
std::string MenuErrors(const std::string& menu) {
  FixtureSite site("lists");
  site.WriteFile("site.toml",
                 "base_url = \"https://example.ca/\"\n\n[languages.en]\nlocale = \"en-CA\"\ntitle = \"T\"\n"
                 "creator = \"C\"\n" +
                     menu + "\n[languages.fr]\nlocale = \"fr-CA\"\ntitle = \"T\"\ncreator = \"C\"\n");
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  return result.errors;
}

}  // namespace

TEST_CASE("sort and paginate are read from a section's _index.md", "[lists]") {
  Diagnostics diags;
  auto page = ParsePage("content/en/news/_index.md",
                        "+++\ntitle = \"News\"\nSort = \"date\"\npaginate = 10\n+++\n", diags);
  REQUIRE(page);
  CHECK(page->meta.sort == "date");
  CHECK(page->meta.paginate == 10);
  auto yaml = ParsePage("_index.md", "---\ntitle: Home\nsort: title\n---\n", diags);
  REQUIRE(yaml);
  CHECK(yaml->meta.sort == "title");
  CHECK(diags.Render().empty());
}

TEST_CASE("an unknown sort names the three orders, with the likely one", "[lists]") {
  CHECK(
      FrontMatterErrors("content/en/news/_index.md", "+++\ntitle = \"News\"\nsort = \"dates\"\n+++\n") ==
      "content/en/news/_index.md:3:1: error: unknown sort \"dates\" (did you mean \"date\"?); use \"weight\" "
      "(the default: by weight, then title), \"title\" or \"date\" (newest first)\n"
      " 3 | sort = \"dates\"\n"
      "   | ^\n");
}

TEST_CASE("paginate is a whole number of pages, 1 or more", "[lists]") {
  std::string expected_message =
      "error: \"paginate\" must be a whole number of pages per list page, 1 or more, like paginate = 10\n";
  for (const char* value : {"0", "-2", "\"10\"", "2.5"}) {
    INFO(value);
    CHECK(FrontMatterErrors("content/en/news/_index.md",
                            std::string("+++\ntitle = \"News\"\npaginate = ") + value + "\n+++\n") ==
          "content/en/news/_index.md:3:1: " + expected_message + " 3 | paginate = " + value + "\n   | ^\n");
  }
}

TEST_CASE("sort and paginate belong to a section, not to a page", "[lists]") {
  CHECK(FrontMatterErrors("content/en/news/item.md", "+++\ntitle = \"Item\"\npaginate = 5\n+++\n") ==
        "content/en/news/item.md:3:1: error: \"paginate\" shapes a section's list of pages; move it to the "
        "section's _index.md\n"
        " 3 | paginate = 5\n"
        "   | ^\n");
}

TEST_CASE("a section sorted by date lists the newest first, ties by title in the page's language",
          "[lists]") {
  const FixtureSite& site = ListsSite();
  // 2024-06-20, then two of 2024-05-10 (by title), then 2024-04-02 (no date: its date modified).
  CHECK(InOrder(site.Read("en/news/index.html"), {"Plan released", "Consultation opens"}));
  CHECK(InOrder(site.Read("en/news/page/2/index.html"), {"Grants announced", "Annual report"}));
  CHECK(Contains(site.Read("en/news/page/3/index.html"), "Budget tabled"));
  CHECK(InOrder(site.Read("fr/nouvelles/index.html"), {"Publication du plan", "Annonce des subventions"}));
  CHECK(InOrder(site.Read("fr/nouvelles/page/2/index.html"), {"Consultation lancée", "Rapport annuel"}));
  CHECK_FALSE(site.Exists("fr/nouvelles/page/3/index.html"));
  CHECK_FALSE(site.Exists("en/news/page/1/index.html"));
}

TEST_CASE("a section sorted by title follows the language's collation, whatever the weights", "[lists]") {
  const FixtureSite& site = ListsSite();
  CHECK(
      InOrder(site.Read("fr/sujets/index.html"), {"Eau potable", "École sécuritaire", "Énergie", "Forêts"}));
  CHECK(InOrder(site.Read("en/topics/index.html"), {"Drinking water", "Energy", "Forests", "School safety"}));
}

TEST_CASE("each list page has its own address, title, alternates and toggle", "[lists]") {
  const FixtureSite& site = ListsSite();
  std::string two = site.Read("en/news/page/2/index.html");
  CHECK(Contains(two, "<title>News (page 2 of 3) - Lists and menus</title>"));
  CHECK(Contains(two, "<link rel=\"canonical\" href=\"https://example.ca/en/news/page/2/\">"));
  CHECK(Contains(
      two, "<link rel=\"alternate\" hreflang=\"fr\" href=\"https://example.ca/fr/nouvelles/page/2/\">"));
  CHECK(Contains(two, "<a href=\"/fr/nouvelles/page/2/\" lang=\"fr\""));
  CHECK_FALSE(Contains(two, "The newest first"));  // the section's text stays on its first page
  // The French list has two pages: English page 3 toggles to its last, and has no French alternate.
  std::string three = site.Read("en/news/page/3/index.html");
  CHECK(Contains(three, "<a href=\"/fr/nouvelles/page/2/\" lang=\"fr\""));
  CHECK_FALSE(Contains(three, "hreflang=\"fr\" href=\"https://example.ca/fr/nouvelles/page/"));
  std::string fr = site.Read("fr/nouvelles/page/2/index.html");
  CHECK(Contains(fr, "<title>Nouvelles (page 2 de 2) - Listes et menus</title>"));
  CHECK(Contains(fr, "<a href=\"/en/news/page/2/\" lang=\"en\""));
}

TEST_CASE("the pager is GCWeb's pagination, in the page's language", "[lists]") {
  const FixtureSite& site = ListsSite();
  std::string two = site.Read("en/news/page/2/index.html");
  CHECK(InOrder(two, {"<nav class=\"gc-pager\" aria-label=\"Pagination\">", "<ul class=\"pagination\">",
                      "<a href=\"/en/news/\" rel=\"prev\">Previous</a>",
                      "<a href=\"/en/news/\" aria-label=\"Page 1 of 3\">1</a>",
                      "<li class=\"active\"><a href=\"/en/news/page/2/\" aria-label=\"Page 2 of 3\" "
                      "aria-current=\"page\">2</a>",
                      "<a href=\"/en/news/page/3/\" rel=\"next\">Next</a>"}));
  std::string fr = site.Read("fr/nouvelles/index.html");
  CHECK(Contains(fr, "aria-label=\"Page 1 de 2\" aria-current=\"page\">1</a>"));
  CHECK(Contains(fr, "rel=\"next\">Suivant</a>"));
  CHECK_FALSE(Contains(fr, "rel=\"prev\""));
  CHECK_FALSE(Contains(site.Read("en/topics/index.html"), "pagination"));
}

TEST_CASE("the sitemap lists a section's first list page only", "[lists]") {
  std::string sitemap = ListsSite().Read("sitemap.xml");
  CHECK(Contains(sitemap, "<loc>https://example.ca/en/news/</loc>"));
  CHECK_FALSE(Contains(sitemap, "/page/2/"));
}

TEST_CASE("the menu links each entry's page in the menu's language, in order of weight", "[lists]") {
  const FixtureSite& site = ListsSite();
  std::string en = site.Read("en/index.html");
  CHECK(InOrder(en, {"<nav id=\"wb-sm\" class=\"gc-menu\" aria-label=\"Site menu\">",
                     "<a href=\"/en/news/\">News</a>", "<a href=\"/en/topics/\">Topics</a>",
                     "<a href=\"https://www.canada.ca/en/contact.html\">Contact us</a>"}));
  std::string fr = site.Read("fr/index.html");
  CHECK(InOrder(fr, {"aria-label=\"Menu du site\"", "<a href=\"/fr/nouvelles/\">Nouvelles</a>",
                     "<a href=\"/fr/sujets/\">Sujets</a>"}));
}

TEST_CASE("the menu marks the current page, or the section it is in", "[lists]") {
  const FixtureSite& site = ListsSite();
  CHECK(Contains(site.Read("en/news/index.html"), "<a href=\"/en/news/\" aria-current=\"page\">News</a>"));
  CHECK(Contains(site.Read("en/news/page/2/index.html"),
                 "<a href=\"/en/news/\" aria-current=\"page\">News</a>"));
  CHECK(
      Contains(site.Read("en/news/plan/index.html"), "<a href=\"/en/news/\" aria-current=\"true\">News</a>"));
  std::string home = site.Read("en/index.html");
  CHECK_FALSE(Contains(home, "aria-current"));
}

TEST_CASE("a menu entry names a page of its language, or gives a url, not both", "[lists]") {
  CHECK(MenuErrors("[[languages.en.menu.main]]\ntitle = \"News\"\npage = \"news/_indx.md\"\n") ==
        "site.toml:9:8: error: the menu's page \"news/_indx.md\" is not a page of content/en/ (did you mean "
        "\"news/_index.md\"?); name a file under content/en/, like \"news/_index.md\" for the section news/\n"
        " 9 | page = \"news/_indx.md\"\n"
        "   |        ^\n");
  CHECK(
      MenuErrors(
          "[[languages.en.menu.main]]\ntitle = \"News\"\npage = \"news/_index.md\"\nurl = \"/en/\"\n") ==
      "site.toml:10:7: error: [[languages.en.menu.main]] has both page and url; keep page for a page of the "
      "site, url for any other address\n"
      " 10 | url = \"/en/\"\n"
      "    |       ^\n");
  CHECK(MenuErrors("[[languages.en.menu.main]]\ntitle = \"News\"\nweight = 1\n") ==
        "site.toml:7:1: error: [[languages.en.menu.main]] needs page (a content file, like page = "
        "\"news/_index.md\") or url\n"
        " 7 | [[languages.en.menu.main]]\n"
        "   | ^\n");
  CHECK(
      MenuErrors("[[languages.en.menu.main]]\ntitle = \"News\"\nurl = \"news/\"\n") ==
      "site.toml:9:7: error: menu url \"news/\" must be absolute (\"https://...\") or start with \"/\"; for "
      "a page of the site, write page = \"its/file.md\" instead\n"
      " 9 | url = \"news/\"\n"
      "   |       ^\n");
  CHECK(MenuErrors("[[languages.en.menu.side]]\ntitle = \"News\"\nurl = \"/en/\"\n") ==
        "site.toml:7:21: error: unknown key \"side\" in [languages.en.menu]; known keys: \"main\"\n"
        " 7 | [[languages.en.menu.side]]\n"
        "   |                     ^\n");
  CHECK(MenuErrors("[[languages.en.menu.main]]\npage = \"news/_index.md\"\n") ==
        "site.toml:7:1: error: [[languages.en.menu.main]] is missing \"title\"\n"
        " 7 | [[languages.en.menu.main]]\n"
        "   | ^\n");
}

TEST_CASE("a link to a list page is checked like a link to any page", "[lists][links]") {
  FixtureSite site("lists");
  site.WriteFile("content/en/topics/water.md",
                 "+++\ntitle = \"Drinking water\"\nmodified = 2024-01-05\n+++\n"
                 "[Older news](/en/news/page/3/) and [oldest](/en/news/page/4/).\n");
  auto result = site.Build();
  std::string said = result.errors + result.warnings;
  CHECK(Contains(said, "link to \"/en/news/page/4/\" leads to no page or file of the site"));
  CHECK_FALSE(Contains(said, "link to \"/en/news/page/3/\""));
}

TEST_CASE("a section carried over from the last build keeps its list pages", "[lists][incremental]") {
  FixtureSite site("lists");
  REQUIRE(site.Build().report.ok);
  auto before = site.Snapshot();
  site.WriteFile(
      "content/en/topics/water.md",
      "+++\ntitle = \"Drinking water\"\nmodified = 2024-01-05\n+++\nAbout drinking water.\n\nAgain, below the summary.\n");
  auto second = site.Build();
  REQUIRE(second.report.ok);
  CHECK(second.report.pages_rendered == 1);
  auto after = site.Snapshot();
  CHECK(after.at("en/news/page/2/index.html") == before.at("en/news/page/2/index.html"));
  CHECK(after.at("en/news/page/3/index.html") == before.at("en/news/page/3/index.html"));
  // A new item shifts the list: every list page of the section is written again.
  site.WriteFile("content/en/news/newest.md",
                 "+++\ntitle = \"Newest\"\ndate = 2024-07-01\nmodified = 2024-07-01\n+++\nNew.\n");
  REQUIRE(site.Build().report.ok);
  CHECK(InOrder(site.Read("en/news/page/2/index.html"), {"Consultation opens", "Grants announced"}));
  CHECK(Contains(site.Read("en/news/page/3/index.html"), "Annual report"));
}

TEST_CASE("a menu entry whose page is held back is left out, without an error", "[lists]") {
  FixtureSite site("lists");
  std::string config = ReadBytes(site.source() / "site.toml");
  site.WriteFile("site.toml",
                 config + "\n[[languages.en.menu.main]]\ntitle = \"The plan\"\npage = \"news/plan.md\"\n");
  site.WriteFile("content/en/news/plan.md", "+++\ntitle = \"Plan released\"\ndraft = true\n+++\n");
  auto result = site.Build();
  INFO(result.errors);
  REQUIRE(result.report.ok);
  CHECK(InOrder(site.Read("en/index.html"), {">News</a>", ">Topics</a>", ">Contact us</a></li>\n</ul>"}));
  CHECK_FALSE(Contains(site.Read("en/index.html"), "The plan"));
  REQUIRE(site.Build(BuildOptions{.drafts = true}).report.ok);
  CHECK(Contains(site.Read("en/index.html"), "<a href=\"/en/news/plan/\">The plan</a>"));
}

TEST_CASE("with the GC identity, the menu is a band of its own under the banner", "[lists]") {
  FixtureSite site("lists");
  std::string config = ReadBytes(site.source() / "site.toml");
  site.WriteFile("site.toml", "identity = \"gc\"\nmissing_translation = \"warning\"\n" + config);
  auto result = site.Build();
  INFO(result.errors);
  REQUIRE(result.report.ok);
  // Canada.ca's banner holds the signature, the search box and the toggle, and nothing else.
  CHECK(InOrder(site.Read("en/news/index.html"),
                {"<div id=\"wb-bnr\"", "id=\"wb-srch\"", "</form>\n</section>\n</div>\n<nav id=\"wb-sm\"",
                 "<nav id=\"wb-bc\""}));
}

TEST_CASE("a long list's pager links the first, the last and two list pages each side", "[lists]") {
  FixtureSite site("lists");
  site.WriteFile("content/en/news/_index.md",
                 "+++\ntitle = \"News\"\nsort = \"date\"\npaginate = 1\nmodified = 2024-01-05\n+++\n");
  REQUIRE(site.Build().report.ok);
  CHECK(InOrder(site.Read("en/news/index.html"),
                {"aria-current=\"page\">1</a>", ">2</a>", ">3</a>",
                 "<li class=\"gc-pager-gap\" aria-hidden=\"true\">…</li>", "aria-label=\"Page 5 of 5\">5</a>"}));
  CHECK_FALSE(Contains(site.Read("en/news/index.html"), "aria-label=\"Page 4 of 5\""));
  std::string five = site.Read("en/news/page/5/index.html");
  CHECK(InOrder(five, {">1</a>", "gc-pager-gap", ">3</a>", ">4</a>", "aria-current=\"page\">5</a>"}));
  CHECK_FALSE(Contains(five, "rel=\"next\""));
}
