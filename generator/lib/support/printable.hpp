// Characters no page or feed can carry. XML 1.0 refuses the C0 control characters other than
// tab, LF and CR, and U+FFFE and U+FFFF: one in a title makes the Atom feed ill-formed, and
// TOML and YAML let an escape write one (\u000B, as Word's line break pastes). DEL (U+007F) is
// legal XML but an HTML parse error, and never meant as text: refused with them. Front matter
// and data text are checked after parsing, and the character reported where it is written.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "support/diagnostics.hpp"

namespace tandem {

struct Unprintable {
  size_t offset = 0;  // of its first byte in the text
  char32_t code = 0;  // U+000B...
};

// The first such character of `text` (UTF-8), or nullopt.
std::optional<Unprintable> FindUnprintable(std::string_view text);

// Where `code` is written in `file` at or after `from` (a file position of the value or its key):
// as it is, or as an escape of TOML or YAML (\u000B, \U0000000B, \x0B, \v...); `from` if neither.
SourcePos LocateUnprintable(std::string_view file, const SourcePos& from, char32_t code);

// Reports `code`, found in the text of `what` ("\"title\"", "this key"), at `at` in `file`: what
// it is and how to fix it. The source line is quoted with such characters shown as U+FFFD.
void ReportUnprintable(std::string_view file, const SourcePos& at, const std::string& what, char32_t code,
                       Diagnostics& diags);

// FindUnprintable, then LocateUnprintable and ReportUnprintable: false when `text` has one.
bool CheckPrintable(std::string_view text, std::string_view file, const SourcePos& from,
                    const std::string& what, Diagnostics& diags);

}  // namespace tandem
