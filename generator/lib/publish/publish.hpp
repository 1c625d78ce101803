// The files a site publishes besides its pages, as site.toml asks: Atom feeds ([feeds]), the
// search index and search pages ([search]).
#pragma once

#include <vector>

#include "directives/directive.hpp"
#include "model/site.hpp"
#include "theme/theme.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

// Each file's output path and bytes, in a fixed order.
std::vector<Attachment> PublishFiles(const Site& site, const Theme& theme, unsigned jobs, Diagnostics& diags);

}  // namespace tandem
