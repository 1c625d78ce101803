// Aliases: a page's old URLs, published as redirects to it.
#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

FixtureSite SiteWith(const std::string& en_front_matter) {
  FixtureSite site("minimal");
  site.WriteFile("content/en/a.md", "+++\ntitle = \"A\"\n" + en_front_matter + "+++\nText.\n");
  site.WriteFile("content/en/b.md", "+++\ntitle = \"B\"\n+++\nText.\n");
  site.WriteFile("content/fr/a.md", "+++\ntitle = \"A\"\n+++\nTexte.\n");
  site.WriteFile("content/fr/b.md", "+++\ntitle = \"B\"\n+++\nTexte.\n");
  return site;
}

}  // namespace

TEST_CASE("an alias is a redirect page to the page's URL, in its language, not in the sitemap", "[aliases]") {
  FixtureSite site = SiteWith("aliases = [\"/old/a/\"]\n");
  REQUIRE(site.Build().report.ok);
  CHECK(site.Read("en/old/a/index.html") ==
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>A</title>\n"
        "<link rel=\"canonical\" href=\"https://example.ca/en/a/\">\n<meta name=\"robots\" content=\"noindex\">\n"
        "<meta http-equiv=\"refresh\" content=\"0; url=https://example.ca/en/a/\">\n</head>\n<body>\n"
        "<p><a href=\"https://example.ca/en/a/\">A</a></p>\n</body>\n</html>\n");
  CHECK(site.Read("sitemap.xml").find("old") == std::string::npos);
}

TEST_CASE("an alias where a page is written is an error naming both files", "[aliases]") {
  FixtureSite site = SiteWith("aliases = [\"/b/\"]\n");
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  CHECK(result.errors ==
        "content/en/a.md:3:12: error: alias \"/b/\" would be written to en/b/index.html, where content/en/b.md "
        "is; remove the alias, or move that page\n"
        " 3 | aliases = [\"/b/\"]\n"
        "   |            ^\n");
}

TEST_CASE("an alias that is the page's own address is a warning, and no redirect", "[aliases]") {
  FixtureSite site = SiteWith("url = \"/guides/\"\naliases = [\"/guides/\"]\n");
  auto result = site.Build();
  REQUIRE(result.report.ok);
  CHECK(result.warnings.find(
            "content/en/a.md:4:12: warning: alias \"/guides/\" is this page's own address (en/guides/index.html), "
            "so no redirect is written; remove the alias [alias-redundant]\n"
            " 4 | aliases = [\"/guides/\"]\n"
            "   |            ^\n") != std::string::npos);
  CHECK(site.Read("en/guides/index.html").find("http-equiv=\"refresh\"") == std::string::npos);
}

TEST_CASE("two pages with the same alias is an error naming both", "[aliases]") {
  FixtureSite site = SiteWith("aliases = \"/old/\"\n");
  site.WriteFile("content/en/b.md", "+++\ntitle = \"B\"\naliases = \"/en/old\"\n+++\nText.\n");
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  CHECK(result.errors.find("content/en/b.md:3:1: error: alias \"/en/old\" would be written to en/old/index.html, "
                           "where an alias of content/en/a.md is; remove the alias, or move that page\n") !=
        std::string::npos);
}

TEST_CASE("an alias that would leave the output folder, or is an address, is refused", "[aliases]") {
  auto errors = SiteWith("aliases = [\"/../../etc/x/\", \"https://old.example/\"]\n").Build().errors;
  CHECK(errors ==
        "content/en/a.md:3:12: error: alias \"/../../etc/x/\" would leave the output folder: remove the \"..\" "
        "segment\n"
        " 3 | aliases = [\"/../../etc/x/\", \"https://old.example/\"]\n"
        "   |            ^\n"
        "content/en/a.md:3:29: error: alias \"https://old.example/\" contains \":\"; write the old URL's path "
        "only, like \"/news/old-name/\", without address, query or fragment\n"
        " 3 | aliases = [\"/../../etc/x/\", \"https://old.example/\"]\n"
        "   |                             ^\n");
}
