// Shortcodes: the scan of a page's Markdown (calls, arguments, nesting, code, escapes, problems
// word for word), and whole sites using every built-in and the site's own shortcodes.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "markdown/shortcodes/placeholders.hpp"
#include "markdown/shortcodes/scan.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

ShortcodeScan Scan(std::string_view markdown) {
  return ScanShortcodes(markdown, CodeBlockLines(markdown));
}

// The only problem of `markdown`, as "line:column: message".
std::string Problem(std::string_view markdown) {
  ShortcodeScan scan = Scan(markdown);
  REQUIRE(scan.problems.size() == 1);
  const ShortcodeProblem& p = scan.problems[0];
  return std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + p.message;
}

std::string Args(const ShortcodeCall& call) {
  std::string out;
  for (const ShortcodeArg& a : call.args) out += (out.empty() ? "" : " ") + a.key + "=[" + a.value + "]";
  return out;
}

}  // namespace

TEST_CASE("shortcode arguments: named, quoted with escapes, raw, bare and positional", "[shortcodes]") {
  std::string md =
      "A {{< figure src=\"a.png\" alt=\"say \\\"hi\\\" \\\\ o\" caption=`raw \\n \"q\"` "
      "width=300 >}} b.\n";
  ShortcodeScan scan = Scan(md);
  REQUIRE(scan.problems.empty());
  REQUIRE(scan.calls.size() == 1);
  const ShortcodeCall& call = scan.calls[0];
  CHECK(call.name == "figure");
  CHECK_FALSE(call.markdown);
  CHECK_FALSE(call.paired());
  CHECK(Args(call) == "src=[a.png] alt=[say \"hi\" \\ o] caption=[raw \\n \"q\"] width=[300]");
  CHECK(call.line == 1);
  CHECK(call.column == 3);
  CHECK(md.substr(call.begin, call.end - call.begin) ==
        "{{< figure src=\"a.png\" alt=\"say \\\"hi\\\" \\\\ o\" caption=`raw \\n \"q\"` width=300 >}}");

  ShortcodeScan positional = Scan("See {{< ref \"hotline.md\" >}} and {{% param audience %}}.");
  REQUIRE(positional.calls.size() == 2);
  CHECK(Args(positional.calls[0]) == "=[hotline.md]");
  CHECK(Args(positional.calls[1]) == "=[audience]");
  CHECK(positional.calls[1].markdown);
}

TEST_CASE("shortcodes pair with the closing tag of their name, nest, and close themselves", "[shortcodes]") {
  std::string md =
      "{{% note kind=\"info\" %}}\n"
      "Some **text** and {{< docs/icon name=\"x\" />}}\n"
      "{{< box >}}<b>in</b>{{< /box >}}\n"
      "{{% /note %}}\n"
      "{{< figure src=\"b.png\" >}} alone.\n";
  ShortcodeScan scan = Scan(md);
  REQUIRE(scan.problems.empty());
  REQUIRE(scan.calls.size() == 2);
  const ShortcodeCall& note = scan.calls[0];
  CHECK(note.paired());
  CHECK(note.markdown);
  CHECK(note.Inner(md) ==
        "\nSome **text** and {{< docs/icon name=\"x\" />}}\n{{< box >}}<b>in</b>{{< /box >}}\n");
  REQUIRE(note.children.size() == 2);
  CHECK(note.children[0].name == "docs/icon");
  CHECK_FALSE(note.children[0].paired());
  CHECK(note.children[1].name == "box");
  CHECK(note.children[1].Inner(md) == "<b>in</b>");
  CHECK(scan.calls[1].name == "figure");
  CHECK_FALSE(scan.calls[1].paired());
  CHECK(scan.calls[1].line == 5);
}

TEST_CASE("an opening tag whose closing tag never comes stands alone, before what followed it",
          "[shortcodes]") {
  ShortcodeScan scan = Scan("{{< outer >}}{{< lone >}}{{< inner >}}x{{< /inner >}}{{< /outer >}}");
  REQUIRE(scan.problems.empty());
  REQUIRE(scan.calls.size() == 1);
  const ShortcodeCall& outer = scan.calls[0];
  REQUIRE(outer.children.size() == 2);
  CHECK(outer.children[0].name == "lone");
  CHECK_FALSE(outer.children[0].paired());
  CHECK(outer.children[1].name == "inner");
  CHECK(outer.children[1].paired());
}

TEST_CASE("shortcodes in code blocks, code spans and Hugo's escape are not calls", "[shortcodes]") {
  std::string md =
      "```\n{{< figure src=\"x\" >}}\n```\n\n"
      "    {{< indented >}}\n\n"
      "Inline `{{< ref \"a.md\" >}}` and ``{{% b %}}``, and escaped {{</* figure src=\"x\" */>}}, "
      "and {{%/* note */%}}.\n"
      "\\{{< not >}}\n";
  ShortcodeScan scan = Scan(md);
  CHECK(scan.problems.empty());
  CHECK(scan.calls.empty());
  CHECK(ShowEscapedShortcodes("{{</* figure src=\"x\" */>}} {{%/* n */%}}") ==
        "{{< figure src=\"x\" >}} {{% n %}}");
  CHECK(ShowEscapedShortcodesInHtml("<code>{{&lt;/* x */&gt;}}</code>") == "<code>{{&lt; x &gt;}}</code>");
}

TEST_CASE("malformed shortcodes are told at their place, word for word", "[shortcodes]") {
  CHECK(Problem("a\nb {{< figure src=\"x\"\n\nmore") ==
        "2:3: {{< figure is never closed; end the tag with \">}}\"");
  CHECK(Problem("{{< a >}} then {{< b and {{< c >}}") ==
        "1:16: {{< b is never closed; end the tag with \">}}\"");
  CHECK(Problem("x {{< /note >}}") ==
        "1:3: {{< /note >}} closes no {{< note >}}; remove it, or open the "
        "shortcode before it");
  CHECK(Problem("{{% /note %}}") ==
        "1:1: {{% /note %}} closes no {{% note %}}; remove it, or open the "
        "shortcode before it");
  CHECK(Problem("{{<  >}}") == "1:1: a shortcode needs a name: {{< name >}}");
  CHECK(Problem("{{< ../up >}}") ==
        "1:1: \"../up\" is not a shortcode name: letters, digits, '-', '_', '.', and '/' between folders");
  CHECK(Problem("{{< figure src=\"a.png >}}") ==
        "1:1: the value of argument \"src\" never closes; end it with \"");
  CHECK(Problem("{{< figure src= >}}") == "1:1: argument \"src\" has no value; write src=\"value\"");
  CHECK(Problem("{{< figure src=\"a\"alt=\"b\" >}}") ==
        "1:1: the value of argument \"src\" is followed by \"a\"; put a space between arguments");
  CHECK(
      Problem("{{< ref \"a.md\" lang=\"fr\" >}}") ==
      "1:1: {{< ref >}} mixes named arguments (key=\"value\") and positional ones (\"value\"); use one kind");
  CHECK(Problem("{{< figure src=\"a\" src=\"b\" >}}") ==
        "1:1: argument \"src\" is given twice in {{< figure >}}; keep one");
  CHECK(Problem("{{< figure s.rc=\"a\" >}}") ==
        "1:1: \"s.rc\" is not an argument name: a name is letters, digits, '-' and '_', as in key=\"value\"");
  CHECK(Problem("{{< /note extra >}}") == "1:1: a closing tag holds only the name: {{< /note >}}");
}

namespace {

std::string Page(const std::string& body) {
  return "+++\ntitle = \"Hotline\"\nmodified = 2024-05-01\n+++\n" + body;
}

// The errors of building the shortcodes fixture with content/en/news/hotline.md's body `body`.
std::string ErrorsWithBody(const std::string& body) {
  FixtureSite site("shortcodes");
  site.CopyDefaultTheme();
  site.WriteFile("content/en/news/hotline.md", Page(body));
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  return result.errors;
}

}  // namespace

TEST_CASE("an unknown shortcode is an error at its place, with the names close to it", "[shortcodes]") {
  CHECK(ErrorsWithBody("Call us.\n\nSee {{< figur src=\"a.png\" >}} and {{% nots %}}x{{% /nots %}}.\n") ==
        "content/en/news/hotline.md:7:5: error: unknown shortcode \"figur\": there is no "
        "shortcodes/figur.mustache in the site or in the theme themes/gc (did you mean \"figure\"?)\n"
        " 7 | See {{< figur src=\"a.png\" >}} and {{% nots %}}x{{% /nots %}}.\n"
        "   |     ^\n"
        "content/en/news/hotline.md:7:35: error: unknown shortcode \"nots\": there is no "
        "shortcodes/nots.mustache in the site or in the theme themes/gc (did you mean \"note\"?)\n"
        " 7 | See {{< figur src=\"a.png\" >}} and {{% nots %}}x{{% /nots %}}.\n"
        "   |                                   ^\n");
}

TEST_CASE("a shortcode's problems, and the page's other problems after it, are told at their columns",
          "[shortcodes]") {
  CHECK(
      ErrorsWithBody("{{< relref \"nowhere.md\" >}} then [a link](gone.md) and {{< param nope >}}\n") ==
      "content/en/news/hotline.md:5:1: error: there is no content/en/news/nowhere.md to link to; a link by "
      "source file names a page's file, from this file's folder or, with a leading \"/\", from content/en/\n"
      " 5 | {{< relref \"nowhere.md\" >}} then [a link](gone.md) and {{< param nope >}}\n"
      "   | ^\n"
      "content/en/news/hotline.md:5:43: error: there is no content/en/news/gone.md to link to; a link by "
      "source file names a page's file, from this file's folder or, with a leading \"/\", from content/en/\n"
      " 5 | {{< relref \"nowhere.md\" >}} then [a link](gone.md) and {{< param nope >}}\n"
      "   |                                           ^\n"
      "content/en/news/hotline.md:5:56: error: neither the page nor site.toml's [params] has \"nope\"; set it in the page's front "
      "matter, like nope = \"...\"\n"
      " 5 | {{< relref \"nowhere.md\" >}} then [a link](gone.md) and {{< param nope >}}\n"
      "   |                                                        ^\n");
}

TEST_CASE("a malformed shortcode and a funding-table in error are told at the call", "[shortcodes]") {
  CHECK(ErrorsWithBody("Intro.\n{{< /box >}}\n\n{{< funding-table program=\"dmo\" >}}\n") ==
        "content/en/news/hotline.md:6:1: error: {{< /box >}} closes no {{< box >}}; remove it, or open the "
        "shortcode before it\n"
        " 6 | {{< /box >}}\n"
        "   | ^\n"
        "content/en/news/hotline.md:8:1: error: unknown program \"dmo\" (did you mean \"demo\"?); "
        "known programs: \"demo\"\n"
        " 8 | {{< funding-table program=\"dmo\" >}}\n"
        "   | ^\n");
}

TEST_CASE("the site's own shortcode template wins over the theme's", "[shortcodes]") {
  FixtureSite site("shortcodes");
  site.WriteFile("shortcodes/figure.mustache", "<p class=\"site-figure\">{{args.alt}}</p>\n");
  auto result = site.Build();
  INFO(result.errors);
  REQUIRE(result.report.ok);
  std::string home = site.Read("en/index.html");
  CHECK(home.find("<p class=\"site-figure\">The department&apos;s logo</p>") != std::string::npos);
  CHECK(home.find("<figure") == std::string::npos);
}

TEST_CASE("editing a shortcode template renders again the pages that use it, and only them",
          "[shortcodes][incremental]") {
  FixtureSite site("shortcodes");
  REQUIRE(site.Build().report.ok);
  site.WriteFile("content/en/news/hotline.md", Page("{{< box label=\"x\" >}}hi{{< /box >}}\n"));
  REQUIRE(site.Build().report.ok);
  // The note is on both home pages; the box on the English home page and the hotline page.
  site.WriteFile("shortcodes/note.mustache", "<div class=\"note\">{{{inner}}}</div>\n");
  auto rebuilt = site.Build();
  REQUIRE(rebuilt.report.ok);
  CHECK(rebuilt.report.pages_rendered == 2);
  CHECK(site.Read("fr/index.html").find("<div class=\"note\">") != std::string::npos);
  site.WriteFile("shortcodes/box.mustache", "<aside>{{{inner}}}</aside>\n");
  rebuilt = site.Build();
  REQUIRE(rebuilt.report.ok);
  CHECK(rebuilt.report.pages_rendered == 2);
  CHECK(site.Read("en/news/hotline/index.html").find("<aside>hi</aside>") != std::string::npos);
}

TEST_CASE("tandem check reports a figure without alt text as it reports an image without it",
          "[shortcodes]") {
  FixtureSite site("shortcodes");
  site.WriteFile(
      "site.toml",
      "base_url = \"https://example.org/\"\ntheme = \"gc\"\npage_params = [\"audience\", \"contact\"]\n"
      "[languages.en]\nlocale = \"en-CA\"\n"
      "title = \"S\"\ncreator = \"D\"\n[languages.fr]\nlocale = \"fr-CA\"\ntitle = \"S\"\ncreator = \"D\"\n");
  site.WriteFile("content/en/news/hotline.md",
                 Page("## Contact\n\n{{< figure src=\"/images/logo.svg\" >}}\n"));
  BuildOptions check;
  check.check_only = true;
  auto result = site.Build(check);
  CHECK(result.warnings ==
        "content/en/news/hotline.md:7:17: warning: image \"/images/logo.svg\" has no alt text; say what it "
        "shows between the brackets: ![what it shows](/images/logo.svg) [image-alt-missing]\n"
        " 7 | {{< figure src=\"/images/logo.svg\" >}}\n"
        "   |                 ^\n");
}

TEST_CASE("a {{< >}} inner is HTML only where the site allows raw HTML; else it is text", "[shortcodes]") {
  FixtureSite site("shortcodes");
  std::string config = ReadBytes(site.source() / "site.toml");
  config.replace(config.find("allow_raw_html = true"), 21, "allow_raw_html = false");
  site.WriteFile("site.toml", config.replace(config.find("\"contact\"]"), 10, "\"contact\", \"q\"]"));
  site.WriteFile(
      "content/en/news/hotline.md",
      Page("## Contact\n\n{{< box label=\"b\" >}}<script>x()</script> {{< param \"q\" >}}{{< /box >}}\n")
          .replace(3, 0, "\nq = \"<i>\""));
  auto result = site.Build();
  INFO(result.errors);
  REQUIRE(result.report.ok);
  CHECK(
      site.Read("en/news/hotline/index.html")
          .find("<aside class=\"box\" aria-label=\"b\">&lt;script&gt;x()&lt;/script&gt; &lt;i&gt;</aside>") !=
      std::string::npos);
}
