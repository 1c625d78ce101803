// The funding data the funding and page targets load once (data/funding.toml of a scratch site).
#pragma once

#include <string_view>

namespace tandem::fuzz {

// tests/sites/funding/data/funding.toml, and a second program whose texts start like
// spreadsheet formulas and hold markup, for the CSV and escaping checks.
inline constexpr std::string_view kFundingData = R"toml(
[[programs]]
id = "demo"
name.en = "Demonstration Grants Program"
name.fr = "Programme de subventions de démonstration"

[[programs]]
id = "other"
name.en = "=Other <b>Program</b>"
name.fr = "=Autre <b>programme</b>"
department.en = "Department, \"quoted\""
department.fr = "Ministère « cité »"

[[streams]]
id = "schools"
program = "demo"
name.en = "Schools"
name.fr = "Écoles"

[[streams]]
id = "research"
program = "demo"
name.en = "Research"
name.fr = "Recherche"

[[streams]]
id = "pilots"
program = "other"
name.en = "+Pilots"
name.fr = "@Projets pilotes"

[[projects]]
id = "universite-sainte-anne"
program = "demo"
stream = "research"
recipient.en = "Université Sainte-Anne"
recipient.fr = "Université Sainte-Anne"
title.en = "Rural Outreach, Phase 2"
title.fr = "Rayonnement rural, phase 2"
city.en = "Church Point"
city.fr = "Pointe-de-l'Église"
province = "NS"
amount = 80500
first_fiscal_year = "2021-2022"
duration_years = 2

[[projects]]
id = "ecole-polytechnique"
program = "demo"
stream = "research"
recipient.en = "École Polytechnique"
recipient.fr = "École Polytechnique"
title.en = "Safer Networks"
title.fr = "Réseaux plus sûrs"
city.en = "Montreal"
city.fr = "Montréal"
province = "QC"
amount = 1250000
first_fiscal_year = "2021-2022"
duration_years = 3
indigenous_serving = true
link = "https://example.ca/safer-networks"

[[projects]]
id = "eastern-arctic-research"
program = "demo"
stream = "research"
recipient.en = "Eastern Arctic Research Centre"
recipient.fr = "Centre de recherche de l'Arctique de l'Est"
title.en = "Sea Ice Safety"
title.fr = "Sécurité sur la glace de mer"
city.en = "Iqaluit"
city.fr = "Iqaluit"
province = "NU"
amount = 300000
first_fiscal_year = "2022-2023"
duration_years = 1
indigenous_led = true

[[projects]]
id = "armee-du-salut-ecoles"
program = "demo"
stream = "schools"
recipient.en = "The Salvation Army"
recipient.fr = "Armée du Salut"
title.en = "\"Safe at School\" Workshops"
title.fr = "Ateliers « En sécurité à l'école »"
city.en = "Halifax"
city.fr = "Halifax"
province = "NS"
amount = 54919
first_fiscal_year = "2020-2021"
duration_years = 4

[[projects]]
id = "unodc-schools"
program = "demo"
stream = "schools"
recipient.en = "United Nations Office on Drugs and Crime"
recipient.fr = "Office des Nations Unies contre la drogue et le crime"
title.en = "School Kits"
title.fr = "Trousses scolaires"
city.en = "Vienna"
city.fr = "Vienne"
country = "AT"
amount = 125769
first_fiscal_year = "2020-2021"
duration_years = 1

[[projects]]
id = "formula"
program = "other"
stream = "pilots"
recipient.en = "-1+1 Society"
recipient.fr = "=SUM(A1:A2)"
title.en = "<script>alert(1)</script>"
title.fr = "Projet, avec \"guillemets\"\net saut de ligne"
city.en = "@Whitehorse"
city.fr = "\tWhitehorse"
province = "YT"
amount = 999999999999
first_fiscal_year = "2023-2024"
duration_years = 10
indigenous_led = true
indigenous_serving = true
link = "https://example.ca/?a=1&b=<2>"

[[projects]]
id = "small"
program = "other"
stream = "pilots"
recipient.en = "Small"
recipient.fr = "Petit"
title.en = "One dollar"
title.fr = "Un dollar"
city.en = "Ottawa"
city.fr = "Ottawa"
province = "ON"
amount = 1
first_fiscal_year = "1999-2000"
duration_years = 1
)toml";

}  // namespace tandem::fuzz
