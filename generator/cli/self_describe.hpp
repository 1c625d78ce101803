// The manual page and the shell completion, both made from the command line's own CLI11
// definition, so that neither can drift from it. CMake runs them when it builds tandem.
//   tandem manpage          > tandem.1
//   tandem completion bash  > completions/tandem
// Both commands are hidden from --help.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace tandem::cli {

// The hidden commands manpage and completion. They describe what `app` holds when they run,
// so commands added after this call are described too.
void AddSelfDescriptionCommands(CLI::App& app);

std::string ManPage(const CLI::App& app);
std::string BashCompletion(const CLI::App& app);

}  // namespace tandem::cli
