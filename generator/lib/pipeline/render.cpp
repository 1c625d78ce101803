// Render: each page, on every core: its view, then its key. A page whose key and recorded
// dependencies match the last build's, and whose files are intact, is carried over; any other
// is rendered and written, and its Markdown and HTML are freed as soon as it is, which keeps
// peak memory to what the pages in flight need (`tandem serve` keeps the Markdown, to compare
// an edit with). What the link check needs of a page (its ids and links) is kept.
#include <algorithm>
#include <chrono>
#include <set>

#include "check/html_scan.hpp"
#include "check/page_checks.hpp"
#include "content/lists.hpp"
#include "pipeline/live_site.hpp"
#include "pipeline/phases.hpp"
#include "pipeline/progress.hpp"
#include "pipeline/watchdog.hpp"
#include "render/page_view.hpp"
#include "render/render_page.hpp"
#include "support/fault.hpp"
#include "support/files.hpp"
#include "support/parallel.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

using Clock = std::chrono::steady_clock;

double MsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// What every page's HTML depends on besides itself: the program, the options and the resolved
// configuration, and each language's view (its UI strings, titles and URLs).
uint64_t SiteWideHash(const BuildState& s) {
  Hasher h;
  h.Add(ProgramIdentity()).Add(ExecutableIdentity()).Add(OptionsIdentity(s.options));
  h.Add(s.site.config.fingerprint);
  for (const Language& lang : s.site.languages) LanguageView(s.site, lang.index).HashInto(h);
  return h.Digest();
}

void ClaimResult(BuildState& s, const Page& page, const std::string& path, OutputWriter::Claim claim) {
  if (claim == OutputWriter::Claim::kTaken)
    s.diags.Error({page.source_path}, "another file is already written to " + path);
  else if (claim == OutputWriter::Claim::kReserved)
    s.diags.Error({page.source_path}, path + " is not a place tandem may write to");
}

// Whether the files the cache gives a page can be its own: its page first, then files in its
// folder (list pages, attachments) that no page or alias is written to. The cache is a file in the
// output folder; one edited to give a page another's file would make that file's write an error
// in every build, as a failed build leaves the cache as it was.
bool CouldBeItsOwn(const Page& page, const std::vector<std::string>& files,
                   const std::set<std::string_view>& page_files) {
  std::string_view folder = std::string_view(page.output_path).substr(0, page.output_path.rfind('/') + 1);
  return files.front() == page.output_path &&
         std::all_of(files.begin() + 1, files.end(),
                     [&](const std::string& f) { return StartsWith(f, folder) && page_files.count(f) == 0; });
}

bool KeepPage(BuildState& s, const Page& page, const CachedPage& cached, const PageRenderer& renderer,
              const std::set<std::string_view>& page_files, PageOutcome& outcome) {
  auto current = [&](const std::string& name) { return renderer.DependencyHash(name); };
  if (!StillValid(cached, outcome.entry.key, current) || !CouldBeItsOwn(page, cached.files, page_files))
    return false;
  if (!std::all_of(cached.files.begin(), cached.files.end(),
                   [&](const std::string& f) { return s.writer->CanKeep(f); }))
    return false;
  for (const std::string& file : cached.files) ClaimResult(s, page, file, s.writer->Keep(file));
  s.Written(cached.files);
  outcome.entry.links = cached.links;
  outcome.entry.files = cached.files;
  outcome.entry.dependencies = cached.dependencies;
  outcome.entry.warnings = cached.warnings;
  s.diags.AddAll(cached.warnings);
  return true;
}

// What the link check needs of a page (its ids and links), and in a check, the page's own checks.
void ScanPage(BuildState& s, const Page& page, const RenderedPage& rendered, PageOutcome& outcome) {
  if (!rendered.ok) return;
  HtmlScan scan = ScanHtml(rendered.html);
  if (s.options.check_only)
    CheckPageHtml(s.site.languages[page.lang_index], page, scan, rendered.places, *s.sources, s.diags);
  outcome.entry.links = std::move(scan.links);
  AddListPageLinks(page, rendered, outcome.entry.links);
}

void WritePage(BuildState& s, const Page& page, RenderedPage& rendered, PageOutcome& outcome) {
  for (const Diagnostic& d : rendered.diagnostics)
    if (d.severity == Severity::kWarning) outcome.entry.warnings.push_back(d);
  s.diags.AddAll(std::move(rendered.diagnostics));
  outcome.entry.dependencies = std::move(rendered.dependencies);
  if (!rendered.ok) return;
  ClaimResult(s, page, page.output_path, s.Put(page.output_path, rendered.html));
  outcome.entry.files.push_back(page.output_path);
  for (const Attachment& a : rendered.attachments) {
    ClaimResult(s, page, a.path, s.Put(a.path, a.bytes));
    outcome.entry.files.push_back(a.path);
  }
}

void CollectSlowest(BuildState& s, const std::vector<Page*>& pages) {
  std::vector<PageTiming>& slowest = s.report.slowest_pages;
  for (size_t i = 0; i < pages.size(); ++i)
    if (s.outcomes[i].rendered) slowest.push_back({pages[i]->source_path, s.outcomes[i].ms});
  std::sort(slowest.begin(), slowest.end(),
            [](const PageTiming& a, const PageTiming& b) { return a.ms > b.ms; });
  if (slowest.size() > 10) slowest.resize(10);
}

}  // namespace

void AddListPageLinks(const Page& page, const RenderedPage& rendered, PageLinks& links) {
  size_t list_pages = static_cast<size_t>(ListPageCount(page) - 1);
  for (size_t i = rendered.attachments.size() - list_pages; i < rendered.attachments.size(); ++i) {
    PageLinks more = ScanHtml(rendered.attachments[i].bytes).links;
    links.links.insert(links.links.end(), more.links.begin(), more.links.end());
    links.language_links.insert(links.language_links.end(), more.language_links.begin(),
                                more.language_links.end());
  }
}

bool PrepareOutput(BuildState& s) {
  return s.writer->Prepare(s.options.force, s.diags);
}

bool RenderAllPages(BuildState& s) {
  Diagnostics notes;
  BuildCache last = s.writer ? BuildCache::Load(s.writer->StatePath("cache"), notes) : BuildCache{};
  s.diags.AddAll(notes.Sorted());
  std::vector<Page*> pages = s.site.AllPages();
  s.outcomes.assign(pages.size(), {});
  s.sources = std::make_unique<SourceMap>(s.theme.dir(), s.theme.shown_dir());
  uint64_t site_hash = SiteWideHash(s);
  PageRenderer renderer(s.site, s.theme, s.directives, s.Jobs());
  std::unique_ptr<Watchdog> watchdog = s.WatchPages();
  Progress progress(s.options.progress, pages.size(), s.options.progress_every);
  std::set<std::string_view> page_files;
  for (const Page* page : pages) {
    page_files.insert(page->output_path);
    page_files.insert(page->alias_outputs.begin(), page->alias_outputs.end());
  }
  ParallelFor(pages.size(), s.Jobs(), [&](size_t i, unsigned worker) {
    auto start = Clock::now();
    const Page& page = *pages[i];
    watchdog->Start(worker, &page.source_path);
    struct Done {
      Watchdog& dog;
      unsigned worker;
      Progress& progress;
      ~Done() {
        dog.Stop(worker);
        progress.Done();
      }
    } done{*watchdog, worker, progress};
    Value view = PageView(s.site, page);
    std::vector<Value> list_pages = MoreListPageViews(s.site, page);
    Hasher key;
    key.Add(page.source_hash).Add(site_hash).Add(s.theme.TemplateHash(TemplateName(page)));
    view.HashInto(key);
    for (const Value& list_page : list_pages) list_page.HashInto(key);
    PageOutcome& outcome = s.outcomes[i];
    outcome.entry.key = key.Digest();
    auto cached = last.pages.find(page.source_path);
    if (cached != last.pages.end() && KeepPage(s, page, cached->second, renderer, page_files, outcome))
      return;
    FaultPoint("render");
    RenderedPage rendered =
        renderer.Render(page, s.keep ? std::string(s.site.texts.Peek(&page)) : s.site.texts.Take(&page),
                        std::move(view), worker, std::move(list_pages));
    ScanPage(s, page, rendered, outcome);
    WritePage(s, page, rendered, outcome);
    outcome.rendered = true;
    outcome.ms = MsSince(start);
  });
  progress.Finish();
  CollectSlowest(s, pages);
  return true;
}

}  // namespace tandem
