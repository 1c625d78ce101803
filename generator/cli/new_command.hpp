// `tandem new SECTION/NAME`: a new page in every language of the site (scaffold/new_page.hpp).
#pragma once

#include <CLI/CLI.hpp>

namespace tandem::cli {

void AddNewCommand(CLI::App& app);

}  // namespace tandem::cli
