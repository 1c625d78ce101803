// Directives in Markdown: where a figure may stand, what stays literal, where errors point.
#include <catch2/catch.hpp>
#include <string>

#include "fixture.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

// Builds the funding fixture with content/en/x.md holding `body`; returns the page's <main>, or
// the errors when the build fails.
struct Built {
  bool ok = false;
  std::string main;
  std::string errors;
  std::string warnings;
};

Built BuildPage(const std::string& body) {
  FixtureSite site("funding");
  site.WriteFile("content/en/x.md", "+++\ntitle = \"X\"\nmodified = 2024-01-01\n+++\n" + body);
  site.WriteFile("content/fr/x.md", "+++\ntitle = \"X\"\nmodified = 2024-01-01\n+++\nx\n");
  auto result = site.Build();
  Built built{result.report.ok, "", result.errors, result.warnings};
  if (!built.ok) return built;
  std::string html = site.Read("en/x/index.html");
  size_t start = html.find("<main"), end = html.find("</main>");
  built.main = html.substr(start, end - start);
  return built;
}

}  // namespace

TEST_CASE("a figure stands in a table cell, a link, emphasis and an image's alt text", "[directives]") {
  Built b = BuildPage(
      "| Program | Total |\n| --- | --: |\n| Demo | {{funding:total program=demo}} |\n\n"
      "*{{funding:count program=demo}}* and [{{funding:total stream=research}}](/en/)\n\n"
      "![Total: {{funding:total program=demo}} over four years](/img/chart.png)\n");
  INFO(b.errors);
  REQUIRE(b.ok);
  CHECK(b.main.find("<td style=\"text-align: right\">$1,811,188</td>") != std::string::npos);
  CHECK(b.main.find("<em>5 projects</em>") != std::string::npos);
  CHECK(b.main.find("<a href=\"/en/\">$1,630,500</a>") != std::string::npos);
  CHECK(b.main.find("alt=\"Total: $1,811,188 over four years\"") != std::string::npos);
}

TEST_CASE("escaped braces stay literal, even with a real figure on the page", "[directives]") {
  Built b = BuildPage(
      "Real: {{funding:count program=demo}}.\n\n"
      "Escaped: \\{\\{funding:count program=demo\\}\\}.\n\n"
      "Entities: &#123;&#123;funding:count program=demo&#125;&#125;.\n\n"
      "Half: {\\{funding:totl program=demo}}.\n");
  INFO(b.errors);
  REQUIRE(b.ok);
  CHECK(b.main.find("Real: 5 projects.") != std::string::npos);
  CHECK(b.main.find("Escaped: {{funding:count program=demo}}.") != std::string::npos);
  CHECK(b.main.find("Entities: {{funding:count program=demo}}.") != std::string::npos);
  CHECK(b.main.find("Half: {{funding:totl program=demo}}.") != std::string::npos);
}

TEST_CASE("two faulty figures on one line are each reported at their own column", "[directives]") {
  Built b = BuildPage(
      "A `{{funding:totl x}}` then {{funding:totl program=demo}} and {{funding:totl program=demo}}.\n");
  CHECK_FALSE(b.ok);
  CHECK(b.errors ==
        "content/en/x.md:5:39: error: unknown funding figure \"totl\" (did you mean \"total\"?); known "
        "figures: "
        "\"total\", \"count\"\n"
        " 5 | A `{{funding:totl x}}` then {{funding:totl program=demo}} and {{funding:totl program=demo}}.\n"
        "   | " +
            std::string(38, ' ') +
            "^\n"
            "content/en/x.md:5:73: error: unknown funding figure \"totl\" (did you mean \"total\"?); known "
            "figures: "
            "\"total\", \"count\"\n"
            " 5 | A `{{funding:totl x}}` then {{funding:totl program=demo}} and {{funding:totl "
            "program=demo}}.\n"
            "   | " +
            std::string(72, ' ') + "^\n");
}

TEST_CASE("a page of sixty thousand unknown directives renders in linear time", "[directives][slow]") {
  std::string body;
  for (int i = 0; i < 60000; ++i) body += "{{x}}\n\n";
  Built b = BuildPage(body);
  INFO(b.errors);
  CHECK(b.ok);
  CHECK(b.main.find("<p>{{x}}</p>") != std::string::npos);
}

TEST_CASE("a figure never closed is an error at its braces, not text", "[directives]") {
  Built b = BuildPage("Total: {{funding:count program=demo and more.\n\nOther {{braces are just text.\n");
  CHECK_FALSE(b.ok);
  CHECK(b.errors ==
        "content/en/x.md:5:8: error: {{funding:... is never closed; add \"}}\" at its end, on the same line\n"
        " 5 | Total: {{funding:count program=demo and more.\n"
        "   |        ^\n");
}
