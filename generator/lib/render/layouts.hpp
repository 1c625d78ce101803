// Which template renders each page: its front matter's layout when the theme has it, else its
// kind's default template (as Hugo falls back), with one layout-missing warning per layout name,
// not per page; --strict makes it an error. A default template the theme lacks is an error.
#pragma once

#include "model/site.hpp"
#include "support/diagnostics.hpp"
#include "theme/theme.hpp"

namespace tandem {

void ResolveLayouts(Site& site, const Theme& theme, Diagnostics& diags);

}  // namespace tandem
