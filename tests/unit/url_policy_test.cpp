// support/url/url_policy: the one rule for every address from content, data, configuration and
// the command line (issue 24: script through the figure shortcode, and the same tricks in menus,
// breadcrumbs, footer links and funding links).
#include "support/url/url_policy.hpp"

#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "support/url/url.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

// What CleanUrl says about `text`: "ok <the address it writes>" or its problem.
std::string Checked(const std::string& text) {
  std::string problem;
  auto url = CleanUrl(text, problem);
  return url ? "ok " + *url : problem;
}

// Whether any file the build left in `site`'s output folder (its .tandem/ state included) holds `text`.
bool OutputHolds(const FixtureSite& site, const std::string& text) {
  if (!fs::exists(site.output())) return false;
  for (const auto& entry : fs::recursive_directory_iterator(site.output()))
    if (entry.is_regular_file() && ReadBytes(entry.path()).find(text) != std::string::npos) return true;
  return false;
}

const std::string kSchemeFix =
    " address, which tandem does not write into a page; link to an http, https, mailto or tel address, or to "
    "a path of the site";

}  // namespace

TEST_CASE("the URL policy writes http, https, mailto, tel and relative addresses as they are", "[urls]") {
  for (std::string good :
       {"https://canada.ca/en", "http://canada.ca/", "HTTPS://Canada.ca/en", "mailto:x@y.ca", "tel:+1-800",
        "/en/page/", "../x.md", "#top", "page.md#a", "?q=1", "", "https://example.ca/@team/",
        "https://canada.ca/en?a=\\b", "https://canada.ca:8443/x", "1abc:x", "/fr/émission/"})
    CHECK(Checked(good) == "ok " + good);
}

TEST_CASE("the URL policy reads an address as a browser does: without tabs, line breaks and spaces around it",
          "[urls]") {
  CHECK(Checked(" https://canada.ca/en\n") == "ok https://canada.ca/en");
  CHECK(Checked("https://canada.ca/e\tn") == "ok https://canada.ca/en");
  CHECK(Checked("/en/\r\npage/") == "ok /en/page/");
  CHECK(Checked("\x01#top") == "ok #top");
}

TEST_CASE("the URL policy refuses script, other schemes, other hosts, backslashes and credentials",
          "[urls]") {
  CHECK(Checked("java\tscript:alert(1)") ==
        "the address \"java\\tscript:alert(1)\", which a browser reads as \"javascript:alert(1)\", is a "
        "\"javascript:\"" +
            kSchemeFix);
  CHECK(Checked("JavaScript:alert(1)") ==
        "the address \"JavaScript:alert(1)\" is a \"javascript:\"" + kSchemeFix);
  CHECK(Checked(" javascript:alert(1)") ==
        "the address \" javascript:alert(1)\", which a browser reads as \"javascript:alert(1)\", is a "
        "\"javascript:\"" +
            kSchemeFix);
  CHECK(Checked("\x01java\nscript:alert(1)") ==
        "the address \"\\x01java\\nscript:alert(1)\", which a browser reads as \"javascript:alert(1)\", is a "
        "\"javascript:\"" +
            kSchemeFix);
  CHECK(Checked("data:text/html,<script>alert(1)</script>") ==
        "the address \"data:text/html,<script>alert(1)</script>\" is a \"data:\"" + kSchemeFix);
  CHECK(Checked("data:image/png;base64,AAAA") ==
        "the address \"data:image/png;base64,AAAA\" is a \"data:\"" + kSchemeFix);
  CHECK(Checked("vbscript:msgbox(1)") ==
        "the address \"vbscript:msgbox(1)\" is a \"vbscript:\"" + kSchemeFix);
  CHECK(Checked("file:///etc/passwd") == "the address \"file:///etc/passwd\" is a \"file:\"" + kSchemeFix);
  CHECK(Checked("//evil.example/") ==
        "the address \"//evil.example/\" names another host without a scheme; write it in full, like "
        "\"https://evil.example/\", or a path of the site with a single \"/\"");
  CHECK(Checked("/\t/host") ==
        "the address \"/\\t/host\", which a browser reads as \"//host\", names another host without a "
        "scheme; write it in full, like \"https://host\", or a path of the site with a single \"/\"");
  CHECK(
      Checked("/\\evil.example/") ==
      "the address \"/\\evil.example/\" holds a backslash, which a browser reads as \"/\" (so \"/\\host\" is "
      "another host); write \"/\" instead");
  CHECK(Checked("https:\\\\evil.example/") ==
        "the address \"https:\\\\evil.example/\" holds a backslash, which a browser reads as \"/\" (so "
        "\"/\\host\" is another host); write \"/\" instead");
  CHECK(
      Checked("https://user@example.ca/") ==
      "the address \"https://user@example.ca/\" holds a user name or password (the part before \"@\"), which "
      "a page must not publish; remove it: \"https://example.ca/\"");
  CHECK(Checked("http://user:pw@example.ca@evil.example/x") ==
        "the address \"http://user:pw@example.ca@evil.example/x\" holds a user name or password (the part "
        "before \"@\"), which a page must not publish; remove it: \"http://evil.example/x\"");
  CHECK(Checked("https:evil.example") ==
        "the address \"https:evil.example\" has no host after \"https:\"; write it like "
        "\"https://example.ca/page\"");
  CHECK(Checked("https:///x") ==
        "the address \"https:///x\" has no host after \"https:\"; write it like \"https://example.ca/page\"");
  CHECK(Checked("/a\x7f") == "the address \"/a\\x7F\" holds the control character U+007F; remove it");
}

TEST_CASE("a long refused address is cut in its message, never inside a character", "[urls]") {
  std::string long_data = "data:text/plain," + std::string(43, 'a') + "é" + std::string(100, 'b');
  CHECK(Checked(long_data) ==
        "the address \"data:text/plain," + std::string(43, 'a') + "é...\" is a \"data:\"" + kSchemeFix);
}

TEST_CASE("an address's scheme is read as a browser reads it", "[urls]") {
  CHECK(UrlScheme("JavaScript:x") == "javascript");
  CHECK(UrlScheme("https://canada.ca/") == "https");
  CHECK(UrlScheme("a+b-c.d:x") == "a+b-c.d");
  CHECK(UrlScheme("/en/a:b") == "");
  CHECK(UrlScheme("page.md#a:b") == "");
  CHECK(UrlScheme("1abc:x") == "");
  CHECK(UrlScheme("noscheme") == "");
}

TEST_CASE("a base URL is held to a stricter rule: what the policy refuses, ParseBaseUrl refuses", "[urls]") {
  for (std::string bad :
       {"java\tscript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:,x", "vbscript:x",
        "//evil.example/", "/\\evil.example/", "/\t/host", "https://user@example.ca/", "https:evil.example",
        "mailto:x@y.ca", "tel:+1-800", "/en/"}) {
    std::string problem;
    CHECK_FALSE(ParseBaseUrl(bad, problem));
  }
}

// End to end: each place an address from content, data or configuration lands in a page.

TEST_CASE(
    "a figure's src and link, and a Markdown link, that the URL policy refuses are errors at their place",
    "[urls][shortcodes]") {
  FixtureSite site("shortcodes");  // allows raw HTML: the policy holds all the same
  site.CopyDefaultTheme();
  site.WriteFile(
      "content/en/news/hotline.md",
      "+++\ntitle = \"Hotline\"\nmodified = 2024-05-01\n+++\n"
      "{{< figure src=\"data:image/png;base64,AAAA\" link=\"java\tscript:alert(1)\" alt=\"a\" >}}\n\n"
      "{{< figure src=`/\\evil.example/x.png` link=\" JavaScript:alert(2)\" alt=\"b\" >}}\n\n"
      "{{< figure src=\"//evil.example/y.png\" link=\"https://user@example.ca/\" alt=\"c\" >}}\n\n"
      "See [the hotline](vbscript:msgbox(1)) and <javascript:alert(3)>.\n");
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  CHECK(
      result.errors ==
      "content/en/news/hotline.md:5:1: error: the address \"data:image/png;base64,AAAA\" is a \"data:\"" +
          kSchemeFix +
          "\n"
          " 5 | {{< figure src=\"data:image/png;base64,AAAA\" link=\"java\tscript:alert(1)\" alt=\"a\" >}}\n"
          "   | ^\n"
          "content/en/news/hotline.md:5:1: error: the address \"java\\tscript:alert(1)\", which a browser "
          "reads as \"javascript:alert(1)\", is a \"javascript:\"" +
          kSchemeFix +
          "\n"
          " 5 | {{< figure src=\"data:image/png;base64,AAAA\" link=\"java\tscript:alert(1)\" alt=\"a\" >}}\n"
          "   | ^\n"
          "content/en/news/hotline.md:7:1: error: the address \" JavaScript:alert(2)\", which a browser "
          "reads "
          "as \"JavaScript:alert(2)\", is a \"javascript:\"" +
          kSchemeFix +
          "\n"
          " 7 | {{< figure src=`/\\evil.example/x.png` link=\" JavaScript:alert(2)\" alt=\"b\" >}}\n"
          "   | ^\n"
          "content/en/news/hotline.md:7:1: error: the address \"/\\evil.example/x.png\" holds a backslash, "
          "which a browser reads as \"/\" (so \"/\\host\" is another host); write \"/\" instead\n"
          " 7 | {{< figure src=`/\\evil.example/x.png` link=\" JavaScript:alert(2)\" alt=\"b\" >}}\n"
          "   | ^\n"
          "content/en/news/hotline.md:9:1: error: the address \"//evil.example/y.png\" names another host "
          "without a scheme; write it in full, like \"https://evil.example/y.png\", or a path of the site "
          "with a single \"/\"\n"
          " 9 | {{< figure src=\"//evil.example/y.png\" link=\"https://user@example.ca/\" alt=\"c\" >}}\n"
          "   | ^\n"
          "content/en/news/hotline.md:9:1: error: the address \"https://user@example.ca/\" holds a user name "
          "or password (the part before \"@\"), which a page must not publish; remove it: "
          "\"https://example.ca/\"\n"
          " 9 | {{< figure src=\"//evil.example/y.png\" link=\"https://user@example.ca/\" alt=\"c\" >}}\n"
          "   | ^\n"
          "content/en/news/hotline.md:11:19: error: the address \"vbscript:msgbox(1)\" is a \"vbscript:\"" +
          kSchemeFix +
          "\n"
          " 11 | See [the hotline](vbscript:msgbox(1)) and <javascript:alert(3)>.\n"
          "    |                   ^\n"
          "content/en/news/hotline.md:11:44: error: the address \"javascript:alert(3)\" is a "
          "\"javascript:\"" +
          kSchemeFix +
          "\n"
          " 11 | See [the hotline](vbscript:msgbox(1)) and <javascript:alert(3)>.\n"
          "    |                                            ^\n");
  for (std::string hostile : {"script:", "evil.example", "data:image", "user@"})
    CHECK_FALSE(OutputHolds(site, hostile));
}

TEST_CASE("a menu, breadcrumb, footer or search address that the URL policy refuses is an error in site.toml",
          "[urls][config]") {
  FixtureSite site("minimal");
  site.WriteFile("site.toml",
                 "base_url = \"https://example.ca/\"\n\n"
                 "[languages.en]\nlocale = \"en-CA\"\ntitle = \"T\"\ncreator = \"C\"\n"
                 "breadcrumbs = [{ title = \"Home\", url = \"javascript:alert(1)\" }]\n"
                 "footer_links = [{ title = \"Terms\", url = \"/\\\\evil.example/\" }]\n"
                 "search_action = \"//evil.example/search\"\n\n"
                 "[[languages.en.menu.main]]\ntitle = \"News\"\nurl = \"https://user:pw@example.ca/\"\n\n"
                 "[[languages.en.menu.main]]\ntitle = \"Help\"\nurl = \"/\\t/evil.example/\"\n\n"
                 "[languages.fr]\nlocale = \"fr-CA\"\ntitle = \"T\"\ncreator = \"C\"\n");
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  CHECK(
      result.errors ==
      "site.toml:7:40: error: the address \"javascript:alert(1)\" is a \"javascript:\"" + kSchemeFix +
          "\n"
          " 7 | breadcrumbs = [{ title = \"Home\", url = \"javascript:alert(1)\" }]\n"
          "   |                                        ^\n"
          "site.toml:8:42: error: the address \"/\\evil.example/\" holds a backslash, which a browser reads "
          "as "
          "\"/\" (so \"/\\host\" is another host); write \"/\" instead\n"
          " 8 | footer_links = [{ title = \"Terms\", url = \"/\\\\evil.example/\" }]\n"
          "   |                                          ^\n"
          "site.toml:9:17: error: the address \"//evil.example/search\" names another host without a scheme; "
          "write it in full, like \"https://evil.example/search\", or a path of the site with a single "
          "\"/\"\n"
          " 9 | search_action = \"//evil.example/search\"\n"
          "   |                 ^\n"
          "site.toml:13:7: error: the address \"https://user:pw@example.ca/\" holds a user name or password "
          "(the part before \"@\"), which a page must not publish; remove it: \"https://example.ca/\"\n"
          " 13 | url = \"https://user:pw@example.ca/\"\n"
          "    |       ^\n"
          "site.toml:17:7: error: the address \"/\\t/evil.example/\", which a browser reads as "
          "\"//evil.example/\", names another host without a scheme; write it in full, like "
          "\"https://evil.example/\", or a path of the site with a single \"/\"\n"
          " 17 | url = \"/\\t/evil.example/\"\n"
          "    |       ^\n");
  for (std::string hostile : {"script:", "evil.example", "user:pw"}) CHECK_FALSE(OutputHolds(site, hostile));
}

TEST_CASE("a funding project's link that the URL policy refuses is an error in data/", "[urls][funding]") {
  FixtureSite site("funding");
  std::string data = ReadBytes(site.source() / "data/funding.toml");
  const std::string link = "link = \"https://example.ca/safer-networks\"";
  REQUIRE(data.find(link) != std::string::npos);
  data.replace(data.find(link), link.size(), "link = \"java\\tscript:alert(1)\"");
  site.WriteFile("data/funding.toml", data);
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  CHECK(result.errors ==
        "data/funding.toml:51:8: error: the address \"java\\tscript:alert(1)\", which a browser reads as "
        "\"javascript:alert(1)\", is a \"javascript:\"" +
            kSchemeFix +
            "\n"
            " 51 | link = \"java\\tscript:alert(1)\"\n"
            "    |        ^\n");
  CHECK_FALSE(OutputHolds(site, "script:"));
}

TEST_CASE("an alias is a path: what the URL policy refuses, an alias cannot hold either", "[urls][aliases]") {
  FixtureSite site("minimal");
  site.WriteFile("content/en/a.md",
                 "+++\ntitle = \"A\"\naliases = [\"//evil.example/\", \"/\\\\evil.example/\", "
                 "\"javascript:alert(1)\", \"/\\t/evil.example/\"]\n+++\nText.\n");
  site.WriteFile("content/fr/a.md", "+++\ntitle = \"A\"\n+++\nTexte.\n");
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  for (std::string alias : {"//evil.example/", "/\\evil.example/", "javascript:alert(1)"})
    CHECK(result.errors.find("error: alias \"" + alias + "\"") != std::string::npos);
  CHECK(result.errors.find("error: alias \"/\t/evil.example/\" contains \"\t\"") != std::string::npos);
  CHECK_FALSE(OutputHolds(site, "evil.example"));
}
