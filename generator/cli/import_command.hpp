// `tandem import hugo DIR`: the site.toml for a Hugo site (migrate/hugo_import.hpp).
#pragma once

#include <CLI/CLI.hpp>

namespace tandem::cli {

void AddImportCommand(CLI::App& app);

}  // namespace tandem::cli
