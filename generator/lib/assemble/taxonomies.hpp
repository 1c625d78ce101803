// Taxonomies (site.toml's [taxonomies]): per language, a page listing a taxonomy's terms and a
// page per term listing the pages that have it, newest first. A term's pages in two languages are
// translations of each other when data/taxonomies/<key>.toml names the term in both; where it does
// not, when their slugs are equal (Hugo pairs them by path).
#pragma once

#include "model/site.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

// The check code of a term page without a translation (its toggle goes to the taxonomy's page).
inline constexpr const char* kTermUntranslated = "term-untranslated";

// Once pages have URLs, translations and dates: adds each taxonomy's made-up pages to every
// language's pages (with URLs, translations, dates and sorted lists), and gives every page of
// content the pages of its terms (Page::term_pages). Terms are told apart by their slug in the
// page's language: "Boating" and "boating" are one term; two spellings that share a slug and
// differ by more than case are an error.
void MakeTaxonomies(Site& site, Diagnostics& diags);

}  // namespace tandem
