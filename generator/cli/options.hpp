// What the commands share: each takes the site and output folders the same way, and ends
// the same way.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace tandem::cli {

// --source,-s DIR: the site folder, with site.toml (default: the current folder).
CLI::Option* AddSourceOption(CLI::App& command, std::string& source_dir);
// --output,-o DIR: the output folder (default: <source>/public).
CLI::Option* AddOutputOption(CLI::App& command, std::string& output_dir);

// Ends the program with `status` from a command's callback, printing nothing more: CLI11's
// parse, in main, returns it.
[[noreturn]] void ExitWith(int status);

}  // namespace tandem::cli
