// The build as data: one table of named stages, in five phases, over one BuildState.
//
//   Load      config, checks, theme, unchanged?, languages, data, content
//   Assemble  page params, titles, summaries, sections, menus, urls, translations, dates,
//             order, taxonomies, stale translations, layouts (pages are read-only after)
//   Render    output, pages (each page: its view, its key, then reused or rendered and written)
//   Emit      site files, publish, aliases, page files, static files, links
//   Commit    commit (the writer moves the output into place, then the cache is saved)
//
// `tandem build`, `tandem check` and `tandem serve` run the same table (pipeline/build.cpp);
// a stage says which of them it serves, as data, rather than each stage asking which runs it.
// A stage returns false when the stages after it cannot run: errors alone do not stop the
// build before Render, so every stage that can still run reports its own.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "check/source_map.hpp"
#include "content/load.hpp"
#include "directives/directive.hpp"
#include "model/site.hpp"
#include "output/writer.hpp"
#include "pipeline/build.hpp"
#include "pipeline/incremental.hpp"
#include "pipeline/watchdog.hpp"
#include "render/render_page.hpp"
#include "support/diagnostics.hpp"
#include "theme/theme.hpp"

namespace tandem {

// What one page came to in this build, kept for the next build's cache.
struct PageOutcome {
  CachedPage entry;
  bool rendered = false;
  double ms = 0;
};

// Everything one build reads and makes, passed from stage to stage.
struct BuildState {
  BuildState(const BuildOptions& options, Diagnostics& diags, KeptSite* keep);

  const BuildOptions& options;
  Diagnostics& diags;
  KeptSite* keep;  // `tandem serve`'s, or none
  Site site;
  Theme theme;
  bool theme_ok = false;
  DirectiveRegistry directives;
  uint64_t inputs = 0;  // the input signature, for the cache
  HeldBack held;
  bool nothing_changed = false;
  std::vector<Diagnostic> last_warnings;  // the last build's, when nothing changed
  std::vector<std::pair<std::string, size_t>> last_counts;
  std::unique_ptr<OutputWriter> writer;  // none in a check, which writes nothing
  std::mutex written_mutex;
  std::set<std::string> written;  // every file of the output, for the link check
  std::unique_ptr<SourceMap> sources;
  std::atomic<size_t> upgraded{0};  // warnings --strict made errors
  std::vector<PageOutcome> outcomes;
  BuildReport report;

  unsigned Jobs() const;
  // The build's clock: --now for tests, else the system's, read once so that every page agrees.
  int64_t Now();
  unsigned PageTimeout() const;  // seconds
  // A watchdog over the pages `Jobs()` workers read: named past 2 s, the build stopped past
  // PageTimeout(), leaving the output folder as it was. Every stage that parses a page's
  // Markdown runs under one.
  std::unique_ptr<Watchdog> WatchPages();
  // Writes a file of the output, or in a check only notes it; either way the link check knows it.
  OutputWriter::Claim Put(const std::string& path, std::string_view bytes);
  void Written(const std::vector<std::string>& paths);
  // Whether errors stop the build before pages render. A check goes on through warnings that
  // --strict made errors, to report every page's too.
  bool Blocked() const;

 private:
  int64_t now_ms_ = 0;
};

// Which commands run a stage.
enum class Runs {
  kAlways,
  kWriting,   // tandem build and tandem serve, which write an output folder
  kChecking,  // tandem check, which renders in memory, writes nothing and checks more
};

struct Stage {
  const char* phase;
  const char* name;  // as --stats shows it, and as TANDEM_TEST_FAULT names it (support/fault.hpp)
  Runs runs;
  bool (*run)(BuildState&);
};

// Every stage of a build, in order (build.cpp).
const std::vector<Stage>& Stages();

// The phases, in order: "load", "assemble", "render", "emit", "commit".
const std::vector<const char*>& Phases();

// Runs, timed, the stages of `phase` that the options ask for; false as soon as one says the
// stages after it cannot run. The fuzz harness runs "assemble" on pages it made in memory.
bool RunPhase(const char* phase, BuildState& s);

// The stages, by phase, each defined in the file of its phase.
bool LoadSiteConfig(BuildState& s);  // load.cpp
bool ApplyChecks(BuildState& s);
bool LoadTheme(BuildState& s);
bool CheckInputs(BuildState& s);
bool CreateLanguages(BuildState& s);
bool LoadData(BuildState& s);
bool LoadAllContent(BuildState& s);
bool CheckPageParams(BuildState& s);  // assemble.cpp
bool GiveMissingTitles(BuildState& s);
bool SummarizeAll(BuildState& s);
bool BuildSections(BuildState& s);
bool ResolveAllMenus(BuildState& s);
bool AssignAllUrls(BuildState& s);
bool PairAll(BuildState& s);
bool AssignAllDates(BuildState& s);
bool OrderByDate(BuildState& s);
bool MakeAllTaxonomies(BuildState& s);
bool CheckTranslationsAge(BuildState& s);
bool CheckLayouts(BuildState& s);
bool PrepareOutput(BuildState& s);  // render.cpp
bool RenderAllPages(BuildState& s);
bool WriteThemeFiles(BuildState& s);  // emit.cpp
bool WritePublishFiles(BuildState& s);
bool WriteAliases(BuildState& s);
bool CopyBundleFiles(BuildState& s);
bool CopyStaticFiles(BuildState& s);
bool CheckAllLinks(BuildState& s);
bool Commit(BuildState& s);  // commit.cpp

// A section's later list pages (page/2/..., its last attachments) are checked with its links:
// adds theirs to `links` (render.cpp).
void AddListPageLinks(const Page& page, const RenderedPage& rendered, PageLinks& links);

// The identity of the build's options and of the running program (load.cpp), which the page
// keys share (render.cpp).
std::string OptionsIdentity(const BuildOptions& options);
std::string ExecutableIdentity();

}  // namespace tandem
