// The main menu of each language (site.toml's [[languages.<code>.menu.main]]), resolved against
// the language's pages: an entry naming a page links to that page in the menu's language.
#pragma once

#include "model/site.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

// Fills Language::menu, sorted by weight (unweighted entries last), then title. An entry naming a
// file that is not a page of its language is an error at its line of site.toml; one naming a
// page this build holds back (a draft, a page not yet published or expired) is left out.
void ResolveMenus(Site& site, Diagnostics& diags);

}  // namespace tandem
