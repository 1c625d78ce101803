// `tandem serve`'s site, kept in memory between builds. A full build assembles the site and
// keeps it; then an edit that can change nothing but one page's own HTML is answered by
// rendering that page alone with what was kept, in milliseconds at any size of site. That is an
// edit of a page's Markdown after its front matter (the same bytes before its body), which
// leaves its summary, its structure (level-2 headings, tables, funding blocks: compared across
// languages) and its date modified as they were, on a site without a search index (which holds
// every page's words). Anything else is the full incremental build, as `tandem build` does it.
//
// What one page renders to is what a full build writes for it, byte for byte; its diagnostics
// replace the ones it had, and the link check is run for it (and for the pages linking to it
// when its ids changed, or it failed or recovered). The output's cache is left alone: it still
// holds the page's old key (its file's hash is part of it), and the rewritten file no longer
// matches the manifest, so the next full build renders the page again rather than trust either.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "directives/directive.hpp"
#include "model/site.hpp"
#include "pipeline/build.hpp"
#include "pipeline/incremental.hpp"
#include "render/render_page.hpp"
#include "support/diagnostics.hpp"
#include "theme/theme.hpp"

namespace tandem {

// What a successful full build leaves for serve (filled by Build() in build.cpp).
struct KeptSite {
  Site site;
  Theme theme;
  DirectiveRegistry directives;
  std::vector<CachedPage> entries;                     // of site.AllPages()[i]: files, links, ids
  std::vector<std::vector<Diagnostic>> link_findings;  // of site.AllPages()[i], before [checks]
  std::vector<Diagnostic> unused_images;               // image-unused, which any page's links change
  std::set<std::string> outputs;                       // every file of the output folder
  std::vector<Diagnostic> diagnostics;                 // all the build reported, after [checks]
};

class LiveSite {
 public:
  explicit LiveSite(BuildOptions options);
  ~LiveSite();
  LiveSite(const LiveSite&) = delete;
  LiveSite& operator=(const LiveSite&) = delete;

  // A full build; when it succeeds, its site is kept for the next Update.
  BuildReport Build(Diagnostics& diags);
  // After the files `changed` (absolute paths) changed: renders the one page they can only
  // change, or else builds in full. The report's `single_page` says which was done.
  BuildReport Update(const std::vector<std::string>& changed, Diagnostics& diags);

 private:
  struct State;
  struct Edit {
    size_t index;      // of the page
    uint64_t hash;     // of its file
    std::string body;  // its Markdown
  };
  std::optional<Edit> MarkdownEdit(const std::vector<std::string>& changed);
  RenderedPage RenderWatched(const Page& page, std::string body);
  std::optional<BuildReport> RenderOnePage(const std::vector<std::string>& changed, Diagnostics& diags);

  BuildOptions options_;
  std::unique_ptr<State> state_;  // none until a full build succeeds
};

}  // namespace tandem
