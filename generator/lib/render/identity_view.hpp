// What the gc theme is shown of the Government of Canada identity (docs/themes.md): the
// Canada.ca chrome of each language (site.identity) and each page's own metadata (page_meta).
#pragma once

#include <string>

#include "directives/directive.hpp"
#include "i18n/typography.hpp"
#include "model/site.hpp"
#include "support/value.hpp"

namespace tandem {

// site.identity: gc, title_suffix, search, crumbs, footer, feedback, analytics, assets_url,
// signature_svg, wordmark_svg.
Value IdentityView(const Site& site, const Language& lang);

// On a Government of Canada site, reads the official signature and wordmark the theme's UI strings
// `signature_src` and `wordmark_src` name in its static/gcds/identity/ into `lang`, unchanged:
// the theme inlines them, so that its CSS colours the flag (the files carry no fill). A theme
// without those strings inlines nothing. False, with an error, when a named file cannot be read.
bool LoadIdentityArtwork(const std::string& theme_dir, const std::string& shown_theme_dir, Language& lang,
                         Diagnostics& diags);

// page_meta: creator (front matter `creator`, else the language's), content_type (front matter
// `content_type`, else the layout's UI string), and title (the <title> text: "Title - suffix").
Value PageMetaView(const Site& site, const Page& page);
// The same for a page shown under another title and address (a list page's "News (page 2 of 3)").
Value PageMetaView(const Site& site, const Page& page, const std::string& title,
                   const std::string& permalink);

// Warns, at the page's front matter, about a <title> longer than title_max_length characters,
// a description longer than description_max_length, and an empty description, subject or
// keywords: Canada.ca pages need all three for search and for the dcterms set.
void WarnAboutMetadata(const Site& site, const Page& page, PageScope& scope);

// The typography of a language (i18n/typography.hpp), from its config and locale.
Typography TypographyOf(const Language& lang);

}  // namespace tandem
