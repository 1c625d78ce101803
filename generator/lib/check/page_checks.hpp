// Checks of one page's generated HTML that need no other page: images without alt text
// (image-alt-missing), links without text (link-text-empty) or with text that says nothing of
// where they go (link-text-vague; the phrases are the UI string check_vague_link_texts, one
// list per language), and heading levels skipped (heading-skip).
#pragma once

#include <string>
#include <vector>

#include "check/html_scan.hpp"
#include "check/source_map.hpp"
#include "directives/directive.hpp"
#include "model/site.hpp"

namespace tandem {

// `places` are where the page's Markdown writes its links, images and headings (RenderedPage::places).
void CheckPageHtml(const Language& lang, const Page& page, const HtmlScan& scan,
                   const std::vector<MarkdownPlace>& places, SourceMap& sources, Diagnostics& diags);

// Translations whose source changed after them (translation-stale): the source language is the
// page's front matter translation_source (either page's), else site.toml's translation_source.
void CheckStaleTranslations(const Site& site, Diagnostics& diags);

}  // namespace tandem
