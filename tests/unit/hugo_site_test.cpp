// A Hugo site in the shape of a real Government of Canada team's bilingual blog
// (tests/sites/hugo-gc-blog), imported and built as it is: its URLs are Hugo's, every page is
// paired with its translation as Hugo pairs them, no shortcode is left as text, and a crawl of
// both hosts finds no broken link.
#include <catch2/catch.hpp>
#include <regex>

#include "fixture.hpp"
#include "shell_run.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

const char kEn[] = "https://digital.example.ca";
const char kFr[] = "https://numerique.example.ca";

// Each English page's path and its French translation's, as Hugo publishes them: the blog by
// its dated permalink and file name (punctuation dropped, accents kept, the day as written), the
// French sections by their url, their children under the folder (Hugo's rule).
const std::vector<std::pair<std::string, std::string>> kPairs = {
    {"/", "/"},
    {"/blog/", "/blogue/"},
    {"/2022/08/18/evas-harbour-tour/", "/2022/08/18/la-visite-du-port-déva/"},
    {"/2018/10/19/moving-fast-staying-safe/", "/2018/10/19/aller-vite-rester-prudent/"},
    {"/2020/11/18/late-night-launch/", "/2020/11/18/lancement-après-minuit/"},
    {"/partnerships/", "/partenariats/"},
    {"/our-values/", "/nos-valeurs/"},
    {"/careers/", "/carrieres/"},
    {"/careers/positions/harbour-pilot-3f2a9c/", "/careers/positions/designer-de-services-3f2a9c/"},
    {"/roadmap/", "/feuille-de-route/"},
};

std::string Encoded(const std::string& path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path)
    out += c < 0x80 ? std::string(1, static_cast<char>(c)) : std::string{'%', kHex[c >> 4], kHex[c & 15]};
  return out;
}

std::string Page(const FixtureSite& site, const std::string& host, const std::string& path) {
  return site.Read(host + path + "index.html");
}

struct Built {
  FixtureSite site{"hugo-gc-blog"};
  ProgramRun import, build;
  std::map<std::string, std::string> content_before;
  Built() {
    content_before = SnapshotDir(site.source() / "content");
    import = RunTandem("import hugo " + site.source().string());
    build = RunTandem("build --source " + site.source().string() + " --output " + site.output().string());
  }
};

const Built& GcBlog() {
  static Built built;
  return built;
}

}  // namespace

TEST_CASE("a GC team's Hugo blog imports and builds with no error, its content untouched", "[hugo]") {
  const Built& b = GcBlog();
  INFO(b.import.output);
  CHECK(b.import.status == 0);
  CHECK(b.import.output.find("wrote " + (b.site.source() / "shortcodes/callout.mustache").string()) !=
        std::string::npos);
  INFO(b.build.output);
  CHECK(b.build.status == 0);
  CHECK(b.build.output.find("en: 10 pages, fr: 10 pages\n") != std::string::npos);
  CHECK(b.build.output.find(" 0 errors") != std::string::npos);
  // What it warns about, each a thing Hugo let pass: layouts the theme lacks, raw HTML, a page
  // without a title; the fixture is not in git.
  std::regex code(R"(warning: .*\[([a-z-]+)\]\n)");
  std::map<std::string, int> codes;
  for (std::sregex_iterator it(b.build.output.begin(), b.build.output.end(), code), end; it != end; ++it)
    ++codes[(*it)[1]];
  CHECK(codes == std::map<std::string, int>{
                     {"git-missing", 1}, {"layout-missing", 7}, {"raw-html", 1}, {"title-missing", 1}});
  CHECK(SnapshotDir(b.site.source() / "content") == b.content_before);
}

TEST_CASE("the Hugo blog keeps Hugo's URLs, and every page is paired with its translation",
          "[hugo]") {
  const Built& b = GcBlog();
  for (const auto& [en, fr] : kPairs) {
    INFO(en + " <-> " + fr);
    std::string en_html = Page(b.site, "digital.example.ca", en);
    std::string fr_html = Page(b.site, "numerique.example.ca", fr);
    REQUIRE_FALSE(en_html.empty());
    REQUIRE_FALSE(fr_html.empty());
    CHECK(en_html.find("hreflang=\"fr\" href=\"" + std::string(kFr) + Encoded(fr) + "\"") != std::string::npos);
    CHECK(fr_html.find("hreflang=\"en\" href=\"" + std::string(kEn) + Encoded(en) + "\"") != std::string::npos);
  }
  // Old addresses redirect; the YAML escape \_ is a no-break space in the title.
  CHECK(Page(b.site, "digital.example.ca", "/values/").find("url=https://digital.example.ca/our-values/") !=
        std::string::npos);
  CHECK(Page(b.site, "numerique.example.ca", "/joignez-vous/")
            .find("url=https://numerique.example.ca/carrieres/") != std::string::npos);
  CHECK(Page(b.site, "digital.example.ca", "/2018/10/19/moving-fast-staying-safe/")
            .find("Moving fast:\u00a0staying safe</h1>") != std::string::npos);
}

TEST_CASE("the Hugo blog's shortcodes are rendered, and a crawl of both hosts finds no broken link",
          "[hugo]") {
  const Built& b = GcBlog();
  for (const auto& [path, bytes] : SnapshotDir(b.site.output())) {
    INFO(path);
    CHECK(bytes.find("{{<") == std::string::npos);
    CHECK(bytes.find("{{%") == std::string::npos);
  }
  std::string roadmap = Page(b.site, "numerique.example.ca", "/feuille-de-route/");
  CHECK(roadmap.find("<div class=\"callout no-page-break\">\n\n<h2 id=\"cette-annee\">Cette année</h2>") !=
        std::string::npos);
  CHECK(Page(b.site, "digital.example.ca", "/2022/08/18/evas-harbour-tour/")
            .find("<strong>Tip:</strong> talk to people where they work") != std::string::npos);
  ShellResult crawl = ShellRun("python3 " + std::string(TANDEM_TEST_SITES) + "/../publish/crawl.py " + kEn +
                               "=" + (b.site.output() / "digital.example.ca").string() + " " + kFr + "=" +
                               (b.site.output() / "numerique.example.ca").string());
  INFO(crawl.output);
  CHECK(crawl.status == 0);
  CHECK(crawl.output.find("from 2 hosts, 0 broken links") != std::string::npos);
}
