// Funding data files: what loads, and every mistake, each with its exact message
// (file:line:col, the source line and a caret).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "fixture.hpp"
#include "funding_harness.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

// Lines 1-12; the project's fields start on line 13.
const std::string kHead = R"([[programs]]
id = "csoc"
name.en = "Serious Crime Program"
name.fr = "Programme crimes graves"

[[streams]]
id = "youth-pilots"
program = "csoc"
name.en = "Youth pilots"
name.fr = "Projets pilotes"

[[projects]]
)";

// Lines 13-25.
const std::vector<std::string> kProject = {
    R"(id = "ywca")",
    R"(program = "csoc")",
    R"(stream = "youth-pilots")",
    R"(recipient.en = "YWCA Moncton")",
    R"(recipient.fr = "YWCA Moncton")",
    R"(title.en = "Brave YW")",
    R"(title.fr = "Brave YW")",
    R"(city.en = "Moncton")",
    R"(city.fr = "Moncton")",
    R"(province = "NB")",
    R"(amount = 348900)",
    R"(first_fiscal_year = "2020-2021")",
    R"(duration_years = 4)",
};

// The data with one project, each line of `changes` replaced (an empty replacement removes it).
std::string FundingToml(const std::vector<std::pair<std::string, std::string>>& changes = {}) {
  std::string out = kHead;
  for (const std::string& line : kProject) {
    std::string l = line;
    for (const auto& [from, to] : changes)
      if (line == from) l = to;
    if (!l.empty()) out += l + "\n";
  }
  return out;
}

struct Loaded {
  bool ok = false;
  std::string errors;
  bool empty = true;
};

Loaded Load(const std::vector<std::pair<std::string, std::string>>& files) {
  ScratchDir dir;
  for (const auto& [name, bytes] : files) {
    std::filesystem::create_directories((dir.path() / name).parent_path());
    std::ofstream(dir.path() / name, std::ios::binary) << bytes;
  }
  Diagnostics diags;
  FundingData data;
  Loaded loaded;
  loaded.ok = data.Load(dir.path().string(), diags);
  loaded.empty = data.empty();
  for (const Diagnostic& d : diags.Sorted()) loaded.errors += FormatDiagnostic(d) + "\n";
  return loaded;
}

// The errors of loading `toml` as data/funding.toml, which must fail.
std::string ErrorsOf(const std::string& toml) {
  Loaded loaded = Load({{"data/funding.toml", toml}});
  CHECK_FALSE(loaded.ok);
  return loaded.errors;
}

}  // namespace

TEST_CASE("the repository's funding data loads", "[funding]") {
  Diagnostics diags;
  FundingData data;
  CHECK(data.Load(std::string(TANDEM_TEST_SITES) + "/../..", diags));
  CHECK(diags.Render().empty());
  CHECK_FALSE(data.empty());
  CHECK_FALSE(data.fingerprint().empty());
}

TEST_CASE("a site without data/ has no funding data, and that is fine", "[funding]") {
  Loaded loaded = Load({{"site.toml", ""}});
  CHECK(loaded.ok);
  CHECK(loaded.errors.empty());
  CHECK(loaded.empty);
}

TEST_CASE("valid data loads; other TOML files in data/ are left alone", "[funding]") {
  Loaded loaded =
      Load({{"data/funding.toml", FundingToml()}, {"data/menu.toml", "[[links]]\ntitle = \"x\"\n"}});
  CHECK(loaded.errors.empty());
  CHECK(loaded.ok);
  CHECK_FALSE(loaded.empty);
}

TEST_CASE("data may be split across files, in any order", "[funding]") {
  std::string programs = kHead.substr(0, kHead.find("[[projects]]"));
  Loaded loaded = Load({{"data/a-projects.toml", "[[projects]]\n" + FundingToml().substr(kHead.size())},
                        {"data/b-programs.toml", programs}});
  CHECK(loaded.errors.empty());
  CHECK(loaded.ok);
}

TEST_CASE("funding data error: a missing required field", "[funding]") {
  CHECK(ErrorsOf(FundingToml({{"amount = 348900", ""}})) ==
        "data/funding.toml:12:1: error: project \"ywca\" is missing the required field \"amount\"\n"
        " 12 | [[projects]]\n"
        "    | ^\n");
  CHECK(ErrorsOf(FundingToml({{R"(id = "ywca")", ""}})) ==
        "data/funding.toml:12:1: error: this project is missing the required field \"id\"\n"
        " 12 | [[projects]]\n"
        "    | ^\n");
  CHECK(ErrorsOf(FundingToml({{R"(province = "NB")", ""}})) ==
        "data/funding.toml:12:1: error: project \"ywca\" is missing the required field \"province\" (or "
        "country, "
        "for a project abroad)\n"
        " 12 | [[projects]]\n"
        "    | ^\n");
}

TEST_CASE("funding data error: a text without its English or French value", "[funding]") {
  CHECK(ErrorsOf(FundingToml({{R"(title.fr = "Brave YW")", ""}})) ==
        "data/funding.toml:18:1: error: \"title\" has no French value: add title.fr = \"...\"\n"
        " 18 | title.en = \"Brave YW\"\n"
        "    | ^\n");
  CHECK(ErrorsOf(FundingToml({{R"(city.en = "Moncton")", ""}})) ==
        "data/funding.toml:20:1: error: \"city\" has no English value: add city.en = \"...\"\n"
        " 20 | city.fr = \"Moncton\"\n"
        "    | ^\n");
  CHECK(ErrorsOf(FundingToml({{R"(city.en = "Moncton")", R"(city.en = "  ")"}})) ==
        "data/funding.toml:20:11: error: city.en is empty\n"
        " 20 | city.en = \"  \"\n"
        "    |           ^\n");
  CHECK(ErrorsOf(FundingToml({{R"(recipient.en = "YWCA Moncton")", R"(recipient = "YWCA Moncton")"},
                              {R"(recipient.fr = "YWCA Moncton")", ""}})) ==
        "data/funding.toml:16:13: error: \"recipient\" needs a value in each of the site's languages: write "
        "recipient.en = "
        "\"...\" and recipient.fr = \"...\"\n"
        " 16 | recipient = \"YWCA Moncton\"\n"
        "    |             ^\n");
  CHECK(ErrorsOf(FundingToml({{R"(title.fr = "Brave YW")", R"(title.fn = "Brave YW")"}})) ==
        "data/funding.toml:18:1: error: \"title\" has no French value: add title.fr = \"...\"\n"
        " 18 | title.en = \"Brave YW\"\n"
        "    | ^\n"
        "data/funding.toml:19:7: error: unknown key \"fn\" in \"title\" (did you mean \"en\"?); known keys: "
        "\"en\", "
        "\"fr\"\n"
        " 19 | title.fn = \"Brave YW\"\n"
        "    |       ^\n");
}

TEST_CASE("funding data error: an amount that is negative or not whole dollars", "[funding]") {
  CHECK(ErrorsOf(FundingToml({{"amount = 348900", "amount = -5"}})) ==
        "data/funding.toml:23:10: error: amount must not be negative\n"
        " 23 | amount = -5\n"
        "    |          ^\n");
  std::string not_whole =
      "error: amount must be a whole number of dollars, like amount = 54919: no decimals, quotes or "
      "separators\n";
  CHECK(ErrorsOf(FundingToml({{"amount = 348900", "amount = 348900.50"}})) ==
        "data/funding.toml:23:10: " + not_whole +
            " 23 | amount = 348900.50\n"
            "    |          ^\n");
  CHECK(ErrorsOf(FundingToml({{"amount = 348900", R"(amount = "348,900")"}})) ==
        "data/funding.toml:23:10: " + not_whole +
            " 23 | amount = \"348,900\"\n"
            "    |          ^\n");
  CHECK(ErrorsOf(FundingToml({{"amount = 348900", "amount = 5_000_000_000_000"}})) ==
        "data/funding.toml:23:10: error: amount is over a trillion dollars; check it\n"
        " 23 | amount = 5_000_000_000_000\n"
        "    |          ^\n");
}

TEST_CASE("funding data error: a duplicate project id", "[funding]") {
  std::string twice = FundingToml() + "\n[[projects]]\n" + FundingToml().substr(kHead.size());
  CHECK(ErrorsOf(twice) ==
        "data/funding.toml:28:6: error: duplicate project id \"ywca\"; the first is at data/funding.toml:13\n"
        " 28 | id = \"ywca\"\n"
        "    |      ^\n");
}

TEST_CASE("funding data error: a project naming an unknown program or stream", "[funding]") {
  CHECK(ErrorsOf(FundingToml({{R"(program = "csoc")", R"(program = "cso")"}})) ==
        "data/funding.toml:14:11: error: unknown program \"cso\" (did you mean \"csoc\"?); known programs: "
        "\"csoc\"\n"
        " 14 | program = \"cso\"\n"
        "    |           ^\n");
  CHECK(ErrorsOf(FundingToml({{R"(stream = "youth-pilots")", R"(stream = "youth-pilot")"}})) ==
        "data/funding.toml:15:10: error: unknown stream \"youth-pilot\" (did you mean \"youth-pilots\"?); "
        "the streams "
        "of program \"csoc\": \"youth-pilots\"\n"
        " 15 | stream = \"youth-pilot\"\n"
        "    |          ^\n");
  std::string other = R"([[programs]]
id = "other"
name.en = "Other"
name.fr = "Autre"

[[streams]]
id = "elsewhere"
program = "other"
name.en = "Elsewhere"
name.fr = "Ailleurs"
)";
  CHECK(ErrorsOf(other + FundingToml({{R"(stream = "youth-pilots")", R"(stream = "elsewhere")"}})) ==
        "data/funding.toml:25:10: error: stream \"elsewhere\" belongs to program \"other\", not \"csoc\"; "
        "the streams "
        "of program \"csoc\": \"youth-pilots\"\n"
        " 25 | stream = \"elsewhere\"\n"
        "    |          ^\n");
  CHECK(ErrorsOf(R"([[streams]]
id = "s"
program = "nope"
name.en = "S"
name.fr = "S"
)") == "data/funding.toml:3:11: error: unknown program \"nope\": the data has no [[programs]] yet\n"
       " 3 | program = \"nope\"\n"
       "   |           ^\n");
}

TEST_CASE("funding data error: an unknown key, with a suggestion", "[funding]") {
  CHECK(
      ErrorsOf(FundingToml({{"amount = 348900", "amount = 348900\nammount = 1"}})) ==
      "data/funding.toml:24:1: error: unknown key \"ammount\" in [[projects]] (did you mean \"amount\"?); "
      "known "
      "keys: \"id\", \"program\", \"stream\", \"recipient\", \"title\", \"city\", \"province\", \"country\", "
      "\"amount\", \"first_fiscal_year\", \"duration_years\", \"indigenous_led\", \"indigenous_serving\", "
      "\"link\"\n"
      " 24 | ammount = 1\n"
      "    | ^\n");
  std::string misspelt = FundingToml();
  misspelt.replace(misspelt.find("[[projects]]"), 12, "[[project]]");
  CHECK(ErrorsOf(misspelt) ==
        "data/funding.toml:12:3: error: unknown key \"project\" in a funding data file (did you mean "
        "\"projects\"?); "
        "known keys: \"programs\", \"streams\", \"projects\"\n"
        " 12 | [[project]]\n"
        "    |   ^\n");
  // A file of nothing but a misspelt [[projects]] is still read as funding data.
  CHECK(ErrorsOf("[[projets]]\nid = \"x\"\n") ==
        "data/funding.toml:1:3: error: unknown key \"projets\" in a funding data file (did you mean "
        "\"projects\"?); "
        "known keys: \"programs\", \"streams\", \"projects\"\n"
        " 1 | [[projets]]\n"
        "   |   ^\n");
}

TEST_CASE("funding data error: a bad province or territory code", "[funding]") {
  std::string codes =
      "use one of \"AB\", \"BC\", \"MB\", \"NB\", \"NL\", \"NS\", \"NT\", \"NU\", \"ON\", \"PE\", \"QC\", "
      "\"SK\", \"YT\"\n";
  CHECK(ErrorsOf(FundingToml({{R"(province = "NB")", R"(province = "PQ")"}})) ==
        "data/funding.toml:22:12: error: unknown province or territory code \"PQ\"; " + codes +
            " 22 | province = \"PQ\"\n"
            "    |            ^\n");
  CHECK(ErrorsOf(FundingToml({{R"(province = "NB")", R"(province = "nb")"}})) ==
        "data/funding.toml:22:12: error: unknown province or territory code \"nb\" (did you mean \"NB\"?); " +
            codes +
            " 22 | province = \"nb\"\n"
            "    |            ^\n");
}

TEST_CASE("funding data error: a bad country, or a province abroad", "[funding]") {
  CHECK(
      ErrorsOf(FundingToml({{R"(province = "NB")", R"(country = "Austria")"}})) ==
      "data/funding.toml:22:11: error: unknown country code \"Austria\": use an ISO 3166 two-letter code in "
      "capitals, like \"AT\" for Austria\n"
      " 22 | country = \"Austria\"\n"
      "    |           ^\n");
  CHECK(ErrorsOf(FundingToml({{R"(province = "NB")", R"(country = "QQ")"}}))
            .find("unknown country code \"QQ\"") != std::string::npos);
  CHECK(ErrorsOf(FundingToml({{R"(province = "NB")", "province = \"NB\"\ncountry = \"AT\""}})) ==
        "data/funding.toml:22:12: error: province is only for projects in Canada, and this one's country is "
        "\"AT\"; "
        "remove one of them\n"
        " 22 | province = \"NB\"\n"
        "    |            ^\n");
  CHECK(ErrorsOf(FundingToml({{R"(province = "NB")", R"(country = "CA")"}})) ==
        "data/funding.toml:12:1: error: project \"ywca\" is in Canada but has no province: add province = "
        "\"ON\" (or "
        "its own code)\n"
        " 12 | [[projects]]\n"
        "    | ^\n");
  // A project abroad needs no province.
  Loaded abroad = Load({{"data/funding.toml", FundingToml({{R"(province = "NB")", R"(country = "AT")"}})}});
  CHECK(abroad.errors.empty());
  CHECK(abroad.ok);
}

TEST_CASE("funding data error: a bad fiscal year or duration", "[funding]") {
  std::string message =
      "error: first_fiscal_year must be a fiscal year written as its two calendar years, in quotes, like "
      "first_fiscal_year = \"2020-2021\"\n";
  CHECK(
      ErrorsOf(FundingToml({{R"(first_fiscal_year = "2020-2021")", R"(first_fiscal_year = "2020-2022")"}})) ==
      "data/funding.toml:24:21: " + message +
          " 24 | first_fiscal_year = \"2020-2022\"\n"
          "    |                     ^\n");
  CHECK(ErrorsOf(FundingToml({{R"(first_fiscal_year = "2020-2021")", R"(first_fiscal_year = "2020-21")"}})) ==
        "data/funding.toml:24:21: " + message +
            " 24 | first_fiscal_year = \"2020-21\"\n"
            "    |                     ^\n");
  CHECK(ErrorsOf(FundingToml({{R"(first_fiscal_year = "2020-2021")", R"(first_fiscal_year = 2020)"}})) ==
        "data/funding.toml:24:21: " + message +
            " 24 | first_fiscal_year = 2020\n"
            "    |                     ^\n");
  CHECK(ErrorsOf(FundingToml({{"duration_years = 4", "duration_years = 0"}})) ==
        "data/funding.toml:25:18: error: duration_years must be a whole number of years, 1 or more, like "
        "duration_years = 4\n"
        " 25 | duration_years = 0\n"
        "    |                  ^\n");
}

TEST_CASE("funding data error: bad ids, flags and links", "[funding]") {
  CHECK(ErrorsOf(FundingToml({{R"(id = "ywca")", R"(id = "YWCA Moncton")"}})) ==
        "data/funding.toml:13:6: error: id \"YWCA Moncton\" may hold only lowercase letters, digits, hyphens "
        "and "
        "underscores, like \"youth-pilots\"\n"
        " 13 | id = \"YWCA Moncton\"\n"
        "    |      ^\n");
  CHECK(ErrorsOf(FundingToml({{"duration_years = 4", "duration_years = 4\nindigenous_led = \"yes\""}})) ==
        "data/funding.toml:26:18: error: indigenous_led must be true or false (without quotes)\n"
        " 26 | indigenous_led = \"yes\"\n"
        "    |                  ^\n");
  CHECK(ErrorsOf(FundingToml({{"duration_years = 4", "duration_years = 4\nlink = \"www.example.ca\""}})) ==
        "data/funding.toml:26:8: error: link must be a full address starting with https:// (or a path "
        "starting with "
        "/)\n"
        " 26 | link = \"www.example.ca\"\n"
        "    |        ^\n");
  // A protocol-relative address is another site's, not a path of this one; so is "/\host" to a
  // browser (the URL policy, support/url/url_policy.hpp).
  CHECK(ErrorsOf(FundingToml({{"duration_years = 4", "duration_years = 4\nlink = \"//evil.example/\""}})) ==
        "data/funding.toml:26:8: error: the address \"//evil.example/\" names another host without a scheme; "
        "write it in full, like \"https://evil.example/\", or a path of the site with a single \"/\"\n"
        " 26 | link = \"//evil.example/\"\n"
        "    |        ^\n");
  CHECK(ErrorsOf(FundingToml({{"duration_years = 4", "duration_years = 4\nlink = '/\\evil.example/'"}})) ==
        "data/funding.toml:26:8: error: the address \"/\\evil.example/\" holds a backslash, which a browser "
        "reads as \"/\" (so \"/\\host\" is another host); write \"/\" instead\n"
        " 26 | link = '/\\evil.example/'\n"
        "    |        ^\n");
}

TEST_CASE("funding data error: duplicate program and stream ids, and entries that are not tables",
          "[funding]") {
  CHECK(ErrorsOf(kHead.substr(0, kHead.find("[[streams]]")) + kHead.substr(0, kHead.find("[[streams]]"))) ==
        "data/funding.toml:7:6: error: duplicate program id \"csoc\"; the first is at data/funding.toml:2\n"
        " 7 | id = \"csoc\"\n"
        "   |      ^\n");
  CHECK(ErrorsOf("projects = [\"a\"]\n") ==
        "data/funding.toml:1:12: error: \"projects\" must be a list of tables: write each project under its "
        "own "
        "[[projects]]\n"
        " 1 | projects = [\"a\"]\n"
        "   |            ^\n");
}

TEST_CASE("funding data error: invalid TOML and invalid UTF-8", "[funding]") {
  CHECK(ErrorsOf(FundingToml({{R"(city.fr = "Moncton")", R"(city.fr = "Moncton)"}})) ==
        "data/funding.toml:21:19: error: invalid TOML: Error while parsing string: unescaped control "
        "characters "
        "other than TAB (U+0009) are explicitly prohibited\n"
        " 21 | city.fr = \"Moncton\n"
        "    |                   ^\n");
  CHECK(ErrorsOf(FundingToml({{R"(city.fr = "Moncton")", "city.fr = \"Montr\xE9\x61l\""}})) ==
        "data/funding.toml:21:17: error: invalid UTF-8; save the file as UTF-8 (it may be in Windows-1252 or "
        "Latin-1)\n"
        " 21 | city.fr = \"Montr\uFFFDal\"\n"
        "    |                 ^\n");
}

TEST_CASE("a data file with a BOM and CRLF line ends loads like a clean one", "[funding]") {
  std::string crlf;
  for (char c : FundingToml()) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  Loaded loaded = Load({{"data/funding.toml", "\xEF\xBB\xBF" + crlf}});
  CHECK(loaded.errors.empty());
  CHECK(loaded.ok);
}
