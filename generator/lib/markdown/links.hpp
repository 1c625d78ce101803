// The link pass: each link's and image's destination, shown to a hook that may give another
// (a content file becomes its page's URL; render/links.hpp). Internal to markdown/.
#pragma once

#include <cmark-gfm.h>

#include <string_view>

#include "markdown/markdown.hpp"

namespace tandem {

void RewriteLinks(cmark_node* root, std::string_view markdown, const LinkHook& hook);

// Tells `hook` of every link and image under `root`, in document order.
void ReportPlaces(cmark_node* root, std::string_view markdown, const PlaceHook& hook);

}  // namespace tandem
