// Characters no page or feed can carry (support/printable.hpp): C0 controls but tab, LF and CR,
// DEL, U+FFFE and U+FFFF, written as they are or as an escape, in front matter and in data/.
#include "support/printable.hpp"

#include <catch2/catch.hpp>

#include "content/front_matter.hpp"
#include "fixture.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

// The minimal site with `files` added: its errors, which must stop the build.
std::string ErrorsOf(const std::vector<std::pair<std::string, std::string>>& files) {
  FixtureSite site("minimal");
  for (const auto& [path, bytes] : files) site.WriteFile(path, bytes);
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  CHECK_FALSE(site.Exists("en/index.xml"));
  return result.errors;
}

std::string FrontMatterErrors(const std::string& text) {
  Diagnostics diags;
  CHECK_FALSE(ParsePage("content/en/x.md", text, diags));
  return diags.Render();
}

}  // namespace

TEST_CASE("a vertical tab written as a TOML escape in a title stops the build at the escape", "[printable]") {
  // Word writes U+000B for a line break; a feed holding it is ill-formed XML.
  CHECK(
      ErrorsOf({{"content/en/x.md", "+++\ntitle = \"Chart\\u000Bdata\"\n+++\nText.\n"},
                {"content/fr/x.md", "+++\ntitle = \"Tableau\"\n+++\nTexte.\n"}}) ==
      "content/en/x.md:2:15: error: \"title\" holds U+000B (vertical tab), a control character that no page "
      "or feed can carry; delete it, or put a space in its place\n"
      " 2 | title = \"Chart\\u000Bdata\"\n"
      "   |               ^\n");
}

TEST_CASE("control characters and noncharacters in TOML front matter, escaped or long", "[printable]") {
  CHECK(FrontMatterErrors("+++\ntitle = \"T\"\ndescription = \"a\\bb\"\n+++\n") ==
        "content/en/x.md:3:17: error: \"description\" holds U+0008 (backspace), a control character that no "
        "page or feed can carry; delete it, or put a space in its place\n"
        " 3 | description = \"a\\bb\"\n"
        "   |                 ^\n");
  CHECK(FrontMatterErrors("+++\ntitle = \"T\"\nsummary = \"x\\U0000FFFF\"\n+++\n") ==
        "content/en/x.md:3:13: error: \"summary\" holds U+FFFF, a noncharacter that no page or feed can "
        "carry; delete it\n"
        " 3 | summary = \"x\\U0000FFFF\"\n"
        "   |             ^\n");
  // In a list, a table, and after an escaped backslash that only looks like an escape.
  CHECK(FrontMatterErrors("+++\ntitle = \"T\"\nkeywords = [\"a\", \"\\\\u000C \\u000C\"]\n+++\n") ==
        "content/en/x.md:3:27: error: \"keywords\" holds U+000C (form feed), a control character that no "
        "page or feed can carry; delete it, or put a space in its place\n"
        " 3 | keywords = [\"a\", \"\\\\u000C \\u000C\"]\n"
        "   |                           ^\n");
  CHECK(FrontMatterErrors("+++\ntitle = \"T\"\n[params]\nteam = \"\\u0001\"\n+++\n") ==
        "content/en/x.md:4:9: error: \"params.team\" holds U+0001, a control character that no page or feed "
        "can carry; delete it, or put a space in its place\n"
        " 4 | team = \"\\u0001\"\n"
        "   |         ^\n");
}

TEST_CASE("control characters in YAML front matter, escaped or as they are, and DEL", "[printable]") {
  CHECK(
      FrontMatterErrors("---\ntitle: \"Chart\\vdata\"\n---\n") ==
      "content/en/x.md:2:14: error: \"title\" holds U+000B (vertical tab), a control character that no page "
      "or feed can carry; delete it, or put a space in its place\n"
      " 2 | title: \"Chart\\vdata\"\n"
      "   |              ^\n");
  CHECK(FrontMatterErrors("---\ntitle: T\ndescription: \"\\x7F\"\n---\n") ==
        "content/en/x.md:3:15: error: \"description\" holds U+007F (delete), a control character that no "
        "page or feed can carry; delete it, or put a space in its place\n"
        " 3 | description: \"\\x7F\"\n"
        "   |               ^\n");
  // As it is: the source line shows it as U+FFFD, so that no terminal acts on it.
  CHECK(FrontMatterErrors("---\ntitle: a\x01z\n---\n") ==
        "content/en/x.md:2:9: error: \"title\" holds U+0001, a control character that no page or feed can "
        "carry; delete it, or put a space in its place\n"
        " 2 | title: a\uFFFDz\n"
        "   |         ^\n");
}

TEST_CASE("a control character in a page's Markdown stops the build at it", "[printable]") {
  // Its first paragraph is the feed's summary.
  CHECK(ErrorsOf({{"content/en/x.md", "+++\ntitle = \"X\"\n+++\nIntro.\n\nA \x0C page break.\n"},
                  {"content/fr/x.md", "+++\ntitle = \"X\"\n+++\nTexte.\n"}}) ==
        "content/en/x.md:6:3: error: the page's text holds U+000C (form feed), a control character that no "
        "page or feed can carry; delete it, or put a space in its place\n"
        " 6 | A \uFFFD page break.\n"
        "   |   ^\n");
}

TEST_CASE("tab, line feed and carriage return are text; so is U+FFFD", "[printable]") {
  Diagnostics diags;
  auto page = ParsePage(
      "content/en/x.md",
      "+++\ntitle = \"a\\tb\"\ndescription = \"\"\"\nx\r\ny\"\"\"\nsummary = \"\uFFFD\"\n+++\n", diags);
  CHECK(diags.Render() == "");
  REQUIRE(page);
  CHECK(page->meta.title == "a\tb");
}

TEST_CASE("control characters in data text, TOML and YAML, at the character", "[printable]") {
  CHECK(ErrorsOf({{"data/offices.toml", "[[list]]\nname.en = \"Head\\u001Boffice\"\n"}}) ==
        "data/offices.toml:2:16: error: \"list.name.en\" holds U+001B (escape), a control character that no "
        "page or feed can carry; delete it, or put a space in its place\n"
        " 2 | name.en = \"Head\\u001Boffice\"\n"
        "   |                ^\n");
  CHECK(ErrorsOf({{"data/programs/grants.yaml", "title:\n  en: Grants\n  fr: \"Sub\\0ventions\"\n"}}) ==
        "data/programs/grants.yaml:3:11: error: \"title.fr\" holds U+0000 (null), a control character that "
        "no page or feed can carry; delete it, or put a space in its place\n"
        " 3 |   fr: \"Sub\\0ventions\"\n"
        "   |           ^\n");
  CHECK(ErrorsOf(
            {{"data/funding.toml", "[[programs]]\nid = \"p\"\nname.en = \"A\"\nname.fr = \"B\\uFFFE\"\n"}}) ==
        "data/funding.toml:4:13: error: \"programs.name.fr\" holds U+FFFE, a noncharacter that no page or "
        "feed can carry; delete it\n"
        " 4 | name.fr = \"B\\uFFFE\"\n"
        "   |             ^\n");
}

TEST_CASE("LocateUnprintable finds the escape after the position given, past an escaped backslash",
          "[printable]") {
  std::string file = "a = \"\\\\v\"\nb = \"x\\vy\\x0B\"\n";
  SourcePos at = LocateUnprintable(file, {"f", 2, 1}, 0x0B);
  CHECK(at.line == 2);
  CHECK(at.column == 7);
  at = LocateUnprintable(file, {"f", 1, 1}, 0x01);  // not there: where the search began
  CHECK(at.line == 1);
  CHECK(at.column == 1);
  auto found = FindUnprintable("ok\t\r\n\xEF\xBF\xBE");
  REQUIRE(found);
  CHECK(found->offset == 5);
  CHECK(found->code == 0xFFFE);
}
