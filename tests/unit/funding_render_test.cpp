// Funding tables, CSV files and figures, rendered straight from FundingData in
// each language: ICU formatting byte for byte, integer totals, collation.
#include <toml++/toml.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "fixture.hpp"
#include "funding_harness.hpp"
#include "i18n/locale.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

const Locale& LocaleOf(const std::string& lang) {
  static Locale en("en-CA"), fr("fr-CA");
  return lang == "fr" ? fr : en;
}

const FundingData& RepoData() {
  static FundingData data = [] {
    FundingData d;
    Diagnostics diags;
    d.Load(std::string(TANDEM_TEST_SITES) + "/../..", diags);
    return d;
  }();
  return data;
}

FundingData DataFrom(const std::string& toml) {
  ScratchDir dir;
  std::filesystem::create_directories(dir.path() / "data");
  std::ofstream(dir.path() / "data/funding.toml", std::ios::binary) << toml;
  FundingData data;
  Diagnostics diags;
  bool ok = data.Load(dir.path().string(), diags);
  INFO(diags.Render());
  REQUIRE(ok);
  return data;
}

std::string Figure(const FundingData& data, const std::string& lang, const std::string& directive) {
  FundingPage page(lang);
  return page.Figure(data, directive);
}

// The row headers of a table's data rows, in order (not the subtotal or total labels).
std::vector<std::string> RowHeaders(const std::string& html) {
  std::vector<std::string> out;
  const std::string open = "<tr><th scope=\"row\">";
  for (size_t at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
    size_t start = at + open.size();
    out.push_back(html.substr(start, html.find("</th>", start) - start));
  }
  return out;
}

// One program, two streams; recipients chosen to sort differently by collation and by bytes.
const std::string kSmall = R"(
[[programs]]
id = "demo"
name.en = "Demo Program"
name.fr = "Programme démo"

[[streams]]
id = "a"
program = "demo"
name.en = "Stream A"
name.fr = "Volet A"

[[streams]]
id = "b"
program = "demo"
name.en = "Stream B"
name.fr = "Volet B"

[[projects]]
id = "zebre"
program = "demo"
stream = "a"
recipient.en = "Zèbre"
recipient.fr = "Zèbre"
title.en = "Stripes"
title.fr = "Rayures"
city.en = "Quebec City"
city.fr = "Québec"
province = "QC"
amount = 10
first_fiscal_year = "2020-2021"
duration_years = 1

[[projects]]
id = "universite"
program = "demo"
stream = "a"
recipient.en = "Université Saint-Mary"
recipient.fr = "Université Saint-Mary"
title.en = "Campus, \"Safe\" Spaces"
title.fr = "Espaces « sûrs » du campus"
city.en = "Halifax"
city.fr = "Halifax"
province = "NS"
amount = 2000000
first_fiscal_year = "2021-2022"
duration_years = 3
indigenous_serving = true

[[projects]]
id = "ecole-accent"
program = "demo"
stream = "a"
recipient.en = "École Sainte-Marie"
recipient.fr = "École Sainte-Marie"
title.en = "School"
title.fr = "École"
city.en = "Moncton"
city.fr = "Moncton"
province = "NB"
amount = 300
first_fiscal_year = "2020-2021"
duration_years = 2

[[projects]]
id = "ecole-plain"
program = "demo"
stream = "b"
recipient.en = "Ecole Sainte-Anne"
recipient.fr = "Ecole Sainte-Anne"
title.en = "Plain"
title.fr = "Simple"
city.en = "Vienna"
city.fr = "Vienne"
country = "AT"
amount = 4000
first_fiscal_year = "2020-2021"
duration_years = 1
indigenous_led = true

[[projects]]
id = "armee"
program = "demo"
stream = "b"
recipient.en = "armée du nord"
recipient.fr = "armée du nord"
title.en = "North"
title.fr = "Nord"
city.en = "Iqaluit"
city.fr = "Iqaluit"
province = "NU"
amount = 50000
first_fiscal_year = "2022-2023"
duration_years = 4
indigenous_led = true
indigenous_serving = true
)";

const FundingData& Small() {
  static FundingData data = DataFrom(kSmall);
  return data;
}

}  // namespace

TEST_CASE("ICU formats amounts for each locale, byte for byte", "[funding]") {
  CHECK(LocaleOf("en").FormatCurrency(54919) == "$54,919");
  CHECK(LocaleOf("fr").FormatCurrency(54919) ==
        "54\xC2\xA0"
        "919\xC2\xA0$");
  CHECK(LocaleOf("en").FormatCompact(5120527) == "5.12 million");
  CHECK(LocaleOf("fr").FormatCompact(5120527) == "5,12 millions");
  CHECK(Figure(RepoData(), "en", "funding:total program=csoc") == "$5,120,527");
  CHECK(Figure(RepoData(), "fr", "funding:total program=csoc") ==
        "5\xC2\xA0"
        "120\xC2\xA0"
        "527\xC2\xA0$");
  CHECK(Figure(RepoData(), "en", "funding:total program=csoc format=compact") == "$5.12 million");
  CHECK(Figure(RepoData(), "fr", "funding:total program=csoc format=compact") == "5,12 millions de dollars");
  CHECK(Figure(RepoData(), "en", "funding:total stream=youth-pilots format=compact") == "$1.49 million");
  CHECK(Figure(RepoData(), "fr", "funding:total stream=youth-pilots format=compact") ==
        "1,49 million de dollars");
  CHECK(Figure(RepoData(), "en", "funding:total program=csoc format=full") == "$5,120,527");
}

TEST_CASE("a compact total under a million is written in full", "[funding]") {
  CHECK(Figure(RepoData(), "en", "funding:total stream=youth-hackathons format=compact") == "$180,688");
  CHECK(Figure(RepoData(), "fr", "funding:total stream=youth-hackathons format=compact") ==
        "180\xC2\xA0"
        "688\xC2\xA0$");
}

TEST_CASE("counts of projects take the language's plural form", "[funding]") {
  CHECK(Figure(RepoData(), "en", "funding:count program=csoc") == "14 projects");
  CHECK(Figure(RepoData(), "fr", "funding:count program=csoc") == "14 projets");
  CHECK(Figure(RepoData(), "en", "funding:count stream=youth-hackathons") == "2 projects");
  CHECK(Figure(Small(), "en", "funding:count stream=b flags=indigenous-led") == "2 projects");
  CHECK(Figure(Small(), "fr", "funding:count program=demo flags=indigenous-serving") == "2 projets");
  // Several flags: the projects that have all of them.
  CHECK(Figure(Small(), "en", "funding:count program=demo flags=indigenous-led,indigenous-serving") ==
        "1 project");
  CHECK(Figure(Small(), "fr", "funding:count program=demo flags=indigenous-led,indigenous-serving") ==
        "1 projet");
}

TEST_CASE("totals of the repository's data, in integer dollars", "[funding]") {
  auto total = [](const std::string& args) {
    FundingPage page("en");
    std::string text = page.Figure(RepoData(), "funding:total " + args);
    text.erase(std::remove_if(text.begin(), text.end(), [](char c) { return c == '$' || c == ','; }),
               text.end());
    return text;
  };
  CHECK(total("stream=youth-hackathons") == "180688");
  CHECK(total("stream=community-empowerment") == "3450271");
  CHECK(total("stream=youth-pilots") == "1489568");
  CHECK(total("program=csoc") == "5120527");
  CHECK(total("program=csoc stream=youth-pilots") == "1489568");
}

TEST_CASE("the repository's table: a subtotal per stream and the total", "[funding]") {
  for (const std::string lang : {"en", "fr"}) {
    FundingPage page(lang);
    std::string html = page.Table(RepoData(), "program = \"csoc\"\ngroup_by = \"stream\"\n");
    const Strings& t = page.strings;
    const Locale& l = LocaleOf(lang);
    for (int64_t subtotal : {180688, 3450271, 1489568})
      CHECK(html.find("<tr class=\"subtotal\"><th scope=\"row\">" + t.at("funding_subtotal") +
                      "</th><td></td><td></td><td></td><td class=\"amount\" data-order=\"" +
                      std::to_string(subtotal) + "\">" + l.FormatCurrency(subtotal) +
                      "</td><td></td></tr>") != std::string::npos);
    CHECK(html.find("<tfoot>\n<tr class=\"total\"><th scope=\"row\">Total</th><td></td><td></td><td></td><td "
                    "class=\"amount\" data-order=\"5120527\">" +
                    l.FormatCurrency(5120527) + "</td><td></td></tr>\n</tfoot>") != std::string::npos);
    CHECK(RowHeaders(html).size() == 14);
  }
}

TEST_CASE("a table, byte for byte, in English and in French", "[funding]") {
  std::string body =
      "stream = \"b\"\ncolumns = [\"recipient\", \"city\", \"province\", \"amount\", \"years\"]\n"
      "sort = \"amount\"\norder = \"descending\"\n";
  FundingPage en("en");
  CHECK(en.Table(Small(), body) ==
        "<section class=\"table-wrap\" aria-labelledby=\"funding-1-caption\" tabindex=\"0\">\n"
        "<table class=\"funding\">\n"
        "<caption id=\"funding-1-caption\">Stream B, in dollars</caption>\n"
        "<thead>\n"
        "<tr><th scope=\"col\">Recipient</th><th scope=\"col\">City</th><th scope=\"col\">Province or "
        "territory</th>"
        "<th scope=\"col\" class=\"amount\">Amount</th><th scope=\"col\">Funding period</th></tr>\n"
        "</thead>\n"
        "<tbody>\n"
        "<tr><th scope=\"row\">armée du nord</th><td>Iqaluit</td><td>Nunavut</td>"
        "<td class=\"amount\" data-order=\"50000\">$50,000</td><td>2022-2023 to 2025-2026</td></tr>\n"
        "<tr><th scope=\"row\">Ecole Sainte-Anne</th><td>Vienna</td><td>Austria</td>"
        "<td class=\"amount\" data-order=\"4000\">$4,000</td><td>2020-2021</td></tr>\n"
        "</tbody>\n"
        "<tfoot>\n"
        "<tr class=\"total\"><th scope=\"row\">Total</th><td></td><td></td>"
        "<td class=\"amount\" data-order=\"54000\">$54,000</td><td></td></tr>\n"
        "</tfoot>\n"
        "</table>\n"
        "</section>\n"
        "<p class=\"funding-csv\"><a href=\"/en/x/funding-1.csv\">Download this table (CSV)</a></p>\n");
  FundingPage fr("fr");
  fr.SkipTables(1);  // the page's second table
  CHECK(fr.Table(Small(), body) ==
        "<section class=\"table-wrap\" aria-labelledby=\"funding-2-caption\" tabindex=\"0\">\n"
        "<table class=\"funding\">\n"
        "<caption id=\"funding-2-caption\">Volet B, en dollars</caption>\n"
        "<thead>\n"
        "<tr><th scope=\"col\">Bénéficiaire</th><th scope=\"col\">Ville</th><th scope=\"col\">Province ou "
        "territoire</th><th scope=\"col\" class=\"amount\">Montant</th><th scope=\"col\">Période de "
        "financement</th></tr>\n"
        "</thead>\n"
        "<tbody>\n"
        "<tr><th scope=\"row\">armée du nord</th><td>Iqaluit</td><td>Nunavut</td>"
        "<td class=\"amount\" data-order=\"50000\">50\xC2\xA0"
        "000\xC2\xA0$</td><td>2022-2023 à 2025-2026</td></tr>\n"
        "<tr><th scope=\"row\">Ecole Sainte-Anne</th><td>Vienne</td><td>Autriche</td>"
        "<td class=\"amount\" data-order=\"4000\">4\xC2\xA0"
        "000\xC2\xA0$</td><td>2020-2021</td></tr>\n"
        "</tbody>\n"
        "<tfoot>\n"
        "<tr class=\"total\"><th scope=\"row\">Total</th><td></td><td></td>"
        "<td class=\"amount\" data-order=\"54000\">54\xC2\xA0"
        "000\xC2\xA0$</td><td></td></tr>\n"
        "</tfoot>\n"
        "</table>\n"
        "</section>\n"
        "<p class=\"funding-csv\"><a href=\"/fr/x/funding-2.csv\">Télécharger ce tableau (CSV)</a></p>\n");
  REQUIRE(fr.files.size() == 1);
  CHECK(fr.files[0].first == "fr/x/funding-2.csv");
}

TEST_CASE("grouped tables: a heading row and a subtotal per group", "[funding]") {
  FundingPage en("en");
  std::string html = en.Table(Small(),
                              "program = \"demo\"\ngroup_by = \"stream\"\ncolumns = [\"project\", "
                              "\"amount\"]\nsort = \"amount\"\ncaption = \"Demo & <co>\"\n");
  CHECK(html ==
        "<section class=\"table-wrap\" aria-labelledby=\"funding-1-caption\" tabindex=\"0\">\n"
        "<table class=\"funding\">\n"
        "<caption id=\"funding-1-caption\">Demo &amp; &lt;co&gt;</caption>\n"
        "<thead>\n"
        "<tr><th scope=\"col\">Project</th><th scope=\"col\" class=\"amount\">Amount</th></tr>\n"
        "</thead>\n"
        "<tbody>\n"
        "<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"2\">Stream A</th></tr>\n"
        "<tr><th scope=\"row\">Stripes</th><td class=\"amount\" data-order=\"10\">$10</td></tr>\n"
        "<tr><th scope=\"row\">School</th><td class=\"amount\" data-order=\"300\">$300</td></tr>\n"
        "<tr><th scope=\"row\">Campus, &quot;Safe&quot; Spaces</th>"
        "<td class=\"amount\" data-order=\"2000000\">$2,000,000</td></tr>\n"
        "<tr class=\"subtotal\"><th scope=\"row\">Subtotal</th>"
        "<td class=\"amount\" data-order=\"2000310\">$2,000,310</td></tr>\n"
        "</tbody>\n"
        "<tbody>\n"
        "<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"2\">Stream B</th></tr>\n"
        "<tr><th scope=\"row\">Plain</th><td class=\"amount\" data-order=\"4000\">$4,000</td></tr>\n"
        "<tr><th scope=\"row\">North</th><td class=\"amount\" data-order=\"50000\">$50,000</td></tr>\n"
        "<tr class=\"subtotal\"><th scope=\"row\">Subtotal</th>"
        "<td class=\"amount\" data-order=\"54000\">$54,000</td></tr>\n"
        "</tbody>\n"
        "<tfoot>\n"
        "<tr class=\"total\"><th scope=\"row\">Total</th><td class=\"amount\" "
        "data-order=\"2054310\">$2,054,310</td>"
        "</tr>\n"
        "</tfoot>\n"
        "</table>\n"
        "</section>\n"
        "<p class=\"funding-csv\"><a href=\"/en/x/funding-1.csv\">Download this table (CSV)</a></p>\n");
}

TEST_CASE("text sorts by the page's collation: accents and case as the language wants", "[funding]") {
  std::string body = "program = \"demo\"\ncolumns = [\"recipient\", \"amount\"]\nsort = \"recipient\"\n";
  std::vector<std::string> expected = {"armée du nord", "Ecole Sainte-Anne", "École Sainte-Marie",
                                       "Université Saint-Mary", "Zèbre"};
  for (const std::string lang : {"en", "fr"}) {
    FundingPage page(lang);
    CHECK(RowHeaders(page.Table(Small(), body)) == expected);
  }
  // Descending is the exact reverse.
  FundingPage fr("fr");
  std::vector<std::string> reversed(expected.rbegin(), expected.rend());
  CHECK(RowHeaders(fr.Table(Small(), body + "order = \"descending\"\n")) == reversed);
  // Without sort, rows keep the data's order.
  FundingPage en("en");
  CHECK(RowHeaders(en.Table(Small(), "program = \"demo\"\ncolumns = [\"recipient\", \"amount\"]\n")) ==
        std::vector<std::string>{"Zèbre", "Université Saint-Mary", "École Sainte-Marie", "Ecole Sainte-Anne",
                                 "armée du nord"});
}

TEST_CASE("sorting by city, province, years; grouping by province or program", "[funding]") {
  FundingPage fr("fr");
  // City in the page's language: Halifax, Iqaluit, Moncton, Québec, Vienne.
  CHECK(RowHeaders(fr.Table(Small(),
                            "program = \"demo\"\ncolumns = [\"city\", \"recipient\"]\nsort = \"city\"\n")) ==
        std::vector<std::string>{"Halifax", "Iqaluit", "Moncton", "Québec", "Vienne"});
  FundingPage fr2("fr");
  CHECK(RowHeaders(fr2.Table(
            Small(), "program = \"demo\"\ncolumns = [\"province\", \"city\"]\nsort = \"province\"\n")) ==
        std::vector<std::string>{"Autriche", "Nouveau-Brunswick", "Nouvelle-Écosse", "Nunavut", "Québec"});
  FundingPage en("en");
  CHECK(RowHeaders(en.Table(
            Small(), "program = \"demo\"\ncolumns = [\"recipient\", \"years\"]\nsort = \"years\"\n")) ==
        std::vector<std::string>{"Zèbre", "Ecole Sainte-Anne", "École Sainte-Marie", "Université Saint-Mary",
                                 "armée du nord"});
  FundingPage en2("en");
  std::string by_province = en2.Table(Small(),
                                      "program = \"demo\"\ngroup_by = \"province\"\ncolumns = "
                                      "[\"recipient\", \"amount\"]\n");
  std::vector<std::string> groups;
  for (size_t at = by_province.find("colspan=\"2\">"); at != std::string::npos;
       at = by_province.find("colspan=\"2\">", at + 1)) {
    size_t start = at + 12;
    groups.push_back(by_province.substr(start, by_province.find('<', start) - start));
  }
  CHECK(groups == std::vector<std::string>{"Austria", "New Brunswick", "Nova Scotia", "Nunavut", "Quebec"});
  FundingPage en3("en");
  CHECK(en3.Table(Small(), "program = \"demo\"\ngroup_by = \"program\"\n")
            .find("<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"6\">Demo Program</th></tr>") !=
        std::string::npos);
}

TEST_CASE("a selection by flags", "[funding]") {
  FundingPage en("en");
  CHECK(RowHeaders(en.Table(
            Small(), "program = \"demo\"\nflags = [\"indigenous-led\"]\ncolumns = [\"recipient\"]\n")) ==
        std::vector<std::string>{"Ecole Sainte-Anne", "armée du nord"});
}

TEST_CASE("the CSV of a table, byte for byte", "[funding]") {
  std::string body = "program = \"demo\"\ngroup_by = \"stream\"\nsort = \"recipient\"\n";
  FundingPage en("en", {{"funding_col_stream", "Stream"}});
  en.Table(Small(), body);
  REQUIRE(en.files.size() == 1);
  CHECK(en.files[0].first == "en/x/funding-1.csv");
  CHECK(en.files[0].second ==
        "\xEF\xBB\xBF"
        "Stream,Recipient,Project,City,Province or territory,Amount,Funding period\r\n"
        "Stream A,École Sainte-Marie,School,Moncton,New Brunswick,300,2020-2021 to 2021-2022\r\n"
        "Stream A,Université Saint-Mary,\"Campus, \"\"Safe\"\" Spaces\",Halifax,Nova Scotia,2000000,"
        "2021-2022 to 2023-2024\r\n"
        "Stream A,Zèbre,Stripes,Quebec City,Quebec,10,2020-2021\r\n"
        "Stream B,armée du nord,North,Iqaluit,Nunavut,50000,2022-2023 to 2025-2026\r\n"
        "Stream B,Ecole Sainte-Anne,Plain,Vienna,Austria,4000,2020-2021\r\n");
  FundingPage fr("fr", {{"funding_col_stream", "Volet"}});
  fr.Table(Small(), body);
  REQUIRE(fr.files.size() == 1);
  CHECK(fr.files[0].second ==
        "\xEF\xBB\xBF"
        "Volet,Bénéficiaire,Projet,Ville,Province ou territoire,Montant,Période de financement\r\n"
        "Volet A,École Sainte-Marie,École,Moncton,Nouveau-Brunswick,300,2020-2021 à 2021-2022\r\n"
        "Volet A,Université Saint-Mary,Espaces « sûrs » du campus,Halifax,Nouvelle-Écosse,2000000,"
        "2021-2022 à 2023-2024\r\n"
        "Volet A,Zèbre,Rayures,Québec,Québec,10,2020-2021\r\n"
        "Volet B,armée du nord,Nord,Iqaluit,Nunavut,50000,2022-2023 à 2025-2026\r\n"
        "Volet B,Ecole Sainte-Anne,Simple,Vienne,Autriche,4000,2020-2021\r\n");
}

TEST_CASE("the CSV of an ungrouped table has no group column; one grouped by province reuses its column",
          "[funding]") {
  FundingPage en("en");
  en.Table(Small(), "stream = \"b\"\ncolumns = [\"recipient\", \"amount\"]\n");
  FundingPage en2("en");
  en2.Table(Small(),
            "stream = \"b\"\ngroup_by = \"province\"\ncolumns = [\"recipient\", \"province\", \"amount\"]\n");
  REQUIRE(en.files.size() == 1);
  REQUIRE(en2.files.size() == 1);
  CHECK(en.files[0].second ==
        "\xEF\xBB\xBFRecipient,Amount\r\nEcole Sainte-Anne,4000\r\narmée du nord,50000\r\n");
  CHECK(en2.files[0].second ==
        "\xEF\xBB\xBFRecipient,Province or territory,Amount\r\nEcole Sainte-Anne,Austria,4000\r\narmée du "
        "nord,Nunavut,50000\r\n");
}

TEST_CASE("without the theme's group column header, the CSV's header is blank and the build is warned",
          "[funding]") {
  FundingPage en("en");
  en.strings.erase("funding_col_stream");  // a theme older than these headers
  std::string html = en.Table(Small(), "stream = \"b\"\ngroup_by = \"stream\"\ncolumns = [\"recipient\"]\n");
  REQUIRE(en.files.size() == 1);
  CHECK(en.files[0].second ==
        "\xEF\xBB\xBF,Recipient\r\nStream B,Ecole Sainte-Anne\r\nStream B,armée du nord\r\n");
  // No amount column: no subtotal or total rows.
  CHECK(html.find("subtotal") == std::string::npos);
  CHECK(html.find("<tfoot>") == std::string::npos);
  CHECK(en.warning_count() == 1);
}

TEST_CASE("a CSV cell a spreadsheet would take for a formula is written as text", "[funding]") {
  std::string toml = kSmall;
  size_t at = toml.find("recipient.en = \"Zèbre\"");
  REQUIRE(at != std::string::npos);
  toml.replace(at, std::string("recipient.en = \"Zèbre\"").size(),
               "recipient.en = \"=HYPERLINK(\\\"x\\\", 1)\"");
  FundingData data = DataFrom(toml);
  FundingPage en("en");
  en.Table(data, "stream = \"a\"\ncolumns = [\"recipient\", \"amount\"]\nsort = \"amount\"\n");
  REQUIRE(en.files.size() == 1);
  CHECK(en.files[0].second.find("\r\n\"'=HYPERLINK(\"\"x\"\", 1)\",10\r\n") != std::string::npos);
}
