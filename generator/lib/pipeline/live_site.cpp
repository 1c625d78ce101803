#include "pipeline/live_site.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <tuple>

#include "assemble/dates.hpp"
#include "assemble/structure.hpp"
#include "check/codes.hpp"
#include "check/html_scan.hpp"
#include "check/links.hpp"
#include "check/source_map.hpp"
#include "content/front_matter.hpp"
#include "content/lists.hpp"
#include "markdown/markdown.hpp"
#include "output/beneath.hpp"
#include "output/writer.hpp"
#include "pipeline/phases.hpp"
#include "pipeline/watchdog.hpp"
#include "render/page_view.hpp"
#include "render/render_page.hpp"
#include "support/fault.hpp"
#include "support/files.hpp"
#include "support/text.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

using Clock = std::chrono::steady_clock;

double MsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string Normal(const std::string& path) {
  return fs::absolute(path).lexically_normal().string();
}

bool Before(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.severity, a.pos.path, a.pos.line, a.pos.column, a.message, a.source_line, a.code) <
         std::tie(b.severity, b.pos.path, b.pos.line, b.pos.column, b.message, b.source_line, b.code);
}

// `all` without one copy of each of `some`.
std::vector<Diagnostic> Without(std::vector<Diagnostic> all, std::vector<Diagnostic> some) {
  std::sort(all.begin(), all.end(), Before);
  std::sort(some.begin(), some.end(), Before);
  std::vector<Diagnostic> rest;
  std::set_difference(all.begin(), all.end(), some.begin(), some.end(), std::back_inserter(rest), Before);
  return rest;
}

bool SameStructure(const PageStructure& a, const PageStructure& b) {
  return a.headings == b.headings && a.tables == b.tables && a.funding == b.funding;
}

// Whether the file now read as `text` differs from what the site was built from only in what
// the page's own HTML shows: its Markdown, with the same front matter (so the same FrontMatter,
// positions included), summary, structure and date modified.
bool OnlyBodyChanged(const Site& site, const Page& page, std::string_view old_body, const std::string& text,
                     const PageSource& parsed) {
  size_t head = text.size() - parsed.body.size();
  if (page.implicit || page.title_from_heading || head != page.front_matter.size() ||
      text.compare(0, head, page.front_matter) != 0 || parsed.body_line != page.body_line)
    return false;
  if (page.meta.summary.empty() && SummaryText(parsed.body) != page.summary) return false;
  if (!SameStructure(StructureOf(old_body), StructureOf(parsed.body))) return false;
  bool dated_by_file = page.meta.modified.empty() && page.history.last == FileHistory::kNone;
  return !dated_by_file || FileDate(page.fs_path, *site.time_zone) == page.modified;
}

// The output paths of a rendered page: its own, then its attachments'.
std::vector<std::string> FilesOf(const Page& page, const RenderedPage& rendered) {
  std::vector<std::string> files = {page.output_path};
  for (const Attachment& a : rendered.attachments) files.push_back(a.path);
  return files;
}

// Its ids and links, as the build's link check takes them (pipeline/render.cpp).
PageLinks LinksOf(const Page& page, const RenderedPage& rendered) {
  PageLinks own = ScanHtml(rendered.html).links;
  AddListPageLinks(page, rendered, own);
  return own;
}

// Whether the file `name` in `dir` holds `bytes`; a link there never does.
bool Holds(const DirFd& dir, const std::string& name, std::string_view bytes) {
  int fd = openat(dir.get(), name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  std::string held;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) == bytes.size()) {
    held.resize(bytes.size());
    size_t got = 0;
    while (got < held.size()) {
      ssize_t n = read(fd, held.data() + got, held.size() - got);
      if (n > 0)
        got += static_cast<size_t>(n);
      else if (n == 0 || errno != EINTR)
        break;
    }
    held.resize(got);
  }
  close(fd);
  return held.size() == bytes.size() && held == bytes;
}

// Writes `bytes` to the file `rel` of the output folder `root` unless it holds them already (its
// time then stays): reached as the writer reaches it, never through a link, and replaced at once
// (a request served meanwhile gets the old file or the new). Whether it wrote; throws IoError.
bool WriteIfChanged(const DirFd& root, const std::string& rel, std::string_view bytes) {
  size_t slash = rel.rfind('/');
  std::string name = rel.substr(slash == std::string::npos ? 0 : slash + 1);
  DirFd dir = IsPlainRelativePath(rel)
                  ? OpenDirBeneath(root, slash == std::string::npos ? "" : rel.substr(0, slash), false)
                  : DirFd();
  if (!dir.ok()) throw IoError(rel, "cannot write: its folder is gone, or is a link");
  if (Holds(dir, name, bytes)) return false;
  std::string temporary = name + ".tmp" + std::to_string(getpid());
  unlinkat(dir.get(), temporary.c_str(), 0);
  int fd = openat(dir.get(), temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) throw IoError(rel, "cannot write");
  bool ok = true;
  while (ok && !bytes.empty()) {
    ssize_t n = write(fd, bytes.data(), bytes.size());
    if (n > 0)
      bytes.remove_prefix(static_cast<size_t>(n));
    else
      ok = n < 0 && errno == EINTR;
  }
  ok = close(fd) == 0 && ok;
  if (!ok || renameat(dir.get(), temporary.c_str(), dir.get(), name.c_str()) != 0) {
    unlinkat(dir.get(), temporary.c_str(), 0);
    throw IoError(rel, "cannot write");
  }
  return true;
}

}  // namespace

// The kept site, and each page's part of what the site reports, so that one page's can be
// replaced: what rendering it found and what the link check found in it, after [checks].
struct LiveSite::State {
  std::unique_ptr<KeptSite> kept;
  std::string output_dir;
  std::vector<Page*> pages;               // kept->site.AllPages()
  std::map<std::string, size_t> by_file;  // a page's file (absolute, normal) -> its index
  SiteLinks links;                        // pages, their links and every output, for the link check
  std::vector<bool> failed;               // the last render of the page had errors
  std::vector<std::vector<Diagnostic>> rendering, linking;  // by page
  std::vector<Diagnostic> unused_images;                    // of the whole site, after [checks]
  std::vector<Diagnostic> others;                           // the rest of the build's
  std::atomic<size_t> upgraded{0};
  Diagnostics::Policy policy;
  std::unique_ptr<PageRenderer> renderer;               // made when a page is first rendered again
  std::map<std::string, std::set<size_t>> linked_from;  // a link's target -> the pages with one
  bool indexed = false;                                 // linked_from is made

  State(std::unique_ptr<KeptSite> site, const BuildOptions& options, std::string output)
      : kept(std::move(site)) {
    output_dir = std::move(output);
    policy = ChecksPolicy(kept->site.config.checks, options.strict ? Strictness::kBuild : Strictness::kNone,
                          &upgraded);
    pages = kept->site.AllPages();
    kept->entries.resize(pages.size());
    kept->link_findings.resize(pages.size());
    failed.assign(pages.size(), false);
    std::vector<Diagnostic> owned;
    for (size_t i = 0; i < pages.size(); ++i) {
      if (!pages[i]->implicit) by_file[Normal(pages[i]->fs_path)] = i;
      links.pages.push_back(pages[i]);
      links.links.push_back(kept->entries[i].files.empty() ? nullptr : &kept->entries[i].links);
      rendering.push_back(Judged(kept->entries[i].warnings));
      linking.push_back(Judged(kept->link_findings[i]));
      owned.insert(owned.end(), rendering.back().begin(), rendering.back().end());
      owned.insert(owned.end(), linking.back().begin(), linking.back().end());
    }
    links.outputs = std::move(kept->outputs);
    IndexPages(links);
    unused_images = Judged(kept->unused_images);
    owned.insert(owned.end(), unused_images.begin(), unused_images.end());
    others = Without(std::move(kept->diagnostics), std::move(owned));
  }

  // `found` as the build reports it: through site.toml's [checks] and --strict.
  std::vector<Diagnostic> Judged(std::vector<Diagnostic> found) const {
    Diagnostics judged;
    judged.SetPolicy(policy);
    judged.AddAll(std::move(found));
    return judged.Sorted();
  }

  const PageRenderer& Renderer() {
    if (!renderer) renderer = std::make_unique<PageRenderer>(kept->site, kept->theme, kept->directives, 1);
    return *renderer;
  }

  // Checks the links of the pages where `which` is true again, replacing what they found.
  void CheckLinksOf(const std::vector<bool>& which) {
    std::vector<std::vector<Diagnostic>> found;
    LinkCheckOptions options;
    options.only = &which;
    options.by_page = &found;
    SourceMap sources(kept->theme.dir(), kept->theme.shown_dir());
    Diagnostics unused;
    CheckLinks(kept->site, links, options, sources, unused);
    for (size_t i = 0; i < pages.size(); ++i)
      if (which[i]) linking[i] = Judged(std::move(found[i]));
  }

  // Where the links of page `i` lead in the output folder, as written (the check then looks for
  // the file, or the folder's index.html).
  std::vector<std::string> TargetsOf(size_t i, const PageLinks& page_links) const {
    std::vector<std::string> targets;
    std::string target, fragment;
    for (const std::vector<std::string>* hrefs : {&page_links.links, &page_links.language_links})
      for (const std::string& href : *hrefs)
        if (ResolveLink(kept->site, *pages[i], href, target, fragment)) targets.push_back(target);
    return targets;
  }

  void Index(size_t i, const PageLinks& page_links, bool add) {
    for (const std::string& target : TargetsOf(i, page_links)) {
      if (add)
        linked_from[target].insert(i);
      else
        linked_from[target].erase(i);
    }
  }

  // Page `i` and the pages that link to its files. The index of who links where is made the
  // first time it is needed (it resolves every link of the site), then kept up to date.
  std::vector<bool> LinkingTo(size_t i) {
    if (!indexed)
      for (size_t j = 0; j < pages.size(); ++j)
        if (links.links[j]) Index(j, *links.links[j], true);
    indexed = true;
    std::vector<bool> which(pages.size(), false);
    which[i] = true;
    for (const std::string& file : kept->entries[i].files) {
      std::string folder = EndsWith(file, "/index.html") ? file.substr(0, file.size() - 11) : file;
      for (const std::string& target : {file, folder}) {
        auto from = linked_from.find(target);
        if (from != linked_from.end())
          for (size_t j : from->second) which[j] = true;
      }
    }
    return which;
  }

  // Writes the files of `page` that changed; false when the disk refused one (the full build
  // then reports it, and writes every file again).
  bool WriteFiles(const Page& page, const RenderedPage& rendered, BuildReport& report) const {
    try {
      DirFd root = OpenDir(output_dir);
      report.files_written += WriteIfChanged(root, page.output_path, rendered.html);
      for (const Attachment& a : rendered.attachments)
        report.files_written += WriteIfChanged(root, a.path, a.bytes);
    } catch (const IoError&) {
      return false;
    }
    report.files_unchanged = 1 + rendered.attachments.size() - report.files_written;
    return true;
  }

  // Takes what rendering page `i` again gave: its diagnostics, its links, and its links checked,
  // with those of the pages linking to it when its ids changed, or it failed or recovered (a
  // page in error has no output: links to it are missing, as in a full build).
  void Checked(size_t i, RenderedPage rendered) {
    CachedPage& entry = kept->entries[i];
    PageLinks found = rendered.ok ? LinksOf(*pages[i], rendered) : PageLinks{};
    bool every_page = failed[i] == rendered.ok || (rendered.ok && found.ids != entry.links.ids);
    failed[i] = !rendered.ok;
    if (indexed && links.links[i]) Index(i, *links.links[i], false);
    links.links[i] = rendered.ok ? &entry.links : nullptr;
    for (const std::string& file : entry.files) {
      if (rendered.ok)
        links.outputs.insert(file);
      else
        links.outputs.erase(file);
    }
    if (rendered.ok) {
      entry.links = std::move(found);
      entry.dependencies = std::move(rendered.dependencies);
    }
    if (indexed && rendered.ok) Index(i, entry.links, true);
    rendering[i] = Judged(std::move(rendered.diagnostics));
    if (every_page) {
      CheckLinksOf(LinkingTo(i));
    } else if (rendered.ok) {
      std::vector<bool> own(pages.size(), false);
      own[i] = true;
      CheckLinksOf(own);
    }
    // Whether an image of a bundle is used depends on every page's links, this one's included.
    Diagnostics unused;
    WarnUnusedImages(kept->site, links, unused);
    unused_images = Judged(unused.Sorted());
  }

  // Everything the site reports now.
  std::vector<Diagnostic> All() const {
    std::vector<Diagnostic> all = others;
    all.insert(all.end(), unused_images.begin(), unused_images.end());
    for (const auto& list : {&rendering, &linking})
      for (const std::vector<Diagnostic>& page : *list) all.insert(all.end(), page.begin(), page.end());
    return all;
  }
};

LiveSite::LiveSite(BuildOptions options) : options_(std::move(options)) {}

LiveSite::~LiveSite() = default;

BuildReport LiveSite::Build(Diagnostics& diags) {
  state_.reset();  // frees the last site before the next is loaded
  auto kept = std::make_unique<KeptSite>();
  BuildReport report = tandem::Build(options_, diags, kept.get());
  if (!report.ok) return report;
  std::string output = options_.output_dir.empty() ? kept->site.source_dir + "/public" : options_.output_dir;
  state_ = std::make_unique<State>(std::move(kept), options_, Normal(output));
  return report;
}

BuildReport LiveSite::Update(const std::vector<std::string>& changed, Diagnostics& diags) {
  if (std::optional<BuildReport> report = RenderOnePage(changed, diags)) return *report;
  return Build(diags);
}

// The page whose file is `changed`, when it changed in its Markdown alone: nullopt otherwise,
// and for a file with problems of its own (a bad encoding), which are the full build's to
// report. Its front matter's warnings are those the build gave, as it is unchanged.
std::optional<LiveSite::Edit> LiveSite::MarkdownEdit(const std::vector<std::string>& changed) {
  if (!state_ || changed.size() != 1) return std::nullopt;
  State& s = *state_;
  Site& site = s.kept->site;
  auto found = s.by_file.find(Normal(changed.front()));
  if (found == s.by_file.end() || site.config.search.enabled) return std::nullopt;
  Page& page = *s.pages[found->second];
  if (fs::path(page.fs_path).extension() != ".md") return std::nullopt;  // read as Markdown only
  Diagnostics reading;
  std::optional<std::string> text = ReadSourceText(page.fs_path, page.source_path, reading);
  std::optional<PageSource> parsed = text ? ParsePage(page.source_path, *text, reading) : std::nullopt;
  if (!parsed || reading.has_errors() || !OnlyBodyChanged(site, page, site.texts.Peek(&page), *text, *parsed))
    return std::nullopt;
  return Edit{found->second, HashBytes(*text), std::move(parsed->body)};
}

// Renders the page as the build does, under the same watchdog and time limit: past the limit the
// process ends, as a build's would, before this page's files are written.
RenderedPage LiveSite::RenderWatched(const Page& page, std::string body) {
  State& s = *state_;
  const Site& site = s.kept->site;
  unsigned seconds =
      options_.page_timeout ? options_.page_timeout : static_cast<unsigned>(site.config.page_timeout);
  Watchdog::Limits limits;
  limits.limit = std::chrono::seconds(seconds);
  auto say = options_.say ? options_.say : [](const std::string&) {};
  Watchdog watchdog(1, limits, say, [&](const std::string& path) { StopPastLimit(path, seconds, nullptr); });
  watchdog.Start(0, &page.source_path);
  FaultPoint("render");
  RenderedPage rendered =
      s.Renderer().Render(page, std::move(body), PageView(site, page), 0, MoreListPageViews(site, page));
  watchdog.Stop(0);
  return rendered;
}

std::optional<BuildReport> LiveSite::RenderOnePage(const std::vector<std::string>& changed,
                                                   Diagnostics& diags) {
  auto start = Clock::now();
  std::optional<Edit> edit = MarkdownEdit(changed);
  if (!edit) return std::nullopt;
  State& s = *state_;
  Diagnostics locking;
  OutputWriter output(s.output_dir);
  if (!output.Lock(locking)) return std::nullopt;  // another build writes there: it says so

  Site& site = s.kept->site;
  Page& page = *s.pages[edit->index];
  page.source_hash = edit->hash;
  site.texts.Put(&page, edit->body);
  RenderedPage rendered = RenderWatched(page, std::move(edit->body));
  // A page that now writes other files (a CSV more or less) changes what others link to.
  if (rendered.ok && FilesOf(page, rendered) != s.kept->entries[edit->index].files) return std::nullopt;
  BuildReport report;
  if (rendered.ok && !s.WriteFiles(page, rendered, report)) return std::nullopt;
  s.Checked(edit->index, std::move(rendered));

  std::vector<Diagnostic> all = s.All();
  report.ok = std::none_of(all.begin(), all.end(),
                           [](const Diagnostic& d) { return d.severity == Severity::kError; });
  diags.AddAll(std::move(all));
  report.single_page = page.source_path;
  report.pages_rendered = 1;
  for (const Language& lang : site.languages)
    report.pages_per_language.emplace_back(lang.code(), lang.pages.size());
  report.total_ms = MsSince(start);
  report.stage_ms.emplace_back("page", report.total_ms);
  report.slowest_pages.push_back({page.source_path, report.total_ms});
  return report;
}

}  // namespace tandem
