// Canada.ca conformance of the gc theme (issue 12): every page type, in both languages, read
// from the built HTML, element by element: this repository's site (identity = "gc") and the
// fixture sites, with the GC identity turned on and off.
#include <catch2/catch.hpp>
#include <regex>

#include "fixture.hpp"

using namespace tandem::testing;

namespace {

const std::string kNbsp = "\xC2\xA0";
const fs::path kRepo = fs::path(TANDEM_TEST_SITES) / ".." / "..";

// The repository's own site, built once for every test here.
const FixtureSite& RepositorySite() {
  static FixtureSite* site = [] {
    auto* s = new FixtureSite();
    for (const char* part : {"site.toml", "content", "data", "static", "i18n"})
      if (fs::exists(kRepo / part)) fs::copy(kRepo / part, s->source() / part, fs::copy_options::recursive);
    return s;
  }();
  return *site;
}

std::string Built(const std::string& rel) {
  static bool built = false;
  if (!built) {
    auto result = RepositorySite().Build();
    INFO(result.errors);
    REQUIRE(result.errors.empty());
    built = true;
  }
  return RepositorySite().Read(rel);
}

// How many times `needle` is in `hay`.
size_t Count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

// The element of `html` that starts with `opening` ("<nav id=\"wb-bc\""), to its closing tag.
std::string Element(const std::string& html, const std::string& opening, const std::string& closing) {
  size_t start = html.find(opening);
  if (start == std::string::npos) return "";
  size_t end = html.find(closing, start);
  return html.substr(start, end == std::string::npos ? std::string::npos : end + closing.size() - start);
}

// The official file's markup, as the theme's static/gcds/ holds it (extract.mjs --check compares
// those with the pinned GC Design System package).
std::string Official(const std::string& file) {
  return ReadBytes(kRepo / "themes" / "gc" / "static" / "gcds" / "identity" / file);
}

// Puts identity = "gc" (and `extra` lines) at the top of the fixture's site.toml; returns the file
// as it was.
std::string TurnOnGc(FixtureSite& site, const std::string& extra = "") {
  std::string toml = ReadBytes(site.source() / "site.toml");
  site.WriteFile("site.toml", "identity = \"gc\"\n" + extra + toml);
  return toml;
}

struct Lang {
  std::string code, iso3, og, canada, search, search_label, date_modified, gov, wordmark_alt, other,
      other_gov, sig, wordmark;
  std::vector<std::pair<std::string, std::string>> subfooter;  // label, URL
};

const Lang kEn{"en",
               "eng",
               "en_CA",
               "https://www.canada.ca/en.html",
               // GC Search's, though the site has its own search ([search] in site.toml) on its page
               "https://www.canada.ca/en/sr/srb.html",
               "Search Canada.ca",
               "Date modified:",
               "Government of Canada",
               "Symbol of the Government of Canada",
               "fr",
               "Gouvernement du Canada",
               "sig-blk-en.svg",
               "wmms-spl-en.svg",
               {{"Social media", "https://www.canada.ca/en/social.html"},
                {"Mobile applications", "https://www.canada.ca/en/mobile.html"},
                {"About Canada.ca", "https://www.canada.ca/en/government/about.html"},
                {"Terms and conditions", "https://www.canada.ca/en/transparency/terms.html"},
                {"Privacy", "https://www.canada.ca/en/transparency/privacy.html"}}};
const Lang kFr{"fr",
               "fra",
               "fr_CA",
               "https://www.canada.ca/fr.html",
               "https://www.canada.ca/fr/sr/srb.html",
               "Rechercher dans Canada.ca",
               "Date de modification" + kNbsp + ":",
               "Gouvernement du Canada",
               "Symbole du gouvernement du Canada",
               "en",
               "Government of Canada",
               "sig-blk-fr.svg",
               "wmms-spl-fr.svg",
               {{"Médias sociaux", "https://www.canada.ca/fr/sociaux.html"},
                {"Applications mobiles", "https://www.canada.ca/fr/mobile.html"},
                {"À propos de Canada.ca", "https://www.canada.ca/fr/gouvernement/a-propos.html"},
                {"Avis", "https://www.canada.ca/fr/transparence/avis.html"},
                {"Confidentialité", "https://www.canada.ca/fr/transparence/confidentialite.html"}}};

// Everything every content page of a GC site carries, whatever its type.
void CheckContentPage(const std::string& html, const Lang& l, const std::string& root = "/") {
  INFO(html.substr(0, 4000));
  CHECK(html.find("<html lang=\"" + l.code + "\">") != std::string::npos);
  // <title>: "Page title - Canada.ca", once.
  CHECK(std::regex_search(html, std::regex("<title>[^<]+ - Canada\\.ca</title>")));
  // The mandatory metadata, with its qualifiers.
  for (const char* name : {"description", "keywords", "dcterms.title", "dcterms.creator"})
    CHECK(html.find("<meta name=\"" + std::string(name) + "\" content=\"") != std::string::npos);
  CHECK(html.find("<meta name=\"dcterms.language\" title=\"ISO639-2/T\" content=\"" + l.iso3 + "\">") !=
        std::string::npos);
  CHECK(std::regex_search(
      html,
      std::regex("<meta name=\"dcterms.modified\" title=\"W3CDTF\" content=\"\\d{4}-\\d\\d-\\d\\d\">")));
  CHECK(html.find("<meta name=\"dcterms.subject\" title=\"gccore\" content=\"") != std::string::npos);
  CHECK(html.find("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://tandem.example.ca/\">") !=
        std::string::npos);
  CHECK(html.find("<meta property=\"og:locale\" content=\"" + l.og + "\">") != std::string::npos);
  CHECK(html.find("<meta property=\"og:title\" content=\"") != std::string::npos);
  CHECK(html.find("<meta property=\"og:url\" content=\"https://tandem.example.ca/" + l.code + "/") !=
        std::string::npos);
  CHECK(html.find("<link rel=\"icon\" type=\"image/svg+xml\" href=\"" + root + "gcds/favicon.svg\">") !=
        std::string::npos);
  // Skip links first in the body, with GCWeb's ids.
  std::string body = html.substr(html.find("<body"));
  CHECK(body.find("<ul id=\"wb-tphp\">") < body.find("<header"));
  CHECK(body.find("href=\"#wb-cont\"") != std::string::npos);
  CHECK(body.find("href=\"#wb-info\"") != std::string::npos);
  // Header: the toggle, the official signature linked to Canada.ca, the search box.
  std::string header = Element(body, "<header", "</header>");
  CHECK(header.find("<section id=\"wb-lng\">") != std::string::npos);
  CHECK(header.find("lang=\"" + l.other + "\" hreflang=\"" + l.other + "\" translate=\"no\"") !=
        std::string::npos);
  // The signature is the official SVG, inlined byte for byte (the theme's CSS makes its flag red),
  // named by its own <title> in the page's language, then the other language's name, hidden.
  CHECK(header.find("<a href=\"" + l.canada + "\" property=\"url\" class=\"gc-sig\">" + Official(l.sig) +
                    "<span class=\"wb-inv\" lang=\"" + l.other + "\"> / " + l.other_gov + "</span></a>") !=
        std::string::npos);
  CHECK(Official(l.sig).find(">" + l.gov + "</title>") != std::string::npos);
  // GCWeb's RDFa of the publisher, which the <img property="logo"> carried before the SVG was
  // inlined: its name, the country it serves, and its logo, the wordmark's official file.
  std::string brand = Element(
      header, "<div class=\"brand\" property=\"publisher\" typeof=\"GovernmentOrganization\">", "</div>");
  CHECK(brand.find("<meta property=\"name\" content=\"" + l.gov +
                   "\">\n<meta property=\"areaServed\" "
                   "typeof=\"Country\" content=\"Canada\">\n<link property=\"logo\" href=\"" +
                   root + "gcds/identity/" + l.wordmark + "\">") != std::string::npos);
  CHECK(html.find("<link rel=\"stylesheet\" href=\"" + root + "gcds/tokens/components/signature.css\">") !=
        std::string::npos);
  std::string search = Element(header, "<section id=\"wb-srch\"", "</section>");
  CHECK(search.find("<form action=\"" + l.search + "\" method=\"get\"") != std::string::npos);
  CHECK(search.find("name=\"q\" type=\"search\"") != std::string::npos);
  CHECK(search.find("<label for=\"wb-srch-q\" class=\"wb-inv\">" + l.search_label + "</label>") !=
        std::string::npos);
  CHECK(search.find("placeholder=\"" + l.search_label + "\"") != std::string::npos);
  CHECK(search.find("/search/") == std::string::npos);
  // Breadcrumbs start at Canada.ca, then the institution, on every page (home pages too).
  std::string crumbs = Element(header, "<nav id=\"wb-bc\"", "</nav>");
  CHECK(crumbs.find("<ol class=\"breadcrumb\">\n<li><a href=\"" + l.canada +
                    "\">Canada.ca</a></li>\n<li><a href=\"https://www.") != std::string::npos);
  // The one h1, the target of the first skip link.
  CHECK(Count(body, "<h1") == 1);
  CHECK(body.find("<h1 id=\"wb-cont\"") != std::string::npos);
  // Page details: the date modified, as GCWeb marks it up.
  std::string details = Element(body, "<section class=\"pagedetails\">", "</dl>");
  CHECK(std::regex_search(
      details, std::regex("<dl id=\"wb-dtmd\">\n<dt>" + l.date_modified +
                          "</dt>\n<dd><time property=\"dateModified\">\\d{4}-\\d\\d-\\d\\d</time></dd>")));
  // Footer: the contextual band, the main band, the sub-footer's five links, then the wordmark.
  std::string footer = Element(body, "<footer id=\"wb-info\"", "</footer>");
  CHECK(footer.find("class=\"gc-contextual\"") < footer.find("class=\"gc-main-footer\""));
  CHECK(footer.find("class=\"gc-main-footer\"") < footer.find("class=\"gc-sub-footer\""));
  size_t last = 0;
  for (const auto& [label, url] : l.subfooter) {
    size_t at = footer.find("<li><a href=\"" + url + "\">" + label + "</a></li>");
    CHECK(at != std::string::npos);
    CHECK(at > last);
    last = at;
  }
  size_t wordmark = footer.find("<div class=\"gc-wordmark\">" + Official(l.wordmark) + "</div>");
  CHECK(wordmark != std::string::npos);
  CHECK(wordmark > last);
  // No <img> of the artwork: an <img> of the fill-less file shows a black flag.
  CHECK(html.find("<img src=\"" + root + "gcds/identity/") == std::string::npos);
  // "Share this page" was removed from Canada.ca on 2025-10-24.
  CHECK(html.find("gc-share") == std::string::npos);
  CHECK(html.find("Share this page") == std::string::npos);
  CHECK(html.find("Partagez cette page") == std::string::npos);
  CHECK(html.find("facebook.com/sharer") == std::string::npos);
  // Only what tandem itself made is markup: no CSS-drawn flag, no font CDN.
  CHECK(html.find("gc-flag") == std::string::npos);
  CHECK(html.find("fonts.googleapis") == std::string::npos);
}

}  // namespace

TEST_CASE("Conformance: every content page type, in both languages, carries the Canada.ca elements",
          "[conformance]") {
  for (const auto& [l, pages] :
       {std::pair<Lang, std::vector<std::string>>{
            kEn,
            {"en/index.html", "en/public-safety-canada/index.html", "en/public-safety-canada/news/index.html",
             "en/public-safety-canada/news/human-trafficking-progress/index.html",
             "en/public-safety-canada/news/hotline/index.html"}},
        {kFr,
         {"fr/index.html", "fr/securite-publique-canada/index.html",
          "fr/securite-publique-canada/nouvelles/index.html",
          "fr/securite-publique-canada/nouvelles/progres-realisations-traite-personnes/index.html"}}}) {
    for (const std::string& page : pages) {
      SECTION(page) {
        CheckContentPage(Built(page), l);
      }
    }
  }
}

TEST_CASE("Conformance: the fact sheet is a backgrounder with its From: line and content type",
          "[conformance]") {
  std::string en = Built("en/public-safety-canada/news/human-trafficking-progress/index.html");
  CHECK(en.find("<p>From: Public Safety Canada</p>") != std::string::npos);
  CHECK(en.find("<p class=\"gc-content-type\">Backgrounder</p>") != std::string::npos);
  CHECK(en.find("<meta name=\"dcterms.issued\" title=\"W3CDTF\" content=\"2021-07-30\">") !=
        std::string::npos);
  CHECK(en.find("<title>Human trafficking: progress and achievements - Canada.ca</title>") !=
        std::string::npos);
  std::string fr =
      Built("fr/securite-publique-canada/nouvelles/progres-realisations-traite-personnes/index.html");
  CHECK(fr.find("<p>De" + kNbsp + ": Sécurité publique Canada</p>") != std::string::npos);
  CHECK(fr.find("<p class=\"gc-content-type\">Document d’information</p>") != std::string::npos);
  CHECK(fr.find("<meta name=\"dcterms.creator\" content=\"Sécurité publique Canada\">") != std::string::npos);
  // French typography: the title's colon holds, compact figures keep "millions" with their number.
  CHECK(fr.find("<h1 id=\"wb-cont\" property=\"name\" tabindex=\"-1\">Traite des personnes" + kNbsp +
                ": progrès et réalisations</h1>") != std::string::npos);
  CHECK(std::regex_search(fr, std::regex("\\d\xC2\xA0millions de dollars")));
  CHECK_FALSE(std::regex_search(fr, std::regex("\\d millions")));
  // Straight apostrophes stay straight unless site.toml turns curly_apostrophes on.
  CHECK(fr.find("<p>Document d'information</p>") != std::string::npos);
}

TEST_CASE("Conformance: the splash page follows the Canada.ca splash pattern", "[conformance]") {
  std::string html = Built("index.html");
  CHECK(html.find("<meta name=\"robots\" content=\"noindex, follow\">") != std::string::npos);
  for (const Lang& l : {kEn, kFr}) {
    std::string section =
        Element(html, "<section class=\"gc-splash-lang\" lang=\"" + l.code + "\">", "</section>");
    CHECK(section.find("<p class=\"gc-splash-sig\">" + Official(l.sig) + "</p>") != std::string::npos);
    CHECK(section.find("href=\"/" + l.code + "/\" lang=\"" + l.code + "\" hreflang=\"" + l.code +
                       "\" translate=\"no\"") != std::string::npos);
  }
  CHECK(html.find("Sécurité publique Canada" + kNbsp + ": lutte") != std::string::npos);
  CHECK(html.find("<p class=\"gc-wordmark\">" + Official("wmms-spl-en.svg") +
                  "<span class=\"wb-inv\" lang=\"fr\"> / Symbole du gouvernement du Canada</span></p>") !=
        std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("id=\"wb-bc\"") == std::string::npos);
  CHECK(html.find("id=\"wb-lng\"") == std::string::npos);
}

TEST_CASE("Conformance: the 404 page follows the Canada.ca 404 template in both languages", "[conformance]") {
  std::string html = Built("404.html");
  CHECK(html.find("<meta name=\"robots\" content=\"noindex, nofollow\">") != std::string::npos);
  CHECK(html.find("<span class=\"gc-sig\">" + Official("sig-blk-en.svg") +
                  "<span class=\"wb-inv\" lang=\"fr\"> / Gouvernement du Canada</span></span>") !=
        std::string::npos);
  std::string en = Element(html, "<section class=\"gc-404-col\" lang=\"en\">", "</section>");
  std::string fr = Element(html, "<section class=\"gc-404-col\" lang=\"fr\">", "</section>");
  CHECK(en.find("Go to the English version") != std::string::npos);
  CHECK(fr.find("Aller à la version française") != std::string::npos);
  CHECK(html.find("(Error 404)") != std::string::npos);
  CHECK(html.find("(Erreur 404)") != std::string::npos);
  size_t wordmark =
      html.find(Official("wmms-spl-en.svg") +
                "<span class=\"wb-inv\" lang=\"fr\"> / Symbole du gouvernement du Canada</span>");
  CHECK(wordmark != std::string::npos);
  CHECK(wordmark > html.find("</main>"));
  CHECK(html.find("<img") == std::string::npos);
}

TEST_CASE("Conformance: the identity files are byte for byte the theme's official ones", "[conformance]") {
  Built("index.html");
  fs::path official = kRepo / "themes" / "gc" / "static" / "gcds";
  for (const char* file :
       {"identity/sig-blk-en.svg", "identity/sig-blk-fr.svg", "identity/wmms-spl-en.svg",
        "identity/wmms-spl-fr.svg", "tokens/components/signature.css", "fonts/lato/gcds-lato.woff2",
        "fonts/noto-sans/gcds-noto-sans-regular.woff2", "fonts/lato/LICENSE.txt",
        "fonts/noto-sans/LICENSE.txt", "tokens/global.css", "PROVENANCE.md"}) {
    INFO(file);
    REQUIRE(fs::exists(official / file));
    CHECK(RepositorySite().Read(std::string("gcds/") + file) == ReadBytes(official / file));
  }
}

TEST_CASE("Conformance: a title too long and a structure that differs are warnings with codes",
          "[conformance]") {
  FixtureSite site("minimal");
  std::string toml = ReadBytes(site.source() / "site.toml");
  site.WriteFile("site.toml", "identity = \"gc\"\n" + toml + "\n[checks]\nmetadata-missing = \"off\"\n");
  site.WriteFile("content/en/a.md", "+++\ntitle = \"" + std::string(70, 'x') + "\"\n+++\n## One\n\n## Two\n");
  site.WriteFile("content/fr/a.md", "+++\ntitle = \"A\"\n+++\n## Un\n");
  auto result = site.Build();
  INFO(result.errors);
  REQUIRE(result.errors.empty());
  CHECK(result.warnings.find(
            "content/en/a.md:2:1: warning: the page's title \"" + std::string(70, 'x') +
            " - Canada.ca\" is 82 characters long; Canada.ca asks for 60 or fewer: shorten title "
            "(or set title_max_length in site.toml) [title-long]\n") != std::string::npos);
  CHECK(
      result.warnings.find("content/fr/a.md: warning: this version has 1 level-2 heading and content/en/a.md "
                           "has 2 level-2 headings; the two languages should give readers the same page "
                           "[structure-differs]\n") != std::string::npos);
  INFO(result.warnings);
  CHECK(result.warnings.find("[metadata-missing]") == std::string::npos);  // turned off by [checks]
}

TEST_CASE("Conformance: a site that is not the Government's gets a neutral header and footer",
          "[conformance]") {
  FixtureSite site("minimal");
  auto result = site.Build();
  REQUIRE(result.errors.empty());
  for (const std::string& page : {"en/index.html", "fr/index.html", "index.html", "404.html"}) {
    std::string html = site.Read(page);
    INFO(page);
    CHECK(html.find("sig-blk") == std::string::npos);
    CHECK(html.find("wmms-spl") == std::string::npos);
    CHECK(html.find("fip_flag") == std::string::npos);
    CHECK(html.find("canada.ca/en/sr/srb.html") == std::string::npos);
    CHECK(html.find("canada.ca/fr/sr/srb.html") == std::string::npos);
    CHECK(html.find(">Canada.ca</a>") == std::string::npos);
  }
  CHECK(site.Read("en/index.html").find("<p class=\"gc-site-brand\"><a href=\"/en/\">Minimal</a></p>") !=
        std::string::npos);
}

TEST_CASE("Conformance: a fixture site with the GC identity gets the whole Canada.ca chrome",
          "[conformance]") {
  FixtureSite site("minimal");
  TurnOnGc(site);
  auto result = site.Build();
  REQUIRE(result.errors.empty());
  std::string en = site.Read("en/index.html");
  CHECK(en.find("property=\"url\" class=\"gc-sig\">" + Official("sig-blk-en.svg") +
                "<span class=\"wb-inv\" lang=\"fr\"> / Gouvernement du Canada</span></a>") !=
        std::string::npos);
  // The home page's breadcrumb: Canada.ca alone (the site has no institution crumbs).
  CHECK(std::regex_search(
      en, std::regex("<ol class=\"breadcrumb\">\\s*<li><a href=\"https://www\\.canada\\.ca/en\\.html\">"
                     "Canada\\.ca</a></li>\\s*</ol>")));
  CHECK(en.find("<title>Home - Canada.ca</title>") != std::string::npos);
  // Its pages have no description, keywords or subject: each is named.
  CHECK(result.warnings.find("content/en/_index.md:2:1: warning: the page has no description") !=
        std::string::npos);
  CHECK(result.warnings.find(
            "content/fr/_index.md:2:1: warning: the page has no subject, which its Canada.ca "
            "metadata needs; add subject = \"...\" to its front matter [metadata-missing]\n") !=
        std::string::npos);
  std::string fr = site.Read("fr/index.html");
  CHECK(fr.find("<form action=\"https://www.canada.ca/fr/sr/srb.html\" method=\"get\"") != std::string::npos);
  CHECK(fr.find("<div class=\"gc-wordmark\">" + Official("wmms-spl-fr.svg") + "</div>") != std::string::npos);
  CHECK(fr.find("<span class=\"wb-inv\" lang=\"en\"> / Government of Canada</span></a>") !=
        std::string::npos);
}

TEST_CASE("Conformance: share = true is a warning at its line, and no page has a share list",
          "[conformance]") {
  FixtureSite site("minimal");
  std::string toml = TurnOnGc(site, "share = true\n");
  auto result = site.Build();
  INFO(result.errors);
  REQUIRE(result.errors.empty());
  CHECK(
      result.warnings.find("site.toml:2:1: warning: \"share\" turns on the \"Share this page\" list, which "
                           "Canada.ca removed on 2025-10-24: the gc theme no longer shows it; remove share = "
                           "true\n") != std::string::npos);
  for (const std::string& page : {"en/index.html", "fr/index.html"}) {
    INFO(page);
    CHECK(site.Read(page).find("gc-share") == std::string::npos);
  }
  // Turned off, or not given: no warning.
  site.WriteFile("site.toml", "identity = \"gc\"\nshare = false\n" + toml);
  CHECK(site.Build().warnings.find("\"share\"") == std::string::npos);
}

TEST_CASE("Conformance: the artwork the UI strings name must be an official file of the theme",
          "[conformance]") {
  FixtureSite site("minimal");
  std::string toml = TurnOnGc(site);
  site.WriteFile("i18n/en.toml", "signature_src = \"../../../../etc/passwd\"\n");
  site.WriteFile("i18n/fr.toml", "wordmark_src = \"nowhere.svg\"\n");
  auto result = site.Build();
  CHECK(result.errors.find(
            "i18n/en.toml: error: the UI string signature_src \"../../../../etc/passwd\" must name "
            "an official file of the theme's static/gcds/identity/, like \"sig-blk-en.svg\"") !=
        std::string::npos);
  CHECK(result.errors.find("/static/gcds/identity/nowhere.svg: error: cannot read the official file the UI "
                           "string wordmark_src names") != std::string::npos);
  // Without the GC identity, nothing is inlined and nothing is read.
  site.WriteFile("site.toml", toml);
  CHECK(site.Build().errors.empty());
}

TEST_CASE(
    "Conformance: the header's search box is GC Search's: Canada.ca's, or the institution's site.toml names",
    "[conformance]") {
  // The repository's site has its own search: it stays on its page, out of the header.
  CHECK(Built("en/search/index.html").find("data-index=\"/en/search/\"") != std::string::npos);
  FixtureSite site("search");
  std::string toml = ReadBytes(site.source() / "site.toml");
  site.WriteFile("site.toml", "identity = \"gc\"\n" +
                                  std::regex_replace(toml, std::regex("creator = \"Ministère exemple\"\n"),
                                                     "creator = \"Ministère exemple\"\nsearch_action = "
                                                     "\"https://recherche.exemple.gc.ca/\"\n"));
  auto result = site.Build();
  INFO(result.errors);
  REQUIRE(result.errors.empty());
  std::string en = Element(site.Read("en/index.html"), "<section id=\"wb-srch\"", "</section>");
  CHECK(en.find("<form action=\"https://www.canada.ca/en/sr/srb.html\" method=\"get\"") != std::string::npos);
  CHECK(en.find("placeholder=\"Search Canada.ca\"") != std::string::npos);
  std::string fr = Element(site.Read("fr/index.html"), "<section id=\"wb-srch\"", "</section>");
  CHECK(fr.find("<form action=\"https://recherche.exemple.gc.ca/\" method=\"get\"") != std::string::npos);
  CHECK(fr.find("<label for=\"wb-srch-q\" class=\"wb-inv\">Rechercher dans Ministère exemple</label>") !=
        std::string::npos);
  CHECK(fr.find("placeholder=\"Rechercher dans Ministère exemple\"") != std::string::npos);
  // The site's own search is still there, on its page.
  CHECK(site.Exists("en/search/index.html"));
  CHECK(site.Exists("fr/search/index.html"));
}
