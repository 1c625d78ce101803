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
