#include "build.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <future>
#include <map>

#include "cache.hpp"
#include "config.hpp"
#include "content.hpp"
#include "dates.hpp"
#include "funding.hpp"
#include "markdown.hpp"
#include "output.hpp"
#include "parallel.hpp"
#include "render.hpp"
#include "site.hpp"
#include "text.hpp"
#include "theme.hpp"
#include "translations.hpp"
#include "urls.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

using Clock = std::chrono::steady_clock;

double MsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Holds everything one build needs, and runs its stages in order.
class Builder {
 public:
  Builder(const BuildOptions& options, Diagnostics& diags) : options_(options), diags_(diags) {}

  BuildReport Run() {
    auto start = Clock::now();
    bool ok =
        Stage("config", [&] { return LoadSiteConfig(); }) &&
        Stage("theme", [&] { return theme_.Load(site_.config, site_.source_dir, diags_); }) &&
        Stage("unchanged?", [&] { return CheckInputs(); }) && !nothing_changed_ &&
        Stage("locales", [&] { return CreateLocales(); }) &&
        Stage("data", [&] { return funding_.Load(site_.source_dir, diags_); }) &&
        Stage("content", [&] { return LoadAllContent(); }) &&
        Stage("sections", [&] { return Run(BuildSectionTree); }) &&
        Stage("urls", [&] { return AssignAllUrls(); }) && Stage("translations", [&] { return PairAll(); }) &&
        Stage("dates", [&] { return Run(AssignDates); }) &&
        Stage("layouts", [&] { return CheckLayouts(); }) &&
        Stage("output", [&] { return writer_->Prepare(options_.force, diags_); }) &&
        Stage("cache", [&] { return ReuseUnchangedPages(); }) &&
        Stage("pages", [&] { return RenderAllPages(); }) &&
        Stage("site files", [&] { return WriteSiteFiles(); }) &&
        Stage("static files", [&] { return CopyStaticFiles(); }) && Stage("commit", [&] { return Commit(); });
    if (nothing_changed_) ok = ReportNothingChanged();
    report_.nothing_changed = nothing_changed_;
    for (const Page* page : site_.AllPages()) report_.pages_rendered += page->reused ? 0 : 1;
    if (!ok && writer_) writer_->Abort();
    report_.ok = ok && !diags_.has_errors();
    report_.total_ms = MsSince(start);
    if (writer_ && !nothing_changed_) {
      report_.files_written = writer_->stats().written;
      report_.files_unchanged = writer_->stats().unchanged;
      report_.files_removed = writer_->stats().removed;
    }
    if (!nothing_changed_)
      for (const Language& lang : site_.languages)
        report_.pages_per_language.emplace_back(lang.config->code, lang.pages.size());
    return report_;
  }

 private:
  // Runs one stage, timing it; a build stops at the first stage that reports errors.
  bool Stage(const char* name, const std::function<bool()>& stage) {
    auto start = Clock::now();
    bool ok = false;
    try {
      ok = stage() && !diags_.has_errors();
    } catch (const std::exception& e) {
      diags_.Error({site_.source_dir}, std::string("internal error in stage \"") + name + "\": " + e.what());
    }
    report_.stage_ms.emplace_back(name, MsSince(start));
    return ok;
  }

  // Everything a build reads, besides the files: a change to any forces a real build.
  std::string BuildIdentity() const {
    std::vector<std::string> parts = {TANDEM_VERSION, options_.drafts ? "drafts" : "",
                                      options_.strict ? "strict" : "", GitHead(site_.source_dir)};
    struct stat st;
    if (stat("/proc/self/exe", &st) == 0)
      parts.insert(parts.end(), {std::to_string(st.st_size), std::to_string(st.st_mtim.tv_sec),
                                 std::to_string(st.st_mtim.tv_nsec)});
    std::string identity;
    for (const std::string& part : parts) identity.append(part).push_back('\n');
    return identity;
  }

  bool CheckInputs() {
    if (!writer_->Lock(diags_)) return false;
    cache_ = BuildCache::Load(writer_->StatePath("cache"), /*with_pages=*/false);
    // With a last build to compare with, its output is checked while the inputs are hashed:
    // both are mostly stat calls, and a build with nothing changed needs both.
    std::future<bool> output_intact;
    if (cache_.inputs != 0)
      output_intact = std::async(std::launch::async,
                                 [&] { return writer_->IsUpToDate(Jobs(), &report_.files_unchanged); });
    inputs_ =
        InputSignature(site_.source_dir, {"site.toml", "content", "data", "static", "i18n", theme_.dir()},
                       BuildIdentity(), Jobs());
    nothing_changed_ = output_intact.valid() && output_intact.get() && cache_.inputs == inputs_;
    if (!nothing_changed_) report_.files_unchanged = 0;
    return true;
  }

  // Nothing to do: say what the last build said.
  bool ReportNothingChanged() {
    for (const Diagnostic& d : cache_.warnings) diags_.Add(d);
    report_.pages_per_language = cache_.pages_per_language;
    return true;
  }

  // A page whose key matches the last build's, and whose files are intact, is carried over.
  bool ReuseUnchangedPages() {
    cache_ = BuildCache::Load(writer_->StatePath("cache"));  // now with the page table the check skipped
    uint64_t global_hash = HashBytes(std::string(TANDEM_VERSION) + '\0' + theme_.strings_fingerprint() +
                                     '\0' + ReadFile(site_.source_dir + "/site.toml"));
    uint64_t funding_hash = HashBytes(funding_.fingerprint());
    std::map<std::string, uint64_t> template_hashes;  // a page depends on its own template only
    for (const auto& [name, text] : theme_.templates()) template_hashes[name] = HashBytes(text);
    std::vector<Page*> pages = site_.AllPages();
    ParallelFor(pages.size(), Jobs(), [&](size_t i, unsigned) {
      Page& page = *pages[i];
      page.cache_key = PageKey(page, global_hash, funding_hash, template_hashes.at(TemplateName(page)));
      auto cached = cache_.pages.find(page.source_path);
      if (cached == cache_.pages.end() || cached->second.key != page.cache_key) return;
      const std::vector<std::string>& files = cached->second.files;
      if (files.empty() ||
          !std::all_of(files.begin(), files.end(), [&](const std::string& f) { return writer_->CanKeep(f); }))
        return;
      for (const std::string& file : files)
        if (!writer_->Keep(file))
          diags_.Error({page.source_path}, "another file is already written to " + file);
      page.reused = true;
      page.reused_files = files;
      page.render_warnings = cached->second.warnings;
      for (const Diagnostic& d : page.render_warnings) diags_.Add(d);
    });
    return true;
  }

  uint64_t PageKey(const Page& page, uint64_t global_hash, uint64_t funding_hash,
                   uint64_t template_hash) const {
    std::string key = PageContextKey(site_, page);
    uint64_t parts[] = {page.source_hash, global_hash, template_hash,
                        page.body.find("funding") != std::string::npos ? funding_hash : 0, HashBytes(key)};
    return HashBytes(std::string_view(reinterpret_cast<const char*>(parts), sizeof parts));
  }

  // The cache is removed before the output changes and written after, so it never describes other files.
  bool Commit() {
    if (diags_.has_errors()) return false;
    std::error_code ec;
    fs::remove(writer_->StatePath("cache"), ec);
    if (!writer_->Commit(diags_)) return false;
    BuildCache next;
    next.inputs = inputs_;
    for (const Language& lang : site_.languages)
      next.pages_per_language.emplace_back(lang.config->code, lang.pages.size());
    for (const Page* page : site_.AllPages()) {
      CachedPage& entry = next.pages[page->source_path];
      entry.key = page->cache_key;
      entry.warnings = page->render_warnings;
      if (page->reused) {
        entry.files = page->reused_files;
      } else {
        entry.files.push_back(page->output_path);
        for (const auto& [path, bytes] : page->attachments) entry.files.push_back(path);
      }
    }
    for (const Diagnostic& d : diags_.Sorted())
      if (d.severity == Severity::kWarning) next.warnings.push_back(d);
    next.Save(writer_->StatePath("cache"));
    return true;
  }

  bool Run(void (*stage)(Site&, Diagnostics&)) {
    stage(site_, diags_);
    return true;
  }

  bool LoadSiteConfig() {
    site_.source_dir = fs::absolute(options_.source_dir).lexically_normal().string();
    if (site_.source_dir.size() > 1 && site_.source_dir.back() == '/') site_.source_dir.pop_back();
    diags_.set_source_root(site_.source_dir);
    std::string out = options_.output_dir.empty() ? site_.source_dir + "/public" : options_.output_dir;
    writer_ = std::make_unique<OutputWriter>(fs::absolute(out).lexically_normal().string());
    return LoadConfig(site_.source_dir, site_.config, diags_);
  }

  bool CreateLocales() {
    for (const LanguageConfig& config : site_.config.languages) {
      Language lang;
      lang.config = &config;
      try {
        lang.locale = std::make_unique<Locale>(config.locale);
      } catch (const std::exception& e) {
        diags_.Error({"site.toml"}, "[languages." + config.code + "] locale \"" + config.locale +
                                        "\" is not usable: " + e.what() + "; use a tag like \"en-CA\"");
        return false;
      }
      site_.languages.push_back(std::move(lang));
    }
    return true;
  }

  bool LoadAllContent() {
    LoadContent(site_, LoadOptions{options_.drafts, Jobs()}, diags_);
    return true;
  }

  bool AssignAllUrls() {
    AssignUrls(site_, diags_);
    CheckOutputCollisions(site_, diags_);
    return true;
  }

  bool PairAll() {
    PairTranslations(site_, options_.strict, diags_);
    return true;
  }

  bool CheckLayouts() {
    for (const Page* page : site_.AllPages()) {
      std::string name = TemplateName(*page);
      if (theme_.HasTemplate(name)) continue;
      std::vector<std::string> names;
      for (const auto& [n, text] : theme_.templates()) names.push_back(n);
      diags_.Error(page->meta.layout_pos.line ? page->meta.layout_pos : SourcePos{page->source_path},
                   "missing template: layout \"" + name + "\" needs " + theme_.dir() + "/templates/" + name +
                       ".mustache" + DidYouMeanSuffix(name, names));
    }
    return true;
  }

  unsigned Jobs() const { return options_.jobs ? options_.jobs : DefaultJobs(); }

  // Markdown, then the page's template, then its file: a page's Markdown and HTML are
  // freed as soon as it is written, which keeps peak memory to what the pages in flight need.
  bool RenderAllPages() {
    std::vector<Page*> pages = site_.AllPages();
    unsigned jobs = Jobs();
    std::vector<std::unique_ptr<TemplateSet>> sets(jobs);
    std::vector<double> ms(pages.size());
    std::vector<Data> layers;
    for (size_t i = 0; i < site_.languages.size(); ++i) layers.push_back(LanguageLayer(site_, theme_, i));
    ParallelFor(pages.size(), jobs, [&](size_t i, unsigned worker) {
      auto start = Clock::now();
      Page& page = *pages[i];
      if (page.reused || !RenderContent(page)) return;
      if (!sets[worker]) sets[worker] = std::make_unique<TemplateSet>(theme_);
      WritePage(page,
                sets[worker]->Render(TemplateName(page), layers[page.lang_index], PageData(site_, page)));
      ms[i] = MsSince(start);
    });
    for (size_t i = 0; i < pages.size(); ++i) page_ms_[pages[i]->source_path] += ms[i];
    CollectSlowest();
    return true;
  }

  // The page's Markdown to HTML; its warnings are kept with the page for the cache.
  bool RenderContent(Page& page) {
    if (!CheckMarkdownLimits(page.source_path, page.body, page.body_line, diags_)) return false;
    Diagnostics page_diags;
    page_diags.set_source_root(site_.source_dir);
    page.content_html = RenderPageMarkdown(page, page_diags);
    std::string().swap(page.body);
    for (Diagnostic& d : page_diags.Sorted()) {
      if (d.severity == Severity::kWarning) page.render_warnings.push_back(d);
      diags_.Add(std::move(d));
    }
    return true;
  }

  void WritePage(Page& page, const std::string& html) {
    if (!writer_->Write(page.output_path, html))
      diags_.Error({page.source_path}, "another file is already written to " + page.output_path);
    for (const auto& [path, bytes] : page.attachments)
      if (!writer_->Write(path, bytes))
        diags_.Error({page.source_path}, "another file is already written to " + path);
    std::string().swap(page.content_html);
    for (auto& attachment : page.attachments)
      std::string().swap(attachment.second);  // the cache needs the paths
  }

  const std::string& UiString(const Language& lang, const std::string& key) const {
    static const std::string kMissing;
    const Strings& strings = theme_.StringsFor(lang.config->code);
    auto it = strings.find(key);
    return it == strings.end() ? kMissing : it->second;
  }

  // Markdown with the site's data: ```funding tables and {{funding:...}} figures.
  std::string RenderPageMarkdown(Page& page, Diagnostics& diags) {
    const Language& lang = site_.languages[page.lang_index];
    FundingContext ctx;
    ctx.source_path = page.source_path;
    ctx.first_line = page.body_line;
    ctx.lang = lang.config->code;
    ctx.locale = lang.locale.get();
    ctx.strings = &theme_.StringsFor(lang.config->code);
    ctx.page_output_dir = page.output_path.substr(0, page.output_path.rfind('/') + 1);
    ctx.page_url_path = page.url_path;
    ctx.attachments = &page.attachments;
    MarkdownOptions md;
    md.allow_raw_html = site_.config.allow_raw_html;
    md.footnote_back_label = UiString(lang, "footnote_back");
    md.block_hook = [&](std::string_view info, std::string_view body,
                        int line) -> std::optional<std::string> {
      if (info.substr(0, info.find(' ')) != "funding") return std::nullopt;
      return funding_.RenderTable(body, line, ctx, diags).value_or("");
    };
    md.directive_hook = [&](std::string_view directive, int line, int column) -> std::optional<std::string> {
      if (!StartsWith(directive, "funding:")) return std::nullopt;
      return funding_.RenderFigure(directive, line, column, ctx, diags).value_or("");
    };
    return RenderMarkdown(page.body, md);
  }

  void CollectSlowest() {
    for (const auto& [path, ms] : page_ms_) report_.slowest_pages.push_back({path, ms});
    std::sort(report_.slowest_pages.begin(), report_.slowest_pages.end(),
              [](const PageTiming& a, const PageTiming& b) { return a.ms > b.ms; });
    if (report_.slowest_pages.size() > 10) report_.slowest_pages.resize(10);
  }

  bool WriteSiteFiles() {
    TemplateSet templates(theme_);
    Data data = SiteLevelData(site_, theme_);
    WriteOwn("index.html", templates.Render("splash", data));
    std::string not_found = templates.Render("404", data);
    WriteOwn("404.html", not_found);
    // A language on a host of its own serves its own 404.
    for (const Language& lang : site_.languages)
      if (!StartsWith(lang.config->base_url, site_.config.base_url))
        WriteOwn(lang.config->output_dir + "/404.html", not_found);
    WriteOwn("sitemap.xml", SitemapXml(site_));
    WriteOwn("robots.txt", RobotsTxt(site_));
    return true;
  }

  void WriteOwn(const std::string& rel, const std::string& bytes) {
    if (!writer_->Write(rel, bytes))
      diags_.Error({rel}, "a page is written to " + rel +
                              ", which tandem needs for the site itself; give it another slug");
  }

  // The site's static/ files override the theme's; neither may replace a generated page.
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
    for (const auto& [rel, source] : files)
      if (!writer_->CopyFrom(rel, source))
        diags_.Error({fs::path(source).lexically_relative(site_.source_dir).generic_string()},
                     "this static file would replace the generated " + rel + "; rename or move it");
    return true;
  }

  const BuildOptions& options_;
  Diagnostics& diags_;
  Site site_;
  Theme theme_;
  FundingData funding_;
  BuildCache cache_;
  uint64_t inputs_ = 0;
  bool nothing_changed_ = false;
  std::unique_ptr<OutputWriter> writer_;
  std::map<std::string, double> page_ms_;
  BuildReport report_;
};

}  // namespace

BuildReport Build(const BuildOptions& options, Diagnostics& diags) {
  return Builder(options, diags).Run();
}

}  // namespace tandem
