// Markdown to HTML with cmark-gfm: GFM tables, strikethrough, autolinks, task
// lists, footnotes and the tag filter. Raw HTML is dropped unless the site
// allows it. Fenced blocks and {{...}} directives can be handed to other
// stages (funding tables and figures), whose HTML is inserted as is.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "diagnostics.hpp"

namespace tandem {

// Produces the HTML for a fenced code block whose info string starts with a
// word the hook knows, or nullopt to render it as ordinary code.
// `line` is the fence's line in the Markdown text (1-based).
using BlockHook =
    std::function<std::optional<std::string>(std::string_view info, std::string_view body, int line)>;
// Produces the HTML for `{{name:args}}` found in text, or nullopt to keep the text.
// `line` and `column` locate the opening braces in the Markdown text.
using DirectiveHook =
    std::function<std::optional<std::string>(std::string_view directive, int line, int column)>;

struct MarkdownOptions {
  bool allow_raw_html = false;
  // The accessible name of a footnote's link back to the text, in the page's language.
  std::string footnote_back_label = "Back to content";
  BlockHook block_hook;
  DirectiveHook directive_hook;
};

// Inputs past these sizes hit quadratic paths in this cmark-gfm version.
constexpr size_t kMaxMarkdownBytes = 512 * 1024;
constexpr size_t kMaxTableColumns = 128;

// Checks the limits above; reports at the offending line of `path` (whose body starts at `first_line`).
bool CheckMarkdownLimits(const std::string& path, std::string_view markdown, int first_line,
                         Diagnostics& diags);

std::string RenderMarkdown(std::string_view markdown, const MarkdownOptions& options);

}  // namespace tandem
