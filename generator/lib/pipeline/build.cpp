#include "pipeline/build.hpp"

#include <algorithm>
#include <chrono>
#include <string>

#include "i18n/time_zone.hpp"
#include "pipeline/live_site.hpp"
#include "pipeline/phases.hpp"
#include "support/fault.hpp"
#include "support/files.hpp"
#include "support/parallel.hpp"

namespace tandem {

const std::vector<Stage>& Stages() {
  static const std::vector<Stage> stages = {
      {"load", "config", Runs::kAlways, LoadSiteConfig},
      {"load", "checks", Runs::kAlways, ApplyChecks},
      {"load", "theme", Runs::kAlways, LoadTheme},
      {"load", "unchanged?", Runs::kWriting, CheckInputs},
      {"load", "languages", Runs::kAlways, CreateLanguages},
      {"load", "data", Runs::kAlways, LoadData},
      {"load", "content", Runs::kAlways, LoadAllContent},
      {"assemble", "page params", Runs::kAlways, CheckPageParams},
      {"assemble", "titles", Runs::kAlways, GiveMissingTitles},
      {"assemble", "summaries", Runs::kAlways, SummarizeAll},
      {"assemble", "sections", Runs::kAlways, BuildSections},
      {"assemble", "menus", Runs::kAlways, ResolveAllMenus},
      {"assemble", "urls", Runs::kAlways, AssignAllUrls},
      {"assemble", "translations", Runs::kAlways, PairAll},
      {"assemble", "dates", Runs::kAlways, AssignAllDates},
      {"assemble", "order", Runs::kAlways, OrderByDate},
      {"assemble", "taxonomies", Runs::kAlways, MakeAllTaxonomies},
      {"assemble", "stale translations", Runs::kChecking, CheckTranslationsAge},
      {"assemble", "layouts", Runs::kAlways, CheckLayouts},
      {"render", "output", Runs::kWriting, PrepareOutput},
      {"render", "pages", Runs::kAlways, RenderAllPages},
      {"emit", "site files", Runs::kAlways, WriteThemeFiles},
      {"emit", "publish", Runs::kAlways, WritePublishFiles},
      {"emit", "aliases", Runs::kAlways, WriteAliases},
      {"emit", "page files", Runs::kAlways, CopyBundleFiles},
      {"emit", "static files", Runs::kAlways, CopyStaticFiles},
      {"emit", "links", Runs::kAlways, CheckAllLinks},
      {"commit", "commit", Runs::kWriting, Commit},
  };
  return stages;
}

const std::vector<const char*>& Phases() {
  static const std::vector<const char*> phases = {"load", "assemble", "render", "emit", "commit"};
  return phases;
}

BuildState::BuildState(const BuildOptions& options, Diagnostics& diags, KeptSite* keep)
    : options(options), diags(diags), keep(keep), directives(BuiltinDirectives()) {}

unsigned BuildState::Jobs() const {
  return std::min(options.jobs ? options.jobs : DefaultJobs(), kMaxJobs);
}

int64_t BuildState::Now() {
  if (now_ms_ == 0)
    now_ms_ = options.now_ms ? options.now_ms
                             : std::chrono::duration_cast<std::chrono::milliseconds>(
                                   std::chrono::system_clock::now().time_since_epoch())
                                   .count();
  return now_ms_;
}

std::unique_ptr<Watchdog> BuildState::WatchPages() {
  Watchdog::Limits limits;
  limits.limit = std::chrono::seconds(PageTimeout());
  auto say = options.say ? options.say : [](const std::string&) {};
  // A page past the time limit cannot be interrupted: the build ends, leaving the output as it was.
  return std::make_unique<Watchdog>(Jobs(), limits, say, [this](const std::string& page) {
    StopPastLimit(page, PageTimeout(), [this] {
      if (writer) writer->Abort();
    });
  });
}

unsigned BuildState::PageTimeout() const {
  return options.page_timeout ? options.page_timeout : static_cast<unsigned>(site.config.page_timeout);
}

OutputWriter::Claim BuildState::Put(const std::string& path, std::string_view bytes) {
  if (writer) {
    OutputWriter::Claim claim = writer->Write(path, bytes);
    if (claim == OutputWriter::Claim::kOk) Written({path});
    return claim;
  }
  std::lock_guard lock(written_mutex);
  return written.insert(path).second ? OutputWriter::Claim::kOk : OutputWriter::Claim::kTaken;
}

void BuildState::Written(const std::vector<std::string>& paths) {
  std::lock_guard lock(written_mutex);
  written.insert(paths.begin(), paths.end());
}

bool BuildState::Blocked() const {
  return options.check_only ? diags.error_count() > upgraded : diags.has_errors();
}

namespace {

using Clock = std::chrono::steady_clock;

double MsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

bool RunsIn(const Stage& stage, const BuildOptions& options) {
  switch (stage.runs) {
    case Runs::kAlways:
      return true;
    case Runs::kWriting:
      return !options.check_only;
    case Runs::kChecking:
      return options.check_only;
  }
  return false;
}

// Runs one stage, timing it. A failed read or write is the user's to fix, named by its file;
// anything else thrown is tandem's own fault.
bool RunStage(const Stage& stage, BuildState& s) {
  auto start = Clock::now();
  bool ok = false;
  try {
    FaultPoint(stage.name);
    ok = stage.run(s);
  } catch (const IoError& e) {
    s.diags.Error({e.path()}, std::string(e.what()).substr(e.path().size() + 2));
  } catch (const std::exception& e) {
    s.diags.Error({s.site.source_dir}, std::string("internal error in stage \"") + stage.name +
                                           "\": " + e.what() + "; please report it");
  }
  s.report.stage_ms.emplace_back(stage.name, MsSince(start));
  return ok;
}

// Nothing to do: say what the last build said.
void ReportNothingChanged(BuildState& s) {
  for (const Diagnostic& d : s.last_warnings) s.diags.Add(d);
  s.report.pages_per_language = s.last_counts;
}

BuildReport Report(BuildState& s, bool ok, Clock::time_point start) {
  BuildReport& report = s.report;
  report.ok = ok;
  report.nothing_changed = s.nothing_changed;
  report.total_ms = MsSince(start);
  for (const PageOutcome& o : s.outcomes) report.pages_rendered += o.rendered ? 1 : 0;
  if (s.writer && !s.nothing_changed) {
    report.files_written = s.writer->stats().written;
    report.files_unchanged = s.writer->stats().unchanged;
    report.files_removed = s.writer->stats().removed;
  }
  if (!s.nothing_changed)
    for (const Language& lang : s.site.languages)
      report.pages_per_language.emplace_back(lang.code(), lang.pages.size());
  return report;
}

// Hands what a successful build assembled to `tandem serve` (pipeline/live_site.hpp).
void KeepSite(BuildState& s) {
  s.keep->site = std::move(s.site);
  s.keep->theme = std::move(s.theme);
  s.keep->directives = std::move(s.directives);
  for (PageOutcome& outcome : s.outcomes) s.keep->entries.push_back(std::move(outcome.entry));
  s.keep->diagnostics = s.diags.Sorted();
}

}  // namespace

bool RunPhase(const char* phase, BuildState& s) {
  for (const Stage& stage : Stages())
    if (std::string_view(stage.phase) == phase && RunsIn(stage, s.options) && !RunStage(stage, s))
      return false;
  return true;
}

BuildReport Build(const BuildOptions& options, Diagnostics& diags, KeptSite* keep) {
  auto start = Clock::now();
  BuildState s(options, diags, keep);
  bool ok = true;
  for (const char* phase : Phases())
    if (!(ok = RunPhase(phase, s))) break;
  if (s.nothing_changed) ReportNothingChanged(s), ok = true;
  if (!ok && s.writer) s.writer->Abort();
  BuildReport report = Report(s, ok && !diags.has_errors(), start);
  if (keep && report.ok) KeepSite(s);
  return report;
}

std::optional<int64_t> ParseBuildClock(const std::string& text) {
  auto when = ParseDateTime(text);
  if (!when) return std::nullopt;
  int64_t ms = TimeZone("UTC").ToEpochMs(*when);
  return ms > 0 ? std::optional<int64_t>(ms) : std::nullopt;  // 0 stands for "the system clock"
}

}  // namespace tandem
