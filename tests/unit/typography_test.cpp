// French typography by the tool (i18n/typography.hpp): each Translation Bureau rule, and the
// places it must never reach (code, URLs, addresses, attributes, times).
#include "i18n/typography.hpp"

#include <catch2/catch.hpp>

using namespace tandem;

namespace {

const Typography kFrench{true, false};
const Typography kFrenchApostrophes{true, true};
const std::string kNbsp = "\xC2\xA0";

std::string Fr(const std::string& text) {
  return Typeset(text, kFrench);
}

}  // namespace

TEST_CASE("French typography: a no-break space before a colon", "[typography]") {
  CHECK(Fr("Sécurité publique Canada : lutte") == "Sécurité publique Canada" + kNbsp + ": lutte");
  CHECK(Fr("Note: voir") == "Note" + kNbsp + ": voir");  // Canadian usage wants the space
  CHECK(Fr("Date de modification" + kNbsp + ":") == "Date de modification" + kNbsp + ":");  // already there
  CHECK(Fr("a  : b") == "a" + kNbsp + ": b");  // several spaces become one that holds
}

TEST_CASE("French typography: dollar and percent signs", "[typography]") {
  CHECK(Fr("54 919 $") == "54 919" + kNbsp + "$");
  CHECK(Fr("54" + kNbsp + "919" + kNbsp + "$") == "54" + kNbsp + "919" + kNbsp + "$");  // ICU's, unchanged
  CHECK(Fr("20 %") == "20" + kNbsp + "%");
  CHECK(Fr("20%") == "20" + kNbsp + "%");
  CHECK(Fr("taux de 5,5%.") == "taux de 5,5" + kNbsp + "%.");
}

TEST_CASE("French typography: inside guillemets", "[typography]") {
  CHECK(Fr("« Au sujet du site »") == "«" + kNbsp + "Au sujet du site" + kNbsp + "»");
  CHECK(Fr("«mot»") == "«" + kNbsp + "mot" + kNbsp + "»");
}

TEST_CASE("French typography: between a number and millions or milliards", "[typography]") {
  CHECK(Fr("5,12 millions de dollars") == "5,12" + kNbsp + "millions de dollars");
  CHECK(Fr("1 million") == "1" + kNbsp + "million");
  CHECK(Fr("2 milliards") == "2" + kNbsp + "milliards");
  CHECK(Fr("2 millionnaires") == "2 millionnaires");  // not the word
}

TEST_CASE("French typography: no space before ? ! ; in Canadian usage", "[typography]") {
  CHECK(Fr("Avez-vous trouvé ce que vous cherchiez?") == "Avez-vous trouvé ce que vous cherchiez?");
  CHECK(Fr("Attention! Voici; voilà") == "Attention! Voici; voilà");
}

TEST_CASE("French typography: apostrophes only when asked", "[typography]") {
  CHECK(Fr("l'été") == "l'été");
  CHECK(Typeset("l'été d'aujourd'hui", kFrenchApostrophes) ==
        "l\xE2\x80\x99"
        "été d\xE2\x80\x99"
        "aujourd\xE2\x80\x99hui");
  CHECK(Typeset("'cité'", kFrenchApostrophes) == "'cité'");  // quotes, not apostrophes
}

TEST_CASE("French typography never touches URLs, addresses or times", "[typography]") {
  CHECK(Fr("https://www.canada.ca/fr.html") == "https://www.canada.ca/fr.html");
  CHECK(Fr("voir https://a.ca/x%20y:z") == "voir https://a.ca/x%20y:z");
  CHECK(Fr("courriel@canada.ca:") == "courriel@canada.ca:");
  CHECK(Fr("à 14:30") == "à 14:30");
  CHECK(Fr("std::move") == "std::move");
}

TEST_CASE("French typography in HTML: text only", "[typography]") {
  std::string html =
      "<p title=\"a : b\">Canada : <a href=\"https://x.ca/?a=1%20\">20 %</a></p>"
      "<pre><code>x : y</code></pre><p>Code <code>a : b</code> et « c »</p><!-- d : e -->";
  std::string expected = "<p title=\"a : b\">Canada" + kNbsp + ": <a href=\"https://x.ca/?a=1%20\">20" +
                         kNbsp + "%</a></p><pre><code>x : y</code></pre><p>Code <code>a : b</code> et «" +
                         kNbsp + "c" + kNbsp + "»</p><!-- d : e -->";
  CHECK(TypesetHtml(html, kFrench) == expected);
  CHECK(TypesetHtml("<script>a = b ? c : d;</script>", kFrench) == "<script>a = b ? c : d;</script>");
}

TEST_CASE("French typography: English text and inactive rules are unchanged", "[typography]") {
  CHECK(Typeset("Canada : 20 %", Typography{}) == "Canada : 20 %");
  CHECK(TypesetHtml("<p>a : b</p>", Typography{}) == "<p>a : b</p>");
}

TEST_CASE("Typography follows the locale unless site.toml says otherwise", "[typography]") {
  LanguageIdentity none;
  CHECK(TypographyFor(none, "fr-CA").french);
  CHECK(TypographyFor(none, "fr").french);
  CHECK_FALSE(TypographyFor(none, "en-CA").french);
  CHECK_FALSE(TypographyFor(none, "iu-CA").french);
  LanguageIdentity off;
  off.typography = "none";
  CHECK_FALSE(TypographyFor(off, "fr-CA").french);
  LanguageIdentity on;
  on.typography = "fr-CA";
  on.curly_apostrophes = true;
  CHECK(TypographyFor(on, "en-CA").french);
  CHECK(TypographyFor(on, "fr-CA").curly_apostrophes);
}
