// Rendering one page: its Markdown (with the directives it calls), then its
// template. A function of the assembled site: it changes nothing and returns
// everything it made and used.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "directives/directive.hpp"
#include "markdown/markdown.hpp"
#include "model/site.hpp"
#include "render/links.hpp"
#include "render/reserved_ids.hpp"
#include "theme/theme.hpp"

namespace tandem {

struct RenderedPage {
  std::string html;  // empty when the page had errors
  std::vector<Attachment> attachments;
  std::vector<Diagnostic> diagnostics;
  std::vector<Dependency> dependencies;  // what its HTML was made from besides its file and view
  std::vector<MarkdownPlace> places;     // where its Markdown's links, images, headings are, for checks
  bool ok = false;
};

class PageRenderer {
 public:
  PageRenderer(const Site& site, const Theme& theme, const DirectiveRegistry& directives, unsigned jobs);
  ~PageRenderer();

  // Thread-safe for distinct `worker`s in [0, jobs). `view` is the page's PageView; `list_pages`
  // its MoreListPageViews, rendered into attachments (page/2/index.html...) without the content.
  RenderedPage Render(const Page& page, std::string markdown, Value view, unsigned worker,
                      std::vector<Value> list_pages = {}) const;
  // The current hash of something a page recorded reading while it rendered (a template, the
  // theme's ids, a linked page, a directive's data); nullopt when it no longer exists.
  std::optional<uint64_t> DependencyHash(const std::string& name) const;

 private:
  std::string RenderMarkdownOf(const Page& page, std::string_view markdown, const Value& page_view,
                               PageScope& scope) const;
  void AddLinksAndHeadingIds(const Page& page, MarkdownOptions& md, PageScope& scope) const;
  TemplateSet& TemplatesFor(unsigned worker) const;

  const Site& site_;
  const Theme& theme_;
  const DirectiveRegistry& directives_;
  LinkResolver links_;
  ReservedIds reserved_ids_;
  std::vector<Data> language_layers_;
  mutable std::vector<std::unique_ptr<TemplateSet>> template_sets_;  // one per worker, made on first use
};

}  // namespace tandem
