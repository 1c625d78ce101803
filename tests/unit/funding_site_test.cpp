// Funding tables and figures in a whole site (tests/sites/funding), built with
// tandem::Build: both languages, the CSV files beside the pages, and every
// mistake in a block or figure reported at its place in the Markdown file.
#include <catch2/catch.hpp>
#include <string>

#include "fixture.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The content of <main>, where the page's Markdown goes.
std::string MainOf(const std::string& html) {
  size_t start = html.find("<main");
  size_t end = html.find("</main>");
  return start == std::string::npos || end == std::string::npos ? "" : html.substr(start, end - start);
}

// Builds the funding fixture with `page` as content/en/x.md; returns the errors, expecting failure.
std::string ErrorsOfPage(const std::string& page, const std::string& path = "content/en/x.md") {
  FixtureSite site("funding");
  site.WriteFile(path, page);
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  return result.errors;
}

const std::string kFront = "+++\ntitle = \"X\"\nmodified = 2024-01-01\n+++\n";  // the body starts on line 5

std::string Block(const std::string& toml) {
  return kFront + "Text.\n\n```funding\n" + toml + "```\n";
}

}  // namespace

TEST_CASE("the funding fixture site builds, with tables and figures in both languages", "[funding]") {
  FixtureSite site("funding");
  auto result = site.Build();
  INFO(result.errors);
  REQUIRE(result.report.ok);
  CHECK(result.errors.empty());
  CHECK_FALSE(Contains(result.warnings, "funding"));

  std::string en = MainOf(site.Read("en/grants/index.html"));
  std::string fr = MainOf(site.Read("fr/subventions/index.html"));

  // Figures in the text.
  CHECK(Contains(
      en,
      "<p>The program gives $1,811,188 ($1.81 million) to 5 projects; research gets $1,630,500 for 3 "
      "projects, and 1 project is led by Indigenous people.</p>"));
  // French typography (i18n/typography.hpp) holds "1,81" to "million" and the guillemets to their words.
  CHECK(Contains(fr,
                 "<p>Le programme accorde 1\xC2\xA0"
                 "811\xC2\xA0"
                 "188\xC2\xA0$ (1,81\xC2\xA0"
                 "million de dollars) à 5 "
                 "projets; la recherche reçoit 1\xC2\xA0"
                 "630\xC2\xA0"
                 "500\xC2\xA0$ pour 3 projets, et 1 projet "
                 "est dirigé par des Autochtones.</p>"));
  // Not inside code.
  CHECK(Contains(en, "<code>{{funding:total program=demo}}</code>"));
  CHECK(Contains(fr, "<code>{{funding:total program=demo}}</code>"));

  // Captions, in each language: from the theme's string, or the block's own.
  CHECK(Contains(en,
                 "<caption id=\"funding-1-caption\">Projects funded by the Demonstration Grants Program, in "
                 "dollars</caption>"));
  CHECK(Contains(fr,
                 "<caption id=\"funding-1-caption\">Projets financés par le Programme de subventions de "
                 "démonstration, en dollars</caption>"));
  CHECK(Contains(en, "<caption id=\"funding-2-caption\">Research grants, in dollars</caption>"));
  CHECK(Contains(fr, "<caption id=\"funding-2-caption\">Subventions de recherche, en dollars</caption>"));

  // Headers and row headers.
  CHECK(
      Contains(en,
               "<tr><th scope=\"col\">Recipient</th><th scope=\"col\">Project</th><th scope=\"col\">City</th>"
               "<th scope=\"col\">Province or territory</th><th scope=\"col\" class=\"amount\">Amount</th>"
               "<th scope=\"col\">Funding period</th></tr>"));
  CHECK(
      Contains(fr,
               "<tr><th scope=\"col\">Bénéficiaire</th><th scope=\"col\">Projet</th><th scope=\"col\">Ville"
               "</th><th scope=\"col\">Province ou territoire</th><th scope=\"col\" class=\"amount\">Montant"
               "</th><th scope=\"col\">Période de financement</th></tr>"));
  CHECK(Contains(en, "<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"6\">Schools</th></tr>"));
  CHECK(Contains(fr, "<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"6\">Écoles</th></tr>"));
  CHECK(Contains(en,
                 "<tr><th scope=\"row\">The Salvation Army</th><td>&quot;Safe at School&quot; Workshops</td>"
                 "<td>Halifax</td><td>Nova Scotia</td><td class=\"amount\" data-order=\"54919\">$54,919</td>"
                 "<td>2020-2021 to 2023-2024</td></tr>"));
  CHECK(
      Contains(fr,
               "<tr><th scope=\"row\">Armée du Salut</th><td>Ateliers «\xC2\xA0"
               "En sécurité à l&apos;école\xC2\xA0»</td>"
               "<td>Halifax</td><td>Nouvelle-Écosse</td><td class=\"amount\" data-order=\"54919\">54\xC2\xA0"
               "919\xC2\xA0$</td><td>2020-2021 à 2023-2024</td></tr>"));
  // A project abroad, and a link.
  CHECK(Contains(en, "<td>Vienna</td><td>Austria</td>"));
  CHECK(Contains(fr, "<td>Vienne</td><td>Autriche</td>"));
  CHECK(Contains(en, "<td><a href=\"https://example.ca/safer-networks\">Safer Networks</a></td>"));

  // Subtotals and total.
  CHECK(Contains(en,
                 "<tr class=\"subtotal\"><th scope=\"row\">Subtotal</th><td></td><td></td><td></td>"
                 "<td class=\"amount\" data-order=\"180688\">$180,688</td><td></td></tr>"));
  CHECK(Contains(fr,
                 "<tr class=\"subtotal\"><th scope=\"row\">Total partiel</th><td></td><td></td><td></td>"
                 "<td class=\"amount\" data-order=\"1630500\">1\xC2\xA0"
                 "630\xC2\xA0"
                 "500\xC2\xA0$</td><td></td>"
                 "</tr>"));
  CHECK(Contains(en,
                 "<tfoot>\n<tr class=\"total\"><th scope=\"row\">Total</th><td></td><td></td><td></td>"
                 "<td class=\"amount\" data-order=\"1811188\">$1,811,188</td><td></td></tr>\n</tfoot>"));
  CHECK(Contains(fr,
                 "<tfoot>\n<tr class=\"total\"><th scope=\"row\">Total</th><td class=\"amount\" "
                 "data-order=\"1630500\">1\xC2\xA0"
                 "630\xC2\xA0"
                 "500\xC2\xA0$</td></tr>\n</tfoot>"));
  CHECK(Contains(en,
                 "<section class=\"table-wrap\" aria-labelledby=\"funding-1-caption\" tabindex=\"0\">\n"
                 "<table class=\"funding\">"));

  // One CSV per table and language, beside the page, linked under its table.
  CHECK(
      Contains(en,
               "</table>\n</section>\n<p class=\"funding-csv\"><a href=\"/en/grants/funding-1.csv\">Download "
               "this table (CSV)</a></p>"));
  CHECK(Contains(fr,
                 "<p class=\"funding-csv\"><a href=\"/fr/subventions/funding-2.csv\">Télécharger ce tableau "
                 "(CSV)</a></p>"));
  CHECK(site.Read("en/grants/funding-1.csv") ==
        "\xEF\xBB\xBF"
        "Stream,Recipient,Project,City,Province or territory,Amount,Funding period\r\n"
        "Schools,The Salvation Army,\"\"\"Safe at School\"\" Workshops\",Halifax,Nova Scotia,54919,"
        "2020-2021 to 2023-2024\r\n"
        "Schools,United Nations Office on Drugs and Crime,School Kits,Vienna,Austria,125769,2020-2021\r\n"
        "Research,Eastern Arctic Research Centre,Sea Ice Safety,Iqaluit,Nunavut,300000,2022-2023\r\n"
        "Research,École Polytechnique,Safer Networks,Montreal,Quebec,1250000,2021-2022 to 2023-2024\r\n"
        "Research,Université Sainte-Anne,\"Rural Outreach, Phase 2\",Church Point,Nova Scotia,80500,"
        "2021-2022 to 2022-2023\r\n");
  CHECK(site.Read("fr/subventions/funding-1.csv") ==
        "\xEF\xBB\xBF"
        "Volet,Bénéficiaire,Projet,Ville,Province ou territoire,Montant,Période de financement\r\n"
        "Écoles,Armée du Salut,Ateliers « En sécurité à l'école »,Halifax,Nouvelle-Écosse,54919,"
        "2020-2021 à 2023-2024\r\n"
        "Écoles,Office des Nations Unies contre la drogue et le crime,Trousses "
        "scolaires,Vienne,Autriche,125769,"
        "2020-2021\r\n"
        "Recherche,Centre de recherche de l'Arctique de l'Est,Sécurité sur la glace de "
        "mer,Iqaluit,Nunavut,300000,"
        "2022-2023\r\n"
        "Recherche,École Polytechnique,Réseaux plus sûrs,Montréal,Québec,1250000,2021-2022 à 2023-2024\r\n"
        "Recherche,Université Sainte-Anne,\"Rayonnement rural, phase "
        "2\",Pointe-de-l'Église,Nouvelle-Écosse,80500,"
        "2021-2022 à 2022-2023\r\n");
  CHECK(site.Read("en/grants/funding-2.csv") ==
        "\xEF\xBB\xBFRecipient,Amount\r\nÉcole Polytechnique,1250000\r\nEastern Arctic Research "
        "Centre,300000\r\n"
        "Université Sainte-Anne,80500\r\n");
  CHECK(site.Exists("fr/subventions/funding-2.csv"));
}

TEST_CASE("a changed data file re-renders the pages that use it", "[funding]") {
  FixtureSite site("funding");
  REQUIRE(site.Build().report.ok);
  std::string data = ReadBytes(site.source() / "data/funding.toml");
  data.replace(data.find("amount = 80500"), 14, "amount = 80501");
  site.WriteFile("data/funding.toml", data);
  auto second = site.Build();
  REQUIRE(second.report.ok);
  CHECK(Contains(site.Read("en/grants/index.html"), "$1,811,189"));
  CHECK(Contains(site.Read("en/grants/funding-2.csv"), "Université Sainte-Anne,80501\r\n"));
}

TEST_CASE("without the group column's UI string, the build warns and the CSV header is blank", "[funding]") {
  // A copy of the gc theme in the site, as it was before it had the group column headers.
  FixtureSite site("funding");
  site.CopyDefaultTheme();
  site.DropThemeString("funding_col_stream");
  auto result = site.Build();
  REQUIRE(result.report.ok);
  CHECK(Contains(
      result.warnings,
      "content/en/grants.md:7:1: warning: the theme has no UI string \"funding_col_stream\" for language "
      "\"en\", so the CSV's stream column has no header; add it to its i18n/en.toml (or the site's) "
      "[funding-string-missing]\n"
      " 7 | ```funding\n"
      "   | ^\n"));
  CHECK(site.Read("en/grants/funding-1.csv").rfind("\xEF\xBB\xBF,Recipient,Project,", 0) == 0);
}

TEST_CASE("funding block errors point at the Markdown file, line and column", "[funding]") {
  // Line 5: Text.  Line 7: the fence.  Line 8: the TOML's first line.
  CHECK(ErrorsOfPage(Block("program = \"demos\"\n")) ==
        "content/en/x.md:8:11: error: unknown program \"demos\" (did you mean \"demo\"?); known programs: "
        "\"demo\"\n"
        " 8 | program = \"demos\"\n"
        "   |           ^\n");
  CHECK(ErrorsOfPage(Block("program = \"demo\"\nstream = \"reserch\"\n")) ==
        "content/en/x.md:9:10: error: unknown stream \"reserch\" (did you mean \"research\"?); the streams "
        "of program "
        "\"demo\": \"schools\", \"research\"\n"
        " 9 | stream = \"reserch\"\n"
        "   |          ^\n");
  CHECK(ErrorsOfPage(Block("program = \"demo\"\ncolumns = [\"recipient\", \"amout\"]\n")) ==
        "content/en/x.md:9:25: error: unknown column \"amout\" (did you mean \"amount\"?); known columns: "
        "\"recipient\", \"project\", \"city\", \"province\", \"amount\", \"years\"\n"
        " 9 | columns = [\"recipient\", \"amout\"]\n"
        "   |                         ^\n");
  CHECK(ErrorsOfPage(Block("program = \"demo\"\nflags = [\"indigenous_led\"]\n")) ==
        "content/en/x.md:9:10: error: unknown flag \"indigenous_led\" (did you mean \"indigenous-led\"?); "
        "known "
        "flags: \"indigenous-led\", \"indigenous-serving\"\n"
        " 9 | flags = [\"indigenous_led\"]\n"
        "   |          ^\n");
  CHECK(
      ErrorsOfPage(Block("program = \"demo\"\ngroup_by = \"streams\"\n")) ==
      "content/en/x.md:9:12: error: unknown group_by \"streams\" (did you mean \"stream\"?); group by one of "
      "\"stream\", \"program\", \"province\", \"none\"\n"
      " 9 | group_by = \"streams\"\n"
      "   |            ^\n");
  CHECK(ErrorsOfPage(Block("program = \"demo\"\nsort = \"amounts\"\n")) ==
        "content/en/x.md:9:8: error: unknown sort \"amounts\" (did you mean \"amount\"?); sort by one of "
        "\"recipient\", \"project\", \"city\", \"province\", \"amount\", \"years\"\n"
        " 9 | sort = \"amounts\"\n"
        "   |        ^\n");
  CHECK(ErrorsOfPage(Block("program = \"demo\"\norder = \"desc\"\n")) ==
        "content/en/x.md:9:9: error: unknown order \"desc\"; use \"ascending\", \"descending\"\n"
        " 9 | order = \"desc\"\n"
        "   |         ^\n");
  CHECK(ErrorsOfPage(Block("program = \"demo\"\ncolums = [\"recipient\"]\n")) ==
        "content/en/x.md:9:1: error: unknown key \"colums\" in a funding block (did you mean \"columns\"?); "
        "known "
        "keys: \"program\", \"stream\", \"flags\", \"group_by\", \"columns\", \"sort\", \"order\", "
        "\"caption\"\n"
        " 9 | colums = [\"recipient\"]\n"
        "   | ^\n");
  CHECK(ErrorsOfPage(Block("program = \"demo\"\ncolumns = [\"amount\", \"recipient\"]\n")) ==
        "content/en/x.md:9:12: error: \"amount\" cannot be the first column: the first column names each row "
        "(and "
        "holds the subtotal and total labels); put recipient or project first\n"
        " 9 | columns = [\"amount\", \"recipient\"]\n"
        "   |            ^\n");
}

TEST_CASE("funding block errors: bad TOML, no selection, a selection that matches nothing", "[funding]") {
  CHECK(
      ErrorsOfPage(Block("program = \"demo\"\ngroup_by = stream\n")) ==
      "content/en/x.md:9:12: error: invalid TOML: Error while parsing value: could not determine value type\n"
      " 9 | group_by = stream\n"
      "   |            ^\n");
  CHECK(ErrorsOfPage(Block("group_by = \"stream\"\n")) ==
        "content/en/x.md:7:1: error: the table names no program or stream: add program = \"demo\"; known "
        "programs: "
        "\"demo\"\n"
        " 7 | ```funding\n"
        "   | ^\n");
  CHECK(ErrorsOfPage(Block("stream = \"schools\"\nflags = [\"indigenous-led\"]\n")) ==
        "content/en/x.md:7:1: error: no project matches this selection (stream \"schools\" with the flag "
        "\"indigenous-led\")\n"
        " 7 | ```funding\n"
        "   | ^\n");
}

TEST_CASE("an error in an indented funding block points at its column in the file", "[funding]") {
  // In a block quote the TOML sits two characters to the right of where cmark hands it over.
  std::string page = kFront + "> Quoted:\n>\n> ```funding\n> program = \"demos\"\n> ```\n";
  CHECK(ErrorsOfPage(page) ==
        "content/en/x.md:8:13: error: unknown program \"demos\" (did you mean \"demo\"?); known programs: "
        "\"demo\"\n"
        " 8 | > program = \"demos\"\n"
        "   |             ^\n");
  std::string listed = kFront + "- Item:\n\n  ```funding\n  program = \"demo\"\n  sort = 3\n  ```\n";
  CHECK(ErrorsOfPage(listed) ==
        "content/en/x.md:9:10: error: sort must be a string, in quotes, one of \"recipient\", \"project\", "
        "\"city\", "
        "\"province\", \"amount\", \"years\"\n"
        " 9 |   sort = 3\n"
        "   |          ^\n");
}

TEST_CASE("funding figure errors point at the Markdown file, line and column", "[funding]") {
  std::string at = kFront + "First line.\nThe total is {{funding:totl program=demo}} now.\n";
  CHECK(ErrorsOfPage(at) ==
        "content/en/x.md:6:24: error: unknown funding figure \"totl\" (did you mean \"total\"?); known "
        "figures: "
        "\"total\", \"count\"\n"
        " 6 | The total is {{funding:totl program=demo}} now.\n"
        "   |                        ^\n");
  CHECK(ErrorsOfPage(kFront + "Église : {{funding:total programme=demo}}.\n") ==
        "content/en/x.md:5:26: error: unknown argument \"programme\" for {{funding:total}} (did you mean "
        "\"program\"?); known arguments: \"program\", \"stream\", \"flags\", \"format\"\n"
        " 5 | Église : {{funding:total programme=demo}}.\n"
        "   |                          ^\n");
  CHECK(ErrorsOfPage(kFront + "{{funding:count program=demo format=compact}}\n") ==
        "content/en/x.md:5:30: error: unknown argument \"format\" for {{funding:count}}; known arguments: "
        "\"program\", \"stream\", \"flags\"\n"
        " 5 | {{funding:count program=demo format=compact}}\n"
        "   |                              ^\n");
  CHECK(ErrorsOfPage(kFront + "{{funding:total program=demos}}\n") ==
        "content/en/x.md:5:25: error: unknown program \"demos\" (did you mean \"demo\"?); known programs: "
        "\"demo\"\n"
        " 5 | {{funding:total program=demos}}\n"
        "   |                         ^\n");
  CHECK(ErrorsOfPage(kFront + "{{funding:total stream=schools flags=indigenous-led,indigenous-servng}}\n") ==
        "content/en/x.md:5:53: error: unknown flag \"indigenous-servng\" (did you mean "
        "\"indigenous-serving\"?); "
        "known flags: \"indigenous-led\", \"indigenous-serving\"\n"
        " 5 | {{funding:total stream=schools flags=indigenous-led,indigenous-servng}}\n"
        "   |                                                     ^\n");
  CHECK(ErrorsOfPage(kFront + "{{funding:total program=demo format=short}}\n") ==
        "content/en/x.md:5:37: error: unknown format \"short\"; known formats: \"full\", \"compact\"\n"
        " 5 | {{funding:total program=demo format=short}}\n"
        "   |                                     ^\n");
  CHECK(ErrorsOfPage(kFront + "{{funding:total stream=schools flags=indigenous-led}}\n") ==
        "content/en/x.md:5:1: error: no project matches this selection (stream \"schools\" with the flag "
        "\"indigenous-led\")\n"
        " 5 | {{funding:total stream=schools flags=indigenous-led}}\n"
        "   | ^\n");
  CHECK(
      ErrorsOfPage(kFront + "{{funding:count}}\n") ==
      "content/en/x.md:5:1: error: the figure names no program or stream: add program=demo; known programs: "
      "\"demo\"\n"
      " 5 | {{funding:count}}\n"
      "   | ^\n");
  CHECK(ErrorsOfPage(kFront + "{{funding:total program}}\n") ==
        "content/en/x.md:5:17: error: expected key=value in {{funding:total}}, like program=csoc; got "
        "\"program\"\n"
        " 5 | {{funding:total program}}\n"
        "   |                 ^\n");
  CHECK(ErrorsOfPage(kFront + "{{funding:}}\n") ==
        "content/en/x.md:5:1: error: a funding figure needs a name: write {{funding:total program=...}} or "
        "{{funding:count program=...}}\n"
        " 5 | {{funding:}}\n"
        "   | ^\n");
}

TEST_CASE("a site without funding data says so when a page asks for it", "[funding]") {
  FixtureSite site("funding");
  site.Remove("data");
  site.WriteFile("content/fr/x.md", kFront + "{{funding:count program=demo}}\n");
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  CHECK(Contains(
      result.errors,
      "content/fr/x.md:5:25: error: unknown program \"demo\": the site has no funding data; add it to "
      "data/funding.toml (see docs/funding.md)\n"));
}
