// Markdown to HTML with cmark-gfm: GFM tables, strikethrough, autolinks, task
// lists, footnotes and the tag filter. Raw HTML is dropped unless the site
// allows it. Every link's and image's address (autolinks' too) is shown to the link hook, which in
// a build holds it to the URL policy (support/url/url_policy.hpp, render/links.hpp); Markdown links
// to javascript: and the like lose their address even where raw HTML is allowed. Fenced blocks and
// {{...}} directives in text can be handed to the directives: a block becomes HTML the generator
// made, a {{...}} becomes plain text (so it works anywhere text does: table cells, alt text).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "support/diagnostics.hpp"

namespace tandem {

// The HTML for a fenced code block whose info string names a directive, or
// nullopt to render it as ordinary code. `line` is the fence's line in the Markdown (1-based).
using BlockHook =
    std::function<std::optional<std::string>(std::string_view info, std::string_view body, int line)>;
// The text for `{{name:args}}` found in text, or nullopt to keep it as written.
// `line` and `column` locate the opening braces in the Markdown.
using InlineHook =
    std::function<std::optional<std::string>(std::string_view directive, int line, int column)>;

// Told of `{{name:...` that never closes, with the text after the braces; `line` and `column`
// locate the braces.
using UnclosedHook = std::function<void(std::string_view opened, int line, int column)>;

// The address to write instead of a link's or image's destination `url` (as cmark read it),
// or nullopt to keep it. `line` and `column` locate the destination in the Markdown (links.cpp).
using LinkHook = std::function<std::optional<std::string>(std::string_view url, int line, int column)>;

// Told of each link and image of the Markdown, in document order, once its address is rewritten,
// and of each heading once it has its id: its kind, its address (its id, a heading's), and where
// it is from cmark-gfm's own positions: a link's "[" (an image's, after its "!"), a heading's
// first character. What the checks of the HTML place their findings at.
enum class PlaceKind { kLink, kImage, kHeading };
using PlaceHook = std::function<void(PlaceKind kind, std::string_view key, int line, int column)>;

// Heading ids (headings.cpp): the id made from a heading's text (ASCII, lowercase, hyphens),
// whether an id is one the page already has outside its Markdown (the theme's), and where
// to report a bad `{#id}`.
using SlugHook = std::function<std::string(std::string_view text)>;
using ReservedIdHook = std::function<bool(std::string_view id)>;
using ErrorHook = std::function<void(int line, int column, const std::string& message)>;

// Told of each raw HTML block or inline tag that is dropped because the site does not allow raw
// HTML (comments excepted: they show nothing). `tag` is its first tag, such as "<div>".
using RawHtmlHook = std::function<void(bool block, const std::string& tag, int line, int column)>;

struct MarkdownOptions {
  bool allow_raw_html = false;
  // The accessible name of a footnote's link back to the text, in the page's language.
  std::string footnote_back_label = "Back to content";
  BlockHook block_hook;
  InlineHook inline_hook;
  UnclosedHook unclosed_hook;
  LinkHook link_hook;
  PlaceHook place_hook;
  // With a slug hook, every heading gets an id; without one, headings are cmark-gfm's.
  SlugHook heading_slug;
  ReservedIdHook reserved_id;
  ErrorHook error_hook;
  RawHtmlHook raw_html_hook;
};

// Inputs past these sizes hit quadratic paths in this cmark-gfm version.
constexpr size_t kMaxMarkdownBytes = 512 * 1024;
constexpr size_t kMaxTableColumns = 128;

// Checks the limits above; reports at the offending line of `path` (whose Markdown starts at
// file line `first_line`). Only a table's delimiter row (| --- | --- |) decides its width.
bool CheckMarkdownLimits(const std::string& path, std::string_view markdown, int first_line,
                         Diagnostics& diags);

std::string RenderMarkdown(std::string_view markdown, const MarkdownOptions& options);

// An address a page must not link to: javascript:, vbscript:, file:, data: (but data:image/png,
// gif, jpeg and webp), in any case: what an HTML content page (below) and Markdown rendered without
// a link hook lose. A build's Markdown is held to the stricter URL policy by its link hook.
bool IsDangerousUrl(std::string_view url);

// HTML content pages (content/bundles.hpp; html_page.cpp): a page whose body is HTML, written by
// its author and used as written, as Hugo does. It is the author's explicit choice, so
// allow_raw_html does not apply to it; only dangerous addresses (IsDangerousUrl) are emptied, in
// href, src, action, formaction, poster, cite, data, background and xlink:href. This is not a
// sanitizer: scripts and event handlers stay.
std::string HtmlPageContent(std::string_view html);

// The text of the HTML's first <p> that has any, without tags, its character references decoded
// and its spaces collapsed; "" when there is none.
std::string HtmlSummaryText(std::string_view html);

// The text of the first heading (<h1> to <h6>) of an HTML page, as HtmlSummaryText gives a
// paragraph's; "" when there is none.
std::string HtmlFirstHeadingText(std::string_view html);

// The plain text of a Markdown page's first heading, or of its first HTML heading when it has
// none of Markdown's; "" when there is none. What stands in for a missing title.
std::string FirstHeadingText(std::string_view markdown);

// Hugo's summary divider: the text before it is the page's summary.
inline constexpr std::string_view kSummaryDivider = "<!--more-->";

// The page's summary as plain text, for lists and feeds: its text before <!--more-->, else its
// first paragraph; without markup, images, raw HTML, directives or shortcodes.
std::string SummaryText(std::string_view markdown);

}  // namespace tandem
