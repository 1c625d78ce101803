// tandem import hugo: a Hugo site's own shortcodes written as Mustache templates (translated, or
// a starter with a note), which never replace a file without --force; a Hugo site using one,
// imported, builds. And menu entries naming a page by the url of its front matter.
#include "migrate/hugo_shortcodes.hpp"

#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "migrate/hugo_import.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

std::string Translated(const std::string& text) {
  MustacheShortcode out = MustacheFromHugoShortcode("layouts/shortcodes/x.html", text);
  return out.stopped_at ? "not translated: " + out.why : out.text;
}

std::string WhyNot(const std::string& text) {
  MustacheShortcode out = MustacheFromHugoShortcode("layouts/shortcodes/x.html", text);
  if (!out.stopped_at) return "translated";
  return std::to_string(out.stopped_at->line) + ":" + std::to_string(out.stopped_at->column) + ": " + out.why;
}

std::string Rendered(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.Sorted()) out += FormatDiagnostic(d) + "\n";
  return out;
}

constexpr const char kHugoConfig[] =
    "baseURL = \"https://example.ca/\"\ntitle = \"Harbour\"\ntheme = \"base\"\n"
    "[params]\ncreator = \"Harbour Authority\"\n"
    "[languages.en]\nweight = 1\ncontentDir = \"content/en\"\n"
    "[languages.fr]\nweight = 2\ntitle = \"Port\"\ncontentDir = \"content/fr\"\n";

// A Hugo site with shortcodes of its own and of its theme, some simple and some not.
FixtureSite HugoSiteWithShortcodes() {
  FixtureSite site;
  site.WriteFile("hugo.toml", kHugoConfig);
  site.WriteFile("content/en/_index.md", "+++\ntitle = \"Home\"\n+++\n");
  site.WriteFile("content/fr/_index.md", "+++\ntitle = \"Accueil\"\n+++\n");
  site.WriteFile("layouts/shortcodes/roadmap/div.html",
                 "<div class=\"{{ .Get \"class\" }}\">\n    {{.Inner}}\n</div>\n");
  site.WriteFile("layouts/shortcodes/list.html",
                 "<ul>\n{{ range .Params }}<li>{{ . }}</li>{{ end }}\n</ul>\n");
  site.WriteFile("layouts/shortcodes/figure.html", "<figure>{{ .Get \"src\" }}</figure>\n");
  site.WriteFile("layouts/shortcodes/box.html", "<div class=\"box\">{{ .Inner }}</div>\n");
  site.WriteFile("layouts/shortcodes/box.fr.html", "<div class=\"boite\">{{ .Inner }}</div>\n");
  site.WriteFile("layouts/shortcodes/box.amp.html", "<amp-box>{{ .Inner }}</amp-box>\n");
  site.WriteFile("layouts/shortcodes/notes.txt", "not a template\n");
  site.WriteFile("themes/base/layouts/shortcodes/box.html", "<div class=\"theme-box\">{{ .Inner }}</div>\n");
  site.WriteFile("themes/base/layouts/shortcodes/alert.html", "<p>{{ .Inner }}</p>\n");
  site.WriteFile("themes/base/layouts/shortcodes/alert.html.html",
                 "<p role=\"alert\">{{ .Inner | safeHTML }}</p>\n");
  return site;
}

}  // namespace

TEST_CASE("a simple Hugo shortcode becomes Mustache: .Get, .Inner, with, if, else, trimming", "[hugo]") {
  // digital.canada.ca's layouts/shortcodes/roadmap/div.html
  CHECK(MustacheFromHugoShortcode("layouts/shortcodes/roadmap/div.html",
                                  "<div class=\"{{ .Get \"class\" }}\">\n    {{.Inner}}\n</div>\n")
            .text ==
        "{{! Translated by tandem import hugo from layouts/shortcodes/roadmap/div.html (a Hugo shortcode).\n"
        "}}<div class=\"{{args.class}}\">\n"
        "    {{{inner}}}\n"
        "</div>\n");
  CHECK(Translated("{{/* A call-out: {{< note \"Warning\" \"alert\" >}} */}}\n"
                   "{{- with .Get 0 -}}\n"
                   "<p class=\"label\">{{ . }}</p>\n"
                   "{{- end }}\n"
                   "<aside{{ if .Get 1 }} class=\"{{ .Get 1 }}\"{{ else }} class=\"note\"{{ end }}>\n"
                   "{{ .Inner | markdownify }}\n"
                   "</aside>\n") ==
        "{{! Translated by tandem import hugo from layouts/shortcodes/x.html (a Hugo shortcode).\n"
        "    Its inner content is Markdown (markdownify): call it with % rather than <.\n"
        "}}{{#args._0}}<p class=\"label\">{{args._0}}</p>{{/args._0}}\n"
        "<aside{{#args._1}} class=\"{{args._1}}\"{{/args._1}}{{^args._1}} class=\"note\"{{/args._1}}>\n"
        "{{{inner}}}\n"
        "</aside>\n");
  CHECK(Translated("{{ with .Get `href-text` }}<b>{{ $.Get \"title\" }}: {{ . }}</b>{{ end }}"
                   "{{ if .Inner }}<div>{{ $.Inner | safeHTML }}</div>{{ end }}") ==
        "{{! Translated by tandem import hugo from layouts/shortcodes/x.html (a Hugo shortcode).\n"
        "}}{{#args.href-text}}<b>{{args.title}}: {{args.href-text}}</b>{{/args.href-text}}"
        "{{#inner}}<div>{{{inner}}}</div>{{/inner}}");
}

TEST_CASE("a Hugo shortcode with anything else becomes a starter, with where and why", "[hugo]") {
  MustacheShortcode list = MustacheFromHugoShortcode(
      "layouts/shortcodes/list.html", "<ul>\n{{ range .Params }}<li>{{ . }}</li>{{ end }}\n</ul>\n");
  REQUIRE(list.stopped_at);
  CHECK(list.stopped_at->path == "layouts/shortcodes/list.html");
  CHECK(list.stopped_at->line == 2);
  CHECK(list.stopped_at->column == 1);
  CHECK(list.stopped_line == "{{ range .Params }}<li>{{ . }}</li>{{ end }}");
  CHECK(list.why == "{{ range .Params }} has no Mustache translation");
  CHECK(list.text ==
        "{{! Written by tandem import hugo from layouts/shortcodes/list.html (a Hugo shortcode), which it "
        "could not\n"
        "    translate from line 2 on (the note it printed says why). Finish this template by hand\n"
        "    (docs/shortcodes.md); until then it shows the inner content alone.\n"
        "}}{{{inner}}}\n");

  // Where Hugo's escaping is not Mustache's, a value is not guessed at.
  CHECK(WhyNot("<a href=\"{{ .Get \"url\" }}\">{{ .Inner }}</a>") ==
        "1:10: {{ .Get \"url\" }} is in the address attribute href, where Hugo filters unsafe addresses "
        "(javascript:) and Mustache does not");
  CHECK(WhyNot("<button onclick=\"go('{{ .Get 0 }}')\">") ==
        "1:22: {{ .Get 0 }} is in the attribute onclick, which Hugo escapes as JavaScript or CSS");
  CHECK(WhyNot("<script>\nvar x = \"{{ .Get \"x\" }}\";\n</script>") ==
        "2:10: {{ .Get \"x\" }} is inside <script> or <style>, which Hugo escapes as JavaScript or CSS");
  CHECK(WhyNot("<div title=\"{{ .Inner }}\">") ==
        "1:13: {{ .Inner }} is inside an HTML tag, where Hugo escapes it");
  CHECK(WhyNot("<div {{ .Get \"attributes\" }}>") ==
        "1:6: {{ .Get \"attributes\" }} is in an HTML tag outside a quoted attribute value");
  // Functions, keys Mustache cannot name, a with's own dot, unbalanced blocks.
  CHECK(WhyNot("<b>{{ .Get \"name\" | upper }}</b>") ==
        "1:4: {{ .Get \"name\" | upper }} has no Mustache translation");
  CHECK(WhyNot("{{ .Get \"a.b\" }}") == "1:1: {{ .Get \"a.b\" }} has no Mustache translation");
  CHECK(WhyNot("{{ with .Get \"x\" }}{{ .Get \"y\" }}{{ end }}") ==
        "1:20: {{ .Get \"y\" }} has no Mustache translation");
  CHECK(WhyNot("{{ . }}") == "1:1: {{ . }} has no Mustache translation");
  CHECK(WhyNot("<p>\n  {{ if .Get \"x\" }}x\n</p>") ==
        "2:3: the {{ if }} or {{ with }} here has no {{ end }}");
  CHECK(WhyNot("{{ end }}") == "1:1: {{ end }} ends no {{ if }} or {{ with }}");
  CHECK(WhyNot("<p>{{ .Get \"x\" </p>") == "1:4: {{ is never closed with }}");
  CHECK(WhyNot("{{ partial \"card.html\" . }}") ==
        "1:1: {{ partial \"card.html\" . }} has no Mustache translation");
  CHECK(WhyNot("{{ if eq (.Get \"kind\") \"warning\" }}!{{ end }}") ==
        "1:1: {{ if eq (.Get \"kind\") \"warning\" }} has no Mustache translation");
}

TEST_CASE("import hugo writes the site's and the theme's shortcodes, with a note for each not translated",
          "[hugo]") {
  FixtureSite site = HugoSiteWithShortcodes();
  Diagnostics diags;
  auto written = ImportHugoSite({site.source().string(), site.output().string(), false}, diags);
  REQUIRE(written);
  CHECK(written->shortcodes ==
        std::vector<std::string>{(site.output() / "shortcodes/alert.mustache").string(),
                                 (site.output() / "shortcodes/box.mustache").string(),
                                 (site.output() / "shortcodes/list.mustache").string(),
                                 (site.output() / "shortcodes/roadmap/div.mustache").string()});
  std::map<std::string, std::string> files = SnapshotDir(site.output());
  CHECK(files.size() == 5);
  CHECK(files["shortcodes/box.mustache"] ==
        "{{! Translated by tandem import hugo from layouts/shortcodes/box.html (a Hugo shortcode).\n"
        "}}<div class=\"box\">{{{inner}}}</div>\n");
  CHECK(files["shortcodes/alert.mustache"] ==
        "{{! Translated by tandem import hugo from themes/base/layouts/shortcodes/alert.html.html (a Hugo "
        "shortcode).\n"
        "}}<p role=\"alert\">{{{inner}}}</p>\n");
  CHECK(files["shortcodes/roadmap/div.mustache"] ==
        "{{! Translated by tandem import hugo from layouts/shortcodes/roadmap/div.html (a Hugo shortcode).\n"
        "}}<div class=\"{{args.class}}\">\n    {{{inner}}}\n</div>\n");
  CHECK(files["shortcodes/list.mustache"].rfind(
            "{{! Written by tandem import hugo from layouts/shortcodes/list.html", 0) == 0);
  CHECK(
      Rendered(diags) ==
      "hugo.toml:1:1: note: defaultContentLanguageInSubdir: Hugo serves the en pages at the site's root; "
      "tandem "
      "serves them under /en/ with a bilingual splash page at the root: redirect the old URLs, or give "
      "[languages.en] a base_url of its own\n"
      "hugo.toml:3:1: note: theme: tandem's gc theme (Canada.ca) replaces the Hugo theme; Hugo layouts are "
      "not "
      "read, but for its shortcodes (written to shortcodes/)\n"
      " 3 | theme = \"base\"\n"
      "   | ^\n"
      "layouts/shortcodes/box.amp.html: note: shortcodes/box: a template for Hugo's output format amp, which "
      "tandem does not write: left out\n"
      "layouts/shortcodes/box.fr.html: note: shortcodes/box: tandem has one template per shortcode, for "
      "every "
      "language: shortcodes/box.mustache is written from layouts/shortcodes/box.html; bring this file's "
      "differences into it by hand\n"
      "layouts/shortcodes/figure.html: note: shortcodes/figure: tandem has its own figure shortcode, which "
      "pages call instead (docs/shortcodes.md); to keep this one's HTML, write shortcodes/figure.mustache\n"
      "layouts/shortcodes/list.html:2:1: note: shortcodes/list.mustache: written as a starter that shows the "
      "inner content alone: {{ range .Params }} has no Mustache translation; finish it by hand "
      "(docs/shortcodes.md)\n"
      " 2 | {{ range .Params }}<li>{{ . }}</li>{{ end }}\n"
      "   | ^\n"
      "themes/base/layouts/shortcodes/alert.html: note: shortcodes/alert: Hugo shows HTML pages with "
      "themes/base/layouts/shortcodes/alert.html.html, which is written: this one is left out\n");
  // The same notes end site.toml.
  CHECK(files["site.toml"].find(
            "#   layouts/shortcodes/list.html:2:1: shortcodes/list.mustache: written as a starter that shows "
            "the inner content alone: {{ range .Params }} has no Mustache translation; finish it by hand "
            "(docs/shortcodes.md)\n") != std::string::npos);
}

TEST_CASE("import hugo never replaces a shortcode template without --force", "[hugo]") {
  FixtureSite site = HugoSiteWithShortcodes();
  site.WriteFile("shortcodes/box.mustache", "mine\n");
  Diagnostics diags;
  CHECK_FALSE(ImportHugoSite({site.source().string(), "", false}, diags));
  CHECK(diags.Render().find(
            (site.source() / "shortcodes/box.mustache").string() +
            ": error: a shortcode template is already here; tandem import hugo does not replace "
            "it (--force does, or --output writes the new one elsewhere)\n") != std::string::npos);
  CHECK(diags.error_count() == 1);
  CHECK(ReadBytes(site.source() / "shortcodes/box.mustache") == "mine\n");
  CHECK_FALSE(fs::exists(site.source() / "site.toml"));  // nothing is written
  CHECK_FALSE(fs::exists(site.source() / "shortcodes/list.mustache"));
  Diagnostics forced;
  REQUIRE(ImportHugoSite({site.source().string(), "", true}, forced));
  CHECK(ReadBytes(site.source() / "shortcodes/box.mustache") ==
        "{{! Translated by tandem import hugo from layouts/shortcodes/box.html (a Hugo shortcode).\n"
        "}}<div class=\"box\">{{{inner}}}</div>\n");
  CHECK(fs::exists(site.source() / "shortcodes/list.mustache"));
}

TEST_CASE("a Hugo site calling its own shortcodes, imported, builds with them", "[hugo]") {
  FixtureSite site("hugo-import");
  site.WriteFile("layouts/shortcodes/box.html",
                 "<div class=\"{{ .Get \"class\" }}\">\n{{ .Inner }}\n</div>\n");
  site.WriteFile("layouts/shortcodes/roadmap/div.html",
                 "<div class=\"{{ .Get \"class\" }}\">\n    {{.Inner}}\n</div>\n");
  site.WriteFile(
      "content/boating.md",
      ReadBytes(site.source() / "content/boating.md") +
          "\n{{% box class=\"x\" %}}**bold**{{% /box %}}\n\n"
          "{{% roadmap/div class=\"no-page-break\" %}}\n## Next\n\nTo do.\n{{% /roadmap/div %}}\n");
  Diagnostics diags;
  REQUIRE(ImportHugoSite({site.source().string(), "", false}, diags));
  CHECK(diags.error_count() == 0);
  FixtureSite::Result built = site.Build();
  CHECK(built.errors == "");
  std::string html = site.Read("harbour.example.ca/boating/index.html");
  CHECK(html.find("<div class=\"x\">\n<strong>bold</strong>\n</div>") != std::string::npos);
  CHECK(
      html.find("<div class=\"no-page-break\">\n    \n<h2 id=\"next\">Next</h2>\n<p>To do.</p>\n\n</div>") !=
      std::string::npos);
}

TEST_CASE("import hugo: a menu url that a page's front matter url gives names that page", "[hugo]") {
  FixtureSite site;
  site.WriteFile(
      "hugo.yaml",
      "baseURL: https://digital.example.ca/\ntitle: Digital\n"
      "params:\n  creator: Digital Service\n"
      "languages:\n"
      "  en:\n    contentDir: content/en\n    weight: 1\n    menu:\n      main:\n"
      "        - name: Partnerships\n          url: /partnerships/\n"
      "        - name: Careers\n          url: /careers/\n"
      "  fr:\n    contentDir: content/fr\n    title: Numérique\n    weight: 2\n    menu:\n      main:\n"
      "        - name: Partenariats\n          url: /partenariats/\n"
      "        - name: Carrières\n          url: /fr/carrieres/\n"
      "        - name: Ailleurs\n          url: /ailleurs/\n");
  site.WriteFile("content/en/partnerships/_index.md", "---\ntitle: Partnerships\n---\n");
  site.WriteFile("content/fr/partnerships/_index.md", "---\ntitle: Partenariats\nurl: /partenariats/\n---\n");
  site.WriteFile("content/en/careers.html", "---\ntitle: Careers\n---\n<p>Join.</p>\n");
  site.WriteFile("content/fr/careers.html",
                 "---\ntitle: Carrières\nURL: \"/carrieres\"\n---\n<p>Venez.</p>\n");
  Diagnostics diags;
  std::string toml = SiteTomlFromHugo(site.source().string(), diags).value_or("");
  CHECK(
      toml.find("[[languages.en.menu.main]]\ntitle = \"Partnerships\"\npage = \"partnerships/_index.md\"\n\n"
                "[[languages.en.menu.main]]\ntitle = \"Careers\"\npage = \"careers.html\"\n") !=
      std::string::npos);
  CHECK(toml.find(
            "[[languages.fr.menu.main]]\ntitle = \"Partenariats\"\npage = \"partnerships/_index.md\"\n\n"
            "[[languages.fr.menu.main]]\ntitle = \"Carrières\"\npage = \"careers.html\"\n\n"
            "[[languages.fr.menu.main]]\ntitle = \"Ailleurs\"\nurl = \"/ailleurs/\"\n") != std::string::npos);

  // Translation by file name: the French file's url, and the menu resolves in each language.
  FixtureSite shared("hugo-import");
  shared.WriteFile("content/about.md", "+++\ntitle = \"About\"\n+++\nAbout us.\n");
  shared.WriteFile("content/about.fr.md",
                   "+++\ntitle = \"À propos\"\nurl = \"/a-propos/\"\n+++\nÀ propos.\n");
  std::string config = ReadBytes(shared.source() / "hugo.toml");
  shared.WriteFile("hugo.toml",
                   config + "\n[[languages.fr.menu.main]]\nname = \"À propos\"\nurl = \"/a-propos/\"\n");
  Diagnostics imported;
  REQUIRE(ImportHugoSite({shared.source().string(), "", false}, imported));
  CHECK(ReadBytes(shared.source() / "site.toml")
            .find("[[languages.fr.menu.main]]\ntitle = \"À propos\"\npage = \"about.md\"\n") !=
        std::string::npos);
  FixtureSite::Result built = shared.Build();
  CHECK(built.errors == "");
  CHECK(shared.Read("portuaire.example.ca/index.html").find("href=\"/a-propos/\"") != std::string::npos);
}

TEST_CASE("a long HTML tag is read by a scanner, not a regex that recursed once a character",
          "[hugo][limits]") {
  std::string long_value(500000, 'a');
  CHECK(WhyNot("<a title=\"" + long_value + "\" href=\"{{ .Get \"url\" }}\">") ==
        "1:500019: {{ .Get \"url\" }} is in the address attribute href, where Hugo filters unsafe addresses "
        "(javascript:) and Mustache does not");
  CHECK(WhyNot("<div " + long_value + " {{ .Get \"x\" }}>") ==
        "1:500007: {{ .Get \"x\" }} is in an HTML tag outside a quoted attribute value");
  CHECK(Translated("<div class='x " + long_value + "'>{{ .Get \"x\" }}</div>").find("{{args.x}}") !=
        std::string::npos);
  // Values quoted the other way, and unquoted, before the one the action is in.
  CHECK(WhyNot("<img alt='a \"b\"' width=3 src=\"{{ .Get 0 }}\">") ==
        "1:31: {{ .Get 0 }} is in the address attribute src, where Hugo filters unsafe addresses "
        "(javascript:) and Mustache does not");
}
