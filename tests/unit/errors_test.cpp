// Every kind of bad input a user can cause: the exact message, and no output.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "fixture.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

// Builds the minimal fixture with `files` added, expecting it to fail with exactly `expected`.
std::string ErrorsOf(const std::vector<std::pair<std::string, std::string>>& files) {
  FixtureSite site("minimal");
  for (const auto& [path, bytes] : files) site.WriteFile(path, bytes);
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  CHECK_FALSE(site.Exists("index.html"));
  return result.errors;
}

}  // namespace

TEST_CASE("invalid TOML front matter", "[errors]") {
  CHECK(ErrorsOf({{"content/fr/x.md", "+++\ntitle = \"Été\nslug = \"x\"\n+++\n"}}) ==
        "content/fr/x.md:2:13: error: invalid TOML: Error while parsing string: unescaped control characters "
        "other than TAB (U+0009) are "
        "explicitly prohibited\n"
        " 2 | title = \"Été\n"
        "   |             ^\n");
}

TEST_CASE("invalid YAML front matter", "[errors]") {
  CHECK(ErrorsOf({{"content/en/x.md", "---\ntitle: Hello\n  slug: [unclosed\n---\nBody\n"}}) ==
        "content/en/x.md:3:7: error: invalid YAML: illegal map value\n"
        " 3 |   slug: [unclosed\n"
        "   |       ^\n");
}

TEST_CASE("unterminated front matter", "[errors]") {
  CHECK(ErrorsOf({{"content/en/x.md", "+++\ntitle = \"Hello\"\n\nBody text\n"}}) ==
        "content/en/x.md:1:1: error: front matter opened with +++ is never closed; add a line +++ after the "
        "last "
        "field (did you forget it?)\n"
        " 1 | +++\n"
        "   | ^\n");
}

TEST_CASE("missing title", "[errors]") {
  CHECK(ErrorsOf({{"content/en/x.md", "+++\ndescription = \"No title\"\n+++\n"}}) ==
        "content/en/x.md:1:1: error: the page has no title; add title = \"...\" to its front matter\n"
        " 1 | +++\n"
        "   | ^\n");
}

TEST_CASE("invalid UTF-8", "[errors]") {
  CHECK(ErrorsOf({{"content/fr/x.md", "+++\ntitle = \"S\xE9\x63urit\xE9\"\n+++\n"}}) ==
        "content/fr/x.md:2:11: error: invalid UTF-8; save the file as UTF-8 (it may be in Windows-1252 or "
        "Latin-1)\n"
        " 2 | title = \"S\uFFFDcurit\uFFFD\"\n"
        "   |           ^\n");
  // Found by the config fuzz target: with lone CRs (old Mac line ends) the invalid byte was
  // placed on lines counted another way than every other finding's.
  CHECK(ErrorsOf({{"content/fr/x.md", "+++\rtitle = \"S\"\r+++\rS\xE9\x63urit\xE9\r"}}) ==
        "content/fr/x.md:4:2: error: invalid UTF-8; save the file as UTF-8 (it may be in Windows-1252 or "
        "Latin-1)\n"
        " 4 | S\uFFFDcurit\uFFFD\n"
        "   |  ^\n");
}

TEST_CASE("a layout the theme lacks falls back to the default template, with one warning per name",
          "[errors]") {
  FixtureSite site("minimal");
  site.WriteFile("content/en/x.md", "+++\ntitle = \"X\"\nlayout = \"pag\"\n+++\n");
  site.WriteFile("content/en/y.md", "+++\ntitle = \"Y\"\nlayout = \"pag\"\n+++\n");
  site.WriteFile("content/en/z.md", "+++\ntitle = \"Z\"\nlayout = \"story\"\n+++\n");
  for (const char* name : {"x", "y", "z"})
    site.WriteFile("content/fr/" + std::string(name) + ".md", "+++\ntitle = \"F\"\n+++\n");
  auto result = site.Build();
  CHECK(result.report.ok);
  std::string theme = std::string(TANDEM_THEMES_DIR) + "/gc/templates/";
  // After the site's note-like warning that it is not in git.
  CHECK(result.warnings.substr(result.warnings.find("content/")) ==
        "content/en/x.md:3:1: warning: the theme has no layout \"pag\" (" + theme +
            "pag.mustache) (did you mean \"page\"?); this page and 1 other page use the default template "
            "instead. Add the template, or remove the layout [layout-missing]\n"
            " 3 | layout = \"pag\"\n"
            "   | ^\n"
            "content/en/z.md:3:1: warning: the theme has no layout \"story\" (" +
            theme +
            "story.mustache); this page uses the default template instead. Add the template, or remove the "
            "layout [layout-missing]\n"
            " 3 | layout = \"story\"\n"
            "   | ^\n");
  CHECK(site.Read("en/x/index.html").find("<h1") != std::string::npos);

  BuildOptions strict;
  strict.strict = true;
  auto failed = site.Build(strict);
  CHECK_FALSE(failed.report.ok);
  CHECK(failed.errors.find("content/en/x.md:3:1: error: the theme has no layout \"pag\"") !=
        std::string::npos);
}

TEST_CASE("a missing partial", "[errors]") {
  FixtureSite site("minimal");
  site.CopyDefaultTheme("mine");
  site.WriteFile("themes/mine/templates/page.mustache",
                 "<!DOCTYPE html>\n<p>{{page.title}}</p>\n{{> footr}}\n");
  std::string config = ReadBytes(site.source() / "site.toml");
  config.replace(config.find("theme = \"gc\""), 12, "theme = \"mine\"");
  site.WriteFile("site.toml", config);
  auto result = site.Build();
  CHECK(result.errors ==
        "themes/mine/templates/page.mustache:3:1: error: unknown partial \"footr\": there is no "
        "themes/mine/partials/footr.mustache (did you mean \"footer\"?)\n"
        " 3 | {{> footr}}\n"
        "   | ^\n");
}

TEST_CASE("a missing required template", "[errors]") {
  FixtureSite site("minimal");
  site.CopyDefaultTheme();
  site.Remove("themes/gc/templates/404.mustache");
  CHECK(
      site.Build().errors ==
      "themes/gc/templates/404.mustache: error: missing template: the theme needs templates/404.mustache\n");
}

TEST_CASE("an unknown theme", "[errors]") {
  FixtureSite site("minimal");
  std::string config = ReadBytes(site.source() / "site.toml");
  config.replace(config.find("theme = \"gc\""), 12, "theme = \"gcc\"");
  site.WriteFile("site.toml", config);
  CHECK(site.Build().errors ==
        "site.toml:2:9: error: unknown theme \"gcc\": no folder themes/gcc in the site or in " +
            std::string(TANDEM_THEMES_DIR) +
            " (did you mean \"gc\"?)\n"
            " 2 | theme = \"gcc\"\n"
            "   |         ^\n");
}

TEST_CASE("an unknown key in site.toml", "[errors]") {
  FixtureSite site("minimal");
  site.WriteFile("site.toml",
                 "base_url = \"https://example.ca/\"\nthem = \"gc\"\n\n[languages.en]\nlocale = "
                 "\"en-CA\"\ntitle = \"T\"\ncreator = \"C\"\n");
  CHECK(site.Build().errors ==
        "site.toml:2:1: error: unknown key \"them\" in site.toml (did you mean \"theme\"?); known keys: "
        "\"base_url\", \"theme\", \"currency\", \"allow_raw_html\", \"page_timeout\", \"languages\", "
        "\"feeds\", "
        "\"search\", \"noindex\", \"checks\", \"translation_source\", \"timezone\", \"params\", "
        "\"permalinks\", "
        "\"ascii_urls\", \"taxonomies\", \"page_params\", \"slugs\", \"identity\", "
        "\"missing_translation\", \"title_max_length\", \"description_max_length\", \"share\", \"feedback\", "
        "\"analytics\"\n"
        " 2 | them = \"gc\"\n"
        "   | ^\n");
}

TEST_CASE("an unknown language folder", "[errors]") {
  CHECK(ErrorsOf({{"content/de/_index.md", "+++\ntitle = \"Start\"\n+++\n"}}) ==
        "content/de: error: unknown language folder \"de\"; site.toml defines \"en\", \"fr\": add "
        "[languages.de] "
        "to site.toml or move the folder\n");
}

TEST_CASE("two pages mapping to one output path", "[errors]") {
  CHECK(ErrorsOf({{"content/en/a.md", "+++\ntitle = \"A\"\nslug = \"same\"\n+++\n"},
                  {"content/en/b.md", "+++\ntitle = \"B\"\nslug = \"same\"\n+++\n"}}) ==
        "content/en/b.md:3:1: error: content/en/b.md and content/en/a.md would both be written to "
        "en/same/index.html; give one of them another slug or url\n"
        " 3 | slug = \"same\"\n"
        "   | ^\n");
}

// Issue 24: a name longer than a file system takes failed when the page was written, reported
// at the staged path (.tandem/stage/...) rather than at the slug the author wrote.
TEST_CASE("a URL segment too long for a file name is an error at the slug, url, alias or term", "[errors]") {
  std::string long_name(300, 'a');
  // A quoted line is cut after 160 characters.
  auto quoted = [](const std::string& line) { return line.substr(0, 160) + "…"; };
  std::string problem = "the URL segment \"" + std::string(40, 'a') +
                        "…\" is 300 bytes long, and a file system takes at most 255 in a name";
  CHECK(ErrorsOf({{"content/en/a.md", "+++\ntitle = \"A\"\nslug = \"" + long_name + "\"\n+++\n"}}) ==
        "content/en/a.md:3:1: error: " + problem + "; give the page a shorter slug\n 3 | " +
            quoted("slug = \"" + long_name + "\"") + "\n   | ^\n");
  CHECK(ErrorsOf({{"content/en/a.md", "+++\ntitle = \"A\"\nurl = \"/news/" + long_name + "/\"\n+++\n"}}) ==
        "content/en/a.md:3:1: error: " + problem + "; give the page a shorter slug\n 3 | " +
            quoted("url = \"/news/" + long_name + "/\"") + "\n   | ^\n");
  CHECK(
      ErrorsOf({{"content/en/a.md", "+++\ntitle = \"A\"\naliases = [\"/old/" + long_name + "/\"]\n+++\n"}}) ==
      "content/en/a.md:3:12: error: " + problem + "; the alias cannot be written\n 3 | " +
          quoted("aliases = [\"/old/" + long_name + "/\"]") + "\n   |            ^\n");
}

TEST_CASE("a slug or url that would leave the output folder", "[errors]") {
  CHECK(ErrorsOf({{"content/en/a.md", "+++\ntitle = \"A\"\nslug = \"../../etc\"\n+++\n"}}) ==
        "content/en/a.md:3:1: error: slug \"../../etc\" would leave its folder: a slug is one URL segment, "
        "without / or ..\n"
        " 3 | slug = \"../../etc\"\n"
        "   | ^\n");
  CHECK(ErrorsOf({{"content/en/a.md", "+++\ntitle = \"A\"\nslug = \"/etc/passwd\"\n+++\n"}}) ==
        "content/en/a.md:3:1: error: slug \"/etc/passwd\" would leave its folder: a slug is one URL segment, "
        "without / or ..\n"
        " 3 | slug = \"/etc/passwd\"\n"
        "   | ^\n");
  CHECK(ErrorsOf({{"content/en/a.md", "+++\ntitle = \"A\"\nurl = \"/x/%2e%2e/%2e%2e/y/\"\n+++\n"}}) ==
        "content/en/a.md:3:1: error: url \"/x/%2e%2e/%2e%2e/y/\" contains percent-encoding (such as %2e%2e); "
        "write "
        "a plain path like \"/news/item/\"\n"
        " 3 | url = \"/x/%2e%2e/%2e%2e/y/\"\n"
        "   | ^\n");
  CHECK(ErrorsOf({{"content/en/a.md", "+++\ntitle = \"A\"\nurl = \"/../../../tmp/\"\n+++\n"}}) ==
        "content/en/a.md:3:1: error: url \"/../../../tmp/\" would leave the output folder: remove the \"..\" "
        "segment\n"
        " 3 | url = \"/../../../tmp/\"\n"
        "   | ^\n");
  // A NUL is refused with every control character, at the escape (support/printable.hpp).
  CHECK(ErrorsOf({{"content/en/a.md", "---\ntitle: A\nslug: \"a\\0b\"\n---\n"}}) ==
        "content/en/a.md:3:9: error: \"slug\" holds U+0000 (null), a control character that no page or feed "
        "can carry; delete it, or put a space in its place\n"
        " 3 | slug: \"a\\0b\"\n"
        "   |         ^\n");
}

TEST_CASE("a symbolic link pointing outside the site is refused", "[errors]") {
  FixtureSite site("minimal");
  ScratchDir outside;
  std::string secret = (outside.path() / "secret.md").string();
  site.WriteFile("../secret-holder.txt", "");
  { std::ofstream(secret) << "+++\ntitle = \"Secret\"\n+++\nSecret text\n"; }
  std::filesystem::create_symlink(secret, site.source() / "content/en/leak.md");
  auto result = site.Build();
  CHECK(result.errors ==
        "content/en/leak.md: error: symbolic link to " + secret +
            " points outside the site; tandem does not follow it. Copy the file into the site "
            "instead\n");
  CHECK_FALSE(site.Exists("en/leak/index.html"));
}

TEST_CASE("a build reports every content error, not only the first", "[errors]") {
  std::string errors = ErrorsOf({{"content/en/a.md", "+++\ntitle = \"A\"\n"},
                                 {"content/en/b.md", "+++\ntitle = 3\n+++\n"},
                                 {"content/fr/c.md", "+++\ndescription = \"c\"\n+++\n"}});
  CHECK(errors.find("content/en/a.md:1:1: error: front matter opened with +++ is never closed") == 0);
  CHECK(errors.find("content/en/b.md:2:1: error: \"title\" must be a string") != std::string::npos);
  CHECK(errors.find("content/fr/c.md:1:1: error: the page has no title") != std::string::npos);
}

TEST_CASE("two pages of one language with the same translation_key", "[errors]") {
  CHECK(ErrorsOf({{"content/en/a.md", "+++\ntitle = \"A\"\ntranslation_key = \"k\"\n+++\n"},
                  {"content/en/b.md", "+++\ntitle = \"B\"\ntranslation_key = \"k\"\n+++\n"},
                  {"content/fr/c.md", "+++\ntitle = \"C\"\ntranslation_key = \"k\"\n+++\n"}}) ==
        "content/en/b.md:3:1: error: translation_key \"k\" is also used by content/en/a.md in the same "
        "language; "
        "each page needs its own key\n"
        " 3 | translation_key = \"k\"\n"
        "   | ^\n");
}

// Found by the config fuzz target: a string still open at the end of the file was placed one
// column past the end of its last line.
TEST_CASE("a TOML string open at the end of the file is an error at the end of its last line", "[errors]") {
  FixtureSite site("minimal");
  site.WriteFile("site.toml", "base_url = \"https://example.ca/\"\nnote = \"\"\"\nfirst line\nsecond\n");
  CHECK(site.Build().errors ==
        "site.toml:4:7: error: invalid TOML: Error while parsing string: encountered end-of-file\n"
        " 4 | second\n"
        "   |       ^\n");
}

TEST_CASE("a UI string missing from one language", "[errors]") {
  FixtureSite site("minimal");
  site.WriteFile("i18n/en.toml", "site_slogan = \"Serving Canadians\"\n");
  CHECK(site.Build().errors ==
        "i18n/fr.toml: error: UI string \"site_slogan\" is in i18n/en.toml but missing here; add its "
        "translation\n");
}

// Issue 24: a site's i18n/ replaced search_action (or any footer address) with javascript:, which
// went into the header form of every page; UI strings named *_url or *_action are addresses.
TEST_CASE("a UI string that is an address passes the URL policy", "[errors]") {
  FixtureSite site("minimal");
  site.WriteFile("i18n/en.toml",
                 "search_action = \"java\\tscript:alert(1)\"\nterms_url = \"//evil.example/\"\n");
  CHECK(
      site.Build().errors ==
      "i18n/en.toml:1:17: error: the address \"java\\tscript:alert(1)\", which a browser reads as "
      "\"javascript:alert(1)\", is a \"javascript:\" address, which tandem does not write into a page; link "
      "to an http, https, mailto or tel address, or to a path of the site\n"
      " 1 | search_action = \"java\\tscript:alert(1)\"\n"
      "   |                 ^\n"
      "i18n/en.toml:2:13: error: the address \"//evil.example/\" names another host without a scheme; "
      "write it in full, like \"https://evil.example/\", or a path of the site with a single \"/\"\n"
      " 2 | terms_url = \"//evil.example/\"\n"
      "   |             ^\n");
}

TEST_CASE("a page too large for the Markdown parser", "[errors]") {
  std::string huge = "+++\ntitle = \"Huge\"\n+++\n" + std::string(600 * 1024, 'a') + "\n";
  CHECK(ErrorsOf({{"content/en/huge.md", huge}}) ==
        "content/en/huge.md:4:1: error: the page is 600 KB of Markdown; tandem renders at most 512 KB per "
        "page: "
        "split it\n"
        " 4 | " +
            std::string(160, 'a') +
            "…\n"
            "   | ^\n");
}

// A table's width is its delimiter row's: | --- | --- |, with or without the outer pipes.
std::string Table(int columns, bool outer_pipes) {
  std::string header, delimiter;
  for (int i = 0; i < columns; ++i) {
    header += std::string(i || outer_pipes ? "|" : "") + "x";
    delimiter += std::string(i || outer_pipes ? "|" : "") + "-";
  }
  if (outer_pipes) header += "|", delimiter += "|";
  return header + "\n" + delimiter + "\n";
}

TEST_CASE("a table too wide for the Markdown parser", "[errors]") {
  std::string errors =
      ErrorsOf({{"content/en/wide.md", "+++\ntitle = \"Wide\"\n+++\nText\n\n" + Table(200, true)}});
  CHECK(errors.rfind("content/en/wide.md:7:1: error: a table with 200 columns; tandem accepts at most 128. "
                     "Split the table\n",
                     0) == 0);
  CHECK(ErrorsOf({{"content/en/wide.md", "+++\ntitle = \"Wide\"\n+++\n" + Table(129, false)}})
            .rfind("content/en/wide.md:5:1: error: a table with 129 columns", 0) == 0);
}

TEST_CASE("a table of 128 columns, and lines of pipes that are not tables, are fine", "[errors]") {
  FixtureSite site("minimal");
  std::string pipes(300, '|');
  site.WriteFile("content/en/pipes.md", "+++\ntitle = \"Pipes\"\n+++\n" + Table(128, true) + "\n" +
                                            Table(128, false) + "\n```\n" + pipes + "\n" + Table(300, true) +
                                            "```\n\n`" + pipes + "`\n\n" + pipes + "\n\n    " + pipes + "\n");
  auto result = site.Build();
  CHECK(result.errors.empty());
  std::string html = site.Read("en/pipes/index.html");
  CHECK(html.find("<pre><code>" + pipes + "\n") != std::string::npos);
  CHECK(html.find("<p><code>" + pipes + "</code></p>") != std::string::npos);
}

TEST_CASE("a template Mustache cannot parse", "[errors]") {
  FixtureSite site("minimal");
  site.CopyDefaultTheme();
  site.WriteFile("themes/gc/templates/page.mustache", "<p>{{#page}}{{title}}</p>\n");
  CHECK(site.Build().errors ==
        "themes/gc/templates/page.mustache:1:4: error: invalid template: Unclosed section \"page\"\n"
        " 1 | <p>{{#page}}{{title}}</p>\n"
        "   |    ^\n");
}

TEST_CASE("a template error inside a partial points at the partial's own line", "[errors]") {
  FixtureSite site("minimal");
  site.CopyDefaultTheme();
  site.WriteFile("themes/gc/partials/footer.mustache", "<footer>\n{{#site}}{{title}}\n</footer>\n");
  CHECK(site.Build().errors.rfind(
            "themes/gc/partials/footer.mustache:2:1: error: invalid template: Unclosed section \"site\"\n"
            " 2 | {{#site}}{{title}}\n",
            0) == 0);
}

TEST_CASE("a tag left without its closing braces is an error, not swallowed HTML", "[errors]") {
  FixtureSite site("minimal");
  site.CopyDefaultTheme();
  site.WriteFile("themes/gc/templates/page.mustache",
                 "<h1>{{page.title </h1>\n<main>{{{page.content}}}</main>\n");
  CHECK(site.Build().errors ==
        "themes/gc/templates/page.mustache:1:5: error: \"{{page.title </h1> <main>{{{page.content…\" is not "
        "a tag: "
        "names are letters, digits, '_', '-' and '.'; is a \"}}\" missing?\n"
        " 1 | <h1>{{page.title </h1>\n"
        "   |     ^\n");
}

TEST_CASE("a partial name is a name, never a path", "[errors]") {
  FixtureSite site("minimal");
  site.CopyDefaultTheme();
  site.WriteFile("secret.mustache", "secret");
  site.WriteFile("themes/gc/templates/page.mustache", "{{> ../../../secret}}\n");
  CHECK(
      site.Build().errors ==
      "themes/gc/templates/page.mustache:1:1: error: partial \"../../../secret\" is not a name: a partial is "
      "named by its file in partials/, like {{> header}}\n"
      " 1 | {{> ../../../secret}}\n"
      "   | ^\n");
}

TEST_CASE("partials that include each other many times over are refused, naming the template", "[errors]") {
  FixtureSite site("minimal");
  site.CopyDefaultTheme();
  for (int level = 0; level < 7; ++level) {
    std::string body;
    for (int i = 0; i < 10; ++i) body += "{{> p" + std::to_string(level + 1) + "}}";
    site.WriteFile("themes/gc/partials/p" + std::to_string(level) + ".mustache", body + "\n");
  }
  // Big enough to pass 4 MB before 10,000 partials are in place (limits_test.cpp has those).
  site.WriteFile("themes/gc/partials/p7.mustache", std::string(2000, 'x') + "\n");
  site.WriteFile("themes/gc/templates/page.mustache", "{{> p0}}\n");
  std::string errors = site.Build().errors;
  CHECK(errors.find("error: the template passes 4 MB once its partials are in place (through \"p") !=
        std::string::npos);
}

TEST_CASE("an empty template, and one that is not UTF-8, are errors", "[errors]") {
  FixtureSite site("minimal");
  site.CopyDefaultTheme();
  site.WriteFile("themes/gc/templates/page.mustache", "\n");
  site.WriteFile("themes/gc/templates/section.mustache", "<p>caf\xE9</p>\n");
  CHECK(
      site.Build().errors ==
      "themes/gc/templates/page.mustache: error: the template is empty; write the page's HTML in it, or "
      "remove it\n"
      "themes/gc/templates/section.mustache:1:7: error: invalid UTF-8; save the file as UTF-8 (it may be in "
      "Windows-1252 or Latin-1)\n"
      " 1 | <p>caf\xEF\xBF\xBD</p>\n"
      "   |       ^\n");
}

TEST_CASE("page_params must be a list of key names, and slugs one of its two rules", "[errors]") {
  FixtureSite site("minimal");
  std::string toml = ReadBytes(site.source() / "site.toml");
  site.WriteFile("site.toml", "page_params = [\"author\", 3]\nslugs = \"wordpress\"\n" + toml);
  CHECK(site.Build().errors ==
        "site.toml:1:26: error: \"page_params\" must be a list of the front matter keys of the site's own, "
        "like "
        "page_params = [\"author\", \"image\"]\n"
        " 1 | page_params = [\"author\", 3]\n"
        "   |                          ^\n"
        "site.toml:2:9: error: \"slugs\" must be \"tandem\" (the default: punctuation becomes a hyphen) or "
        "\"hugo\" (Hugo's rule, for a site that keeps the URLs Hugo gave it)\n"
        " 2 | slugs = \"wordpress\"\n"
        "   |         ^\n");
  site.WriteFile("site.toml", "page_params = \"author\"\n" + toml);
  CHECK(site.Build().errors.find("site.toml:1:15: error: \"page_params\" must be a list") == 0);
}

TEST_CASE("a control character in site.toml is an error where it is written, not an ill-formed feed",
          "[errors]") {
  // U+000B, as Word's line break pastes it, in the French site title: the Atom feed's <title>.
  std::string site_toml =
      "base_url = \"https://example.ca/\"\ntheme = \"gc\"\n\n[languages.en]\nlocale = \"en-CA\"\n"
      "title = \"Minimal\"\ncreator = \"Example Department\"\n\n[languages.fr]\nlocale = \"fr-CA\"\n"
      "title = \"Mini\\u000Bmal\"\ncreator = \"Ministère exemple\"\n";
  CHECK(ErrorsOf({{"site.toml", site_toml}}) ==
        "site.toml:11:14: error: \"languages.fr.title\" holds U+000B (vertical tab), a control character "
        "that no page or feed can carry; delete it, or put a space in its place\n"
        " 11 | title = \"Mini\\u000Bmal\"\n"
        "    |              ^\n");
}

TEST_CASE("TOML nested past 64 levels is an error at the level, not a stack overflow", "[errors]") {
  std::string deep = "[a";
  for (int i = 0; i < 20000; ++i) deep += ".a";
  deep += "]\nx = 1\n";
  std::string errors = ErrorsOf({{"data/deep.toml", deep}});
  CHECK(errors.rfind("data/deep.toml:1:129: error: TOML nested more than 64 levels deep (table names, dotted "
                     "keys, inline "
                     "tables and lists); tandem reads at most 64: keep the data flatter\n",
                     0) == 0);
  // The same rule in front matter, and for inline tables and lists: each an error, never a crash.
  std::string inline_deep =
      "+++\ntitle = \"A\"\nx = " + std::string(300, '[') + std::string(300, ']') + "\n+++\n";
  CHECK(ErrorsOf({{"content/en/a.md", inline_deep}})
            .rfind("content/en/a.md:3:68: error: TOML nested more than 64 levels deep", 0) == 0);
  std::string dotted = "+++\ntitle = \"A\"\n";
  for (int i = 0; i < 70; ++i) dotted += "k.";
  dotted += "z = 1\n+++\n";
  CHECK(ErrorsOf({{"content/en/b.md", dotted}})
            .rfind("content/en/b.md:3:130: error: TOML nested more than 64 levels deep", 0) == 0);
}

TEST_CASE("a problem in a data file read by two stages is reported once", "[errors]") {
  // Site data and the funding tables both read data/*.toml.
  CHECK(ErrorsOf({{"data/t.toml", "title = \"A\\u000Bb\"\n"}}) ==
        "data/t.toml:1:11: error: \"title\" holds U+000B (vertical tab), a control character that no page or "
        "feed can carry; delete it, or put a space in its place\n"
        " 1 | title = \"A\\u000Bb\"\n"
        "   |           ^\n");
}
