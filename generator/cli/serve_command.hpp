// `tandem serve`: the command's options, and running it until Ctrl-C.
#pragma once

#include <CLI/CLI.hpp>

#include "serve/preview.hpp"

namespace tandem::cli {

class ServeCommand {
 public:
  // Adds `serve` and its options to `app`.
  explicit ServeCommand(CLI::App& app);
  bool given() const { return command_->parsed(); }
  // Builds, serves and rebuilds until SIGINT or SIGTERM; 1 when the server cannot start.
  int Run();

 private:
  CLI::App* command_;
  ServeOptions options_;
};

}  // namespace tandem::cli
