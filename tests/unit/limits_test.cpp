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
  std::string yaml = "title: Bomb\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 10; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + prev;
    for (int k = 1; k < 10; ++k) yaml += ", " + prev;
    yaml += "]\n";
  }
  return yaml;
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

