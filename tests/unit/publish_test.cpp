// Publishing: Atom feeds, builds for another environment or host (--environment, --base-url),
// checked by reading the files a build writes, the way a feed reader or a crawler would.
#include <catch2/catch.hpp>
#include <regex>

#include "fixture.hpp"
#include "render/site_files.hpp"
#include "shell_run.hpp"
#include "support/text.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The text of every <entry> of an Atom feed, in order.
std::vector<std::string> Entries(const std::string& feed) {
  std::vector<std::string> entries;
  for (size_t at = feed.find("<entry>"); at != std::string::npos; at = feed.find("<entry>", at + 1))
    entries.push_back(feed.substr(at, feed.find("</entry>", at) - at));
  return entries;
}

// The value of the first <name>…</name> in `xml`.
std::string ElementText(const std::string& xml, const std::string& name) {
  size_t start = xml.find("<" + name + ">");
  if (start == std::string::npos) return "";
  start += name.size() + 2;
  return xml.substr(start, xml.find("</" + name + ">", start) - start);
}

// RFC 4287, 4.1.1 and 4.1.2: what every feed and every entry must have.
void CheckAtomRequiredElements(const std::string& feed) {
  std::string head = feed.substr(0, feed.find("<entry>"));
  CHECK(Contains(head, "<feed xmlns=\"http://www.w3.org/2005/Atom\""));
  CHECK_FALSE(ElementText(head, "id").empty());
  CHECK_FALSE(ElementText(head, "title").empty());
  CHECK(std::regex_match(ElementText(head, "updated"), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
  CHECK_FALSE(ElementText(ElementText(head, "author"), "name").empty());
  CHECK(Contains(head, "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://"));
  for (const std::string& entry : Entries(feed)) {
    CHECK(StartsWith(ElementText(entry, "id"), "https://"));
    CHECK_FALSE(ElementText(entry, "title").empty());
    CHECK(std::regex_match(ElementText(entry, "updated"), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
    CHECK(Contains(entry, "<link rel=\"alternate\" type=\"text/html\" href=\"https://"));
  }
}

const FixtureSite& FeedsSite() {
  static FixtureSite site("feeds");
  static bool built = false;
  if (!built) {
    auto result = site.Build();
    INFO(result.errors);
    REQUIRE(result.report.ok);
    built = true;
  }
  return site;
}

// Every HTML file a build wrote: path -> bytes.
std::map<std::string, std::string> HtmlFiles(const FixtureSite& site) {
  std::map<std::string, std::string> html;
  for (auto& [path, bytes] : site.Snapshot())
    if (EndsWith(path, ".html")) html[path] = bytes;
  return html;
}

BuildOptions Staging() {
  BuildOptions options;
  options.environment = "staging";
  return options;
}

}  // namespace

TEST_CASE("each language has an Atom feed of a named section, newest first, limited to `entries`",
          "[publish]") {
  std::string feed = FeedsSite().Read("en/news/feed.xml");
  CheckAtomRequiredElements(feed);
  CHECK(Contains(feed, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"));
  CHECK(ElementText(feed, "id") == "https://example.ca/en/news/feed.xml");
  CHECK(ElementText(feed, "updated") == "2024-05-20T00:00:00Z");  // the newest entry's date modified
  std::vector<std::string> entries = Entries(feed);
  REQUIRE(entries.size() == 3);
  CHECK(ElementText(entries[0], "id") == "https://example.ca/en/news/funding/");
  CHECK(ElementText(entries[0], "updated") == "2024-05-20T00:00:00Z");
  CHECK(ElementText(entries[0], "published") == "2024-03-01T00:00:00Z");
  // Equal dates are ordered by address, whatever order the files were found in.
  CHECK(ElementText(entries[1], "title") == "Same day A");
  CHECK(ElementText(entries[2], "title") == "Same day B");
  CHECK_FALSE(Contains(feed, "Oldest item"));  // past entries = 3
}

TEST_CASE("feed text is escaped, and the summary is the page's description", "[publish]") {
  std::string feed = FeedsSite().Read("en/news/feed.xml");
  CHECK(Contains(feed, "<title>Funding &lt;announced&gt; &amp; &quot;approved&quot;</title>"));
  CHECK(Contains(feed, "<summary>Money for R&amp;D &lt;now&gt;.</summary>"));
  CHECK(Contains(feed, "<title>News - Feeds &amp; news</title>"));
}

TEST_CASE("the French feed is in French, at the French section's address", "[publish]") {
  std::string feed = FeedsSite().Read("fr/nouvelles/feed.xml");
  CheckAtomRequiredElements(feed);
  CHECK(Contains(feed, "xml:lang=\"fr\""));
  CHECK(ElementText(ElementText(feed, "author"), "name") == "Ministère « exemple »");
  CHECK(ElementText(Entries(feed)[0], "title") == "Financement « annoncé » &amp; approuvé");
}

TEST_CASE("a section a language does not have has no feed in it; subsections' pages are entries",
          "[publish]") {
  CHECK(FeedsSite().Exists("en/guides/feed.xml"));
  CHECK_FALSE(FeedsSite().Exists("fr/guides/feed.xml"));
  FixtureSite site("feeds");
  site.WriteFile("site.toml", ReadBytes(site.source() / "site.toml") + "\n");
  site.WriteFile("content/en/news/archive/2025.md",
                 "+++\ntitle = \"From the archive\"\nmodified = 2025-01-01\n+++\nx\n");
  REQUIRE(site.Build().report.ok);
  CHECK(ElementText(Entries(site.Read("en/news/feed.xml"))[0], "title") == "From the archive");
}

TEST_CASE("pages of a language link its feeds with rel=alternate", "[publish]") {
  std::string link =
      "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/en/news/feed.xml\" title=\"News\">";
  CHECK(Contains(FeedsSite().Read("en/index.html"), link));
  CHECK(Contains(FeedsSite().Read("en/news/oldest/index.html"), link));
  CHECK(Contains(FeedsSite().Read("fr/index.html"),
                 "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/fr/nouvelles/feed.xml\" "
                 "title=\"Nouvelles\">"));
  CHECK_FALSE(Contains(FeedsSite().Read("fr/index.html"), "guides/feed.xml"));
}

TEST_CASE("feeds are off unless site.toml names sections", "[publish]") {
  FixtureSite site("minimal");
  REQUIRE(site.Build().report.ok);
  for (const auto& [path, bytes] : site.Snapshot()) {
    CHECK_FALSE((EndsWith(path, ".xml") && path != "sitemap.xml"));
    CHECK_FALSE(Contains(bytes, "application/atom+xml"));
  }
}

TEST_CASE("a feed section no language has is an error at site.toml", "[publish]") {
  FixtureSite site("feeds");
  site.WriteFile("site.toml",
                 "base_url = \"https://example.ca/\"\n[feeds]\nsections = [\"news\", \"nws\"]\n"
                 "[languages.en]\nlocale = \"en-CA\"\ntitle = \"T\"\ncreator = \"C\"\n"
                 "[languages.fr]\nlocale = \"fr-CA\"\ntitle = \"T\"\ncreator = \"C\"\n");
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  CHECK(result.errors ==
        "site.toml:3:21: error: [feeds] names section \"nws\", which no language has; use a folder's path "
        "under "
        "content/<lang>/, like \"news\"\n"
        " 3 | sections = [\"news\", \"nws\"]\n"
        "   |                     ^\n");
}

TEST_CASE("a staging build reads site.staging.toml over site.toml, is not indexed, and points at itself",
          "[publish]") {
  FixtureSite site("staging");
  auto result = site.Build(Staging());
  INFO(result.errors);
  REQUIRE(result.report.ok);
  // Each language has a host of its own: each host's folder is named after its staging host.
  CHECK(site.Read("staging.example.ca/robots.txt") == "User-agent: *\nDisallow: /\n");
  CHECK(site.Read("fr.staging.example.ca/robots.txt") == "User-agent: *\nDisallow: /\n");
  auto html = HtmlFiles(site);
  REQUIRE(html.size() >= 5);
  for (const auto& [path, bytes] : html) {
    INFO(path);
    CHECK(Contains(bytes, "<meta name=\"robots\" content=\"noindex"));
    CHECK_FALSE(Contains(bytes, "https://example.ca/"));
    CHECK_FALSE(Contains(bytes, "https://fr.example.ca/"));
  }
  std::string about = site.Read("staging.example.ca/en/about/index.html");
  CHECK(Contains(about, "<link rel=\"canonical\" href=\"https://staging.example.ca/en/about/\">"));
  CHECK(Contains(
      about, "<link rel=\"alternate\" hreflang=\"fr\" href=\"https://fr.staging.example.ca/a-propos/\">"));
}

TEST_CASE("a production build is indexed; noindex in site.toml turns that around either way", "[publish]") {
  FixtureSite site("staging");
  REQUIRE(site.Build().report.ok);
  CHECK(Contains(site.Read("example.ca/robots.txt"), "Allow: /"));
  CHECK_FALSE(Contains(site.Read("example.ca/en/about/index.html"), "name=\"robots\""));
  CHECK(Contains(site.Read("example.ca/en/about/index.html"), "href=\"https://example.ca/en/about/\""));

  site.WriteFile("site.staging.toml", "noindex = false\n");
  REQUIRE(site.Build(Staging()).report.ok);
  CHECK_FALSE(Contains(site.Read("example.ca/en/about/index.html"), "name=\"robots\""));
}

TEST_CASE("a --base-url builds for another host, the site's and a language's", "[publish]") {
  FixtureSite site("staging");
  BuildOptions options;
  options.base_urls = {"https://preview.example.ca/pr-12/", "fr=https://apercu.example.ca/pr-12/"};
  auto result = site.Build(options);
  INFO(result.errors);
  REQUIRE(result.report.ok);
  // The site's host folder is published at /pr-12/ on its host; the French host's at its root.
  std::string about = site.Read("preview.example.ca/en/about/index.html");
  CHECK(Contains(about, "<link rel=\"canonical\" href=\"https://preview.example.ca/pr-12/en/about/\">"));
  CHECK(Contains(about, "hreflang=\"fr\" href=\"https://apercu.example.ca/pr-12/a-propos/\""));
  CHECK(Contains(about, "href=\"/pr-12/css/gc.css\""));
  CHECK(site.Exists("apercu.example.ca/pr-12/a-propos/index.html"));
  CHECK(site.Exists("apercu.example.ca/css/gc.css"));
  CHECK(Contains(site.Read("preview.example.ca/sitemap.xml"),
                 "<loc>https://preview.example.ca/pr-12/en/about/</loc>"));
  // Still production: only the addresses changed.
  CHECK(Contains(site.Read("preview.example.ca/robots.txt"), "Allow: /"));
}

TEST_CASE("a --base-url or --environment that cannot be used is an error that says why", "[publish]") {
  FixtureSite site("staging");
  BuildOptions options;
  options.base_urls = {"staging.example.ca"};
  CHECK(
      site.Build(options).errors ==
      "--base-url: error: --base-url staging.example.ca: \"staging.example.ca\" must be an absolute http or "
      "https URL, like \"https://example.ca/\"\n");
  options.base_urls = {"de=https://de.example.ca/"};
  CHECK(
      site.Build(options).errors ==
      "--base-url: error: --base-url de=https://de.example.ca/: site.toml has no [languages.de]; name one of "
      "its languages, like fr=https://fr.example.ca/\n");
  options.base_urls = {};
  options.environment = "Staging";
  CHECK(site.Build(options).errors ==
        "--environment: error: --environment \"Staging\" must be lowercase letters, digits and hyphens, like "
        "\"staging\"\n");
}

TEST_CASE("a key site.staging.toml gets wrong is reported in site.staging.toml", "[publish]") {
  FixtureSite site("staging");
  site.WriteFile("site.staging.toml", "# staging\nnoindx = true\n");
  std::string errors = site.Build(Staging()).errors;
  CHECK(StartsWith(
      errors,
      "site.staging.toml:2:1: error: unknown key \"noindx\" in site.toml (did you mean \"noindex\"?); "));
  CHECK(EndsWith(errors, "\n 2 | noindx = true\n   | ^\n"));
}

TEST_CASE("another environment or base URL is another build: nothing is carried over", "[publish]") {
  FixtureSite site("staging");
  REQUIRE(site.Build().report.ok);
  auto staging = site.Build(Staging());
  REQUIRE(staging.report.ok);
  CHECK_FALSE(staging.report.nothing_changed);
  CHECK(Contains(site.Read("staging.example.ca/en/about/index.html"), "noindex"));
  BuildOptions preview;
  preview.base_urls = {"https://preview.example.ca/"};
  auto moved = site.Build(preview);
  REQUIRE(moved.report.ok);
  CHECK_FALSE(moved.report.nothing_changed);
  CHECK(
      Contains(site.Read("preview.example.ca/en/about/index.html"), "https://preview.example.ca/en/about/"));
  CHECK_FALSE(Contains(site.Read("preview.example.ca/en/about/index.html"), "noindex"));
  CHECK(site.Build(preview).report.nothing_changed);
}

namespace {

// The crawl of each host folder of a build (origin, folder), each served alone (tests/publish/crawl.py).
std::string CrawlCommand(const FixtureSite& site,
                         const std::vector<std::pair<std::string, std::string>>& hosts) {
  std::string command = "python3 " + std::string(TANDEM_TEST_SITES) + "/../publish/crawl.py";
  for (const auto& [origin, folder] : hosts)
    command += " " + origin + "=" + (site.output() / folder).string();
  return command;
}

const FixtureSite& PerHostSite() {
  static FixtureSite site("per-host");
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

TEST_CASE("with a language on a host of its own, each host has a complete folder", "[publish]") {
  const FixtureSite& site = PerHostSite();
  for (const std::string host : {"example.ca/", "exemple.ca/"}) {
    INFO(host);
    for (const char* file : {"404.html", "robots.txt", "sitemap.xml", "css/gc.css", "files/map.txt"})
      CHECK(site.Exists(host + file));
  }
  CHECK(site.Exists("example.ca/index.html"));  // the splash page
  CHECK(site.Exists("example.ca/en/services/permits/index.html"));
  CHECK(site.Exists("exemple.ca/services/permis/index.html"));  // French at its host's root
  CHECK(Contains(site.Read("exemple.ca/index.html"), "<html lang=\"fr\""));
  for (const auto& [path, bytes] : site.Snapshot())
    CHECK((StartsWith(path, "example.ca/") || StartsWith(path, "exemple.ca/")));
}

TEST_CASE("each host's sitemap lists its own pages, with the other host's alternates as absolute URLs",
          "[publish]") {
  std::string en = PerHostSite().Read("example.ca/sitemap.xml");
  std::string fr = PerHostSite().Read("exemple.ca/sitemap.xml");
  CHECK(Contains(
      en,
      "<loc>https://example.ca/en/services/permits/</loc>\n    <lastmod>2024-03-01</lastmod>\n"
      "    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.ca/en/services/permits/\"/>\n"
      "    <xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"https://exemple.ca/services/permis/\"/>\n"));
  CHECK_FALSE(Contains(en, "<loc>https://exemple.ca/"));
  CHECK(Contains(fr, "<loc>https://exemple.ca/services/permis/</loc>\n    <lastmod>2024-03-02</lastmod>\n"));
  CHECK_FALSE(Contains(fr, "<loc>https://example.ca/"));
  // The home pages point search engines at the splash page for anyone else.
  CHECK(Contains(fr, "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.ca/\"/>"));
  CHECK(PerHostSite().Read("exemple.ca/robots.txt") ==
        "User-agent: *\nAllow: /\n\nSitemap: https://exemple.ca/sitemap.xml\n");
}

TEST_CASE("the splash and 404 pages link each language's home page on its own host", "[publish]") {
  std::string splash = PerHostSite().Read("example.ca/index.html");
  CHECK(Contains(splash, "href=\"/en/\""));
  CHECK(Contains(splash, "href=\"https://exemple.ca/\""));
  std::string not_found = PerHostSite().Read("exemple.ca/404.html");
  CHECK(Contains(not_found, "href=\"https://example.ca/en/\""));
  CHECK(Contains(not_found, "href=\"/css/gc.css\""));
}

TEST_CASE("each host's folder, deployed alone to a local HTTP server, has no broken link",
          "[publish][http]") {
  ShellResult crawl = ShellRun(CrawlCommand(
      PerHostSite(), {{"https://example.ca", "example.ca"}, {"https://exemple.ca", "exemple.ca"}}));
  INFO(crawl.output);
  CHECK(crawl.status == 0);
  CHECK(Contains(crawl.output, "from 2 hosts, 0 broken links"));
}

TEST_CASE("a host whose root no home page takes gets its own splash page", "[publish][http]") {
  FixtureSite site("per-host");
  std::string toml = ReadBytes(site.source() / "site.toml");
  toml.replace(toml.find("https://exemple.ca/"), 19, "https://exemple.ca/fr/");
  site.WriteFile("site.toml", toml);
  auto result = site.Build();
  INFO(result.errors);
  REQUIRE(result.report.ok);
  CHECK(site.Exists("exemple.ca/fr/services/permis/index.html"));
  CHECK(Contains(site.Read("exemple.ca/index.html"), "href=\"https://example.ca/en/\""));
  ShellResult crawl = ShellRun(
      CrawlCommand(site, {{"https://example.ca", "example.ca"}, {"https://exemple.ca", "exemple.ca"}}));
  INFO(crawl.output);
  CHECK(crawl.status == 0);
}

TEST_CASE("past 50,000 URLs a host's sitemap.xml is an index of sitemaps", "[publish]") {
  SiteConfig config;
  Diagnostics diags;
  REQUIRE(LoadConfig((fs::path(TANDEM_TEST_SITES) / "per-host").string(), config, diags));
  Site model;
  model.config = config;
  Language en;
  en.config = config.languages[0];
  model.languages.push_back(std::move(en));
  for (int i = 0; i < 5; ++i) {
    auto page = std::make_unique<Page>();
    page->permalink = "https://example.ca/en/p" + std::to_string(i) + "/";
    page->modified = "2024-01-0" + std::to_string(i + 1);
    page->translations = {page.get()};
    model.languages[0].pages.push_back(std::move(page));
  }
  std::vector<Attachment> files = SitemapFiles(model, 0, 2);
  REQUIRE(files.size() == 4);
  CHECK(files[0].path == "example.ca/sitemap.xml");
  CHECK(files[0].bytes ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        "  <sitemap>\n    <loc>https://example.ca/sitemap-1.xml</loc>\n    <lastmod>2024-01-02</lastmod>\n  "
        "</sitemap>\n"
        "  <sitemap>\n    <loc>https://example.ca/sitemap-2.xml</loc>\n    <lastmod>2024-01-04</lastmod>\n  "
        "</sitemap>\n"
        "  <sitemap>\n    <loc>https://example.ca/sitemap-3.xml</loc>\n    <lastmod>2024-01-05</lastmod>\n  "
        "</sitemap>\n"
        "</sitemapindex>\n");
  CHECK(files[3].path == "example.ca/sitemap-3.xml");
  CHECK(Contains(files[3].bytes, "<loc>https://example.ca/en/p4/</loc>"));
  CHECK_FALSE(Contains(files[3].bytes, "p3"));
}
