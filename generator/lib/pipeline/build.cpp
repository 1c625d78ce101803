#include "pipeline/build.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <set>

#include "assemble/dates.hpp"
#include "assemble/git.hpp"
#include "assemble/structure.hpp"
#include "assemble/taxonomies.hpp"
#include "assemble/translations.hpp"
#include "assemble/urls/urls.hpp"
#include "check/codes.hpp"
#include "check/links.hpp"
#include "check/page_checks.hpp"
#include "content/bundles.hpp"
#include "content/data.hpp"
#include "content/front_matter.hpp"
#include "content/lists.hpp"
#include "content/load.hpp"
#include "content/menus.hpp"
#include "directives/directive.hpp"
#include "markdown/markdown.hpp"
#include "model/site.hpp"
#include "output/writer.hpp"
#include "pipeline/incremental.hpp"
#include "pipeline/live_site.hpp"
#include "pipeline/progress.hpp"
#include "pipeline/watchdog.hpp"
#include "publish/aliases.hpp"
#include "publish/publish.hpp"
#include "render/links.hpp"
#include "render/page_view.hpp"
#include "render/render_page.hpp"
#include "render/site_files.hpp"
#include "support/fault.hpp"
#include "support/files.hpp"
#include "support/parallel.hpp"
#include "support/text.hpp"
#include "theme/theme.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

using Clock = std::chrono::steady_clock;

double MsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// The options that shape what a build writes. The structured binding names every member of
// BuildOptions, so one added there does not compile here until it is hashed or said not to
// shape the output. The environment, --base-url and the preview origin shape the configuration,
// whose fingerprint is hashed beside this.
std::string OptionsIdentity(const BuildOptions& options) {
  const auto& [source_dir, output_dir, drafts, strict, check_only, force, jobs, page_timeout, future, expired,
               now_ms, environment, base_urls, preview_origin, say, progress, progress_every] = options;
  // Not the output: where it is read and written, how fast, what is printed meanwhile; the
  // build's clock decides which pages are held back, and the cache keeps when that changes.
  (void)source_dir, (void)output_dir, (void)check_only, (void)force, (void)jobs, (void)page_timeout,
      (void)now_ms, (void)say, (void)progress, (void)progress_every;
  (void)environment, (void)base_urls, (void)preview_origin;  // in SiteConfig::fingerprint
  return std::string(drafts ? "drafts " : "") + (future ? "future " : "") + (expired ? "expired " : "") +
         (strict ? "strict" : "");
}

// What one page came to in this build, kept for the next build's cache.
struct PageOutcome {
  CachedPage entry;
  bool rendered = false;
  double ms = 0;
};

// Holds everything one build needs, and runs its stages in order.
class Builder {
 public:
  Builder(const BuildOptions& options, Diagnostics& diags, KeptSite* keep)
      : options_(options), diags_(diags), directives_(BuiltinDirectives()), keep_(keep) {}

  BuildReport Run() {
    auto start = Clock::now();
    // A stage returns false when later stages cannot run without what it failed to make. Errors
    // alone do not stop the build before "output": every stage that can still run reports its own.
    // A check (check_only) has no output folder: it renders in memory and writes nothing.
    bool check = options_.check_only;
    bool ok =
        Stage("config", [&] { return LoadSiteConfig(); }) && Stage("checks", [&] { return ApplyChecks(); }) &&
        Stage("theme", [&] { return LoadTheme(); }) &&
        (check || Stage("unchanged?", [&] { return CheckInputs(); })) && !nothing_changed_ &&
        Stage("languages", [&] { return CreateLanguages(); }) && Stage("data", [&] { return LoadData(); }) &&
        Stage("content", [&] { return LoadAllContent(); }) &&
        Stage("page params", [&] { return CheckPageParams(); }) &&
        Stage("titles", [&] { return GiveMissingTitles(); }) &&
        Stage("summaries", [&] { return SummarizeAll(); }) &&
        Stage("sections", [&] { return BuildSections(); }) &&
        Stage("menus", [&] { return ResolveAllMenus(); }) && Stage("urls", [&] { return AssignAllUrls(); }) &&
        Stage("translations", [&] { return PairAll(); }) &&
        Stage("dates", [&] { return AssignAllDates(); }) && Stage("order", [&] { return OrderByDate(); }) &&
        Stage("taxonomies", [&] { return MakeAllTaxonomies(); }) &&
        (!check || Stage("stale translations", [&] { return CheckTranslationsAge(); })) &&
        Stage("layouts", [&] { return CheckLayouts(); }) && !Blocked() &&
        (check || Stage("output", [&] { return writer_->Prepare(options_.force, diags_); })) &&
        Stage("pages", [&] { return RenderAllPages(); }) &&
        Stage("site files", [&] { return WriteSiteFiles(SiteFiles(site_, theme_)); }) &&
        Stage("publish", [&] { return WriteSiteFiles(PublishFiles(site_, theme_, Jobs(), diags_)); }) &&
        Stage("aliases", [&] { return WriteSiteFiles(AliasFiles(site_)); }) &&
        Stage("page files", [&] { return CopyBundleFiles(); }) &&
        Stage("static files", [&] { return CopyStaticFiles(); }) &&
        Stage("links", [&] { return CheckAllLinks(); }) && !diags_.has_errors() &&
        (check || Stage("commit", [&] { return Commit(); }));
    if (nothing_changed_) ok = ReportNothingChanged();
    if (!ok && writer_) writer_->Abort();
    return Report(ok && !diags_.has_errors(), start);
  }

  // Hands what a successful build assembled to `tandem serve` (pipeline/live_site.hpp).
  void KeepSite() {
    keep_->site = std::move(site_);
    keep_->theme = std::move(theme_);
    keep_->directives = std::move(directives_);
    for (PageOutcome& outcome : outcomes_) keep_->entries.push_back(std::move(outcome.entry));
    keep_->diagnostics = diags_.Sorted();
  }

 private:
  // Runs one stage, timing it. A failed read or write is the user's to fix, named by its file;
  // anything else thrown is tandem's own fault.
  bool Stage(const char* name, const std::function<bool()>& stage) {
    auto start = Clock::now();
    bool ok = false;
    try {
      FaultPoint(name);
      ok = stage();
    } catch (const IoError& e) {
      diags_.Error({e.path()}, std::string(e.what()).substr(e.path().size() + 2));
    } catch (const std::exception& e) {
      diags_.Error({site_.source_dir}, std::string("internal error in stage \"") + name + "\": " + e.what() +
                                           "; please report it");
    }
    report_.stage_ms.emplace_back(name, MsSince(start));
    return ok;
  }

  BuildReport Report(bool ok, Clock::time_point start) {
    report_.ok = ok;
    report_.nothing_changed = nothing_changed_;
    report_.total_ms = MsSince(start);
    for (const PageOutcome& o : outcomes_) report_.pages_rendered += o.rendered ? 1 : 0;
    if (writer_ && !nothing_changed_) {
      report_.files_written = writer_->stats().written;
      report_.files_unchanged = writer_->stats().unchanged;
      report_.files_removed = writer_->stats().removed;
    }
    if (!nothing_changed_)
      for (const Language& lang : site_.languages)
        report_.pages_per_language.emplace_back(lang.code(), lang.pages.size());
    return report_;
  }

  unsigned Jobs() const { return std::min(options_.jobs ? options_.jobs : DefaultJobs(), kMaxJobs); }

  bool LoadSiteConfig() {
    site_.source_dir = fs::absolute(options_.source_dir).lexically_normal().string();
    if (site_.source_dir.size() > 1 && site_.source_dir.back() == '/') site_.source_dir.pop_back();
    std::string out = options_.output_dir.empty() ? site_.source_dir + "/public" : options_.output_dir;
    if (!options_.check_only)
      writer_ = std::make_unique<OutputWriter>(fs::absolute(out).lexically_normal().string());
    return LoadConfig(site_.source_dir,
                      ConfigOverrides{options_.environment, options_.base_urls, options_.preview_origin},
                      site_.config, diags_);
  }

  bool LoadTheme() {
    theme_ok_ = theme_.Load(site_.config, site_.source_dir, diags_);
    return !theme_.dir().empty();
  }

  // Everything a build reads besides the files: a change to any forces a real build. The
  // configuration enters as resolved (config/site_config.hpp: fingerprint), the options through
  // OptionsIdentity, which names every option.
  std::string BuildIdentity() const {
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    std::vector<std::string> parts = {ProgramIdentity(),         ExecutableIdentity(),
                                      OptionsIdentity(options_), std::to_string(site_.config.fingerprint),
                                      GitHead(site_.source_dir), epoch ? epoch : ""};
    std::string identity;
    for (const std::string& part : parts) identity.append(part).push_back('\n');
    return identity;
  }

  // The running program's file: another build of tandem (a fix to its rendering, with the same
  // version number) renders every page again.
  static std::string ExecutableIdentity() {
    struct stat st;
    if (stat("/proc/self/exe", &st) != 0) return "";
    return std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) + "." +
           std::to_string(st.st_mtim.tv_nsec);
  }

  std::string EnvironmentFile() const { return "site." + options_.environment + ".toml"; }

  bool CheckInputs() {
    if (!writer_->Lock(diags_)) return false;
    if (diags_.has_errors()) return true;  // a broken config or theme is never "unchanged"
    // Warnings and notes of the look itself are kept aside: a build that goes on loads it again.
    Diagnostics look;
    BuildCache last = BuildCache::Load(writer_->StatePath("cache"), look);
    // With a last build to compare with, its output is checked while the inputs are hashed:
    // both are mostly stat calls, and a build with nothing changed needs both.
    std::future<bool> output_intact;
    if (last.inputs != 0)
      output_intact = std::async(std::launch::async,
                                 [&] { return writer_->IsUpToDate(Jobs(), &report_.files_unchanged); });
    inputs_ = InputSignature(
        site_.source_dir,
        {"site.toml", EnvironmentFile(), "content", "data", "static", "i18n", "shortcodes", theme_.dir()},
        BuildIdentity(), Jobs());
    // A page whose publish or expiry date has come since changes the site with no file changed.
    bool date_came = last.next_change_ms != 0 && Now() >= last.next_change_ms;
    // The check of the output is waited for in every case: it writes report_.files_unchanged.
    bool intact = output_intact.valid() && output_intact.get();
    nothing_changed_ = !keep_ && intact && last.inputs == inputs_ && !date_came;
    if (nothing_changed_) last_warnings_ = std::move(last.warnings), last_counts_ = last.pages_per_language;
    if (!nothing_changed_) report_.files_unchanged = 0;
    return true;
  }

  // Nothing to do: say what the last build said.
  bool ReportNothingChanged() {
    for (const Diagnostic& d : last_warnings_) diags_.Add(d);
    report_.pages_per_language = last_counts_;
    return true;
  }

  // The build's clock: --now for tests, else the system's, read once so that every page agrees.
  int64_t Now() {
    if (now_ms_ == 0)
      now_ms_ = options_.now_ms ? options_.now_ms
                                : std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::system_clock::now().time_since_epoch())
                                      .count();
    return now_ms_;
  }

  bool CreateLanguages() {
    try {
      site_.time_zone = std::make_unique<TimeZone>(site_.config.timezone);
    } catch (const std::exception& e) {
      diags_.Error({"site.toml"}, std::string(e.what()) + "; use an IANA name, like \"America/Toronto\"");
      return false;
    }
    std::map<std::string, Strings> strings;
    UiStringSources from{theme_.dir(), theme_.shown_dir(), site_.source_dir};
    LoadUiStrings(site_.config.LanguageCodes(), from, strings, diags_);
    bool ok = true;
    for (const LanguageConfig& config : site_.config.languages) {
      Language lang;
      lang.index = site_.languages.size();
      lang.config = config;
      lang.strings = std::move(strings[config.code]);
      try {
        lang.locale = std::make_unique<Locale>(config.locale, site_.config.currency);
      } catch (const std::exception& e) {
        diags_.Error({"site.toml"}, "[languages." + config.code + "] locale \"" + config.locale +
                                        "\" is not usable: " + e.what() + "; use a tag like \"en-CA\"");
        ok = false;
      }
      site_.languages.push_back(std::move(lang));
    }
    return ok;
  }

  bool LoadData() {
    directives_.LoadAll(site_.config, site_.source_dir, diags_);
    site_.data = LoadSiteData(site_.source_dir, diags_);
    site_.data_in_view = theme_.Mentions("data");
    return true;
  }

  bool LoadAllContent() {
    LoadOptions load;
    load.drafts = options_.drafts, load.future = options_.future, load.expired = options_.expired;
    load.now_ms = Now(), load.jobs = Jobs();
    held_ = LoadContent(site_, load, diags_);
    report_.held_drafts = held_.drafts, report_.held_future = held_.future,
    report_.held_expired = held_.expired;
    return true;
  }

  bool SummarizeAll() {
    std::vector<Page*> pages = site_.AllPages();
    ParallelFor(pages.size(), Jobs(), [&](size_t i, unsigned) {
      Page& page = *pages[i];
      std::string_view text = site_.texts.Peek(&page);
      page.summary = !page.meta.summary.empty() ? page.meta.summary
                     : page.is_html             ? HtmlSummaryText(text)
                                                : SummaryText(text);
    });
    return true;
  }

  bool BuildSections() {
    BuildSectionTree(site_, diags_);
    return true;
  }

  bool ResolveAllMenus() {
    ResolveMenus(site_, diags_);
    return true;
  }

  // Lists by date wait for the dates modified of pages without a front matter date.
  bool OrderByDate() {
    SortDatedSections(site_);
    return true;
  }

  // Taxonomy pages list pages by date, so they are made once dates are known.
  bool MakeAllTaxonomies() {
    MakeTaxonomies(site_, diags_);
    return true;
  }

  bool AssignAllUrls() {
    AssignUrls(site_, diags_);
    CheckOutputCollisions(site_, diags_);
    AssignAliases(site_, diags_);
    return true;
  }

  bool PairAll() {
    // A Government of Canada site publishes both languages together: a missing translation is
    // an error there, unless site.toml says missing_translation = "warning" or this is a build
    // of drafts (--drafts), where the toggle goes to the nearest translated section.
    bool missing_is_error = site_.config.identity.missing_translation_error && !options_.drafts;
    PairTranslations(site_, (options_.strict && !options_.check_only) || missing_is_error, diags_);
    if (site_.config.identity.gc) WarnAboutStructure(site_, diags_);
    return true;
  }

  bool AssignAllDates() {
    AssignDates(site_, diags_, options_.check_only);
    return true;
  }

  // A page without a title (Hugo builds them; Canada.ca needs one) takes the text of its first
  // heading, with a warning; with no heading either, it is an error.
  bool GiveMissingTitles() {
    for (Page* page : site_.AllPages()) {
      if (!page->meta.title.empty() || page->implicit) continue;
      std::string_view text = site_.texts.Peek(page);
      std::string heading = page->is_html ? HtmlFirstHeadingText(text) : FirstHeadingText(text);
      bool toml = StartsWith(page->front_matter, "+++");
      std::string example = toml ? "title = \"" : "title: \"";
      if (heading.empty()) {
        diags_.Error({page->source_path, 1, 1},
                     "the page has no title; add " + example + "...\" to its front matter",
                     page->FrontMatterLine(1));
        page->meta.title = page->source_path;  // for the stages after, which report on; never written
        continue;
      }
      page->meta.title = heading;
      page->title_from_heading = true;
      diags_.Warning({page->source_path, 1, 1},
                     "the page has no title, so its first heading stands in for it; add " + example +
                         heading + "\" to its front matter",
                     page->FrontMatterLine(1), "title-missing");
    }
    return true;
  }

  // Unknown top-level front matter keys: declared in page_params, else reported.
  bool CheckPageParams() {
    std::vector<Page*> all = site_.AllPages();
    CheckOwnKeys(std::vector<const Page*>(all.begin(), all.end()),
                 {site_.config.page_params_given, site_.config.page_params}, diags_);
    return true;
  }

  // A layout the theme lacks falls back to the page's default template (as Hugo does), with one
  // warning per layout name, not per page; --strict makes it an error.
  bool CheckLayouts() {
    if (!theme_ok_) return true;
    std::vector<std::string> layouts = theme_.LayoutNames();
    auto has = [&](const std::string& name) {
      return std::find(layouts.begin(), layouts.end(), name) != layouts.end();
    };
    std::map<std::string, std::vector<const Page*>> missing;  // layout -> pages asking for it
    std::set<std::string> defaults;
    for (Page* page : site_.AllPages()) {
      std::string fallback = DefaultTemplateName(*page);
      if (!page->meta.layout.empty() && !has(page->meta.layout)) {
        missing[page->meta.layout].push_back(page);
        page->layout = fallback;
      }
      defaults.insert(fallback);
    }
    for (const std::string& name : defaults)
      if (!has(name))
        diags_.Error({theme_.shown_dir() + "/templates/" + name + ".mustache"},
                     "missing template: the theme needs it for its " + name + " pages" +
                         DidYouMeanSuffix(name, layouts));
    for (const auto& [name, pages] : missing) WarnMissingLayout(name, pages, layouts);
    return true;
  }

  void WarnMissingLayout(const std::string& name, const std::vector<const Page*>& pages,
                         const std::vector<std::string>& layouts) {
    const Page& first = *pages.front();
    std::string others = pages.size() == 1 ? ""
                                           : " and " + std::to_string(pages.size() - 1) + " other page" +
                                                 (pages.size() == 2 ? "" : "s");
    diags_.Warning(first.meta.layout_pos,
                   "the theme has no layout \"" + name + "\" (" + theme_.shown_dir() + "/templates/" + name +
                       ".mustache)" + DidYouMeanSuffix(name, layouts) + "; this page" + others +
                       (pages.size() == 1 ? " uses" : " use") +
                       " the default template instead. Add the template, or remove the layout",
                   first.FrontMatterLine(first.meta.layout_pos.line), kLayoutMissing);
  }

  // What every page's HTML depends on besides itself: the program, the options and the resolved
  // configuration, and each language's view (its UI strings, titles and URLs).
  uint64_t SiteWideHash() const {
    Hasher h;
    h.Add(ProgramIdentity()).Add(ExecutableIdentity()).Add(OptionsIdentity(options_));
    h.Add(site_.config.fingerprint);
    for (const Language& lang : site_.languages) LanguageView(site_, lang.index).HashInto(h);
    return h.Digest();
  }

  // Each page: its view, then its key. A page whose key and dependencies match the last
  // build's, and whose files are intact, is carried over; any other is rendered and written,
  // and its Markdown and HTML are freed as soon as it is, which keeps peak memory to what the
  // pages in flight need (`tandem serve` keeps the Markdown, to compare an edit with).
  bool RenderAllPages() {
    Diagnostics notes;
    BuildCache last = writer_ ? BuildCache::Load(writer_->StatePath("cache"), notes) : BuildCache{};
    diags_.AddAll(notes.Sorted());
    std::vector<Page*> pages = site_.AllPages();
    outcomes_.assign(pages.size(), {});
    sources_ = std::make_unique<SourceMap>(theme_.dir(), theme_.shown_dir());
    uint64_t site_hash = SiteWideHash();
    PageRenderer renderer(site_, theme_, directives_, Jobs());
    Watchdog watchdog(Jobs(), WatchdogLimits(), Say(), [&](const std::string& page) { StopAt(page); });
    Progress progress(options_.progress, pages.size(), options_.progress_every);
    ParallelFor(pages.size(), Jobs(), [&](size_t i, unsigned worker) {
      auto start = Clock::now();
      const Page& page = *pages[i];
      watchdog.Start(worker, &page.source_path);
      struct Done {
        Watchdog& dog;
        unsigned worker;
        Progress& progress;
        ~Done() {
          dog.Stop(worker);
          progress.Done();
        }
      } done{watchdog, worker, progress};
      Value view = PageView(site_, page);
      std::vector<Value> list_pages = MoreListPageViews(site_, page);
      Hasher key;
      key.Add(page.source_hash).Add(site_hash).Add(theme_.TemplateHash(TemplateName(page)));
      view.HashInto(key);
      for (const Value& list_page : list_pages) list_page.HashInto(key);
      PageOutcome& outcome = outcomes_[i];
      outcome.entry.key = key.Digest();
      auto cached = last.pages.find(page.source_path);
      if (cached != last.pages.end() && KeepPage(page, cached->second, renderer, outcome)) return;
      FaultPoint("render");
      RenderedPage rendered =
          renderer.Render(page, keep_ ? std::string(site_.texts.Peek(&page)) : site_.texts.Take(&page),
                          std::move(view), worker, std::move(list_pages));
      ScanPage(page, rendered, outcome);
      WritePage(page, rendered, outcome);
      outcome.rendered = true;
      outcome.ms = MsSince(start);
    });
    progress.Finish();
    CollectSlowest(pages);
    return true;
  }

  Watchdog::Limits WatchdogLimits() const {
    Watchdog::Limits limits;
    unsigned seconds = options_.page_timeout ? options_.page_timeout : site_.config.page_timeout;
    limits.limit = std::chrono::seconds(seconds);
    return limits;
  }

  std::function<void(const std::string&)> Say() const {
    if (options_.say) return options_.say;
    return [](const std::string&) {};
  }

  // A page past the time limit cannot be interrupted: say why, leave the output as it was, and end.
  [[noreturn]] void StopAt(const std::string& page) {
    unsigned seconds = options_.page_timeout ? options_.page_timeout : site_.config.page_timeout;
    std::string message = page + ": error: still rendering after " + std::to_string(seconds) +
                          " s; the build stops here and the output folder is left as it was. Split the page, "
                          "or allow more time with page_timeout in site.toml or --page-timeout\n";
    if (write(STDERR_FILENO, message.data(), message.size()) < 0) {
    }
    if (writer_) writer_->Abort();
    _exit(1);
  }

  bool KeepPage(const Page& page, const CachedPage& cached, const PageRenderer& renderer,
                PageOutcome& outcome) {
    auto current = [&](const std::string& name) { return renderer.DependencyHash(name); };
    if (!StillValid(cached, outcome.entry.key, current)) return false;
    if (!std::all_of(cached.files.begin(), cached.files.end(),
                     [&](const std::string& f) { return writer_->CanKeep(f); }))
      return false;
    for (const std::string& file : cached.files) ClaimResult(page, file, writer_->Keep(file));
    Written(cached.files);
    outcome.entry.links = cached.links;
    outcome.entry.files = cached.files;
    outcome.entry.dependencies = cached.dependencies;
    outcome.entry.warnings = cached.warnings;
    diags_.AddAll(cached.warnings);
    return true;
  }

  void WritePage(const Page& page, RenderedPage& rendered, PageOutcome& outcome) {
    for (const Diagnostic& d : rendered.diagnostics)
      if (d.severity == Severity::kWarning) outcome.entry.warnings.push_back(d);
    diags_.AddAll(std::move(rendered.diagnostics));
    outcome.entry.dependencies = std::move(rendered.dependencies);
    if (!rendered.ok) return;
    ClaimResult(page, page.output_path, Put(page.output_path, rendered.html));
    outcome.entry.files.push_back(page.output_path);
    for (const Attachment& a : rendered.attachments) {
      ClaimResult(page, a.path, Put(a.path, a.bytes));
      outcome.entry.files.push_back(a.path);
    }
  }

  void ClaimResult(const Page& page, const std::string& path, OutputWriter::Claim claim) {
    if (claim == OutputWriter::Claim::kTaken)
      diags_.Error({page.source_path}, "another file is already written to " + path);
    else if (claim == OutputWriter::Claim::kReserved)
      diags_.Error({page.source_path}, path + " is not a place tandem may write to");
  }

  void CollectSlowest(const std::vector<Page*>& pages) {
    for (size_t i = 0; i < pages.size(); ++i)
      if (outcomes_[i].rendered) report_.slowest_pages.push_back({pages[i]->source_path, outcomes_[i].ms});
    std::sort(report_.slowest_pages.begin(), report_.slowest_pages.end(),
              [](const PageTiming& a, const PageTiming& b) { return a.ms > b.ms; });
    if (report_.slowest_pages.size() > 10) report_.slowest_pages.resize(10);
  }

  bool WriteSiteFiles(const std::vector<Attachment>& files) {
    for (const Attachment& file : files)
      if (Put(file.path, file.bytes) != OutputWriter::Claim::kOk)
        diags_.Error({file.path}, "a page is written to " + file.path +
                                      ", which tandem needs for the site itself; give it another slug");
    return true;
  }

  // Each host the site is published to gets every static file (config/hosts.hpp).
  OutputWriter::Claim CopyToEveryHost(const std::string& rel, const std::string& source) {
    for (const HostConfig& host : site_.config.hosts) {
      std::string path = host.OutputPath(rel);
      OutputWriter::Claim claim = writer_ ? writer_->CopyFrom(path, source) : Put(path, {});
      if (claim != OutputWriter::Claim::kOk) return claim;
      if (writer_) Written({path});
    }
    return OutputWriter::Claim::kOk;
  }

  // Each page bundle's files, next to the page's HTML (content/bundles.hpp). They are not part of
  // the page: a changed image is copied again, and the writer leaves an unchanged one alone.
  bool CopyBundleFiles() {
    for (const Page* page : site_.AllPages()) {
      if (page->output_path.empty()) continue;  // its URL was in error
      for (const BundleFile& file : page->files) {
        std::string path = BundleFileOutputPath(*page, file);
        OutputWriter::Claim claim = writer_ ? writer_->CopyFrom(path, file.fs_path) : Put(path, {});
        if (claim == OutputWriter::Claim::kOk && writer_) Written({path});
        if (claim == OutputWriter::Claim::kTaken)
          diags_.Error({file.source_path}, "this file of a page bundle would be written to " + path +
                                               ", where the build already writes a page or another file; "
                                               "rename it");
        else if (claim == OutputWriter::Claim::kReserved)
          diags_.Error({file.source_path}, "this file of a page bundle would be written to " + path +
                                               ", where tandem may not write; rename it");
      }
    }
    return true;
  }

  // The site's static/ files override the theme's; neither may replace a generated page, nor be
  // a link to a file outside its own site or theme.
  bool CopyStaticFiles() {
    std::map<std::string, std::string> files;  // output path -> source file
    for (const std::string& dir : theme_.StaticDirs()) {
      std::error_code ec;
      if (!fs::is_directory(dir, ec)) continue;
      for (auto it = fs::recursive_directory_iterator(dir, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file())
          files[it->path().lexically_relative(dir).generic_string()] = it->path().string();
    }
    Confine site{site_.source_dir, "the site"}, theme{theme_.dir(), "the theme " + theme_.shown_dir()};
    for (const auto& [rel, source] : files) {
      std::string shown = fs::path(source).lexically_relative(site_.source_dir).generic_string();
      if (StartsWith(shown, "..")) shown = source;
      if (ReportLinkOutside(source, shown, StartsWith(source, theme_.dir() + "/") ? theme : site, diags_))
        continue;
      OutputWriter::Claim claim = CopyToEveryHost(rel, source);
      if (claim == OutputWriter::Claim::kTaken)
        diags_.Error({shown}, "this static file would replace the generated " + rel + "; rename or move it");
      else if (claim == OutputWriter::Claim::kReserved)
        diags_.Error({shown}, "this static file would be written into " +
                                  std::string(OutputWriter::kStateDir) +
                                  "/, tandem's own state folder; rename or move it");
    }
    return true;
  }

  // site.toml's [checks]: each code must be one; from here on, every diagnostic passes its policy.
  bool ApplyChecks() {
    ValidateChecksConfig(site_.config.checks, site_.config.LanguageCodes(), diags_);
    Strictness strictness = !options_.strict      ? Strictness::kNone
                            : options_.check_only ? Strictness::kAll
                                                  : Strictness::kBuild;
    diags_.SetPolicy(ChecksPolicy(site_.config.checks, strictness, &upgraded_));
    return true;
  }

  // Whether errors stop the build before pages render. A check goes on through warnings that
  // --strict made errors, to report every page's too.
  bool Blocked() const {
    return options_.check_only ? diags_.error_count() > upgraded_ : diags_.has_errors();
  }

  bool CheckTranslationsAge() {
    CheckStaleTranslations(site_, diags_);
    return true;
  }

  // What the link check needs of a page (its ids and links), and in a check, the page's own checks.
  void ScanPage(const Page& page, const RenderedPage& rendered, PageOutcome& outcome) {
    if (!rendered.ok) return;
    HtmlScan scan = ScanHtml(rendered.html);
    if (options_.check_only) CheckPageHtml(site_.languages[page.lang_index], page, scan, *sources_, diags_);
    outcome.entry.links = std::move(scan.links);
    // A section's later list pages (page/2/..., its last attachments) are checked with its links.
    size_t list_pages = static_cast<size_t>(ListPageCount(page) - 1);
    for (size_t i = rendered.attachments.size() - list_pages; i < rendered.attachments.size(); ++i) {
      PageLinks more = ScanHtml(rendered.attachments[i].bytes).links;
      PageLinks& own = outcome.entry.links;
      own.links.insert(own.links.end(), more.links.begin(), more.links.end());
      own.language_links.insert(own.language_links.end(), more.language_links.begin(),
                                more.language_links.end());
    }
  }

  // Writes a file of the output, or in a check only notes it; either way it is known to the link check.
  OutputWriter::Claim Put(const std::string& path, std::string_view bytes) {
    if (writer_) {
      OutputWriter::Claim claim = writer_->Write(path, bytes);
      if (claim == OutputWriter::Claim::kOk) Written({path});
      return claim;
    }
    std::lock_guard lock(written_mutex_);
    return written_.insert(path).second ? OutputWriter::Claim::kOk : OutputWriter::Claim::kTaken;
  }

  void Written(const std::vector<std::string>& paths) {
    std::lock_guard lock(written_mutex_);
    written_.insert(paths.begin(), paths.end());
  }

  // Every link of every page against every file written, pages carried over included (their ids
  // and links come from the cache).
  bool CheckAllLinks() {
    std::vector<Page*> pages = site_.AllPages();
    SiteLinks links;
    links.outputs = std::move(written_);
    for (size_t i = 0; i < pages.size(); ++i) {
      links.pages.push_back(pages[i]);
      links.links.push_back(outcomes_[i].entry.files.empty() ? nullptr : &outcomes_[i].entry.links);
    }
    LinkCheckOptions options;
    options.other_language = options_.check_only;
    if (keep_) options.by_page = &keep_->link_findings;
    CheckLinks(site_, links, options, *sources_, diags_);
    WarnUnusedImages(site_, links, diags_);
    if (keep_) keep_->outputs = std::move(links.outputs);
    return true;
  }

  // The cache is removed before the output changes and written after, so it never describes
  // other files than those in the folder.
  bool Commit() {
    std::error_code ec;
    fs::remove(writer_->StatePath("cache"), ec);
    if (!writer_->Commit(diags_)) return false;
    FaultPoint("cache");
    BuildCache next;
    next.inputs = inputs_;
    next.next_change_ms = held_.next_change_ms;
    for (const Language& lang : site_.languages)
      next.pages_per_language.emplace_back(lang.code(), lang.pages.size());
    std::vector<Page*> pages = site_.AllPages();
    for (size_t i = 0; i < pages.size(); ++i)
      next.pages[pages[i]->source_path] = keep_ ? outcomes_[i].entry : std::move(outcomes_[i].entry);
    for (const Diagnostic& d : diags_.Sorted())
      if (d.severity == Severity::kWarning) next.warnings.push_back(d);
    next.Save(writer_->StatePath("cache"));
    return true;
  }

  const BuildOptions& options_;
  Diagnostics& diags_;
  Site site_;
  Theme theme_;
  bool theme_ok_ = false;
  DirectiveRegistry directives_;
  uint64_t inputs_ = 0;
  int64_t now_ms_ = 0;
  HeldBack held_;
  bool nothing_changed_ = false;
  std::vector<Diagnostic> last_warnings_;
  std::vector<std::pair<std::string, size_t>> last_counts_;
  std::unique_ptr<OutputWriter> writer_;  // none in a check
  std::mutex written_mutex_;
  std::set<std::string> written_;  // every file of the output, for the link check
  std::unique_ptr<SourceMap> sources_;
  std::atomic<size_t> upgraded_{0};  // warnings --strict made errors
  std::vector<PageOutcome> outcomes_;
  BuildReport report_;
  KeptSite* keep_;  // `tandem serve`'s, or none
};

}  // namespace

BuildReport Build(const BuildOptions& options, Diagnostics& diags, KeptSite* keep) {
  Builder builder(options, diags, keep);
  BuildReport report = builder.Run();
  if (keep && report.ok) builder.KeepSite();
  return report;
}

std::optional<int64_t> ParseBuildClock(const std::string& text) {
  auto when = ParseDateTime(text);
  if (!when) return std::nullopt;
  int64_t ms = TimeZone("UTC").ToEpochMs(*when);
  return ms > 0 ? std::optional<int64_t>(ms) : std::nullopt;  // 0 stands for "the system clock"
}

}  // namespace tandem
