// The heading pass: every heading gets an id, made from its text or written as `{#id}` at its
// end. Internal to markdown/.
#pragma once

#include <cmark-gfm.h>

#include <string_view>

#include "markdown/markdown.hpp"

namespace tandem {

// Gives each heading under `root` its id; `flags` and `extensions` are the ones the page is
// rendered with (each heading is rendered with them here). Reports bad `{#id}`s to `options.error_hook`.
void AddHeadingIds(cmark_node* root, std::string_view markdown, const MarkdownOptions& options, int flags,
                   cmark_llist* extensions);

}  // namespace tandem
