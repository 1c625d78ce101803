#include "markdown/page_text.hpp"

#include "markdown/markdown.hpp"
#include "support/fault.hpp"
#include "support/parallel.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

// Whether rendering would parse the page's Markdown (it reports those it will not).
bool Parsable(const Page& page, std::string_view text) {
  Diagnostics ignored;
  return page.is_html || CheckMarkdownLimits(page.source_path, text, page.body_line, ignored);
}

// Calls watch(worker, page) and watch(worker, nullptr) around a page, when there is a watch.
class Watched {
 public:
  Watched(const PageWatch& watch, unsigned worker, const Page& page) : watch_(watch), worker_(worker) {
    if (watch_) watch_(worker_, &page.source_path);
  }
  ~Watched() {
    if (watch_) watch_(worker_, nullptr);
  }
  Watched(const Watched&) = delete;
  Watched& operator=(const Watched&) = delete;

 private:
  const PageWatch& watch_;
  unsigned worker_;
};

}  // namespace

void GiveMissingTitles(Site& site, Diagnostics& diags, const PageWatch& watch) {
  for (Page* page : site.AllPages()) {
    if (!page->meta.title.empty() || page->implicit) continue;
    std::string_view text = site.texts.Peek(page);
    std::string heading;
    if (Parsable(*page, text)) {
      Watched watched(watch, 0, *page);
      heading = page->is_html ? HtmlFirstHeadingText(text) : FirstHeadingText(text);
    }
    bool toml = StartsWith(page->front_matter, "+++");
    std::string example = toml ? "title = \"" : "title: \"";
    if (heading.empty()) {
      diags.Error({page->source_path, 1, 1},
                  "the page has no title; add " + example + "...\" to its front matter",
                  page->FrontMatterLine(1));
      page->meta.title = page->source_path;  // for the stages after, which report on; never written
      continue;
    }
    page->meta.title = heading;
    page->title_from_heading = true;
    diags.Warning({page->source_path, 1, 1},
                  "the page has no title, so its first heading stands in for it; add " + example + heading +
                      "\" to its front matter",
                  page->FrontMatterLine(1), "title-missing");
  }
}

void Summarize(Site& site, unsigned jobs, const PageWatch& watch) {
  std::vector<Page*> pages = site.AllPages();
  ParallelFor(pages.size(), jobs, [&](size_t i, unsigned worker) {
    Page& page = *pages[i];
    if (!page.meta.summary.empty()) {
      page.summary = page.meta.summary;
      return;
    }
    std::string_view text = site.texts.Peek(&page);
    if (!Parsable(page, text)) return;
    Watched watched(watch, worker, page);
    FaultPoint("summary");
    page.summary = page.is_html ? HtmlSummaryText(text) : SummaryText(text);
  });
}

}  // namespace tandem
