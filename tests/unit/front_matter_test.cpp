#include "content/front_matter.hpp"

#include <catch2/catch.hpp>

#include "support/text.hpp"

using namespace tandem;

namespace {

std::optional<PageSource> Parse(const std::string& text, std::string* errors = nullptr) {
  Diagnostics diags;
  auto page = ParsePage("content/en/x.md", text, diags);
  if (errors) *errors = diags.Render();
  return page;
}

}  // namespace

TEST_CASE("TOML front matter gives every known field", "[front-matter]") {
  auto page = Parse(
      "+++\ntitle = \"Title\"\ndescription = \"About\"\ndate = 2021-07-30\nmodified = \"2021-08-01\"\n"
      "slug = \"s\"\nurl = \"/x/\"\ntranslation_key = \"k\"\ndraft = true\nweight = 3\n"
      "keywords = [\"a\", \"b\"]\nsubject = \"Crime\"\nlayout = \"wide\"\nteam = \"Ops\"\n+++\nBody\n");
  REQUIRE(page);
  const FrontMatter& m = page->meta;
  CHECK(m.title == "Title");
  CHECK(m.description == "About");
  CHECK(m.date == "2021-07-30");
  CHECK(m.modified == "2021-08-01");
  CHECK(m.slug == "s");
  CHECK(m.url == "/x/");
  CHECK(m.translation_key == "k");
  CHECK(m.draft);
  CHECK(m.weight == 3);
  CHECK(m.keywords == "a, b");
  CHECK(m.subject == "Crime");
  CHECK(m.layout == "wide");
  REQUIRE(m.params.fields.size() == 1);
  CHECK(m.params.fields[0].first == "team");
  CHECK(m.params.fields[0].second.text == "Ops");
  CHECK(page->body == "Body\n");
  CHECK(page->body_line == 16);
}

TEST_CASE("YAML front matter accepts Hugo's translationKey and lastmod", "[front-matter]") {
  auto page = Parse(
      "---\ntitle: Titre\ntranslationKey: launch\nlastmod: 2024-01-21\ndraft: false\nweight: "
      "2\n---\nCorps\n");
  REQUIRE(page);
  CHECK(page->meta.title == "Titre");
  CHECK(page->meta.translation_key == "launch");
  CHECK(page->meta.modified == "2024-01-21");
  CHECK_FALSE(page->meta.draft);
  CHECK(page->meta.weight == 2);
  CHECK(page->body_line == 8);
}

TEST_CASE("a date that is not YYYY-MM-DD is an error at its line", "[front-matter]") {
  std::string errors;
  CHECK_FALSE(Parse("+++\ntitle = \"T\"\ndate = \"30/07/2021\"\n+++\n", &errors));
  CHECK(errors ==
        "content/en/x.md:3:1: error: \"date\" must be a date written YYYY-MM-DD, not \"30/07/2021\"\n"
        " 3 | date = \"30/07/2021\"\n"
        "   | ^\n");
}

TEST_CASE("a page without front matter says how to start one", "[front-matter]") {
  std::string errors;
  CHECK_FALSE(Parse("# Hello\n", &errors));
  CHECK(errors ==
        "content/en/x.md:1:1: error: a page must start with front matter: a line +++ (TOML) or --- (YAML), "
        "then at "
        "least title = \"...\", then the same line again\n"
        " 1 | # Hello\n"
        "   | ^\n");
}

TEST_CASE("IsIsoDate checks the calendar", "[front-matter]") {
  CHECK(IsIsoDate("2024-02-29"));
  CHECK_FALSE(IsIsoDate("2023-02-29"));
  CHECK_FALSE(IsIsoDate("2023-13-01"));
  CHECK_FALSE(IsIsoDate("2023-1-01"));
}

TEST_CASE("a BOM and CRLF line endings are normalized away", "[front-matter]") {
  CHECK(NormalizeSource("\xEF\xBB\xBF+++\r\ntitle = \"T\"\r\n+++\r\nA\rB\r\n") ==
        "+++\ntitle = \"T\"\n+++\nA\nB\n");
}
