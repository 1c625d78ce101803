// Templates read data/ (site.data), site.toml's [params] (site.params) and long dates.
#include <catch2/catch.hpp>

#include "content/data.hpp"
#include "fixture.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

// The minimal site with a theme whose page template shows what this test asks for.
FixtureSite SiteShowing(const std::string& body) {
  FixtureSite site("minimal");
  site.CopyDefaultTheme();
  site.WriteFile("themes/gc/templates/page.mustache", "<!DOCTYPE html>\n<p>" + body + "</p>\n");
  site.WriteFile("content/en/a.md", "+++\ntitle = \"A\"\nmodified = 2021-07-30\n+++\nText.\n");
  site.WriteFile("content/fr/a.md", "+++\ntitle = \"A\"\nmodified = 2021-07-30\n+++\nTexte.\n");
  return site;
}

}  // namespace

TEST_CASE("site.params: [params] with the language's own over them", "[site-data]") {
  FixtureSite site = SiteShowing("{{site.params.contact}} {{site.params.phone}}");
  std::string config = ReadBytes(site.source() / "site.toml");
  config.insert(config.find("[languages.en]"), "[params]\ncontact = \"info@example.ca\"\nphone = \"1-800\"\n\n");
  config += "\n[languages.fr.params]\ncontact = \"info-fr@example.ca\"\n";
  site.WriteFile("site.toml", config);
  REQUIRE(site.Build().report.ok);
  CHECK(site.Read("en/a/index.html") == "<!DOCTYPE html>\n<p>info@example.ca 1-800</p>\n");
  CHECK(site.Read("fr/a/index.html") == "<!DOCTYPE html>\n<p>info-fr@example.ca 1-800</p>\n");
}

TEST_CASE("site.data: every data file, with each language's own values", "[site-data]") {
  FixtureSite site = SiteShowing("{{#site.data.offices.list}}{{name}}, {{city}}; {{/site.data.offices.list}}"
                                 "{{site.data.programs.grants.title}}");
  site.WriteFile("data/offices.toml",
                 "[[list]]\nname.en = \"Head office\"\nname.fr = \"Administration centrale\"\ncity = \"Ottawa\"\n");
  site.WriteFile("data/programs/grants.yaml", "title.en: Grants\ntitle.fr: Subventions\n");
  REQUIRE(site.Build().report.ok);
  CHECK(site.Read("en/a/index.html") == "<!DOCTYPE html>\n<p>Head office, Ottawa; Grants</p>\n");
  CHECK(site.Read("fr/a/index.html") == "<!DOCTYPE html>\n<p>Administration centrale, Ottawa; Subventions</p>\n");
}

TEST_CASE("a data file that cannot be read is an error at its line", "[site-data]") {
  FixtureSite site = SiteShowing("x");
  site.WriteFile("data/bad.yaml", "a: [1, 2\n");
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  CHECK(result.errors.find("data/bad.yaml:1:9: error: invalid YAML: end of sequence flow not found") !=
        std::string::npos);
}

TEST_CASE("a data edit renders again only the pages whose template reads data", "[site-data]") {
  FixtureSite site("minimal");
  site.WriteFile("data/offices.toml", "city = \"Ottawa\"\n");
  REQUIRE(site.Build().report.ok);
  site.WriteFile("data/offices.toml", "city = \"Gatineau\"\n");
  CHECK(site.Build().report.pages_rendered == 0);
}

TEST_CASE("ForLanguage picks each language's value, and leaves other tables alone", "[site-data]") {
  Value data = Value::Map()
                   .Set("name", Value::Map().Set("en", "Boating").Set("fr", "Navigation"))
                   .Set("size", Value::Map().Set("small", "S"))
                   .Set("note.fr", "Note");
  Value fr = ForLanguage(data, "fr", {"en", "fr"});
  CHECK(fr.Get("name")->text == "Navigation");
  CHECK(fr.Get("size")->Get("small")->text == "S");
  CHECK(fr.Get("note")->text == "Note");
  CHECK(ForLanguage(data, "en", {"en", "fr"}).Get("note") == nullptr);
}

TEST_CASE("page.modified_long is the date written out in the page's language", "[site-data]") {
  FixtureSite site = SiteShowing("{{page.modified_long}}");
  REQUIRE(site.Build().report.ok);
  CHECK(site.Read("en/a/index.html") == "<!DOCTYPE html>\n<p>July 30, 2021</p>\n");
  CHECK(site.Read("fr/a/index.html") == "<!DOCTYPE html>\n<p>30 juillet 2021</p>\n");
}
