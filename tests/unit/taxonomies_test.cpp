// Taxonomies (site.toml's [taxonomies]): the taxonomies fixture built and read the way a reader
// would, and every mistake an author can make, word for word.
#include <catch2/catch.hpp>

#include "content/front_matter.hpp"
#include "fixture.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

bool InOrder(const std::string& text, const std::vector<std::string>& needles) {
  size_t at = 0;
  for (const std::string& n : needles) {
    at = text.find(n, at);
    if (at == std::string::npos) return false;
  }
  return true;
}

const FixtureSite& TaxonomySite() {
  static FixtureSite site("taxonomies");
  static bool built = false;
  if (!built) {
    auto result = site.Build();
    INFO(result.errors);
    REQUIRE(result.report.ok);
    built = true;
  }
  return site;
}

const char kSiteToml[] =
    "base_url = \"https://example.ca/\"\n\n"
    "[languages.en]\nlocale = \"en-CA\"\ntitle = \"T\"\ncreator = \"C\"\n\n"
    "[languages.fr]\nlocale = \"fr-CA\"\ntitle = \"T\"\ncreator = \"C\"\n";

// The taxonomies fixture with `taxonomies` as its site.toml's taxonomies: the build's errors.
std::string ConfigErrors(const std::string& taxonomies) {
  FixtureSite site("taxonomies");
  site.WriteFile("site.toml", std::string(kSiteToml) + "\n" + taxonomies);
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  return result.errors;
}

// Replaces `from` (which must be there) by `to` in the site's file `rel`.
void Rewrite(const FixtureSite& site, const std::string& rel, const std::string& from,
             const std::string& to) {
  std::string text = ReadBytes(site.source() / rel);
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  site.WriteFile(rel, text.replace(at, from.size(), to));
}

std::string FrontMatterErrors(const std::string& text) {
  Diagnostics diags;
  CHECK_FALSE(ParsePage("content/en/a.md", text, diags, {"tags"}));
  return diags.Render();
}

}  // namespace

TEST_CASE("a taxonomy has a list page and a page per term in each language, at its own segment",
          "[taxonomies]") {
  const FixtureSite& site = TaxonomySite();
  for (const char* file : {"en/tags/index.html", "en/tags/boating/index.html", "en/tags/kayaking/index.html",
                           "fr/mots-cles/index.html", "fr/mots-cles/navigation-de-plaisance/index.html",
                           "en/subjects/environment/index.html", "fr/sujets/environnement/index.html"}) {
    INFO(file);
    CHECK(site.Exists(file));
  }
  std::string fr = site.Read("fr/mots-cles/index.html");
  CHECK(Contains(fr, "<title>Mots-clés"));
  CHECK(Contains(fr, "<link rel=\"canonical\" href=\"https://example.ca/fr/mots-cles/\">"));
  CHECK(Contains(site.Read("en/subjects/index.html"),
                 "<h1 id=\"wb-cont\" property=\"name\" tabindex=\"-1\">Subjects</h1>"));
}

TEST_CASE("a taxonomy's terms sort by the language's collation, with their pages counted", "[taxonomies]") {
  std::string fr = TaxonomySite().Read("fr/mots-cles/index.html");
  // É sorts with E in French, not after Z as its bytes would.
  CHECK(InOrder(fr, {">Écologie</a>", ">Navigation de plaisance</a>", ">Pêche</a>", ">Sécurité</a>"}));
  CHECK(Contains(fr, ">Navigation de plaisance</a> <span class=\"gc-term-count\">(3 pages)</span>"));
  std::string en = TaxonomySite().Read("en/tags/index.html");
  CHECK(Contains(en, ">Kayaking</a> <span class=\"gc-term-count\">(1 page)</span>"));
}

TEST_CASE("a term's page lists its pages newest first, and paginates when site.toml asks", "[taxonomies]") {
  const FixtureSite& site = TaxonomySite();
  // "boating" on one page and "Boating" on others are one term, named as the term file names it.
  std::string boating = site.Read("en/tags/boating/index.html");
  CHECK(InOrder(boating, {"Paddling the canal", "Wetlands come back", "Wear a life jacket"}));
  CHECK(InOrder(boating, {"<ol class=\"breadcrumb\">", "/en/\">", "/en/tags/\">Tags</a>"}));
  CHECK(site.Exists("en/subjects/environment/page/2/index.html"));
  CHECK_FALSE(site.Exists("en/subjects/transport/page/2/index.html"));
}

TEST_CASE("a translated term toggles to its translation; an untranslated one to the taxonomy's page",
          "[taxonomies]") {
  const FixtureSite& site = TaxonomySite();
  CHECK(Contains(site.Read("en/tags/boating/index.html"), "href=\"/fr/mots-cles/navigation-de-plaisance/\""));
  CHECK(Contains(site.Read("fr/mots-cles/navigation-de-plaisance/index.html"), "href=\"/en/tags/boating/\""));
  std::string kayaking = site.Read("en/tags/kayaking/index.html");
  CHECK(Contains(kayaking,
                 "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.ca/en/tags/kayaking/\">"));
  CHECK_FALSE(Contains(kayaking, "hreflang=\"fr\" href=\"https://example.ca/fr/mots-cles/kayaking/\""));
  CHECK(Contains(kayaking, "href=\"/fr/mots-cles/\""));
  CHECK(Contains(
      site.Read("sitemap.xml"),
      "<loc>https://example.ca/en/tags/boating/</loc>\n    <lastmod>2024-07-01</lastmod>\n"
      "    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.ca/en/tags/boating/\"/>\n"
      "    <xhtml:link rel=\"alternate\" hreflang=\"fr\" "
      "href=\"https://example.ca/fr/mots-cles/navigation-de-plaisance/\"/>"));
}

TEST_CASE("terms with the same slug in two languages are translations, as Hugo pairs them by path",
          "[taxonomies]") {
  // "Canoe" and "Canoë" are not in the term file; both are /<segment>/canoe/.
  const FixtureSite& site = TaxonomySite();
  std::string en = site.Read("en/tags/canoe/index.html");
  CHECK(Contains(en,
                 "<link rel=\"alternate\" hreflang=\"fr\" href=\"https://example.ca/fr/mots-cles/canoe/\">"));
  CHECK(Contains(en, "<li><a href=\"/fr/mots-cles/canoe/\" lang=\"fr\" hreflang=\"fr\" translate=\"no\">"));
  std::string fr = site.Read("fr/mots-cles/canoe/index.html");
  CHECK(Contains(fr, "<title>Canoë"));
  CHECK(Contains(fr, "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.ca/en/tags/canoe/\">"));
  CHECK(Contains(fr, "<li><a href=\"/en/tags/canoe/\" lang=\"en\" hreflang=\"en\" translate=\"no\">"));
  CHECK(Contains(
      site.Read("sitemap.xml"),
      "<loc>https://example.ca/fr/mots-cles/canoe/</loc>\n    <lastmod>2024-07-01</lastmod>\n"
      "    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.ca/en/tags/canoe/\"/>\n"
      "    <xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"https://example.ca/fr/mots-cles/canoe/\"/>"));
}

TEST_CASE("a term the term file names in one language only is paired by its slug in the others",
          "[taxonomies]") {
  FixtureSite site("taxonomies");
  site.WriteFile(
      "data/taxonomies/subjects.toml",
      "[environment]\nen = \"Environment\"\nfr = \"Environnement\"\n\n[transport]\nen = \"Transport\"\n");
  Rewrite(site, "content/fr/news/life-jackets.md", "subjects = [\"Transports\"]",
          "subjects = [\"Transport\"]");
  Rewrite(site, "content/fr/news/paddling.md", "Transports]", "Transport]");
  auto result = site.Build();
  REQUIRE(result.report.ok);
  CHECK(Contains(site.Read("en/subjects/transport/index.html"),
                 "<li><a href=\"/fr/sujets/transport/\" lang=\"fr\" hreflang=\"fr\" translate=\"no\">"));
  CHECK(Contains(
      site.Read("fr/sujets/transport/index.html"),
      "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.ca/en/subjects/transport/\">"));
  CHECK(result.warnings.find("Transport") == std::string::npos);
}

TEST_CASE("the term file wins: a term it pairs with another is not paired by slug", "[taxonomies]") {
  FixtureSite site("taxonomies");
  // [boating] pairs "Boating" with "Navigation de plaisance"; a French page writes "Boating" too.
  Rewrite(site, "content/fr/news/wetlands.md", "tags = [", "tags = [\"Boating\", ");
  // [transport] names no French term, and the French "Transport" is [moving]'s.
  site.WriteFile("data/taxonomies/subjects.toml",
                 "[environment]\nen = \"Environment\"\nfr = \"Environnement\"\n\n[transport]\nen = "
                 "\"Transport\"\n\n[moving]\nen = \"Moving\"\nfr = \"Transport\"\n");
  Rewrite(site, "content/fr/news/life-jackets.md", "subjects = [\"Transports\"]",
          "subjects = [\"Transport\"]");
  auto result = site.Build();
  REQUIRE(result.report.ok);
  INFO(result.warnings);
  CHECK(Contains(site.Read("en/tags/boating/index.html"), "href=\"/fr/mots-cles/navigation-de-plaisance/\""));
  std::string fr_boating = site.Read("fr/mots-cles/boating/index.html");
  CHECK(Contains(fr_boating, "<li><a href=\"/en/tags/\" lang=\"en\" hreflang=\"en\" translate=\"no\">"));
  CHECK_FALSE(Contains(fr_boating, "hreflang=\"en\" href="));
  CHECK(Contains(
      result.warnings,
      "content/fr/news/wetlands.md:6:9: warning: the tag \"Boating\" is not in data/taxonomies/tags.toml, "
      "and the \"en\" tag with its slug, \"Boating\", is paired there with \"Navigation de plaisance\", "
      "so its page has no \"en\" translation: add [boating-fr] with fr = \"Boating\" and en = \"...\" there; "
      "its language toggle goes to the \"en\" page of tags [term-untranslated]\n"
      " 6 | tags = [\"Boating\", \"Écologie\", \"navigation de plaisance\"]\n"
      "   |         ^\n"));
  std::string transport = site.Read("en/subjects/transport/index.html");
  CHECK(Contains(transport, "<li><a href=\"/fr/sujets/\" lang=\"fr\" hreflang=\"fr\" translate=\"no\">"));
  CHECK_FALSE(Contains(transport, "hreflang=\"fr\" href="));
  CHECK(Contains(
      result.warnings,
      "content/en/news/life-jackets.md:6:13: warning: the subject \"Transport\" has no \"fr\" name in "
      "data/taxonomies/subjects.toml, and the \"fr\" subject with its slug, \"Transport\", is paired there "
      "with \"Moving\": add fr = \"...\" to [transport]; its language toggle goes to the \"fr\" page of "
      "subjects [term-untranslated]\n"));
}

TEST_CASE("with more than two languages, terms are paired with each language on its own", "[taxonomies]") {
  FixtureSite site("three-languages");
  std::string config = ReadBytes(site.source() / "site.toml");
  site.WriteFile("site.toml", config +
                                  "\n[taxonomies.tag]\nkey = \"tags\"\n"
                                  "title = { en = \"Tags\", fr = \"Mots-clés\", iu = \"[iu] Tags\" }\n");
  std::string term = ReadBytes(site.source() / "themes/gc-iu/templates/page.mustache");
  site.WriteFile("themes/gc-iu/templates/term.mustache", term);
  site.WriteFile("themes/gc-iu/templates/taxonomy.mustache", term);
  // Grants is "Subventions" in French by the term file, and "Grants" in Inuktitut by its slug.
  site.WriteFile("data/taxonomies/tags.toml", "[grants]\nen = \"Grants\"\nfr = \"Subventions\"\n");
  Rewrite(site, "content/en/funding.md", "weight = 1\n", "weight = 1\ntags = [\"Grants\", \"Nunavut\"]\n");
  Rewrite(site, "content/fr/funding.md", "weight = 1\n",
          "weight = 1\ntags = [\"Subventions\", \"Nunavut\"]\n");
  Rewrite(site, "content/iu/funding.md", "weight = 1\n", "weight = 1\ntags = [\"Grants\", \"Nunavut\"]\n");
  auto result = site.Build();
  INFO(result.errors);
  REQUIRE(result.report.ok);
  INFO(result.warnings);
  std::string toggle_fr =
      "<a href=\"/fr/tags/subventions/\" lang=\"fr\" hreflang=\"fr\" translate=\"no\">fr</a>";
  std::string toggle_iu = "<a href=\"/iu/tags/grants/\" lang=\"iu\" hreflang=\"iu\" translate=\"no\">iu</a>";
  std::string grants = site.Read("en/tags/grants/index.html");
  CHECK(Contains(grants, toggle_fr));
  CHECK(Contains(grants, toggle_iu));
  CHECK(Contains(site.Read("iu/tags/grants/index.html"),
                 "<a href=\"/en/tags/grants/\" lang=\"en\" hreflang=\"en\" translate=\"no\">en</a>"));
  CHECK(Contains(
      site.Read("iu/tags/grants/index.html"),
      "<a href=\"/fr/tags/\" lang=\"fr\" hreflang=\"fr\" translate=\"no\" class=\"lng-nearest\">fr</a>"));
  CHECK(Contains(site.Read("fr/tags/nunavut/index.html"),
                 "<a href=\"/iu/tags/nunavut/\" lang=\"iu\" hreflang=\"iu\" translate=\"no\">iu</a>"));
  CHECK(Contains(result.warnings,
                 "content/fr/funding.md:6:9: warning: the tag \"Subventions\" has no \"iu\" name in "
                 "data/taxonomies/tags.toml and no \"iu\" page has a tag with its slug \"subventions\": add "
                 "iu = \"...\" "
                 "to [grants]; its language toggle goes to the \"iu\" page of tags [term-untranslated]\n"));
  CHECK(Contains(
      result.warnings,
      "content/iu/funding.md:6:9: warning: the tag \"Grants\" is not in data/taxonomies/tags.toml and no "
      "\"fr\" page has a tag with its slug \"grants\", so its page has no \"fr\" translation: add "
      "[grants-iu] "
      "with iu = \"Grants\" and fr = \"...\" there; its language toggle goes to the \"fr\" page of tags "
      "[term-untranslated]\n"));
  CHECK_FALSE(Contains(result.warnings, "the tag \"Nunavut\""));
}

TEST_CASE("a page shows its terms, each linked to its term's page", "[taxonomies]") {
  std::string page = TaxonomySite().Read("fr/nouvelles/gilets-de-sauvetage/index.html");
  CHECK(InOrder(page, {"<dl class=\"gc-page-terms\">", "<dt>Mots-clés</dt>",
                       "<a href=\"/fr/mots-cles/navigation-de-plaisance/\">Navigation de plaisance</a>",
                       "<a href=\"/fr/mots-cles/securite/\">Sécurité</a>", "<dt>Sujets</dt>",
                       "<a href=\"/fr/sujets/transports/\">Transports</a>"}));
  CHECK_FALSE(Contains(TaxonomySite().Read("fr/a-propos/index.html"), "gc-page-terms"));
}

TEST_CASE("a term without a translation is a warning at the term, naming the term file", "[taxonomies]") {
  FixtureSite site("taxonomies");
  auto result = site.Build();
  CHECK(
      result.warnings ==
      "content/en/news/paddling.md:6:5: warning: the tag \"Kayaking\" is not in data/taxonomies/tags.toml "
      "and no \"fr\" page has a tag with its slug \"kayaking\", so its page has no \"fr\" translation: add "
      "[kayaking] with en = \"Kayaking\" and fr = \"...\" there; its language toggle goes to the \"fr\" page "
      "of tags [term-untranslated]\n"
      " 6 |   - Kayaking\n"
      "   |     ^\n");
}

TEST_CASE("a term named in the term file but on no page of the other language warns too", "[taxonomies]") {
  FixtureSite site("taxonomies");
  site.WriteFile(
      "data/taxonomies/subjects.toml",
      "[environment]\nen = \"Environment\"\nfr = \"Environnement\"\n\n[transport]\nen = \"Transport\"\n");
  auto result = site.Build();
  CHECK(Contains(
      result.warnings,
      "content/en/news/life-jackets.md:6:13: warning: the subject \"Transport\" has no \"fr\" name in "
      "data/taxonomies/subjects.toml and no \"fr\" page has a subject with its slug \"transport\": add fr = "
      "\"...\" to [transport]; its language toggle goes to the \"fr\" page of subjects [term-untranslated]"));
  CHECK(
      Contains(result.warnings,
               "content/fr/news/life-jackets.md:7:13: warning: the subject \"Transports\" is not in "
               "data/taxonomies/subjects.toml and no \"en\" page has a subject with its slug \"transports\", "
               "so its page has no \"en\" translation"));
}

TEST_CASE("a taxonomy's terms are a list of text in front matter", "[taxonomies]") {
  CHECK(
      FrontMatterErrors("+++\ntitle = \"A\"\ntags = \"boating\"\n+++\n") ==
      "content/en/a.md:3:1: error: \"tags\" must be a list of terms, like tags = [\"boating\", \"safety\"]\n"
      " 3 | tags = \"boating\"\n"
      "   | ^\n");
  CHECK(FrontMatterErrors("+++\ntitle = \"A\"\ntags = [\"boating\", 3]\n+++\n") ==
        "content/en/a.md:3:20: error: each of \"tags\" must be a term written as text, like \"boating\"\n"
        " 3 | tags = [\"boating\", 3]\n"
        "   |                    ^\n");
  CHECK(FrontMatterErrors("---\ntitle: A\ntags:\n  - \" \"\n---\n") ==
        "content/en/a.md:4:5: error: each of \"tags\" must be a term written as text, like \"boating\"; "
        "remove the "
        "empty one\n"
        " 4 |   - \" \"\n"
        "   |     ^\n");
  Diagnostics diags;
  auto page = ParsePage("content/en/a.md", "+++\ntitle = \"A\"\nTags = [\"Boating\", \"Safety\"]\n+++\n",
                        diags, {"tags"});
  REQUIRE(page);
  REQUIRE(page->meta.terms.size() == 1);
  CHECK(page->meta.terms[0].key == "tags");
  CHECK(page->meta.terms[0].terms == std::vector<std::string>{"Boating", "Safety"});
  CHECK(page->meta.params.fields.empty());
}

TEST_CASE("site.toml's [taxonomies] is checked, each mistake at its place", "[taxonomies]") {
  CHECK(Contains(
      ConfigErrors("[taxonomies]\ntag = 3\n"),
      "site.toml:14:7: error: taxonomy \"tag\" must name its front matter key, like tag = \"tags\", or be a "
      "table [taxonomies.tag] with key, segment and title\n"));
  CHECK(
      Contains(ConfigErrors("[taxonomies]\ntag = \"Tags\"\n"),
               "site.toml:14:7: error: taxonomy key \"Tags\" must be lowercase letters, digits, hyphens and "
               "underscores, starting with a letter, like \"tags\"\n"));
  CHECK(Contains(
      ConfigErrors("[taxonomies.tag]\nsegment = { fr = \"mots-cles\" }\n"),
      "site.toml:13:13: error: [taxonomies.tag] is missing \"key\", the front matter key of its terms, like "
      "key = \"tags\"\n"));
  CHECK(Contains(
      ConfigErrors("[taxonomies.tag]\nkey = \"tags\"\nsegment = { de = \"tags\", fr = \"mots clés\" }\n"),
      "site.toml:15:13: error: segment.de names no language of the site; site.toml defines \"en\", "
      "\"fr\"\n"));
  CHECK(Contains(
      ConfigErrors("[taxonomies.tag]\nkey = \"tags\"\nsegment = { de = \"tags\", fr = \"mots clés\" }\n"),
      "site.toml:15:31: error: segment.fr \"mots clés\" must be one URL segment of lowercase ASCII letters, "
      "digits and hyphens, like \"mots-cles\"\n"));
  CHECK(Contains(
      ConfigErrors("[taxonomies]\ntag = \"tags\"\nlabel = \"tags\"\n"),
      "site.toml:14:7: error: taxonomy key \"tags\" is also the key of [taxonomies.label]; each taxonomy "
      "needs its own\n"));
  CHECK(Contains(
      ConfigErrors("[taxonomies]\nsubject = \"subject\"\n"),
      "site.toml:14:1: error: taxonomy key \"subject\" is a front matter key tandem reads itself; give the "
      "taxonomy another key\n"));
  CHECK(Contains(
      ConfigErrors("[taxonomies]\nsubject = \"subjects\"\n"),
      "site.toml:14:1: error: the taxonomy \"subjects\" has no title in \"en\": add title.en = \"...\" to "
      "[taxonomies.subject] in site.toml, or taxonomy_subjects = \"...\" to i18n/en.toml\n"));
}

TEST_CASE("a term file names the site's languages, each term once", "[taxonomies]") {
  FixtureSite site("taxonomies");
  site.WriteFile("data/taxonomies/tags.toml",
                 "safety = \"Safety\"\n\n[boating]\nen = \"Boating\"\nde = \"Bootfahren\"\n\n[sailing]\n"
                 "en = \"boating\"\n");
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  CHECK(Contains(
      result.errors,
      "data/taxonomies/tags.toml:5:1: error: \"de\" is not a language of the site; site.toml defines "
      "\"en\", \"fr\"\n"));
  CHECK(Contains(
      result.errors,
      "data/taxonomies/tags.toml:8:6: error: sailing.en \"boating\" is also the \"en\" term of [boating]; "
      "each term needs a name of its own\n"));
  CHECK(Contains(
      result.errors,
      "data/taxonomies/tags.toml:1:1: error: \"safety\" must be a table naming the term in each language, "
      "like [boating] en = \"Boating\" fr = \"Navigation de plaisance\"\n"));
}

TEST_CASE("two spellings of a term that share a slug are an error, unless they differ only in case",
          "[taxonomies]") {
  FixtureSite site("taxonomies");
  site.WriteFile("content/fr/about.md",
                 "+++\ntitle = \"À propos\"\nslug = \"a-propos\"\nmodified = 2024-01-05\ntags = "
                 "[\"Pèche\"]\n+++\nTexte.\n");
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  CHECK(Contains(
      result.errors,
      "content/fr/news/fishing-season.md:6:9: error: the tag \"Pêche\" would share the page "
      "/fr/mots-cles/peche/ with \"Pèche\" (content/fr/about.md:5); write the term the same way on every "
      "page, or reword one\n"));
}

// Issue 24: a term longer than a file name can be failed when its page was written, at a staged
// path; it is an error at the term.
TEST_CASE("a term too long for a file name is an error at the term", "[taxonomies]") {
  FixtureSite site("taxonomies");
  std::string term(300, 'a');
  site.WriteFile("content/fr/about.md",
                 "+++\ntitle = \"À propos\"\nslug = \"a-propos\"\nmodified = 2024-01-05\ntags = [\"" + term +
                     "\"]\n+++\nTexte.\n");
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  CHECK(Contains(result.errors, "content/fr/about.md:5:9: error: the URL segment \"" + std::string(40, 'a') +
                                    "…\" is 300 bytes long, and a file system takes at most 255 in a name; "
                                    "shorten the tag\n"));
}

TEST_CASE("a taxonomy's page may not take the place of a page of content", "[taxonomies]") {
  FixtureSite site("taxonomies");
  site.WriteFile("content/en/tags/_index.md", "+++\ntitle = \"Tags\"\nmodified = 2024-01-05\n+++\n");
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  CHECK(Contains(
      result.errors,
      "site.toml:5:13: error: the \"en\" page of the taxonomy \"tags\" would be written to "
      "en/tags/index.html, which content/en/tags/_index.md has; give the taxonomy another segment, like "
      "segment.en = \"...\" in [taxonomies.tag]\n"));
}

TEST_CASE("taxonomy pages are carried over by the cache, and made again when the term file changes",
          "[taxonomies]") {
  FixtureSite site("taxonomies");
  REQUIRE(site.Build().report.ok);
  // A page's text changes its own page and its section's list (the summary), no taxonomy page.
  site.WriteFile("content/en/about.md", "+++\ntitle = \"About\"\nmodified = 2024-01-05\n+++\nOther text.\n");
  auto again = site.Build();
  REQUIRE(again.report.ok);
  CHECK(again.report.pages_rendered == 2);
  site.WriteFile(
      "data/taxonomies/subjects.toml",
      "[environment]\nen = \"Environment\"\nfr = \"Environnement\"\n\n[transport]\nen = \"Transport\"\n");
  REQUIRE(site.Build().report.ok);
  std::string transport = site.Read("en/subjects/transport/index.html");
  CHECK(Contains(transport, "href=\"/fr/sujets/\""));
  CHECK_FALSE(Contains(transport, "href=\"/fr/sujets/transports/\""));
}

TEST_CASE("term URLs follow the site's slug rule: with ascii_urls = false a term keeps its accents",
          "[taxonomies]") {
  FixtureSite site("taxonomies");
  Rewrite(site, "site.toml", "theme = \"gc\"\n", "theme = \"gc\"\nascii_urls = false\nslugs = \"hugo\"\n");
  auto result = site.Build();
  INFO(result.errors);
  REQUIRE(result.report.ok);
  // The file keeps its letters; links, the toggle and the sitemap write them percent-encoded.
  CHECK(site.Exists("fr/mots-cles/écologie/index.html"));
  CHECK(site.Read("fr/mots-cles/index.html").find("href=\"/fr/mots-cles/%C3%A9cologie/\"") !=
        std::string::npos);
  CHECK(site.Read("sitemap.xml").find("https://example.ca/fr/mots-cles/%C3%A9cologie/") != std::string::npos);
  // Canoe and Canoë no longer share a slug, so they are not paired (Hugo would not pair them either).
  CHECK(site.Exists("fr/mots-cles/canoë/index.html"));
  CHECK(site.Exists("en/tags/canoe/index.html"));
}
