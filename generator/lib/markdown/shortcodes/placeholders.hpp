// Shortcodes around cmark-gfm. Before it, each call in the page's Markdown becomes a
// placeholder: private-use characters, as many on each line as the call took, so that every
// line and column cmark and the hooks report is still the file's. A call alone on its lines
// becomes an HTML comment holding the placeholder, which cmark takes as a block of its own
// and RenderMarkdown writes out raw (only the placeholder: never the page's raw HTML). The
// inner of a {{% %}} call stays in place, so cmark renders it as part of the page. After
// cmark, each placeholder in the HTML is replaced by what its call makes (render/shortcodes/).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "markdown/shortcodes/scan.hpp"

namespace tandem {

// U+10FF00: starts every placeholder (UTF-8).
inline constexpr std::string_view kPlaceholderStart = "\xF4\x8F\xBC\x80";

// The lines of each code block, fenced or indented, as cmark-gfm reads them.
LineRanges CodeBlockLines(std::string_view markdown);

struct Placeholder {
  enum class Kind { kWhole, kOpen, kClose };  // a call; a {{% %}} call's opening or closing tag
  const ShortcodeCall* call = nullptr;
  Kind kind = Kind::kWhole;
};

struct PlaceholderMarkdown {
  std::string text;                       // what cmark is given
  std::vector<Placeholder> placeholders;  // by number
};

// `markdown` with `calls` (and the calls in a {{% %}} call's inner, which stays Markdown)
// made placeholders. The calls must outlive the result.
PlaceholderMarkdown WithPlaceholders(std::string_view markdown, const std::vector<ShortcodeCall>& calls);

// A placeholder found in HTML: [begin, end), its number, and whether it stands inside a tag
// (an attribute: alt text, a title, an address).
struct FoundPlaceholder {
  size_t begin = 0, end = 0;
  size_t number = 0;
  bool in_tag = false;
};
// `in_tag_at_from`, when known (the last placeholder found's in_tag, for the next search from its
// end), keeps the look back for a '<' from going past `from`: a search for each of many
// placeholders stays linear in the HTML.
std::optional<FoundPlaceholder> FindPlaceholder(std::string_view html, size_t from,
                                                std::optional<bool> in_tag_at_from = std::nullopt);

// cmark percent-encodes a placeholder in a link's address; this puts it back as characters.
std::string DecodePlaceholdersInUrls(std::string html);

// `text` with each placeholder replaced by `with(number)` (for text, like a heading's).
std::string ReplacePlaceholders(std::string_view text, const std::function<std::string(size_t)>& with);

// Hugo's escape, {{</* name */>}} and {{%/* name */%}}, shown as {{< name >}} and {{% name %}}:
// in HTML cmark wrote (where "<" is "&lt;"), and in text kept as written (a {{< >}} inner).
std::string ShowEscapedShortcodesInHtml(std::string html);
std::string ShowEscapedShortcodes(std::string text);

}  // namespace tandem
