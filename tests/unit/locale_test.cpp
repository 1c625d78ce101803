#include "i18n/locale.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

using namespace tandem;

namespace {

std::vector<std::string> Sorted(const Locale& locale, std::vector<std::string> words) {
  std::sort(words.begin(), words.end(),
            [&](const std::string& a, const std::string& b) { return locale.Compare(a, b) < 0; });
  return words;
}

}  // namespace

TEST_CASE("French collation sorts accented letters with their base letter", "[locale]") {
  Locale fr("fr-CA");
  CHECK(Sorted(fr, {"Zèbre", "Université Saint-Mary", "École", "Ecole", "armée", "Armée du salut",
                    "Unité"}) == std::vector<std::string>{"armée", "Armée du salut", "Ecole", "École",
                                                          "Unité", "Université Saint-Mary", "Zèbre"});
}

TEST_CASE("each locale knows its ISO 639-2 code for dcterms.language", "[locale]") {
  CHECK(Locale("en-CA").iso3_language() == "eng");
  CHECK(Locale("fr-CA").iso3_language() == "fra");
}

TEST_CASE("plural categories follow each language's rules", "[locale]") {
  Locale en("en-CA"), fr("fr-CA");
  CHECK(en.PluralCategory(1) == "one");
  CHECK(en.PluralCategory(0) == "other");
  CHECK(fr.PluralCategory(0) == "one");
  CHECK(fr.PluralCategory(1) == "one");
  CHECK(fr.PluralCategory(14) == "other");
}
