// Front matter keys without surprises: known keys in any case, a typo of one is an error, and a
// site's own keys go under params.
#include <catch2/catch.hpp>

#include "content/front_matter.hpp"
#include "fixture.hpp"
#include "support/files.hpp"

using namespace tandem;

TEST_CASE("known front matter keys match whatever their case or underscores", "[front-matter]") {
  Diagnostics diags;
  auto yaml = ParsePage("p.md",
                        "---\nTitle: Notice\nDraft: true\nLastMod: 2021-08-01\nTranslationKey: k\n"
                        "PublishDate: 2021-07-30T09:00:00-04:00\nexpiry_date: 2031-01-01\n---\n",
                        diags);
  REQUIRE(yaml);
  CHECK(diags.Render().empty());
  CHECK(yaml->meta.title == "Notice");
  CHECK(yaml->meta.draft);
  CHECK(yaml->meta.modified == "2021-08-01");
  CHECK(yaml->meta.translation_key == "k");
  CHECK(yaml->meta.publish_date == "2021-07-30T09:00:00-04:00");
  CHECK(yaml->meta.expiry_date == "2031-01-01");
  CHECK(yaml->meta.params.fields.empty());
}

TEST_CASE("a key one slip from a known key is an error, not a param", "[front-matter]") {
  Diagnostics diags;
  CHECK_FALSE(ParsePage("p.md", "+++\ntitle = \"T\"\ndarft = true\nmodifed = 2024-01-01\n+++\n", diags));
  CHECK(diags.Render() ==
        "p.md:3:1: error: \"darft\" is not a front matter key (did you mean \"draft\"?); a key of the site's "
        "own goes under params, as params.darft\n"
        " 3 | darft = true\n"
        "   | ^\n"
        "p.md:4:1: error: \"modifed\" is not a front matter key (did you mean \"modified\"?); a key of the "
        "site's own goes under params, as params.modifed\n"
        " 4 | modifed = 2024-01-01\n"
        "   | ^\n");
  Diagnostics yaml;
  CHECK_FALSE(ParsePage("p.md", "---\ntilte: T\ntitle: T\n---\n", yaml));
  CHECK(yaml.Render().find("\"tilte\" is not a front matter key (did you mean \"title\"?)") !=
        std::string::npos);
}

TEST_CASE("a site's own keys are params, declared under params or far from any known key", "[front-matter]") {
  Diagnostics diags;
  auto page = ParsePage(
      "p.md", "+++\ntitle = \"T\"\naudience = \"editors\"\n[params]\ndata = \"x\"\nweight = 3\n+++\n", diags);
  REQUIRE(page);
  CHECK(diags.Render().empty());
  CHECK(page->meta.params.Get("audience")->text == "editors");
  CHECK(page->meta.params.Get("data")->text == "x");
  CHECK(page->meta.params.Get("weight") != nullptr);  // a param, not the page's weight
  CHECK(page->meta.weight == 0);

  Diagnostics bad;
  CHECK_FALSE(ParsePage("p.md", "+++\ntitle = \"T\"\nparams = \"x\"\n+++\n", bad));
  CHECK(bad.Render().find("p.md:3:1: error: \"params\" must be a table of the page's own keys") == 0);
}

TEST_CASE("a site that declares page_params makes any other unknown key an error", "[front-matter][site]") {
  using namespace tandem::testing;
  FixtureSite site("minimal");
  site.WriteFile("site.toml", "page_params = [\"author\", \"image-alt\"]\n" + ReadFile((site.source() / "site.toml").string()));
  site.WriteFile("content/en/a.md", "---\ntitle: A\nAuthor: Jo\nimage-alt: A boat\nauther: Jo\n---\nA\n");
  site.WriteFile("content/fr/a.md", "---\ntitle: A\nauthor: Jo\ncolour: red\n---\nA\n");
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  CHECK(result.errors ==
        "content/en/a.md:5:1: error: \"auther\" is not a front matter key tandem reads, nor one of site.toml's "
        "page_params (did you mean \"author\"?); correct it, or add it to page_params if the site's pages use "
        "it [param-undeclared]\n"
        " 5 | auther: Jo\n"
        "   | ^\n"
        "content/fr/a.md:4:1: error: \"colour\" is not a front matter key tandem reads, nor one of site.toml's "
        "page_params; correct it, or add it to page_params if the site's pages use it [param-undeclared]\n"
        " 4 | colour: red\n"
        "   | ^\n");
}

TEST_CASE("without page_params, undeclared keys are one warning giving the line to declare them",
          "[front-matter][site]") {
  using namespace tandem::testing;
  FixtureSite site("minimal");
  site.WriteFile("content/en/a.md", "+++\ntitle = \"A\"\naudience = \"all\"\n+++\nA\n");
  site.WriteFile("content/fr/a.md", "+++\ntitle = \"A\"\naudience = \"tous\"\nImage = \"x.png\"\n+++\nA\n");
  auto result = site.Build();
  CHECK(result.report.ok);
  CHECK(result.warnings.find(
        "content/en/a.md:3:1: warning: front matter keys tandem does not read become page.params for "
        "templates: \"audience\" (2 pages), \"Image\" (1 page). Declare the site's own keys in site.toml, "
        "page_params = [\"audience\", \"Image\"], so that a misspelt one is an error [param-undeclared]\n"
        " 3 | audience = \"all\"\n"
        "   | ^\n") != std::string::npos);
  BuildOptions strict;
  strict.strict = true;
  CHECK_FALSE(site.Build(strict).report.ok);
}

TEST_CASE("a page without a title takes its first heading's text, with a warning", "[front-matter][site]") {
  using namespace tandem::testing;
  FixtureSite site("minimal");
  site.WriteFile("content/en/values.html",
                 "---\nurl: /our-values/\n---\n<section>\n  <h2>Our <em>values</em> &amp; aims</h2>\n<p>Text.</p>\n"
                 "</section>\n");
  site.WriteFile("content/fr/values.md", "+++\n+++\nIntro.\n\n## Nos valeurs\n\nTexte.\n");
  auto result = site.Build();
  REQUIRE(result.report.ok);
  CHECK(result.warnings.find(
            "content/en/values.html:1:1: warning: the page has no title, so its first heading stands in for "
            "it; add title: \"Our values & aims\" to its front matter [title-missing]\n"
            " 1 | ---\n"
            "   | ^\n") != std::string::npos);
  CHECK(result.warnings.find("content/fr/values.md:1:1: warning: the page has no title, so its first heading "
                             "stands in for it; add title = \"Nos valeurs\" to its front matter") !=
        std::string::npos);
  CHECK(site.Read("en/our-values/index.html").find("<title>Our values &amp; aims") != std::string::npos);
}
