// Hugo-style shortcodes in Markdown: {{< name key="value" >}}, {{< name >}}…{{< /name >}}
// and the same with {{% %}}. This is the scan only: pure text, no templates. It finds each
// call, its arguments and its inner content, outside code (fenced and indented blocks, inline
// code spans), and reports malformed tags. Hugo's escape {{</* name */>}} is not a call: it
// shows as {{< name >}} (placeholders.hpp). See docs/shortcodes.md.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tandem {

struct ShortcodeArg {
  std::string key;  // "" for a positional argument
  std::string value;
};

struct ShortcodeCall {
  static constexpr size_t kNone = static_cast<size_t>(-1);

  std::string name;       // may hold '/': "docs/note"
  bool markdown = false;  // {{% %}}: its inner is Markdown; {{< >}}: its inner is kept as written
  std::vector<ShortcodeArg> args;
  size_t begin = 0, open_end = 0;       // the opening tag, [begin, open_end) of the Markdown
  size_t close_begin = kNone;           // the closing tag, when it has one ([close_begin, end))
  size_t end = 0;                       // past the closing tag, else past the opening one
  int line = 0, column = 0;             // of `begin` in the Markdown (1-based; columns in characters)
  int depth = 1;                        // 1 for an outermost call, 2 for a call inside it...
  std::vector<ShortcodeCall> children;  // the calls in its inner, in order
  bool too_deep_inside = false;         // its inner nests past the limit: its calls were dropped

  bool paired() const { return close_begin != kNone; }
  std::string_view Inner(std::string_view markdown) const {
    return paired() ? markdown.substr(open_end, close_begin - open_end) : std::string_view{};
  }
};

struct ShortcodeProblem {
  int line = 0, column = 0;
  std::string message;
  bool too_deep = false;  // calls nested past the limit
};

struct ShortcodeScan {
  std::vector<ShortcodeCall> calls;  // the outermost ones, in order
  std::vector<ShortcodeProblem> problems;
};

// Lines (1-based, first and last included) of the code blocks of a Markdown text, in order.
using LineRanges = std::vector<std::pair<int, int>>;

// Whether `markdown` has anything that could open a shortcode; most pages do not.
bool MayHoldShortcodes(std::string_view markdown);

// Calls nest at most this deep: each level is a level of recursion when they are expanded.
constexpr int kMaxShortcodeDepth = 64;

// Every call in `markdown` outside `code_blocks` and inline code spans. A call is paired when a
// closing tag of its name follows (nested calls close first); a closing tag that closes
// nothing, a tag never closed and a malformed argument are problems, and so are calls nested
// more than `max_depth` deep (dropped, their parent marked too_deep_inside). Time and memory
// grow linearly with the text.
ShortcodeScan ScanShortcodes(std::string_view markdown, const LineRanges& code_blocks,
                             int max_depth = kMaxShortcodeDepth);

// "{{< name >}}" or "{{% name %}}", as messages show a tag.
std::string ShortcodeTag(const std::string& name, bool markdown);

}  // namespace tandem
