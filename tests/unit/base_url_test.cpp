// Base URLs are addresses, not strings: site.toml's and --base-url's are parsed once, so two
// spellings of one host are one host, and what no base may hold is refused where it is written.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "config/site_config.hpp"
#include "fixture.hpp"
#include "support/text.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The minimal fixture's site.toml with `base_url` as the site's (line 1); `en` and `fr` are added
// to their language's table: `fr` at line 13, or 14 when `en` is one line.
std::string MinimalToml(const std::string& base_url, const std::string& en = "", const std::string& fr = "") {
  return "base_url = \"" + base_url +
         "\"\ntheme = \"gc\"\n\n[languages.en]\nlocale = \"en-CA\"\ntitle = \"Minimal\"\ncreator = \"D\"\n" +
         en + "\n[languages.fr]\nlocale = \"fr-CA\"\ntitle = \"Minimal\"\ncreator = \"M\"\n" + fr;
}

// The error a build of the minimal site with `toml` reports, formatted.
std::string ErrorsOf(const std::string& toml) {
  FixtureSite site("minimal");
  site.WriteFile("site.toml", toml);
  return site.Build().errors;
}

}  // namespace

TEST_CASE("a host in capitals or with its scheme's port is the same host, written in lowercase", "[urls]") {
  FixtureSite site("minimal");
  site.WriteFile("site.toml",
                 MinimalToml("https://Example.CA/", "", "base_url = \"HTTPS://example.ca:443/fr/\"\n"));
  auto result = site.Build();
  INFO(result.errors);
  REQUIRE(result.report.ok);
  // One host: the output folder is its root, not a folder per spelling.
  CHECK(site.Exists("en/index.html"));
  CHECK(site.Exists("fr/index.html"));
  CHECK(Contains(site.Read("en/index.html"), "<link rel=\"canonical\" href=\"https://example.ca/en/\">"));
  CHECK(Contains(site.Read("en/index.html"), "<a href=\"/fr/\" lang=\"fr\""));  // one host: a relative toggle
  CHECK(Contains(site.Read("sitemap.xml"), "<loc>https://example.ca/fr/</loc>"));
}

TEST_CASE("a base_url with a user name, a port out of range or a host that is not one is refused", "[urls]") {
  CHECK(ErrorsOf(MinimalToml("https://user@example.ca/")) ==
        "site.toml:1:12: error: base_url \"https://user@example.ca/\" must not hold a user name or password "
        "(the part before \"@\"): it would be written into every canonical link and the sitemap; remove it\n"
        " 1 | base_url = \"https://user@example.ca/\"\n"
        "   |            ^\n");
  CHECK(ErrorsOf(MinimalToml("https://example.ca/", "", "base_url = \"https://example.ca:99999/fr/\"\n")) ==
        "site.toml:13:12: error: base_url \"https://example.ca:99999/fr/\" must have a port from 1 to 65535 "
        "after the host, like \"https://example.ca:8443/\", or none\n"
        " 13 | base_url = \"https://example.ca:99999/fr/\"\n"
        "    |            ^\n");
  CHECK(StartsWith(
      ErrorsOf(MinimalToml("https://example.ca:0/")),
      "site.toml:1:12: error: base_url \"https://example.ca:0/\" must have a port from 1 to 65535"));
  CHECK(ErrorsOf(MinimalToml("https://web_site.example.ca/")) ==
        "site.toml:1:12: error: base_url \"https://web_site.example.ca/\" must have a host name of letters, "
        "digits, hyphens and dots, like \"example.ca\" (a name beyond ASCII in its xn-- form)\n"
        " 1 | base_url = \"https://web_site.example.ca/\"\n"
        "   |            ^\n");
  CHECK(StartsWith(
      ErrorsOf(MinimalToml("ftp://example.ca/")),
      "site.toml:1:12: error: base_url \"ftp://example.ca/\" must be an absolute http or https URL, "
      "like \"https://example.ca/\"\n"));
}

TEST_CASE("a --base-url with a user name or a port out of range is refused, saying why", "[urls]") {
  FixtureSite site("minimal");
  BuildOptions options;
  options.base_urls = {"https://u:secret@staging.example.ca/"};
  CHECK(site.Build(options).errors ==
        "--base-url: error: --base-url https://u:secret@staging.example.ca/: "
        "\"https://u:secret@staging.example.ca/\" "
        "must not hold a user name or password (the part before \"@\"): it would be written into every "
        "canonical link and the sitemap; remove it\n");
  options.base_urls = {"fr=https://example.ca:99999/"};
  CHECK(
      site.Build(options).errors ==
      "--base-url: error: --base-url fr=https://example.ca:99999/: \"https://example.ca:99999/\" must have a "
      "port from 1 to 65535 after the host, like \"https://example.ca:8443/\", or none\n");
  options.base_urls = {"HTTP://Staging.Example.ca:8080"};
  auto result = site.Build(options);
  INFO(result.errors);
  REQUIRE(result.report.ok);
  CHECK(Contains(site.Read("en/index.html"), "href=\"http://staging.example.ca:8080/en/\""));
}

TEST_CASE("a language at the site's base_url is written at the root, where its URLs say it is", "[urls]") {
  FixtureSite site("basic");
  std::ifstream in(fs::path(TANDEM_TEST_SITES) / "basic" / "site.toml");
  std::string toml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  site.WriteFile("site.toml",
                 std::string(toml).insert(toml.find("weight = 1"), "base_url = \"https://example.ca/\"\n"));
  auto result = site.Build();
  INFO(result.errors);
  REQUIRE(result.report.ok);
  CHECK_FALSE(Contains(result.warnings, "link-missing"));
  CHECK_FALSE(site.Exists("en/index.html"));
  CHECK(Contains(site.Read("index.html"), "<link rel=\"canonical\" href=\"https://example.ca/\">"));
  CHECK(Contains(site.Read("topics/index.html"),
                 "<link rel=\"canonical\" href=\"https://example.ca/topics/\">"));
  CHECK(site.Exists("fr/index.html"));
  CHECK(Contains(site.Read("sitemap.xml"), "<loc>https://example.ca/topics/</loc>"));
}

TEST_CASE("two languages at one base_url, or pages of both at one place, are errors naming both", "[urls]") {
  CHECK(ErrorsOf(MinimalToml("https://example.ca/", "base_url = \"https://example.ca/\"\n",
                             "base_url = \"https://EXAMPLE.ca/\"\n")) ==
        "site.toml:14:12: error: [languages.fr] has the base_url of [languages.en], \"https://example.ca/\"; "
        "give each language an address of its own, like \"https://example.ca/fr/\"\n"
        " 14 | base_url = \"https://EXAMPLE.ca/\"\n"
        "    |            ^\n");
  FixtureSite site("minimal");
  site.WriteFile("site.toml", MinimalToml("https://example.ca/", "base_url = \"https://example.ca/\"\n"));
  site.WriteFile("content/en/fr/_index.md", "---\ntitle: In French\n---\n");
  CHECK(Contains(site.Build().errors,
                 "content/fr/_index.md and content/en/fr/_index.md would both be written to "
                 "fr/index.html; give one of them another slug or url"));
}

TEST_CASE("a language whose code is refused is left out, not read further (a crash before)", "[urls]") {
  for (std::string code : {"en/x", ".tandem"}) {
    std::string table =
        "\n[languages.\"" + code + "\"]\nlocale = \"en-CA\"\ntitle = \"X\"\ncreator = \"D\"\n";
    CHECK(ErrorsOf(MinimalToml("https://example.ca/", "", table)) ==
          "site.toml:14:12: error: language code \"" + code +
              "\" must be lowercase letters, digits and hyphens, starting with a letter, like \"en\"\n"
              " 14 | [languages.\"" +
              code +
              "\"]\n"
              "    |            ^\n");
  }
}

TEST_CASE("serve's preview moves a host however site.toml spells it", "[urls]") {
  FixtureSite site("minimal");
  site.WriteFile("site.toml",
                 MinimalToml("https://Example.CA:443/", "", "base_url = \"HTTPS://FR.example.ca/\"\n"));
  // Keyed by the hosts' origins as the config gives them (tandem serve's ServeHosts).
  ConfigOverrides overrides;
  overrides.preview_origin = {{"https://example.ca", "http://localhost:1313"},
                              {"https://fr.example.ca", "http://localhost:1314"}};
  SiteConfig config;
  Diagnostics diags;
  REQUIRE(LoadConfig(site.source().string(), overrides, config, diags));
  CHECK(config.base_url == "http://localhost:1313/");
  CHECK(config.FindLanguage("en")->base_url == "http://localhost:1313/en/");
  CHECK(config.FindLanguage("fr")->base_url == "http://localhost:1314/");
}
