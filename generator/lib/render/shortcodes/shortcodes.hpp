// Expanding shortcodes: each call found in a page's Markdown (markdown/shortcodes/) becomes
// what its template makes, shortcodes/<name>.mustache from the site's own shortcodes/ folder
// or else the theme's, or what a built-in makes (ref, relref, param, funding-table; figure
// is a theme template whose src and link are resolved like a Markdown image's). A call not
// known is an error at its place. See docs/shortcodes.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "directives/directive.hpp"
#include "markdown/markdown.hpp"
#include "markdown/shortcodes/scan.hpp"
#include "model/site.hpp"
#include "render/links.hpp"
#include "support/text.hpp"
#include "support/value.hpp"
#include "theme/theme.hpp"

namespace tandem {

// What expanding a page's shortcodes reads: the site, its theme and directives, and the page.
struct ShortcodeContext {
  const Site& site;
  const Theme& theme;
  const DirectiveRegistry& directives;
  const LinkResolver& links;
  const Page& page;
  const Value& page_view;  // the page's own part of its view, shown to templates as `page`
  PageScope& scope;
};

// The HTML of `markdown` (rendered with `md`) with its shortcodes expanded. Problems are
// reported in `context.scope`.
std::string RenderWithShortcodes(std::string_view markdown, const MarkdownOptions& md,
                                 const ShortcodeContext& context);

// The shortcodes made in code rather than by a template.
const std::vector<std::string>& BuiltinShortcodeNames();
// What built-in `call` makes (HTML), with `view` its template view (args, inner); nullopt,
// reported, when it is in error.
// `at` is the call's place in the page's Markdown.
std::optional<std::string> RenderBuiltinShortcode(const ShortcodeCall& call, const Value& view, TextPos at,
                                                  const ShortcodeContext& context);
// Before the figure template: its src and link resolved like a Markdown image's and link's.
void ResolveFigureArgs(Value& args, TextPos at, const ShortcodeContext& context);

}  // namespace tandem
