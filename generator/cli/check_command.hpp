// `tandem check`: everything a build validates and the checks of check/, with nothing written,
// printed as text, JSON or GitHub workflow commands.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "pipeline/build.hpp"

namespace tandem::cli {

class CheckCommand {
 public:
  // Adds `check` and its options to `app`.
  explicit CheckCommand(CLI::App& app);
  bool given() const { return command_->parsed(); }
  // 1 when there is an error (--strict: a warning), else 0.
  int Run();

 private:
  CLI::App* command_;
  BuildOptions options_;
  std::string format_ = "text";
};

}  // namespace tandem::cli
