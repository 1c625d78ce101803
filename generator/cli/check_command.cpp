#include "check_command.hpp"

#include <iostream>

#include "check/report.hpp"
#include "options.hpp"
#include "support/parallel.hpp"

namespace tandem::cli {

CheckCommand::CheckCommand(CLI::App& app) {
  command_ =
      app.add_subcommand("check", "Check the site (links, translations, accessibility) without writing it");
  AddSourceOption(*command_, options_.source_dir);
  command_->add_flag("--strict", options_.strict, "Treat every warning as an error");
  command_->add_option("--format", format_, "How to print what is found: text, json or github")
      ->check(CLI::IsMember({"text", "json", "github"}))
      ->capture_default_str();
  command_->add_flag("--drafts", options_.drafts, "Check pages marked draft = true too");
  command_->add_option("--jobs,-j", options_.jobs, "Threads to use (default: one per core)")
      ->check(CLI::Range(1u, kMaxJobs));
  options_.check_only = true;
}

int CheckCommand::Run() {
  Diagnostics diags;
  BuildReport report = Build(options_, diags);
  ReportFormat format = format_ == "json"     ? ReportFormat::kJson
                        : format_ == "github" ? ReportFormat::kGithub
                                              : ReportFormat::kText;
  // JSON goes to standard output alone, to be read by a program; the other shapes are messages.
  std::vector<Diagnostic> shown = diags.Sorted();
  if (format == ReportFormat::kJson) {
    std::cout << FormatReport(shown, format);
  } else {
    (format == ReportFormat::kGithub ? std::cout : std::cerr) << FormatReport(shown, format);
    auto count = [](size_t n, const char* noun) {
      return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
    };
    std::cerr << (shown.empty() ? "" : "\n") << count(diags.warning_count(), "warning") << ", "
              << count(diags.error_count(), "error") << "\n";
  }
  return report.ok ? 0 : 1;
}

}  // namespace tandem::cli
