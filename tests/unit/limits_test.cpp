// Every reader has limits (issue 24): YAML aliases, nesting, and work that would grow faster than
// the page. Each limit is reported at its file, line and column.
#include <catch2/catch.hpp>
#include <string>

#include "config/yaml_source.hpp"
#include "content/data.hpp"
#include "fixture.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

// "Billion laughs": 1 KB of YAML whose aliases stand for 10^10 values.
std::string YamlBomb() {
  return YamlAliasBomb("title: Bomb\n", 10, 10);
}

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("a YAML alias bomb in data/ is refused at the key whose value is too big", "[limits][yaml]") {
  FixtureSite site("minimal");
  site.WriteFile("data/bomb.yaml", YamlBomb());
  Diagnostics diags;
  LoadSiteData(site.source().string(), diags);
  CHECK(diags.Render() ==
        "data/bomb.yaml:5:1: error: \"a3\" holds more than 10000 values once its YAML aliases (*name) are "
        "expanded; write the values out instead\n"
        " 5 | a3: &a3 [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]\n"
        "   | ^\n");
}

TEST_CASE("YAML read as written is never refused for its size, however many values it holds",
          "[limits][yaml]") {
  std::string yaml = "list: [" + Repeat("x, ", 30000) + "x]\nmap:\n" + Repeat("  - a\n", 30000);
  Diagnostics diags;
  auto tree = ReadYaml({"data/big.yaml", yaml, 1, yaml}, diags);
  INFO(diags.Render());
  REQUIRE(tree);
  CHECK(tree->children.at(0).children.size() == 30001);
  CHECK(tree->children.at(1).children.size() == 30000);
}

TEST_CASE("YAML nested without end, through an alias or written out, is refused", "[limits][yaml]") {
  Diagnostics cycle;
  std::string yaml = "title: x\na: &a [*a]\n";
  CHECK_FALSE(ReadYaml({"data/x.yaml", yaml, 1, yaml}, cycle));
  CHECK(cycle.Render() ==
        "data/x.yaml:2:1: error: \"a\" nests deeper than 64 levels once its YAML aliases (*name) are "
        "expanded (an "
        "alias inside its own value, as in a: &a [*a], nests without end); write the values out instead\n"
        " 2 | a: &a [*a]\n"
        "   | ^\n");
  for (int depth : {100, 10000, 200000}) {
    Diagnostics deep;
    std::string nested = "a: " + Repeat("[", depth) + Repeat("]", depth) + "\n";
    CHECK_FALSE(ReadYaml({"data/deep.yaml", nested, 1, nested}, deep));
    CHECK(deep.error_count() == 1);
    Diagnostics block;
    std::string indented;
    for (int i = 0; i < std::min(depth, 3000); ++i) indented += std::string(i, ' ') + "k:\n";
    CHECK_FALSE(ReadYaml({"data/deep.yaml", indented, 1, indented}, block));
    CHECK(block.error_count() == 1);
  }
}

TEST_CASE("positions of a YAML block inside a file are the file's", "[limits][yaml]") {
  std::string file = "---\ntitle: x\nlist: [1, 2\n---\n";
  Diagnostics diags;
  CHECK_FALSE(ReadYaml({"content/en/x.md", std::string_view(file).substr(4, 21), 2, file}, diags));
  CHECK(diags.Render() ==
        "content/en/x.md:3:12: error: invalid YAML: end of sequence flow not found\n"
        " 3 | list: [1, 2\n"
        "   |            ^\n");
}

TEST_CASE("a YAML quoted text that never closes is an error at its opening quote", "[limits][yaml]") {
  std::string yaml = "title: \"Unterminated\nmodified: 2024-01-01\n";
  Diagnostics diags;
  CHECK_FALSE(ReadYaml({"data/q.yaml", yaml, 1, yaml}, diags));
  CHECK(diags.Render() ==
        "data/q.yaml:1:8: error: invalid YAML: this quoted text never closes; end it with \"\n"
        " 1 | title: \"Unterminated\n"
        "   |        ^\n");
  std::string closed = "a: \"x \\\" y\n  z\"\nb: 'it''s'\nc: \"\"\nd: &d 'x'\ne: [*d, *d]\n";
  Diagnostics none;
  auto tree = ReadYaml({"data/ok.yaml", closed, 1, closed}, none);
  INFO(none.Render());
  REQUIRE(tree);
  CHECK(tree->children.at(0).text == "x \" y z");
  CHECK(tree->children.at(1).text == "it's");
}

namespace {

FixtureSite SiteWithPage(const std::string& body) {
  FixtureSite site("minimal");
  site.WriteFile("shortcodes/note.mustache", "<div>{{{inner}}}</div>\n");
  site.WriteFile("content/en/deep.md", "+++\ntitle = \"Deep\"\nmodified = 2024-01-01\n+++\n" + body + "\n");
  return site;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("shortcodes nested past the limit are an error at the first one too deep", "[limits][shortcodes]") {
  const std::string message =
      " is inside 64 other shortcodes; they nest at most 64 deep: close some before it\n";
  for (const std::string& tag : {std::string("<"), std::string("%")}) {
    std::string open = "{{" + tag + " note " + (tag == "<" ? ">" : "%") + "}}";
    std::string close = "{{" + tag + " /note " + (tag == "<" ? ">" : "%") + "}}";
    INFO(open);
    auto deep = SiteWithPage(Repeat(open, 10000) + "x" + Repeat(close, 10000)).Build();
    CHECK(deep.errors.rfind(
              "content/en/deep.md:5:" + std::to_string(64 * open.size() + 1) + ": error: " + open + message,
              0) == 0);
    CHECK(Count(deep.errors, message) == 1);
    FixtureSite ok = SiteWithPage(Repeat(open, 64) + "x" + Repeat(close, 64));
    auto built = ok.Build();
    CHECK(built.errors.empty());
    CHECK(Count(ok.Read("en/deep/index.html"), "<div>") == 64);
    CHECK(ok.Read("en/deep/index.html").find("<div>x</div>") != std::string::npos);
  }
  // {{% %}} inside {{< >}} is read again on its own: still one error.
  auto mixed = SiteWithPage(Repeat("{{< note >}}{{% note %}}", 5000) + "x" +
                            Repeat("{{% /note %}}{{< /note >}}", 5000))
                   .Build();
  CHECK(Count(mixed.errors, message) == 1);
  // Calls never closed stand alone, however many.
  auto unclosed = SiteWithPage(Repeat("{{< note >}}", 20000)).Build();
  CHECK(Count(unclosed.errors, message) == 0);
}

// Found by the page fuzz target (tests/fuzz/crashes/page/link-placeholder-escape-not-hex).
TEST_CASE("a link holding a shortcode placeholder's escape without its hex digits is kept as written",
          "[limits][regression][fuzz]") {
  // Placeholders are decoded on a page with a shortcode.
  FixtureSite site =
      SiteWithPage("{{< note >}}x{{< /note >}} [a](/x%F4%8F%BC%zz) [b](/y%F4%8F%BC%F4%8F%BC%4)");
  auto built = site.Build();
  CHECK(built.errors.empty());
  std::string html = site.Read("en/deep/index.html");
  CHECK(html.find("href=\"/x%F4%8F%BC%zz\"") != std::string::npos);
}

TEST_CASE("partials that include each other many times over are refused, not put in place a million times",
          "[limits][templates]") {
  FixtureSite site("minimal");
  site.CopyDefaultTheme();
  // head-end includes l1 ten times, l1 includes l2 ten times... l6: a million includes, few bytes.
  site.WriteFile("themes/gc/partials/head-end.mustache", Repeat("{{> l1}}", 10) + "\n");
  for (int level = 1; level < 6; ++level)
    site.WriteFile("themes/gc/partials/l" + std::to_string(level) + ".mustache",
                   Repeat("{{> l" + std::to_string(level + 1) + "}}", 10) + "\n");
  site.WriteFile("themes/gc/partials/l6.mustache", "\n");
  auto built = site.Build();
  CHECK(built.errors.find(": error: the template puts more than 10000 partials in place (through \"l") !=
        std::string::npos);
  // Many includes of one partial, each once, are fine.
  FixtureSite fine("minimal");
  fine.CopyDefaultTheme();
  fine.WriteFile("themes/gc/partials/head-end.mustache", Repeat("{{> l1}}", 1000) + "\n");
  fine.WriteFile("themes/gc/partials/l1.mustache", "<!-- l1 -->\n");
  CHECK(fine.Build().errors.empty());
}

TEST_CASE("a page's taxonomy terms cost memory and time linear in their number", "[limits][taxonomies]") {
  FixtureSite site("taxonomies");
  std::string tags;
  for (int i = 0; i < 3000; ++i) tags += std::string(i ? ", " : "") + "\"term " + std::to_string(i) + "\"";
  for (const char* lang : {"en", "fr"})
    site.WriteFile(std::string("content/") + lang + "/many.md",
                   "+++\ntitle = \"Many\"\nmodified = 2024-01-01\ntags = [" + tags + "]\n+++\nBody.\n");
  auto built = site.Build();
  CHECK(built.errors.empty());
  CHECK(site.Exists("en/tags/term-2999/index.html"));
}
