// Small text helpers shared by every stage: UTF-8 checks, line endings,
// Unicode normalization, escaping and "did you mean" suggestions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostics.hpp"

namespace tandem {

// Where the first invalid UTF-8 byte is, as a 1-based line and column.
struct TextPos {
  int line = 1;
  int column = 1;
};
std::optional<TextPos> FindInvalidUtf8(std::string_view text);

// How many characters (UTF-8 sequences) `utf8` holds: a column, a length a reader counts.
size_t CharacterCount(std::string_view utf8);

// `text` with each invalid UTF-8 byte replaced by U+FFFD, for showing it safely.
std::string ReplaceInvalidUtf8(std::string_view text);

// `text` with each invalid UTF-8 byte read as the Latin-1 character of that number. Debian's
// yaml-cpp decodes the escapes \_ (no-break space) and \N (next line) to the lone bytes A0 and 85
// of those characters' numbers, not to their UTF-8; this gives them back their UTF-8.
std::string RepairLatin1Bytes(std::string text);

// Drops a UTF-8 byte order mark and turns CRLF (and lone CR) into LF, so that
// such a file gives exactly the output of the clean one.
std::string NormalizeSource(std::string text);

// Reads a text file a user wrote: invalid UTF-8 is an error at its line and column, a
// BOM is dropped and line endings become LF. nullopt, reported, when it cannot be used.
std::optional<std::string> ReadSourceText(const std::string& fs_path, const std::string& shown,
                                          Diagnostics& diags);

// A folder that a file must stay inside, even through symbolic links: the site, or a theme.
struct Confine {
  std::string dir;   // absolute
  std::string name;  // "the site", "the theme themes/gc"
};
// Like ReadSourceText, refusing a file that is a link leading outside `confine`.
std::optional<std::string> ReadSourceText(const std::string& fs_path, const std::string& shown,
                                          Diagnostics& diags, const Confine& confine);
// Reports and returns true when `fs_path` is a link leading outside `confine`.
bool ReportLinkOutside(const std::string& fs_path, const std::string& shown, const Confine& confine,
                       Diagnostics& diags);

// Unicode NFC, so that a file name typed on macOS (NFD) pairs and slugs like any other.
std::string ToNfc(std::string_view utf8);
// A-Z made a-z, every other byte as it is: for names, keys and tags, which are ASCII.
std::string AsciiLower(std::string_view text);

// `text` with its first letter in title case: "études" → "Études".
std::string CapitalizeFirst(std::string_view text);

// The 1-based line and column of byte `offset` in `text` (columns count characters).
TextPos PosOfOffset(std::string_view text, size_t offset);

std::string EscapeHtml(std::string_view s);
std::string EscapeXml(std::string_view s);

// The candidate closest to `word` by edit distance, if close enough to be a likely typo.
std::optional<std::string> DidYouMean(std::string_view word, const std::vector<std::string>& candidates);
// " (did you mean \"x\"?)" or "".
std::string DidYouMeanSuffix(std::string_view word, const std::vector<std::string>& candidates);

// Replaces each `{name}` in `pattern` with its value; unknown names stay as written.
std::string FillPlaceholders(std::string_view pattern,
                             const std::vector<std::pair<std::string, std::string>>& values);

std::string JoinQuoted(const std::vector<std::string>& items);

bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);

}  // namespace tandem
