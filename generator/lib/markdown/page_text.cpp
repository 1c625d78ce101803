#include "markdown/page_text.hpp"

#include "markdown/markdown.hpp"
#include "support/parallel.hpp"
#include "support/text.hpp"

namespace tandem {

void GiveMissingTitles(Site& site, Diagnostics& diags) {
  for (Page* page : site.AllPages()) {
    if (!page->meta.title.empty() || page->implicit) continue;
    std::string_view text = site.texts.Peek(page);
    std::string heading = page->is_html ? HtmlFirstHeadingText(text) : FirstHeadingText(text);
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

void Summarize(Site& site, unsigned jobs) {
  std::vector<Page*> pages = site.AllPages();
  ParallelFor(pages.size(), jobs, [&](size_t i, unsigned) {
    Page& page = *pages[i];
    std::string_view text = site.texts.Peek(&page);
    page.summary = !page.meta.summary.empty() ? page.meta.summary
                   : page.is_html             ? HtmlSummaryText(text)
                                              : SummaryText(text);
  });
}

}  // namespace tandem
