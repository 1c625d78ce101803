#include "content/front_matter.hpp"

#include <catch2/catch.hpp>

#include "content/front_matter/fields.hpp"
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
        "content/en/x.md:3:1: error: \"date\" must be a date written YYYY-MM-DD, or a date and time like "
        "2021-07-30T09:00:00-04:00 or "
        "2021-07-30 09:00:00 -0400 (the offset may be Z, or left out for the site's time zone), not "
        "\"30/07/2021\"\n"
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

namespace {

// Everything ParsePage read, as text, to compare two readings.
std::string Describe(const std::optional<PageSource>& page, const Diagnostics& diags) {
  if (!page) return "error: " + diags.Render();
  const FrontMatter& m = page->meta;
  std::string out = m.title + "|" + m.description + "|" + m.date + "|" + m.modified + "|" + m.slug + "|" +
                    m.url + "|" + m.translation_key + "|" + m.layout + "|" + m.keywords + "|" + m.subject +
                    "|" + (m.draft ? "draft" : "") + "|" + std::to_string(m.weight) + "|" + page->body + "|" +
                    std::to_string(page->body_line) + "|" + std::to_string(m.title_pos.line) + ":" +
                    std::to_string(m.title_pos.column) + "|" + std::to_string(m.slug_pos.line) + ":" +
                    std::to_string(m.slug_pos.column) + "|params:";
  for (const auto& [k, v] : m.params.fields) {
    out += k + "=";
    if (v.kind == Value::Kind::kList)
      for (const Value& item : v.items) out += item.text + ",";
    else
      out += v.kind == Value::Kind::kBool ? (v.flag ? "true" : "false") : v.text;
    out += ";";
  }
  return out;
}

}  // namespace

TEST_CASE("simple TOML front matter reads the same by the quick reader as by toml++", "[front matter]") {
  // A trailing comment sends a block to toml++; without it, simple blocks take the quick path.
  const std::vector<std::string> blocks = {
      "title = \"A \\\"quoted\\\" title\\\\ with\\ttab and\\nline\"\nslug = 'lit\\eral'\n",
      "title = \"T\"\ndate = 2020-07-07\nmodified = 2025-09-22\nweight = 88\ndraft = false\n",
      "title = \"T\"\nkeywords = [\"a\", 'b',\"c\" ]\nsubject = []\nteam = \"Ops\"\nflag = true\ncount = 0\n",
      "  title   =   \"Indented\"\n\n# a comment line\n\tslug = \"x\"\nZeta = \"z\"\nalpha-beta_1 = \"a\"\n",
      "title = \"Étoile « nord »\"\ndescription = \"\"\nkeywords = [\"é\", \"ü\"]\n",
      "title = \"T\"\nweight = -3\n",
      "title = \"T\"\nweight = 1_000\n",
      "title = \"T\"\nweight = 007\n",
      "title = \"T\"\ndate = 2021-07-30T09:00:00-04:00\n",
      "title = \"T\"\ndate = 2023-02-29\n",
      "title = \"T\"\nratio = 1.5\n",
      "title = \"T\"\ntitle = \"again\"\n",
      "title = \"T\\u00e9\"\n",
      "title = \"T\"\n[params]\nx = 1\n",
      "title = \"T\"\na.b = 1\n",
      "title = \"T\"\nlist = [1, 2]\n",
      "title = \"T\"\nlist = [\n\"a\"]\n",
      "title = \"T\"\nslug = \"unclosed\n",
      "title = \"T\"\nslug =\n",
      "title = \"T\"\nweight = 99999999999\n"};
  for (const std::string& block : blocks) {
    std::string quick = "+++\n" + block + "+++\nBody\n";
    std::string first_line = block.substr(0, block.find('\n'));
    std::string general = "+++\n" + first_line + " # c" + block.substr(first_line.size()) + "+++\nBody\n";
    Diagnostics a, b;
    std::string by_quick = Describe(ParsePage("x.md", quick, a), a);
    std::string by_general = Describe(ParsePage("x.md", general, b), b);
    INFO(block);
    // The source lines quoted in errors differ by the comment; compare the rest.
    auto without_quotes = [](std::string s) {
      std::string out;
      std::istringstream in(s);
      for (std::string line; std::getline(in, line);)
        if (line.rfind(" ", 0) != 0) out += line + "\n";
      return out;
    };
    CHECK(without_quotes(by_quick) == without_quotes(by_general));
  }
}

TEST_CASE("YAML escapes \\_ and \\N give valid UTF-8, not yaml-cpp's lone Latin-1 bytes", "[front-matter]") {
  auto page = Parse("---\ntitle: \"Loi\\_sur les armes\"\ndescription: \"a\\Nb\"\nteam: \"x\\_y\"\n---\n");
  REQUIRE(page);
  CHECK(page->meta.title == "Loi\u00A0sur les armes");
  CHECK(page->meta.description == "a\u0085b");
  CHECK(page->meta.params.fields.at(0).second.text == "x\u00A0y");
  CHECK_FALSE(FindInvalidUtf8(page->meta.title));
}

TEST_CASE("RepairLatin1Bytes leaves valid UTF-8 alone", "[front-matter]") {
  CHECK(RepairLatin1Bytes("Sécurité – ok") == "Sécurité – ok");
  CHECK(RepairLatin1Bytes(std::string("a\xA0") + "é") == "a\u00A0é");
  CHECK(RepairLatin1Bytes("\xFF") == "\u00FF");
}

TEST_CASE("the quick TOML reader puts each field and list item where toml++ does, counting characters",
          "[front-matter]") {
  // After "Été", a byte count put the list's second item 2 columns too far: the caret of a
  // finding on it stood under the wrong word.
  const std::string text = "+++\nkeywords = [\"Été\", \"Ottawa\"]\ntitle = \"Ça\"\n+++\nBody\n";
  Diagnostics diags;
  auto block = front_matter::SplitFrontMatter("x.md", text, diags);
  REQUIRE(block);
  auto quick = front_matter::ReadQuickToml("x.md", *block);
  auto full = front_matter::ReadFullToml("x.md", text, *block, diags);
  REQUIRE(quick);
  REQUIRE(full);
  auto places = [](const std::vector<front_matter::Field>& fields) {
    std::vector<std::string> out;
    for (const auto& f : fields) {
      out.push_back(f.key + "@" + std::to_string(f.pos.line) + ":" + std::to_string(f.pos.column));
      for (const auto& item : f.children)
        out.push_back(item.text + "@" + std::to_string(item.pos.line) + ":" +
                      std::to_string(item.pos.column));
    }
    return out;
  };
  CHECK(places(*quick) == std::vector<std::string>{"keywords@2:1", "Été@2:13", "Ottawa@2:20", "title@3:1"});
  CHECK(places(*quick) == places(*full));
}

TEST_CASE(
    "a control character in a TOML comment is an error, as toml++ says, not skipped by the quick reader",
    "[front-matter]") {
  std::string errors;
  auto page = Parse("+++\ntitle = \"T\"\n# note\x0f here\n+++\nBody\n", &errors);
  CHECK_FALSE(page);
  CHECK(errors.find("content/en/x.md:3:") != std::string::npos);
}
