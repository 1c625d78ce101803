// tandem: the command line. All the work happens in the core library.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "pipeline/build.hpp"
#include "check_command.hpp"
#include "commands.hpp"
#include "import_command.hpp"
#include "new_command.hpp"
#include "options.hpp"
#include "progress_line.hpp"
#include "self_describe.hpp"
#include "serve_command.hpp"
#include "support/diagnostics.hpp"
#include "support/parallel.hpp"

#ifdef TANDEM_JEMALLOC
// jemalloc reads this at start-up; being compiled in, it changes nothing for the programs
// tandem starts (git). A build allocates in bursts per page and ends soon after: freed pages
// are kept for reuse instead of being given back (bench/README.md has the figures).
extern "C" const char* malloc_conf = "thp:always,metadata_thp:always,dirty_decay_ms:-1,muzzy_decay_ms:-1";
#endif

namespace {

// "1 warning", "2 warnings".
std::string Count(size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

void PrintSummary(const tandem::BuildReport& report, const tandem::Diagnostics& diags, bool stats) {
  if (stats) {
    std::cout << "stages:\n";
    for (const auto& [name, ms] : report.stage_ms) std::printf("  %-14s %9.1f ms\n", name.c_str(), ms);
    std::cout << "slowest pages:\n";
    for (const auto& p : report.slowest_pages) std::printf("  %9.2f ms  %s\n", p.ms, p.path.c_str());
  }
  std::string pages;
  for (const auto& [lang, n] : report.pages_per_language)
    pages += (pages.empty() ? "" : ", ") + lang + ": " + std::to_string(n) + " pages";
  if (!pages.empty()) std::cout << pages << "\n";
  std::string held;
  for (auto [n, why] : {std::pair{report.held_drafts, "draft"}, {report.held_future, "to be published later"},
                        {report.held_expired, "expired"}})
    if (n) held += (held.empty() ? "" : ", ") + std::to_string(n) + " " + why;
  if (!held.empty()) std::cout << "held back: " << held << " (--drafts, --future, --expired build them)\n";
  if (report.nothing_changed)
    std::cout << "nothing changed since the last build\n";
  else if (report.ok && stats)
    std::cout << "pages rendered: " << report.pages_rendered << "\n";
  if (report.ok)
    std::cout << "files: " << report.files_written << " written, " << report.files_unchanged << " unchanged, "
              << report.files_removed << " removed\n";
  std::printf("%s, %s, %.0f ms\n", Count(diags.warning_count(), "warning").c_str(),
              Count(diags.error_count(), "error").c_str(), report.total_ms);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"tandem: a bilingual static site generator for Canada.ca-style sites"};
  app.set_version_flag("--version", std::string("tandem ") + TANDEM_VERSION);
  app.require_subcommand(1);

  tandem::BuildOptions options;
  bool quiet = false, stats = false;
  CLI::App* build = app.add_subcommand("build", "Build the site into its output folder");
  tandem::cli::AddSourceOption(*build, options.source_dir);
  tandem::cli::AddOutputOption(*build, options.output_dir);
  build->add_flag("--drafts", options.drafts, "Include pages marked draft = true");
  build->add_flag("--future", options.future, "Include pages whose publishDate is still to come");
  build->add_flag("--expired", options.expired, "Include pages whose expiryDate has passed");
  // The build's clock, for tests of publish and expiry dates: hidden from --help.
  build->add_option_function<std::string>("--now", [&options](const std::string& when) {
    auto ms = tandem::ParseBuildClock(when);
    if (!ms) throw CLI::ValidationError("--now", "\"" + when + "\" is not a date and time like 2026-01-01T12:00:00Z");
    options.now_ms = *ms;
  })->group("");
  build->add_flag("--strict", options.strict, "Treat a missing translation as an error");
  build->add_flag("--force", options.force, "Write into a non-empty output folder tandem did not make");
  build->add_option("--jobs,-j", options.jobs, "Threads to use (default: one per core)")
      ->check(CLI::Range(1u, tandem::kMaxJobs));
  build
      ->add_option("--page-timeout", options.page_timeout,
                   "Seconds a page may render before the build stops (default: site.toml's, or 30)")
      ->check(CLI::Range(1u, 3600u));
  build
      ->add_option("--base-url", options.base_urls,
                   "Build for another host: URL for the site, CODE=URL for one language (repeatable)");
  build
      ->add_option("--environment,-e", options.environment,
                   "Read site.<environment>.toml over site.toml; any but production is not indexed")
      ->capture_default_str();
  build->add_flag("--quiet,-q", quiet, "Print errors only");
  build->add_flag("--stats", stats, "Print the time of each stage and the slowest pages");

  tandem::cli::AddNewCommand(app);
  tandem::cli::AddImportCommand(app);
  tandem::cli::AddVersionCommand(app);
  tandem::cli::CheckCommand check(app);
  tandem::cli::AddSelfDescriptionCommands(app);  // describes every command, wherever it is added

  tandem::cli::ServeCommand serve(app);

  // Last before parsing: it knows every command added above.
  if (auto status = tandem::cli::CheckCommandWord(app, argc, argv)) return *status;
  if (auto status = tandem::cli::Parse(app, argc, argv)) return *status;
  if (serve.given()) return serve.Run();
  if (check.given()) return check.Run();
  tandem::cli::ProgressLine progress_line(quiet);
  options.progress = progress_line.Listener();
  options.say = [quiet, &progress_line](const std::string& message) {
    if (!quiet) progress_line.Note(message);  // on a line of its own, not after the count
  };
  if (const char* every = std::getenv("TANDEM_TEST_PROGRESS_MS"))  // tests: a line for any build
    options.progress_every = std::chrono::milliseconds(std::atoi(every));

  tandem::Diagnostics diags;
  tandem::BuildReport report = tandem::Build(options, diags);
  for (const tandem::Diagnostic& d : diags.Shown()) {
    if (quiet && d.severity != tandem::Severity::kError) continue;
    std::cerr << tandem::FormatDiagnostic(d) << "\n";
  }
  std::cerr << diags.LeftOut();
  if (!quiet || !report.ok) PrintSummary(report, diags, stats);
  return report.ok ? 0 : 1;
}
