#include "render/render_page.hpp"

#include "content/lists.hpp"
#include "markdown/markdown.hpp"
#include "render/identity_view.hpp"
#include "render/page_view.hpp"
#include "render/shortcodes/shortcodes.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

// The official artwork every page carries as it is (identity_view.cpp), whose ids are taken.
std::vector<std::string_view> InlinedArtwork(const Site& site) {
  std::vector<std::string_view> artwork;
  for (const Language& lang : site.languages)
    for (const std::string* svg : {&lang.signature_svg, &lang.wordmark_svg})
      if (!svg->empty()) artwork.push_back(*svg);
  return artwork;
}

// The first word of a block's info string, or of a {{...}} before its colon.
std::string_view DirectiveName(std::string_view s, char end) {
  size_t stop = s.find(end);
  return s.substr(0, stop == std::string_view::npos ? s.size() : stop);
}

// Raw HTML a site does not allow, dropped from a page: one warning per kind (blocks, inline
// tags), at the first, counting the others, so that a page of HTML does not bury the build's output.
class DroppedRawHtml {
 public:
  void Add(bool block, const std::string& tag, const SourcePos& pos) {
    Kind& kind = block ? blocks_ : tags_;
    if (kind.count++ == 0) kind.tag = tag, kind.pos = pos;
  }

  void ReportTo(PageScope& scope) const {
    Report(blocks_, "block", "blocks", "its text is kept as a paragraph", scope);
    Report(tags_, "tag", "tags", "the text around it is kept", scope);
  }

 private:
  struct Kind {
    int count = 0;
    std::string tag;
    SourcePos pos;
  };

  static void Report(const Kind& kind, const char* one, const char* many, const char* kept,
                     PageScope& scope) {
    if (kind.count == 0) return;
    std::string more = kind.count == 1 ? ""
                                       : " (and " + std::to_string(kind.count - 1) + " more " +
                                             (kind.count == 2 ? one : many) + " on this page)";
    scope.Warning(kind.pos,
                  "raw HTML is not allowed on this site, so this " + kind.tag + " " + one + " is left out" +
                      more + "; " + kept +
                      ". Write it in Markdown, or set allow_raw_html = true in site.toml",
                  "raw-html");
  }

  Kind blocks_, tags_;
};

}  // namespace

PageRenderer::PageRenderer(const Site& site, const Theme& theme, const DirectiveRegistry& directives,
                           unsigned jobs)
    : site_(site),
      theme_(theme),
      directives_(directives),
      links_(site),
      reserved_ids_(theme, InlinedArtwork(site)),
      template_sets_(std::max(1u, jobs)) {
  for (size_t i = 0; i < site.languages.size(); ++i)
    language_layers_.push_back(ToData(LanguageView(site, i)));
}

PageRenderer::~PageRenderer() = default;

TemplateSet& PageRenderer::TemplatesFor(unsigned worker) const {
  auto& set = template_sets_.at(worker);
  if (!set) set = std::make_unique<TemplateSet>(theme_);
  return *set;
}

std::string PageRenderer::RenderMarkdownOf(const Page& page, std::string_view markdown,
                                           const Value& page_view, PageScope& scope) const {
  MarkdownOptions md;
  md.allow_raw_html = site_.config.allow_raw_html;
  md.footnote_back_label = site_.languages[page.lang_index].String("footnote_back");
  md.block_hook = [&](std::string_view info, std::string_view body, int line) -> std::optional<std::string> {
    const Directive* d = directives_.Find(DirectiveName(info, ' '));
    if (!d) return std::nullopt;
    return d->RenderBlock(info, body, line, scope).value_or("");
  };
  md.inline_hook = [&](std::string_view directive, int line, int column) -> std::optional<std::string> {
    const Directive* d = directives_.Find(DirectiveName(directive, ':'));
    if (!d || directive.find(':') == std::string_view::npos) return std::nullopt;
    return d->RenderInline(directive, line, column, scope).value_or("");
  };
  md.unclosed_hook = [&](std::string_view opened, int line, int column) {
    std::string_view name = DirectiveName(opened, ':');
    if (opened.find(':') == std::string_view::npos || !directives_.Find(name)) return;
    scope.Error(scope.At(line, column),
                "{{" + std::string(name) + ":... is never closed; add \"}}\" at its end, on the same line");
  };
  AddLinksAndHeadingIds(page, md, scope);
  DroppedRawHtml dropped;
  md.raw_html_hook = [&](bool block, const std::string& tag, int line, int column) {
    dropped.Add(block, tag, scope.At(line, column));
  };
  std::string html =
      MayHoldShortcodes(markdown)
          ? RenderWithShortcodes(markdown, md, {site_, theme_, directives_, links_, page, page_view, scope})
          : RenderMarkdown(markdown, md);
  dropped.ReportTo(scope);
  return html;
}

// Links by source file (render/links.hpp), root-relative links under the sub-path, and
// heading ids made with the page's language (its transliteration).
void PageRenderer::AddLinksAndHeadingIds(const Page& page, MarkdownOptions& md, PageScope& scope) const {
  md.link_hook = [&](std::string_view url, int line, int column) {
    return links_.Rewrite(page, url, line, column, scope);
  };
  md.place_hook = [&](PlaceKind kind, std::string_view key, int line, int column) {
    scope.places.push_back({kind, std::string(key), scope.At(line, column)});
  };
  const Locale& locale = *site_.languages[page.lang_index].locale;
  md.heading_slug = [&locale](std::string_view text) { return locale.Slugify(text); };
  md.reserved_id = [this, &scope](std::string_view id) {
    scope.DependOn(std::string(ReservedIds::kDependency), reserved_ids_.hash());
    return reserved_ids_.Contains(id);
  };
  md.error_hook = [&](int line, int column, const std::string& message) {
    scope.Error(scope.At(line, column), message);
  };
}

std::optional<uint64_t> PageRenderer::DependencyHash(const std::string& name) const {
  if (StartsWith(name, "template:")) {
    uint64_t hash = theme_.TemplateHash(name.substr(9));
    return hash ? std::optional<uint64_t>(hash) : std::nullopt;
  }
  if (name == ReservedIds::kDependency) return reserved_ids_.hash();
  if (IsLinkDependency(name)) return LinkDependencyHash(site_, name);
  return directives_.DependencyHash(name);
}

RenderedPage PageRenderer::Render(const Page& page, std::string markdown, Value view, unsigned worker,
                                  std::vector<Value> list_pages) const {
  RenderedPage out;
  const Language& lang = site_.languages[page.lang_index];
  TemplateSet& templates = TemplatesFor(worker);
  Diagnostics limits;
  if (!page.is_html && !CheckMarkdownLimits(page.source_path, markdown, page.body_line, limits)) {
    out.diagnostics = limits.Sorted();
    return out;
  }
  const Data& layer = language_layers_[page.lang_index];
  PageScope scope(page, lang, markdown,
                  [&](const std::string& name, const Value& v) -> std::optional<std::string> {
                    if (!templates.Has(name)) return std::nullopt;
                    scope.DependOn("template:" + name, theme_.TemplateHash(name));
                    return templates.Render(name, layer, ToData(v));
                  });
  const Value* page_view = view.Get("page");
  // An HTML content page's body is its author's HTML, used as written (markdown/markdown.hpp).
  std::string content = page.is_html
                            ? HtmlPageContent(markdown)
                            : RenderMarkdownOf(page, markdown, page_view ? *page_view : Value::Map(), scope);
  std::string().swap(markdown);
  WarnAboutMetadata(site_, page, scope);
  bool failed = scope.has_errors();
  out.attachments = std::move(scope.attachments);
  out.diagnostics = std::move(scope.diagnostics);
  out.dependencies = std::move(scope.dependencies);
  out.places = std::move(scope.places);
  if (failed) return out;
  for (auto& [key, value] : view.fields)
    if (key == "page") value.Set("content", std::move(content));
  // French typography on the whole page's text: Markdown, titles, UI strings, figures alike.
  out.html = TypesetHtml(templates.Render(TemplateName(page), layer, ToData(view)), TypographyOf(lang));
  // A section's later list pages continue its list; its text (and its relative links) stays on the first.
  for (size_t i = 0; i < list_pages.size(); ++i)
    out.attachments.push_back({ListPageOutputPath(page, static_cast<int>(i) + 2),
                               TypesetHtml(templates.Render(TemplateName(page), layer, ToData(list_pages[i])),
                                           TypographyOf(lang))});
  out.ok = true;
  return out;
}

}  // namespace tandem
