// The command word itself: a bare `tandem`, a mistyped command, `tandem version`.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>

namespace tandem::cli {

// Before parsing: a bare `tandem` prints the usage to standard output, and a first word that
// names no command says so, with the nearest command; both give status 1 (nothing was done).
// nullopt when the command line goes on to be parsed.
std::optional<int> CheckCommandWord(const CLI::App& app, int argc, char** argv);

// CLI11_PARSE, with one exit status for every usage error (an unknown option, a missing or bad
// value): 2, where CLI11 has one number per kind. A command's own status (options.hpp:
// ExitWith), --help and --version pass as they are. nullopt when main goes on.
std::optional<int> Parse(CLI::App& app, int argc, char** argv);

// `tandem version`, the same as `tandem --version`.
void AddVersionCommand(CLI::App& app);

// The commands a user may type, in the order given: hidden ones left out.
std::vector<const CLI::App*> VisibleCommands(const CLI::App& app);

}  // namespace tandem::cli
