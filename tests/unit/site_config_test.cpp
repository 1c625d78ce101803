// LoadConfig, as its named steps: every one runs, and each problem is reported at its place.
#include <catch2/catch.hpp>
#include <regex>

#include "fixture.hpp"

using namespace tandem;
using namespace tandem::testing;

TEST_CASE("every step of reading site.toml reports its problems, at their places, in order", "[config]") {
  FixtureSite site("minimal");
  site.WriteFile("site.toml",
                 "base_url = \"https://example.ca/\"\n"
                 "theme = 5\n"
                 "currency = \"XXY\"\n"
                 "allow_raw_html = \"yes\"\n"
                 "page_timeout = 0\n"
                 "timezone = \"Mars/Base\"\n"
                 "page_params = [1]\n"
                 "ascii_urls = 3\n"
                 "slugs = \"go\"\n"
                 "unknownkey = 1\n"
                 "params = 4\n"
                 "[permalinks]\n"
                 "blog = \"/:yr/\"\n"
                 "[languages.en]\n"
                 "locale = \"en-CA\"\n"
                 "title = \"\"\n"
                 "weight = \"a\"\n"
                 "content_dir = \"../x\"\n"
                 "[languages.fr]\n"
                 "locale = \"fr-CA\"\n"
                 "title = \"T\"\n"
                 "creator = \"C\"\n"
                 "base_url = \"https://example.ca/fr/?x\"\n"
                 "[languages.iu]\n"
                 "title = \"T\"\n"
                 "creator = \"C\"\n"
                 "content_dir = \"content/fr/iu\"\n"
                 "[taxonomies]\n"
                 "tag = 5\n");
  site.WriteFile("site.staging.toml", "noindx = true\n");
  BuildOptions staging;
  staging.environment = "staging";
  std::string errors = site.Build(staging).errors;
  std::string places;
  std::regex place(R"(^(site[a-z.]*toml:\d+:\d+): error: (\S+ \S+))", std::regex::multiline);
  for (std::sregex_iterator it(errors.begin(), errors.end(), place), end; it != end; ++it)
    places += (*it)[1].str() + " " + (*it)[2].str() + "\n";
  CHECK(places ==
        "site.staging.toml:1:1 unknown key\n"  // the environment's file, merged over site.toml
        "site.toml:2:9 \"theme\" must\n"
        "site.toml:3:12 unknown currency\n"
        "site.toml:4:18 \"allow_raw_html\" must\n"
        "site.toml:5:16 \"page_timeout\" must\n"
        "site.toml:6:12 unknown time\n"
        "site.toml:7:16 \"page_params\" must\n"
        "site.toml:8:14 \"ascii_urls\" must\n"
        "site.toml:9:9 \"slugs\" must\n"
        "site.toml:10:1 unknown key\n"
        "site.toml:11:10 [params] must\n"
        "site.toml:13:8 unknown token\n"
        "site.toml:14:12 [languages.en] is\n"
        "site.toml:16:9 \"title\" is\n"
        "site.toml:17:10 \"weight\" must\n"
        "site.toml:18:15 content_dir \"../x\"\n"
        "site.toml:23:12 base_url must\n"
        "site.toml:24:12 [languages.iu] is\n"
        "site.toml:27:15 content_dir \"content/fr/iu\"\n"
        "site.toml:29:7 taxonomy \"tag\"\n");
}
