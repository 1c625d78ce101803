#include <catch2/catch.hpp>

#include "assemble/urls/urls.hpp"
#include "i18n/locale.hpp"

using namespace tandem;

TEST_CASE("slugs are lowercase ASCII words joined by hyphens", "[slugs]") {
  Locale fr("fr-CA");
  CHECK(fr.Slugify("Sécurité publique Canada : Marathon") == "securite-publique-canada-marathon");
  CHECK(fr.Slugify("  Être ou « ne pas » être ! ") == "etre-ou-ne-pas-etre");
  CHECK(fr.Slugify("Œuvres d'art") == "oeuvres-d-art");
  CHECK(fr.Slugify("%%%") == "");
}

TEST_CASE("a slug from front matter must be one safe URL segment", "[slugs]") {
  CHECK_FALSE(SlugProblem("securite-publique"));
  CHECK(*SlugProblem("../../etc") ==
        "slug \"../../etc\" would leave its folder: a slug is one URL segment, without / or ..");
  CHECK(*SlugProblem("/etc/passwd") ==
        "slug \"/etc/passwd\" would leave its folder: a slug is one URL segment, without / or ..");
  CHECK(*SlugProblem("%2e%2e") ==
        "slug \"%2e%2e\" contains percent-encoding; write the characters themselves");
  CHECK(*SlugProblem(std::string("a\0b", 3)) == "the slug contains a NUL character");
  CHECK(*SlugProblem("Sécurité") ==
        "slug \"Sécurité\" must use only lowercase ASCII letters, digits and hyphens (Canada.ca URLs are "
        "ASCII)");
}

TEST_CASE("a url from front matter stays below the language root", "[slugs]") {
  CHECK_FALSE(UrlProblem("/news/item/"));
  CHECK_FALSE(UrlProblem("news/item"));
  CHECK(*UrlProblem("/news/../../x/") ==
        "url \"/news/../../x/\" would leave the output folder: remove the \"..\" segment");
  CHECK(*UrlProblem("/news/%2e%2e/x/") ==
        "url \"/news/%2e%2e/x/\" contains percent-encoding (such as %2e%2e); write a plain path like "
        "\"/news/item/\"");
  CHECK(*UrlProblem("//evil.example/x") ==
        "url \"//evil.example/x\" must be a path below the language's root, like \"/news/item/\", not an "
        "absolute "
        "address or file path");
  CHECK(*UrlProblem("C:\\windows") ==
        "url \"C:\\windows\" must be a path below the language's root, like \"/news/item/\", not an absolute "
        "address "
        "or file path");
}

TEST_CASE("slugs = \"hugo\" makes names into segments by Hugo's rule, so moved sites keep their URLs",
          "[slugs]") {
  Locale en("en-CA"), fr("fr-CA");
  // Punctuation goes without a trace; spaces and hyphens, one hyphen between kept characters.
  CHECK(en.SlugifyHugo("eva’s-exit-interview", false) == "evas-exit-interview");
  CHECK(en.SlugifyHugo("moving-fast-staying-safe:-being-‘agile’-in-government", false) ==
        "moving-fast-staying-safe-being-agile-in-government");
  CHECK(en.SlugifyHugo("are-you-the-next-ceo?", false) == "are-you-the-next-ceo");
  CHECK(en.SlugifyHugo("share-your-resume--77d1c2", false) == "share-your-resume-77d1c2");
  CHECK(en.SlugifyHugo("-‘a-percentage-of-perfection’:-incident-management", false) ==
        "a-percentage-of-perfection-incident-management");
  CHECK(en.SlugifyHugo("<strong>writing-notices<-strong>", false) == "strongwriting-notices-strong");
  CHECK(en.SlugifyHugo("privacy-notices-and-usability-testing ", false) == "privacy-notices-and-usability-testing");
  CHECK(en.SlugifyHugo("CDS-gets-its-first-CEO", false) == "cds-gets-its-first-ceo");
  // Letters (accents too), digits, marks and . _ ~ + stay; a leading dot does not.
  CHECK(fr.SlugifyHugo("concepteur·trice-d'interaction", false) == "concepteurtrice-dinteraction");
  CHECK(fr.SlugifyHugo("élaborer-un-cadre-d’évaluation", false) == "élaborer-un-cadre-dévaluation");
  CHECK(fr.SlugifyHugo("adjoint.e_c.v.", false) == "adjoint.e_c.v.");
  CHECK(fr.SlugifyHugo("..tandem", false) == "tandem");
  CHECK(fr.SlugifyHugo("« Courtes » – et fréquentes", false) == "courtes-et-fréquentes");
  // ascii_urls: accents removed, as Hugo's removePathAccents.
  CHECK(fr.SlugifyHugo("élaborer-un-cadre-d’évaluation", true) == "elaborer-un-cadre-devaluation");
  CHECK(fr.SlugifyHugo("Œuvres", true) == "oeuvres");
  CHECK(fr.SlugifyHugo("?!", true) == "");
}
