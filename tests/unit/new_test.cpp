// tandem new: a draft in every language, from archetypes, never over an existing file.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "scaffold/archetype.hpp"
#include "scaffold/new_page.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

// A site with a news section in English only: the French folder is made.
FixtureSite NewsSite() {
  FixtureSite site("minimal");
  site.WriteFile("content/en/news/_index.md", "+++\ntitle = \"News\"\n+++\n");
  return site;
}

struct NewRun {
  std::vector<std::string> created;
  std::string errors;
};

NewRun New(const FixtureSite& site, const std::string& path) {
  Diagnostics diags;
  NewRun run;
  run.created = CreateNewPages({site.source().string(), path, "2026-11-30"}, diags);
  run.errors = diags.Render();
  return run;
}

std::string Problem(const std::string& typed) {
  std::string problem;
  CHECK_FALSE(ParseNewPagePath(typed, {"en", "fr"}, problem));
  return problem;
}

}  // namespace

TEST_CASE("tandem new writes a draft in each language, paired by path and translation_key", "[new]") {
  FixtureSite site = NewsSite();
  NewRun run = New(site, "news/road-safety");
  CHECK(run.errors == "");
  CHECK(run.created ==
        std::vector<std::string>{"content/en/news/road-safety.md", "content/fr/news/road-safety.md"});
  CHECK(ReadBytes(site.source() / "content/en/news/road-safety.md") ==
        "+++\n"
        "title = \"Road safety\"  # write the page's title\n"
        "# description = \"\"  # up to 130 characters, shown by search engines\n"
        "date = 2026-11-30  # first published\n"
        "translation_key = \"news/road-safety\"  # pairs this page with its translations: the same in every "
        "language\n"
        "draft = true  # remove this line to publish the page\n"
        "+++\n"
        "\n"
        "Write the page here, in Markdown.\n");
  CHECK(ReadBytes(site.source() / "content/fr/news/road-safety.md") ==
        "+++\n"
        "title = \"Road safety\"  # écrivez le titre de la page en français\n"
        "# description = \"\"  # 130 caractères au plus, affichés par les moteurs de recherche\n"
        "slug = \"road-safety\"  # choisissez l'adresse de la page en français : minuscules, chiffres et "
        "traits "
        "d'union (p. ex. \"securite-routiere\")\n"
        "date = 2026-11-30  # date de publication\n"
        "translation_key = \"news/road-safety\"  # relie cette page à ses traductions : la même clé dans "
        "chaque "
        "langue\n"
        "draft = true  # retirez cette ligne pour publier la page\n"
        "+++\n"
        "\n"
        "Rédigez la page ici, en Markdown.\n");
}

TEST_CASE("the pages tandem new writes build with --drafts and are left out without", "[new]") {
  FixtureSite site = NewsSite();
  REQUIRE(New(site, "news/road-safety").errors == "");
  BuildOptions drafts;
  drafts.drafts = true;
  FixtureSite::Result with = site.Build(drafts);
  CHECK(with.errors == "");
  CHECK(with.warnings.find("road-safety") == std::string::npos);  // paired: no missing translation
  CHECK(site.Exists("en/news/road-safety/index.html"));
  CHECK(site.Exists("fr/news/road-safety/index.html"));
  CHECK(site.Read("en/news/road-safety/index.html").find("Road safety") != std::string::npos);

  FixtureSite::Result without = site.Build();
  CHECK(without.errors == "");
  CHECK_FALSE(site.Exists("en/news/road-safety/index.html"));
  CHECK_FALSE(site.Exists("fr/news/road-safety/index.html"));
}

TEST_CASE("tandem new never overwrites a file, and then writes none", "[new]") {
  FixtureSite site = NewsSite();
  site.WriteFile("content/fr/news/road-safety.md", "mine");
  NewRun run = New(site, "news/road-safety");
  CHECK(run.created.empty());
  CHECK(
      run.errors ==
      "content/fr/news/road-safety.md: error: the file already exists, and tandem new never overwrites one: "
      "choose another name, or edit this file\n");
  CHECK_FALSE(fs::exists(site.source() / "content/en/news/road-safety.md"));
  CHECK(ReadBytes(site.source() / "content/fr/news/road-safety.md") == "mine");
}

TEST_CASE("tandem new refuses a path that is not folders and a slug below content/<lang>/", "[new]") {
  const std::string fix = "; write it as folders and a name below content/<lang>/, like news/road-safety";
  CHECK(Problem("../x") == "cannot make a page at \"../x\": \"..\" would leave content/<lang>/" + fix);
  CHECK(Problem("news/../../x") ==
        "cannot make a page at \"news/../../x\": \"..\" would leave content/<lang>/" + fix);
  CHECK(Problem("/etc/x") == "cannot make a page at \"/etc/x\": it is an absolute path" + fix);
  CHECK(Problem("news\\x") == "cannot make a page at \"news\\x\": it has a backslash" + fix);
  CHECK(Problem("") == "cannot make a page at \"\": the path is empty" + fix);
  CHECK(Problem("news//x") ==
        "cannot make a page at \"news//x\": it has an empty folder name (two slashes, or one at the end)" +
            fix);
  CHECK(Problem("news/") ==
        "cannot make a page at \"news/\": it has an empty folder name (two slashes, or one at the end)" +
            fix);
  CHECK(Problem("news/Road Safety") ==
        "cannot make a page at \"news/Road Safety\": the name \"Road Safety\" is not a URL segment: use "
        "lowercase "
        "ASCII letters, digits and hyphens, like \"road-safety\"" +
            fix);
  CHECK(Problem("Nouvelles/x") ==
        "cannot make a page at \"Nouvelles/x\": the folder \"Nouvelles\" is not a URL segment: use lowercase "
        "ASCII "
        "letters, digits and hyphens, like \"road-safety\"" +
            fix);
  CHECK(Problem("_index") ==
        "cannot make a page at \"_index\": content/<lang>/_index.md is the home page, which every site has" +
            fix);
}

TEST_CASE("tandem new takes the path as a shell completes it", "[new]") {
  for (const char* typed : {"news/x", "news/x.md", "./news/x", "content/en/news/x.md", "content/fr/news/x"}) {
    std::string problem;
    auto path = ParseNewPagePath(typed, {"en", "fr"}, problem);
    INFO(typed);
    REQUIRE(path);
    CHECK(path->SectionPath() == "news");
    CHECK(path->name == "x");
    CHECK(path->Key() == "news/x");
  }
}

TEST_CASE("tandem new names the nearest section when the one typed exists in no language", "[new]") {
  FixtureSite site = NewsSite();
  NewRun run = New(site, "nwes/x");
  CHECK(run.created.empty());
  CHECK(run.errors ==
        "error: no section nwes/ in content/en/ or any other language (did you mean \"news\"?); check the "
        "spelling, "
        "or create the folder first\n");
}

TEST_CASE("a site's archetypes win over its theme's, its section's over its default", "[new]") {
  FixtureSite site = NewsSite();
  site.WriteFile("archetypes/en/news.md",
                 "+++\ntitle = \"{title}\"\ndate = {date}\n+++\n{key} {slug} {section} "
                 "{lang} {unknown} {{funding:total}}\n");
  site.WriteFile("archetypes/fr/default.md", "+++\ntitle = \"{title}\"\n+++\n{lang}\n");
  REQUIRE(New(site, "news/road-safety").errors == "");
  CHECK(
      ReadBytes(site.source() / "content/en/news/road-safety.md") ==
      "+++\ntitle = \"Road safety\"\ndate = 2026-11-30\n+++\nnews/road-safety road-safety news en {unknown} "
      "{{funding:total}}\n");
  CHECK(ReadBytes(site.source() / "content/fr/news/road-safety.md") ==
        "+++\ntitle = \"Road safety\"\n+++\nfr\n");
}

TEST_CASE("tandem new makes a section's own pages from the _index archetype", "[new]") {
  FixtureSite site = NewsSite();
  site.WriteFile("archetypes/en/_index.md", "section {title} {key} {slug}\n");
  site.WriteFile("content/en/about/.keep", "");
  REQUIRE(New(site, "about/_index").errors == "");
  CHECK(ReadBytes(site.source() / "content/en/about/_index.md") == "section About about about\n");
  CHECK(ReadBytes(site.source() / "content/fr/about/_index.md").find("slug = \"about\"") !=
        std::string::npos);
}

TEST_CASE("tandem new writes one page per language, plain when the theme has no archetypes", "[new]") {
  FixtureSite site("three-languages");
  Diagnostics diags;
  auto created = CreateNewPages({site.source().string(), "contact", "2026-11-30"}, diags);
  CHECK(diags.Render() == "");
  CHECK(created ==
        std::vector<std::string>{"content/en/contact.md", "content/fr/contact.md", "content/iu/contact.md"});
  CHECK(ReadBytes(site.source() / "content/iu/contact.md") ==
        "+++\ntitle = \"Contact\"\ntranslation_key = \"contact\"\ndate = 2026-11-30\ndraft = true\n+++\n");
}

TEST_CASE("tandem new dates pages SOURCE_DATE_EPOCH's day when it is set", "[new][cli]") {
  FixtureSite site = NewsSite();
  ProgramRun run =
      RunTandem("new news/road-safety --source " + site.source().string(), "SOURCE_DATE_EPOCH=1700000000 ");
  CHECK(run.status == 0);
  CHECK(run.output.rfind("created content/en/news/road-safety.md\ncreated content/fr/news/road-safety.md\n",
                         0) == 0);
  CHECK(ReadBytes(site.source() / "content/en/news/road-safety.md").find("date = 2023-11-14  #") !=
        std::string::npos);
}

TEST_CASE("tandem new exits 1 and writes nothing when a file exists", "[new][cli]") {
  FixtureSite site = NewsSite();
  site.WriteFile("content/en/news/road-safety.md", "mine");
  ProgramRun run = RunTandem("new news/road-safety --source " + site.source().string());
  CHECK(run.status == 1);
  CHECK(
      run.output ==
      "content/en/news/road-safety.md: error: the file already exists, and tandem new never overwrites one: "
      "choose another name, or edit this file\n");
  CHECK_FALSE(fs::exists(site.source() / "content/fr/news/road-safety.md"));
}

TEST_CASE("today is SOURCE_DATE_EPOCH's UTC day", "[new]") {
  setenv("SOURCE_DATE_EPOCH", "86399", 1);
  CHECK(TodayForNewPages() == "1970-01-01");
  setenv("SOURCE_DATE_EPOCH", "86400", 1);
  CHECK(TodayForNewPages() == "1970-01-02");
  unsetenv("SOURCE_DATE_EPOCH");
  CHECK(TodayForNewPages().size() == 10);
}

TEST_CASE("with ascii_urls = false, tandem new takes names with accents, lowercase", "[new]") {
  std::string problem;
  auto path = ParseNewPagePath("nouvelles/sécurité-routière", {"en", "fr"}, problem, false);
  REQUIRE(path);
  CHECK(path->name == "sécurité-routière");
  CHECK_FALSE(ParseNewPagePath("nouvelles/Sécurité", {"en", "fr"}, problem, false));
  CHECK(problem.find("the name \"Sécurité\" is not a URL segment: use lowercase letters, digits and hyphens, "
                     "like \"sécurité-routière\"") != std::string::npos);
  CHECK_FALSE(ParseNewPagePath("nouvelles/sécurité", {"en", "fr"}, problem));  // ASCII by default
}

// Issue 24: tandem new writes beneath the site through no link: a section folder that is a link
// to another folder is refused, and nothing is written where it points.
TEST_CASE("tandem new writes through no folder link", "[new][sandbox]") {
  FixtureSite site = NewsSite();
  ScratchDir elsewhere;
  fs::create_directories(site.source() / "content/fr");
  fs::create_directory_symlink(elsewhere.path(), site.source() / "content/fr/news");
  NewRun run = New(site, "news/road-safety");
  CHECK(run.errors ==
        "content/fr/news/road-safety.md: error: cannot write: a folder on the way is a symbolic "
        "link or a file; tandem writes only inside the site: replace it with a real folder\n");
  CHECK(run.created.empty());
  CHECK(SnapshotDir(elsewhere.path()).empty());
  CHECK_FALSE(fs::exists(site.source() / "content/en/news/road-safety.md"));
}

// Issue 24: an archetype is read as the site's other files are, through no link out of the site.
TEST_CASE("tandem new reads no archetype through a link out of the site", "[new][sandbox]") {
  FixtureSite site = NewsSite();
  fs::create_directories(site.source() / "archetypes/en");
  fs::create_symlink("/etc/hostname", site.source() / "archetypes/en/default.md");
  NewRun run = New(site, "road-safety");
  CHECK(run.errors ==
        "archetypes/en/default.md: error: symbolic link to /etc/hostname points outside the "
        "site; tandem does not follow it. Copy the file in instead\n");
  CHECK(run.created.empty());
  CHECK_FALSE(fs::exists(site.source() / "content/en/road-safety.md"));
}
