// tandem import hugo: the site.toml written for a Hugo configuration, the notes about what it
// could not carry over, its errors, and a Hugo-shaped site built as it is.
#include "migrate/hugo_import.hpp"

#include <catch2/catch.hpp>
#include <fstream>

#include "config/site_config.hpp"
#include "fixture.hpp"
#include "scaffold/new_page.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

struct Imported {
  std::string toml;    // the site.toml, "" after an error
  std::string errors;  // formatted
  std::string notes;   // formatted
};

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

Imported Import(const FixtureSite& site) {
  Diagnostics diags;
  Imported run;
  run.toml = SiteTomlFromHugo(site.source().string(), diags).value_or("");
  for (const Diagnostic& d : diags.Sorted())
    (d.severity == Severity::kNote ? run.notes : run.errors) += FormatDiagnostic(d) + "\n";
  return run;
}

const char kHugoToml[] = R"(baseURL = "https://www.example.gc.ca/"
title = "Harbour safety"
timeZone = "America/Halifax"
enableGitInfo = true

[params]
author = "Fisheries Canada"
[params.social]
twitter = "@harbour"

[permalinks]
news = "/:year/:month/:slug/"
blog = "/:sections/:slug/"

[markup.goldmark.renderer]
unsafe = true
hardWraps = true

[taxonomies]
tag = "tags"

[languages.en]
title = "Harbour safety"
weight = 1
contentDir = "content/en"
baseURL = "https://harbour.example.ca"
[languages.en.params]
tagline = "Safe harbours"
[[languages.en.menu.main]]
name = "About"
pageRef = "/about"
weight = 10
[[languages.en.menu.main]]
name = "Canada.ca"
url = "https://www.canada.ca/en.html"
weight = 20
identifier = "canada"

[languages.fr]
title = "Sécurité portuaire"
languageName = "Français"
weight = 2
contentDir = "content/fr"
baseURL = "https://portuaire.example.ca/"
[[languages.fr.menu.main]]
name = "À propos"
pageRef = "/about"
weight = 10
[[languages.fr.menu.main]]
name = "Nouvelles"
url = "/fr/news/"
weight = 20
)";

FixtureSite HugoSite(const std::string& config_name, const std::string& config) {
  FixtureSite site;
  site.WriteFile(config_name, config);
  site.WriteFile("content/en/about.md", "+++\ntitle = \"About\"\n+++\n");
  site.WriteFile("content/fr/about.md", "+++\ntitle = \"À propos\"\n+++\n");
  site.WriteFile("content/fr/news/_index.md", "+++\ntitle = \"Nouvelles\"\n+++\n");
  return site;
}

}  // namespace

TEST_CASE("import hugo maps languages, hosts, params, menus, permalinks and raw HTML", "[hugo]") {
  Imported run = Import(HugoSite("hugo.toml", kHugoToml));
  CHECK(run.errors == "");
  CHECK(run.toml == R"(# site.toml for tandem, written by `tandem import hugo` from the Hugo configuration.
# Hugo settings with no equivalent are listed at the end.

base_url = "https://www.example.gc.ca/"
theme = "gc"  # tandem's Canada.ca theme
slugs = "hugo"  # file names and titles become URLs as Hugo made them
allow_raw_html = true  # markup.goldmark.renderer.unsafe
timezone = "America/Halifax"

[params]
author = "Fisheries Canada"

[params.social]
twitter = "@harbour"

[permalinks]
news = "/:year/:month/:slug/"

[taxonomies]
tag = "tags"

[languages.en]
locale = "en-CA"
title = "Harbour safety"
creator = "Fisheries Canada"
weight = 1
base_url = "https://harbour.example.ca/"

[languages.en.params]
tagline = "Safe harbours"

[[languages.en.menu.main]]
title = "About"
page = "about.md"
weight = 10

[[languages.en.menu.main]]
title = "Canada.ca"
url = "https://www.canada.ca/en.html"
weight = 20

[languages.fr]
locale = "fr-CA"
title = "Sécurité portuaire"
creator = "Fisheries Canada"
weight = 2
base_url = "https://portuaire.example.ca/"

[[languages.fr.menu.main]]
title = "À propos"
page = "about.md"
weight = 10

[[languages.fr.menu.main]]
title = "Nouvelles"
page = "news/_index.md"
weight = 20

# Not carried over (tandem import printed these as notes):
#   hugo.toml:13:1: permalinks.blog: tandem's permalinks have :year, :month, :day, :slug, :title, :filename, :slugorfilename and :section, not :sections; the section keeps tandem's URLs (set url in front matter where a page must keep its own)
#   hugo.toml:41:1: languages.fr.languageName: the language toggle's words come from the theme's UI strings (i18n/<code>.toml), not from here
#   hugo.toml:4:1: enableGitInfo: nothing to set: tandem always dates pages by their last git commit (front matter modified wins)
#   hugo.toml:17:1: markup.goldmark.renderer.hardWraps: tandem renders Markdown with cmark-gfm, GitHub's dialect, which has no such setting; only goldmark.renderer.unsafe carries over, as allow_raw_html
)");
  // The same notes, on stderr, each with its line.
  CHECK(run.notes.rfind(
            "hugo.toml:4:1: note: enableGitInfo: nothing to set: tandem always dates pages by their "
            "last git commit (front matter modified wins)\n"
            " 4 | enableGitInfo = true\n"
            "   | ^\n"
            "hugo.toml:13:1: note: permalinks.blog: ",
            0) == 0);
  CHECK(Count(run.notes, ": note: ") == 4);
}

TEST_CASE("import hugo reads YAML, and a single content tree becomes one content_dir shared by name",
          "[hugo]") {
  FixtureSite site;
  site.WriteFile("config.yaml",
                 "baseURL: https://example.ca/\n"
                 "title: Harbour safety\n"
                 "defaultContentLanguage: fr\n"
                 "params:\n  creator: Pêches Canada\n  year: 2024\n  ratio: .5\n  quoted: \"007\"\n"
                 "languages:\n"
                 "  fr:\n    title: Sécurité portuaire\n    weight: 1\n    languageCode: fr-ca\n"
                 "  en:\n    title: Harbour safety\n    weight: 2\n"
                 "menus:\n  main:\n    - name: Home\n      pageRef: /\n"
                 "  footer:\n    - name: Terms\n      url: /terms/\n");
  site.WriteFile("content/_index.md", "+++\ntitle = \"Accueil\"\n+++\n");
  site.WriteFile("content/_index.en.md", "+++\ntitle = \"Home\"\n+++\n");
  Imported run = Import(site);
  CHECK(run.errors == "");
  CHECK(run.toml == R"(# site.toml for tandem, written by `tandem import hugo` from the Hugo configuration.
# Hugo settings with no equivalent are listed at the end.

base_url = "https://example.ca/"
theme = "gc"  # tandem's Canada.ca theme
slugs = "hugo"  # file names and titles become URLs as Hugo made them
translation_source = "fr"  # defaultContentLanguage: translations are made from it; a file without .<code>.md is in it

[params]
creator = "Pêches Canada"
year = 2024
ratio = 0.5
quoted = "007"

[languages.fr]
locale = "fr-CA"
title = "Sécurité portuaire"
creator = "Pêches Canada"
weight = 1
content_dir = "content"

[[languages.fr.menu.main]]
title = "Home"
page = "_index.md"

[languages.en]
locale = "en-CA"
title = "Harbour safety"
creator = "Pêches Canada"
weight = 2
content_dir = "content"

[[languages.en.menu.main]]
title = "Home"
page = "_index.md"

# Not carried over (tandem import printed these as notes):
#   config.yaml:21:3: menus.footer: the gc theme shows one menu, main; add these links to a page or the theme
#   config.yaml:1:1: defaultContentLanguageInSubdir: Hugo serves the fr pages at the site's root; tandem serves them under /fr/ with a bilingual splash page at the root: redirect the old URLs, or give [languages.fr] a base_url of its own
)");
  CHECK(Count(run.notes, ": note: ") == 2);
  CHECK(run.notes.find(
            "config.yaml:21:3: note: menus.footer: the gc theme shows one menu, main; add these links "
            "to a page or the theme\n"
            " 21 |   footer:\n"
            "    |   ^\n") != std::string::npos);
}

TEST_CASE("import hugo merges a split config/_default folder", "[hugo]") {
  FixtureSite site;
  site.WriteFile("config/_default/hugo.toml", "baseURL = \"https://example.ca/\"\ntitle = \"Harbour\"\n");
  site.WriteFile("config/_default/languages.toml",
                 "[en]\nweight = 1\ncontentDir = \"content/en\"\n[fr]\nweight = 2\ntitle = \"Port\"\n"
                 "contentDir = \"content/fr\"\n");
  site.WriteFile("config/_default/params.toml", "creator = \"Harbour Authority\"\n");
  site.WriteFile("config/_default/menus.en.toml", "[[main]]\nname = \"About\"\npageRef = \"about.md\"\n");
  site.WriteFile("config/_default/menus.fr.toml", "[[main]]\nname = \"À propos\"\npageRef = \"a-propos\"\n");
  site.WriteFile("config/production/hugo.toml", "baseURL = \"https://prod.example.ca/\"\n");
  site.WriteFile("content/en/about.md", "+++\ntitle = \"About\"\n+++\n");
  Imported run = Import(site);
  CHECK(run.errors == "");
  CHECK(run.toml == R"(# site.toml for tandem, written by `tandem import hugo` from the Hugo configuration.
# Hugo settings with no equivalent are listed at the end.

base_url = "https://example.ca/"
theme = "gc"  # tandem's Canada.ca theme
slugs = "hugo"  # file names and titles become URLs as Hugo made them

[params]
creator = "Harbour Authority"

[languages.en]
locale = "en-CA"
title = "Harbour"
creator = "Harbour Authority"
weight = 1

[[languages.en.menu.main]]
title = "About"
page = "about.md"

[languages.fr]
locale = "fr-CA"
title = "Port"
creator = "Harbour Authority"
weight = 2

[[languages.fr.menu.main]]
title = "À propos"
url = "a-propos"

# Not carried over (tandem import printed these as notes):
#   config/_default/languages.toml:7:1: languages.fr.contentDir: the folder content/fr does not exist; tandem will find no pages there
#   config/_default/menus.fr.toml:1:1: languages.fr.menus.main.À propos: pageRef "a-propos" names no file in content/fr/; it is written as a url: check it
#   config/_default/hugo.toml:1:1: defaultContentLanguageInSubdir: Hugo serves the en pages at the site's root; tandem serves them under /en/ with a bilingual splash page at the root: redirect the old URLs, or give [languages.en] a base_url of its own
#   config/production/: config/production: settings for one environment are not read; put them in site.production.toml, read by tandem build --environment production (docs/deploy.md)
)");
  CHECK(Count(run.notes, ": note: ") == 4);
}

TEST_CASE("import hugo errors: a broken file, no baseURL, a contentDir outside content/", "[hugo]") {
  FixtureSite toml;
  toml.WriteFile("hugo.toml", "baseURL = \"https://example.ca/\"\ntitle = \"Harbour\n");
  CHECK(Import(toml).errors ==
        "hugo.toml:2:17: error: invalid TOML: Error while parsing string: unescaped control characters other "
        "than TAB (U+0009) are explicitly prohibited\n"
        " 2 | title = \"Harbour\n"
        "   |                 ^\n");
  FixtureSite yaml;
  yaml.WriteFile("hugo.yaml", "baseURL: https://example.ca/\nlanguages:\n  en: [1\n");
  CHECK(Import(yaml).errors ==
        "hugo.yaml:3:9: error: invalid YAML: end of sequence flow not found\n"
        " 3 |   en: [1\n"
        "   |         ^\n");
  // YAML's aliases are expanded within the limits every YAML file has (config/yaml_source.hpp).
  FixtureSite bomb;
  bomb.WriteFile("config.yaml", YamlAliasBomb("baseURL: https://example.ca/\n", 10, 10));
  CHECK(Import(bomb).errors.rfind(
            "config.yaml:5:1: error: \"a3\" holds more than 10000 values once its YAML aliases (*name) are "
            "expanded; write the values out instead\n",
            0) == 0);
  FixtureSite no_base;
  no_base.WriteFile("hugo.toml", "title = \"Harbour\"\n");
  CHECK(Import(no_base).errors ==
        "hugo.toml:1:1: error: tandem needs the site's absolute address: set baseURL = "
        "\"https://www.example.gc.ca/\" in the Hugo configuration, then import again\n");
  FixtureSite outside;
  outside.WriteFile("hugo.toml",
                    "baseURL = \"https://example.ca/\"\ntitle = \"Harbour\"\n"
                    "[languages.en]\ncontentDir = \"english\"\n");
  CHECK(
      Import(outside).errors ==
      "hugo.toml:4:1: error: contentDir \"english\" is outside content/, the only folder tandem reads pages "
      "from; move the folder into content/ (git mv english content/english) and change contentDir to match, "
      "then import again\n"
      " 4 | contentDir = \"english\"\n"
      "   | ^\n");
  FixtureSite none;
  CHECK(Import(none).errors ==
        none.source().string() +
            ": error: no Hugo configuration here: tandem import hugo reads hugo.toml, "
            "hugo.yaml, config.toml, config.yaml or config/_default/ in the Hugo site's "
            "folder\n");
}

TEST_CASE("import hugo never replaces a site.toml without --force, and writes only site.toml", "[hugo]") {
  FixtureSite site;
  site.WriteFile("hugo.toml", "baseURL = \"https://example.ca/\"\ntitle = \"Harbour\"\n");
  site.WriteFile("site.toml", "# mine\n");
  Diagnostics diags;
  CHECK_FALSE(ImportHugoSite({site.source().string(), "", false}, diags));
  CHECK(diags.Render() == (site.source() / "site.toml").string() +
                              ": error: a site.toml is already here; tandem import hugo does not replace it "
                              "(--force does, or --output writes the new one elsewhere)\n");
  CHECK(ReadBytes(site.source() / "site.toml") == "# mine\n");
  Diagnostics forced;
  CHECK(ImportHugoSite({site.source().string(), "", true}, forced));
  CHECK(ReadBytes(site.source() / "site.toml").rfind("# site.toml for tandem", 0) == 0);
  Diagnostics elsewhere;
  auto written = ImportHugoSite({site.source().string(), site.output().string(), false}, elsewhere);
  REQUIRE(written);
  CHECK(written->site_toml == (site.output() / "site.toml").string());
  CHECK(SnapshotDir(site.output()).size() == 1);
}

TEST_CASE("content_dir: a folder inside content/ other than the language's code", "[hugo]") {
  FixtureSite site("minimal");
  site.WriteFile("site.toml",
                 "base_url = \"https://example.ca/\"\n"
                 "[languages.en]\nlocale = \"en-CA\"\ntitle = \"T\"\ncreator = \"C\"\n"
                 "content_dir = \"content/english/\"\n"
                 "[languages.fr]\nlocale = \"fr-CA\"\ntitle = \"T\"\ncreator = \"C\"\n");
  site.WriteFile("content/english/_index.md", ReadBytes(site.source() / "content/en/_index.md"));
  site.Remove("content/en");
  FixtureSite::Result built = site.Build();
  CHECK(built.errors == "");
  CHECK(built.warnings == "");
  CHECK(site.Exists("en/index.html"));
  CHECK(site.Exists("fr/index.html"));
}

TEST_CASE("content_dir errors: outside content/, and one language's folder inside another's", "[hugo]") {
  FixtureSite site("minimal");
  site.WriteFile("site.toml",
                 "base_url = \"https://example.ca/\"\n"
                 "[languages.en]\nlocale = \"en-CA\"\ntitle = \"T\"\ncreator = \"C\"\n"
                 "[languages.fr]\nlocale = \"fr-CA\"\ntitle = \"T\"\ncreator = \"C\"\n"
                 "content_dir = \"content/../fr\"\n");
  CHECK(site.Build().errors ==
        "site.toml:10:15: error: content_dir \"content/../fr\" must be content/ or a folder inside it, like "
        "\"content/fr\"; move the pages there\n"
        " 10 | content_dir = \"content/../fr\"\n"
        "    |               ^\n");
  site.WriteFile("site.toml",
                 "base_url = \"https://example.ca/\"\n"
                 "[languages.en]\nlocale = \"en-CA\"\ntitle = \"T\"\ncreator = \"C\"\n"
                 "content_dir = \"content\"\n"
                 "[languages.fr]\nlocale = \"fr-CA\"\ntitle = \"T\"\ncreator = \"C\"\n");
  CHECK(
      site.Build().errors ==
      "site.toml:6:15: error: content_dir \"content/fr\" is inside \"content\", the pages of [languages.en]; "
      "give each language a folder of its own, or the same folder to both\n"
      " 6 | content_dir = \"content\"\n"
      "   |               ^\n");
}

TEST_CASE("two files of one language in a shared folder are an error naming both", "[hugo]") {
  FixtureSite site;
  site.WriteFile("site.toml",
                 "base_url = \"https://example.ca/\"\n"
                 "[languages.en]\nlocale = \"en-CA\"\ntitle = \"T\"\ncreator = \"C\"\n"
                 "content_dir = \"content\"\n"
                 "[languages.fr]\nlocale = \"fr-CA\"\ntitle = \"T\"\ncreator = \"C\"\n"
                 "content_dir = \"content\"\n");
  site.WriteFile("content/_index.md", "+++\ntitle = \"Home\"\nmodified = 2024-01-01\n+++\n");
  site.WriteFile("content/_index.fr.md", "+++\ntitle = \"Accueil\"\nmodified = 2024-01-01\n+++\n");
  site.WriteFile("content/x.md", "+++\ntitle = \"X\"\nmodified = 2024-01-01\n+++\n");
  site.WriteFile("content/x.en.md", "+++\ntitle = \"X\"\nmodified = 2024-01-01\n+++\n");
  CHECK(site.Build().errors ==
        "content/x.md: error: this file and content/x.en.md are both the \"en\" page x.md; remove or rename "
        "one "
        "of them\n");
}

TEST_CASE("a Hugo-shaped site, imported, builds with tandem's default theme as it is", "[hugo]") {
  FixtureSite site("hugo-import");
  std::map<std::string, std::string> content = SnapshotDir(site.source() / "content");
  ProgramRun import = RunTandem("import hugo " + site.source().string());
  CHECK(import.status == 0);
  CHECK(Count(import.output, ": note: ") == 5);
  CHECK(import.output.find(
            "5 settings not carried over (the notes above, also listed at the end of site.toml)\n") !=
        std::string::npos);
  std::string toml = ReadBytes(site.source() / "site.toml");
  CHECK(toml.find(
            "base_url = \"https://harbour.example.ca/\"\ntheme = \"gc\"  # tandem's Canada.ca theme\n"
            "slugs = \"hugo\"  # file names and titles become URLs as Hugo made them\n"
            "allow_raw_html = true  # markup.goldmark.renderer.unsafe\ntimezone = \"America/Halifax\"\n") !=
        std::string::npos);
  CHECK(toml.find("content_dir = \"content\"\n") != std::string::npos);

  ProgramRun build =
      RunTandem("build --strict --source " + site.source().string() + " --output " + site.output().string());
  CHECK(build.status == 0);
  CHECK(build.output.find("en: 6 pages, fr: 6 pages\n") != std::string::npos);  // tags: its page, a term's
  CHECK(build.output.find("2 warnings, 0 errors") != std::string::npos);   // the terms are not paired
  CHECK(SnapshotDir(site.source() / "content") == content);  // the Hugo content is as it was
  CHECK(site.Read("harbour.example.ca/boating/index.html").find("Keep your wake small") != std::string::npos);
  CHECK(site.Read("portuaire.example.ca/naviguer/index.html").find("Réduisez votre sillage") !=
        std::string::npos);
  CHECK(site.Read("portuaire.example.ca/index.html").find("<abbr title=\"dernières nouvelles\">") !=
        std::string::npos);
  // The toggle of a French page goes to its English translation, on the other host.
  CHECK(site.Read("portuaire.example.ca/nouvelles/glace/index.html")
            .find("https://harbour.example.ca/news/ice/") != std::string::npos);
  CHECK(site.Read("portuaire.example.ca/index.html").find("href=\"/naviguer/\"") != std::string::npos);
}

TEST_CASE("tandem import: usage errors exit 2, a second import exits 1, and the manual names it", "[hugo]") {
  CHECK(RunTandem("import").status == 2);
  ProgramRun other = RunTandem("import jekyll .");
  CHECK(other.status == 2);
  CHECK(other.output.find("jekyll") != std::string::npos);
  FixtureSite site("hugo-import");
  CHECK(RunTandem("import hugo " + site.source().string()).status == 0);
  ProgramRun again = RunTandem("import hugo " + site.source().string());
  CHECK(again.status == 1);
  CHECK(again.output.find("error: a site.toml is already here") != std::string::npos);
  CHECK(RunTandem("import hugo --force " + site.source().string()).status == 0);
  CHECK(RunTandem("manpage").output.find(".SS \"tandem import\"") != std::string::npos);
  CHECK(RunTandem("completion bash")
            .output.find("    import) COMPREPLY=($(compgen -W \"--help -h --output -o --force") !=
        std::string::npos);
}

TEST_CASE("in a folder shared by file name, messages and tandem new name the .<code>.md file", "[hugo]") {
  FixtureSite site("hugo-import");
  REQUIRE(RunTandem("import hugo " + site.source().string()).status == 0);
  site.WriteFile("content/news/wharf.md", "+++\ntitle = \"Wharf\"\nlastmod = 2024-05-05\n+++\n");
  FixtureSite::Result built = site.Build();
  CHECK(built.warnings.find("content/news/wharf.md: warning: the page has no \"fr\" translation; add "
                            "content/news/wharf.fr.md. ") != std::string::npos);
  Diagnostics diags;
  CHECK(CreateNewPages({site.source().string(), "news/ferry", "2026-11-30"}, diags) ==
        std::vector<std::string>{"content/news/ferry.md", "content/news/ferry.fr.md"});
  CHECK(diags.Render() == "");
}

TEST_CASE("import hugo: the site's languageCode is its default language's; a weight must be a number",
          "[hugo]") {
  FixtureSite site;
  site.WriteFile("hugo.toml",
                 "baseURL = \"https://example.ca/\"\ntitle = \"Harbour\"\nlanguageCode = \"en-us\"\n"
                 "defaultContentLanguageInSubdir = true\n"
                 "[params]\ncreator = \"Harbour Authority\"\n"
                 "[languages.en]\nweight = \"first\"\n[languages.fr]\nweight = 2\n");
  Imported run = Import(site);
  CHECK(run.errors == "");
  CHECK(run.toml.find(
            "[languages.en]\nlocale = \"en-US\"\ntitle = \"Harbour\"\ncreator = \"Harbour Authority\"\n"
            "content_dir = \"content\"\n\n") != std::string::npos);
  CHECK(run.toml.find("[languages.fr]\nlocale = \"fr-CA\"\n") != std::string::npos);
  CHECK(run.notes ==
        "hugo.toml:8:1: note: languages.en.weight: a weight must be a whole number; it is left out\n"
        " 8 | weight = \"first\"\n"
        "   | ^\n");
}

TEST_CASE("import hugo: permalinks of a language, Hugo's token names, and accents kept in URLs", "[hugo]") {
  FixtureSite site;
  site.WriteFile("hugo.toml", R"(baseURL = "https://example.ca/"
title = "Harbour"
[permalinks.page]
blog = "/:year/:month/:day/:slugorcontentbasename/"
[languages.en]
contentDir = "content/en"
weight = 1
[languages.fr]
contentDir = "content/fr"
weight = 2
[languages.fr.permalinks]
blog = "/blogue/:year/:contentbasename/"
)");
  site.WriteFile("content/en/blog/launch.md", "+++\ntitle = \"Launch\"\ndate = 2024-05-01\n+++\n");
  site.WriteFile("content/fr/blog/lancement-été.md", "+++\ntitle = \"Lancement\"\ndate = 2024-05-01\n+++\n");
  Imported run = Import(site);
  CHECK(run.errors == "");
  CHECK(
      run.toml.find("ascii_urls = false  # Hugo kept the accents of file and folder names in their URLs\n") !=
      std::string::npos);
  CHECK(run.toml.find("[permalinks]\nblog = \"/:year/:month/:day/:slugorfilename/\"\n") != std::string::npos);
  CHECK(run.toml.find("[languages.fr.permalinks]\nblog = \"/blogue/:year/:filename/\"\n") !=
        std::string::npos);

  // tandem reads what the import wrote, and places the pages where Hugo did.
  site.WriteFile("site.toml", run.toml);
  SiteConfig config;
  Diagnostics diags;
  CHECK(LoadConfig(site.source().string(), config, diags));
  REQUIRE(config.languages.size() == 2);
  CHECK(config.languages[0].PermalinkOf("blog")->pattern == "/:year/:month/:day/:slugorfilename/");
  CHECK(config.languages[1].PermalinkOf("blog")->pattern == "/blogue/:year/:filename/");
  site.WriteFile("content/en/_index.md", "+++\ntitle = \"Home\"\n+++\n");
  site.WriteFile("content/fr/_index.md", "+++\ntitle = \"Accueil\"\n+++\n");
  site.WriteFile("content/en/blog/_index.md", "+++\ntitle = \"Blog\"\n+++\n");
  site.WriteFile("content/fr/blog/_index.md", "+++\ntitle = \"Blogue\"\n+++\n");
  site.WriteFile("content/en/blog/lancement-été.md",
                 "+++\ntitle = \"Summer launch\"\ndate = 2024-05-01\n+++\n");
  site.WriteFile("content/fr/blog/launch.md", "+++\ntitle = \"Lancement\"\ndate = 2024-05-01\n+++\n");
  CHECK(site.Build().errors == "");
  CHECK(site.Exists("en/2024/05/01/launch/index.html"));
  CHECK(site.Exists("fr/blogue/2024/lancement-été/index.html"));
}

TEST_CASE("import hugo declares the pages' own keys in page_params, and notes Hugo's keys tandem does not apply",
          "[hugo]") {
  FixtureSite site = HugoSite("hugo.toml", kHugoToml);
  site.WriteFile("content/en/news/a.md", "---\ntitle: A\nauthor: Jo\nmenu:\n  main:\n    weight: 3\ntags: [x]\n---\n");
  site.WriteFile("content/en/news/b.md", "---\ntitle: B\nimage-alt: A dock\nmenu: main\n---\n");
  Imported run = Import(site);
  CHECK(run.errors == "");
  CHECK(run.toml.find("page_params = [\"author\", \"image-alt\", \"menu\"]\n") != std::string::npos);
  CHECK(run.notes.find("content/en/news/a.md:4:1: note: front matter menu (and 1 other file): a page's own menu "
                       "entries are not read: add them to site.toml's [[languages.<code>.menu.main]]\n"
                       " 4 | menu:\n"
                       "   | ^\n") != std::string::npos);
}

// Issue 24: the import followed links in the site it imports (Hugo sites come as git
// repositories, and git stores links): it must read only files inside that site and write only
// through real folders inside the site it writes.
TEST_CASE("import hugo writes through no link: a dangling site.toml, a shortcodes/ folder link",
          "[hugo][sandbox]") {
  ScratchDir outside;
  FixtureSite site;
  site.WriteFile("hugo.toml", "baseURL = \"https://example.ca/\"\ntitle = \"Harbour\"\n");
  site.WriteFile("layouts/shortcodes/box.html", "<div class=\"box\">{{ .Inner }}</div>\n");
  fs::create_symlink(outside.path() / "bash_aliases", site.source() / "site.toml");
  Diagnostics diags;
  CHECK_FALSE(ImportHugoSite({site.source().string(), "", false}, diags));
  CHECK(diags.Render() == (site.source() / "site.toml").string() +
                              ": error: a site.toml is already here; tandem import hugo does not replace it "
                              "(--force does, or --output writes the new one elsewhere)\n");
  CHECK_FALSE(fs::exists(outside.path() / "bash_aliases"));
  Diagnostics forced;  // --force replaces the link itself, never writes where it points
  CHECK(ImportHugoSite({site.source().string(), "", true}, forced));
  CHECK_FALSE(fs::exists(outside.path() / "bash_aliases"));
  CHECK(fs::is_regular_file(fs::symlink_status(site.source() / "site.toml")));
  CHECK(fs::is_regular_file(fs::symlink_status(site.source() / "shortcodes/box.mustache")));

  FixtureSite linked;
  linked.WriteFile("hugo.toml", "baseURL = \"https://example.ca/\"\ntitle = \"Harbour\"\n");
  linked.WriteFile("layouts/shortcodes/box.html", "<div class=\"box\">{{ .Inner }}</div>\n");
  fs::create_directory_symlink(outside.path(), linked.source() / "shortcodes");
  Diagnostics refused;
  CHECK_FALSE(ImportHugoSite({linked.source().string(), "", false}, refused));
  CHECK(refused.Render().rfind((linked.source() / "shortcodes/box.mustache").string() +
                                   ": error: cannot write: a folder on the way is a symbolic link or a file; "
                                   "tandem writes only inside the site: replace it with a real folder\n",
                               0) == 0);
  CHECK(SnapshotDir(outside.path()).empty());
  CHECK_FALSE(fs::exists(linked.source() / "site.toml"));
}

TEST_CASE("import hugo reads no file through a link out of the Hugo site", "[hugo][sandbox]") {
  ScratchDir outside;
  const fs::path secret = outside.path() / "passwd";
  std::ofstream(secret) << "root:x:0:0:SECRET:/root:/bin/bash\n";
  {  // the configuration itself
    FixtureSite site;
    fs::create_symlink(secret, site.source() / "hugo.toml");
    Imported run = Import(site);
    CHECK(run.errors == "hugo.toml: error: symbolic link to " + secret.string() +
                            " points outside the Hugo site; tandem does not follow it. Copy the file in "
                            "instead\n");
    CHECK(run.toml == "");
  }
  {  // a shortcode template
    FixtureSite site;
    site.WriteFile("hugo.toml", "baseURL = \"https://example.ca/\"\ntitle = \"Harbour\"\n");
    fs::create_directories(site.source() / "layouts/shortcodes");
    fs::create_symlink(secret, site.source() / "layouts/shortcodes/x.html");
    Diagnostics diags;
    CHECK_FALSE(ImportHugoSite({site.source().string(), site.output().string(), false}, diags));
    CHECK(diags.Render().find("layouts/shortcodes/x.html: error: symbolic link to " + secret.string() +
                              " points outside the Hugo site; tandem does not follow it. Copy the file in "
                              "instead\n") != std::string::npos);
    CHECK(diags.Render().find("SECRET") == std::string::npos);
    for (const auto& [path, bytes] : SnapshotDir(site.output()))
      CHECK(bytes.find("SECRET") == std::string::npos);
  }
  {  // contentDir and themesDir that leave the site
    FixtureSite site;
    site.WriteFile("hugo.toml",
                   "baseURL = \"https://example.ca/\"\ntitle = \"Harbour\"\ntheme = \"t\"\n"
                   "themesDir = \"../outside\"\ncontentDir = \"content/../../x\"\n");
    Imported run = Import(site);
    CHECK(run.errors.find("hugo.toml:5:1: error: contentDir \"content/../../x\" leaves the Hugo site's "
                          "folder; tandem reads only inside it: name a folder inside content/, without "
                          "\"..\"\n") != std::string::npos);
    CHECK(run.errors.find("hugo.toml:4:1: error: themesDir \"../outside\" leaves the Hugo site's folder; "
                          "tandem reads only inside it: copy the theme into themes/\n") != std::string::npos);
    CHECK(run.toml == "");
  }
}
