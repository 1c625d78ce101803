// Pairing each page with its translations: by an equal translation_key, or
// else by the same path under content/<lang>/.
#pragma once

#include "model/site.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

// Fills Page::translations. A missing translation is a warning, or an error
// when `strict`; two pages of one language with one key is an error.
void PairTranslations(Site& site, bool strict, Diagnostics& diags);

// Where a reader of `page` lands in language `lang`: the translation itself,
// or the nearest ancestor section that has one (never a missing page).
const Page* ToggleTarget(const Site& site, const Page& page, size_t lang);

}  // namespace tandem
