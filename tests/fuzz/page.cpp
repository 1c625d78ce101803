// One page through the whole pipeline of a build, in memory: front matter (ParsePage), then the
// build's own assemble phase (pipeline/phases.hpp: params, titles, summaries, sections, menus,
// URLs, translations, dates, order, taxonomies, layouts), the page's view, then
// PageRenderer::Render: Markdown with the funding directive's hooks (render/render_page.cpp)
// and the gc theme's template. The site around the page is made once by the build's own load
// stages, from a scratch folder holding site.toml and data/ (the repository's
// data/funding.toml and the funding target's data set, tests/fuzz/funding_data.hpp): two languages,
// each with a home page and a section news/; the other language has the page's translation.
// A page that gives no date modified gets the day git would give (no git is run), and nothing
// is written to disk.
//
// Input: byte 0 holds options: bit 0, the page is French (else English); bit 1, site.toml
// allows raw HTML; bit 2, the page is news/item.md (else item.md, at the language's root).
// The rest is the page file. Input that is not valid UTF-8 is skipped: a build refuses it
// before parsing (the front_matter target checks FindInvalidUtf8, which decides that).
//
// Invariants, besides no crash or sanitizer report:
// - a page that does not render says why with an error (the build would otherwise go on
//   without it, and succeed);
// - a rendered page is valid UTF-8, and unless raw HTML is allowed, markup the page wrote
//   ("<x-fuzz", which seeds carry) never comes out as markup;
// - the files written beside it lie in its folder and are plain relative paths;
// - every message is about the page's file, at one of its lines.
#include <algorithm>
#include <memory>

#include "content/front_matter.hpp"
#include "content/load.hpp"
#include "funding_data.hpp"
#include "fuzz_common.hpp"
#include "output/beneath.hpp"
#include "pipeline/phases.hpp"
#include "render/page_view.hpp"
#include "render/render_page.hpp"
#include "support/files.hpp"
#include "support/text.hpp"

namespace {

using namespace tandem;

constexpr std::string_view kSiteToml = R"toml(
base_url = "https://example.ca/"
theme = "gc"

[languages.en]
locale = "en-CA"
title = "Example Department"
creator = "Example Department"
weight = 1

[languages.fr]
locale = "fr-CA"
title = "Ministère exemple"
creator = "Ministère exemple"
weight = 2
)toml";

[[noreturn]] void SetupFailed(const char* what, const Diagnostics& diags) {
  std::fprintf(stderr, "tandem fuzz: %s:\n%s", what, diags.Render().c_str());
  std::abort();
}

struct World {
  BuildOptions options;
  Diagnostics diags;
  std::unique_ptr<BuildState> state;  // the site, its theme and directives, as a build loads them
  std::unique_ptr<PageRenderer> renderer;
};

std::unique_ptr<Page> MakePage(size_t lang_index, const std::string& code, const std::string& rel_path,
                               const std::string& title) {
  auto page = std::make_unique<Page>();
  page->lang_index = lang_index;
  page->rel_path = rel_path;
  page->source_path = "content/" + code + "/" + rel_path;
  page->fs_path = "/nonexistent/" + page->source_path;
  size_t slash = rel_path.rfind('/');
  page->rel_dir = slash == std::string::npos ? "" : rel_path.substr(0, slash);
  page->is_section = rel_path == "_index.md" || EndsWith(rel_path, "/_index.md");
  page->is_home = rel_path == "_index.md";
  page->meta.title = title;
  page->meta.modified = "2024-01-01";
  std::string front = "+++\ntitle = \"" + title + "\"\nmodified = 2024-01-01\n+++\n";
  page->front_matter = front;
  page->body_line = 5;
  page->source_hash = HashBytes(front);
  return page;
}

// Every page of the site but the one fuzzed, which goes to language `lang` at `rel_path`.
void AddFixedPages(Site& site, size_t lang, const std::string& rel_path) {
  for (Language& l : site.languages) {
    l.pages.clear();
    l.home = nullptr;
    bool fr = l.code() == "fr";
    l.pages.push_back(MakePage(l.index, l.code(), "_index.md", l.config.title));
    auto news = MakePage(l.index, l.code(), "news/_index.md", fr ? "Nouvelles" : "News");
    if (fr) news->meta.slug = "nouvelles", news->meta.slug_pos = {news->source_path, 3, 1};
    l.pages.push_back(std::move(news));
    if (l.index != lang)
      l.pages.push_back(MakePage(l.index, l.code(), rel_path, fr ? "Traduction" : "Translation"));
  }
}

// Once the pages are in: what LoadContent does last, then the build's assemble phase. False when
// the build would stop before rendering.
bool Assemble(BuildState& state) {
  for (Language& l : state.site.languages) {
    std::sort(l.pages.begin(), l.pages.end(),
              [](const auto& a, const auto& b) { return a->rel_path < b->rel_path; });
    for (const auto& p : l.pages)
      if (p->is_home) l.home = p.get();
  }
  return RunPhase("assemble", state);
}

World& TheWorld() {
  static World* world = [] {
    auto* w = new World;
    const std::string& dir = fuzz::ScratchDir::Path();
    fuzz::WriteOrDie(dir + "/site.toml", kSiteToml);
    // The repository's own data (program csoc, which its pages show), and the fuzz data set.
    try {
      fuzz::WriteOrDie(dir + "/data/funding.toml", ReadFile(TANDEM_FUZZ_REPO_DATA));
    } catch (const IoError& e) {
      std::fprintf(stderr, "tandem fuzz: %s; going on without it\n", e.what());
    }
    fuzz::WriteOrDie(dir + "/data/fuzz.toml", fuzz::kFundingData);
    w->options.source_dir = dir;
    w->options.jobs = 1;
    w->state = std::make_unique<BuildState>(w->options, w->diags, nullptr);
    BuildState& state = *w->state;
    // The load phase's stages but content (the pages are made here) and the output folder's.
    for (auto stage : {LoadSiteConfig, ApplyChecks, LoadTheme, CreateLanguages, LoadData})
      if (!stage(state) || w->diags.has_errors()) SetupFailed("the site does not load", w->diags);
    // The renderer keeps each language's view, which holds its home's URL: assemble once first.
    AddFixedPages(state.site, 0, "item.md");
    state.site.languages[0].pages.push_back(MakePage(0, "en", "item.md", "Item"));
    if (!Assemble(state) || w->diags.has_errors()) SetupFailed("the fixed pages do not assemble", w->diags);
    w->renderer = std::make_unique<PageRenderer>(state.site, state.theme, state.directives, 1);
    return w;
  }();
  return *world;
}

bool IsOutputPath(const std::string& rel) {
  return IsPlainRelativePath(rel) && rel != ".tandem" && !StartsWith(rel, ".tandem/");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  if (size < 1 || size > tandem::fuzz::kMaxInput) return -1;
  World& world = TheWorld();
  BuildState& state = *world.state;
  Site& site = state.site;
  std::string_view input = tandem::fuzz::AsText(bytes + 1, size - 1);
  if (!tandem::fuzz::IsValidUtf8(input)) return -1;
  size_t lang = bytes[0] & 1;
  site.config.allow_raw_html = bytes[0] & 2;
  std::string rel_path = (bytes[0] & 4) ? "news/item.md" : "item.md";
  const std::string code = site.languages[lang].code();

  // content/load.cpp LoadPage.
  std::string text = NormalizeSource(std::string(input));
  std::string shown = "content/" + code + "/" + rel_path;
  Diagnostics& diags = world.diags;
  diags.Clear();
  site.texts = PageTexts();  // keyed by page, and the pages of the last input are gone
  std::optional<PageSource> parsed = ParsePage(shown, text, diags);
  if (!parsed) return 0;
  AddFixedPages(site, lang, rel_path);
  auto owned = MakePage(lang, code, rel_path, "");
  Page& page = *owned;
  page.source_hash = HashBytes(text);
  page.meta = std::move(parsed->meta);
  if (page.meta.modified.empty()) page.meta.modified = "2024-01-01";  // as git would give
  page.body_line = parsed->body_line;
  page.front_matter = text.substr(0, text.size() - parsed->body.size());
  site.texts.Put(&page, parsed->body);
  site.languages[lang].pages.push_back(std::move(owned));

  if (!Assemble(state) || diags.has_errors()) return 0;  // the build stops before rendering
  if (!IsOutputPath(page.output_path)) return 0;         // the writer refuses it, with an error

  Value view = PageView(site, page);
  Hasher key;
  view.HashInto(key);
  RenderedPage rendered = world.renderer->Render(page, std::move(parsed->body), std::move(view), 0);

  bool has_error = false;
  int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
  for (size_t i = 0; i < rendered.diagnostics.size(); ++i) {
    const Diagnostic& d = rendered.diagnostics[i];
    // Formatted as a build shows them, the first ones (a caret under column 60,000 of a long line,
    // for each of thousands of findings, measures the padding, not tandem); all when one fails.
    if (i < Diagnostics::kMaxErrors) (void)FormatDiagnostic(d);
    has_error = has_error || d.severity == Severity::kError;
    FUZZ_CHECK(d.pos.path == page.source_path, "a message about another file:\n" + FormatDiagnostic(d));
    FUZZ_CHECK(d.pos.line >= 1 && d.pos.line <= lines,
               "a message outside the page's " + std::to_string(lines) + " lines:\n" + FormatDiagnostic(d));
  }
  if (!rendered.ok) {
    FUZZ_CHECK(has_error, "the page did not render, and no error says why");
    return 0;
  }
  FUZZ_CHECK(!rendered.html.empty(), "a rendered page is empty");
  FUZZ_CHECK(tandem::fuzz::IsValidUtf8(rendered.html), "a page of valid UTF-8 renders to invalid UTF-8");
  if (!site.config.allow_raw_html)
    FUZZ_CHECK(
        rendered.html.find("<x-fuzz") == std::string::npos,
        "markup the page wrote comes out as markup, though raw HTML is not allowed:\n" + rendered.html);
  std::string page_dir = page.output_path.substr(0, page.output_path.rfind('/') + 1);
  for (const Attachment& a : rendered.attachments)
    FUZZ_CHECK(IsOutputPath(a.path) && StartsWith(a.path, page_dir),
               "a file written beside the page at " + a.path);
  return 0;
}
