#include "support/printable.hpp"

#include <cstdio>

#include "support/text.hpp"

namespace tandem {

namespace {

bool IsUnprintable(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || c == 0xFFFE || c == 0xFFFF;
}

// The code point `hex_digits` hex digits at `at` write, or nullopt.
std::optional<char32_t> Hex(std::string_view text, size_t at, size_t hex_digits) {
  if (at + hex_digits > text.size()) return std::nullopt;
  char32_t value = 0;
  for (size_t i = at; i < at + hex_digits; ++i) {
    char c = text[i];
    int digit = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
    if (digit < 0) return std::nullopt;
    value = value * 16 + static_cast<char32_t>(digit);
  }
  return value;
}

// The character the escape at `at` (a backslash) writes, and its length; {0, 2} for one that
// writes no character of interest ("\\", "\n"...).
std::pair<char32_t, size_t> Escape(std::string_view text, size_t at) {
  if (at + 1 >= text.size()) return {static_cast<char32_t>(-1), 1};
  switch (text[at + 1]) {
    case 'u':
      if (auto c = Hex(text, at + 2, 4)) return {*c, 6};
      break;
    case 'U':
      if (auto c = Hex(text, at + 2, 8)) return {*c, 10};
      break;
    case 'x':  // YAML
      if (auto c = Hex(text, at + 2, 2)) return {*c, 4};
      break;
    case '0':  // YAML
      return {0x00, 2};
    case 'a':  // YAML
      return {0x07, 2};
    case 'b':
      return {0x08, 2};
    case 'v':  // YAML
      return {0x0B, 2};
    case 'f':
      return {0x0C, 2};
    case 'e':
      return {0x1B, 2};
  }
  return {static_cast<char32_t>(-1), 2};
}

// The character at `at` of UTF-8 `text` and its length.
std::pair<char32_t, size_t> Decode(std::string_view text, size_t at) {
  unsigned char b = static_cast<unsigned char>(text[at]);
  size_t n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  if (at + n > text.size()) return {b, 1};
  char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
  for (size_t i = 1; i < n; ++i) c = (c << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
  return {c, n};
}

// The byte offset of a 1-based line and column (in characters) of `text`.
size_t OffsetOf(std::string_view text, int line, int column) {
  size_t at = 0;
  for (int l = 1; l < line && at < text.size(); ++l) {
    size_t nl = text.find('\n', at);
    at = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  for (int c = 1; c < column && at < text.size() && text[at] != '\n'; ++c) at += Decode(text, at).second;
  return at;
}

std::string CodeName(char32_t code) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(code));
  return buf;
}

// What a control character is called, for the few with a name people know.
std::string KnownName(char32_t code) {
  switch (code) {
    case 0x00:
      return " (null)";
    case 0x07:
      return " (bell)";
    case 0x08:
      return " (backspace)";
    case 0x0B:
      return " (vertical tab)";
    case 0x0C:
      return " (form feed)";
    case 0x1B:
      return " (escape)";
    case 0x7F:
      return " (delete)";
  }
  return "";
}

// `line` with each unprintable character shown as U+FFFD: one character for one, so the caret
// stays under its column, and nothing reaches the terminal that would move its cursor.
std::string Shown(std::string_view line) {
  std::string out;
  for (size_t at = 0; at < line.size();) {
    auto [c, n] = Decode(line, at);
    out += IsUnprintable(c) ? std::string_view("\uFFFD") : line.substr(at, n);
    at += n;
  }
  return out;
}

}  // namespace

std::optional<Unprintable> FindUnprintable(std::string_view text) {
  // Byte by byte: no byte of a longer UTF-8 sequence is below 0x80, and 0xEF only ever leads one.
  for (size_t at = 0; at < text.size(); ++at) {
    unsigned char b = static_cast<unsigned char>(text[at]);
    if (b < 0x20 || b == 0x7F || b == 0xEF) {
      char32_t c = Decode(text, at).first;
      if (IsUnprintable(c)) return Unprintable{at, c};
    }
  }
  return std::nullopt;
}

SourcePos LocateUnprintable(std::string_view file, const SourcePos& from, char32_t code) {
  for (size_t at = OffsetOf(file, from.line, from.column); at < file.size();) {
    auto [c, n] = file[at] == '\\' ? Escape(file, at) : Decode(file, at);
    if (c == code) {
      TextPos pos = PosOfOffset(file, at);
      return {from.path, pos.line, pos.column};
    }
    at += n;
  }
  return from;
}

void ReportUnprintable(std::string_view file, const SourcePos& at, const std::string& what, char32_t code,
                       Diagnostics& diags) {
  bool control = code < 0x80;
  diags.Error(at,
              what + " holds " + CodeName(code) + KnownName(code) +
                  (control ? ", a control character that no page or feed can carry; delete it, or put a "
                             "space in its place"
                           : ", a noncharacter that no page or feed can carry; delete it"),
              Shown(LineAt(file, at.line)));
}

bool CheckPrintable(std::string_view text, std::string_view file, const SourcePos& from,
                    const std::string& what, Diagnostics& diags) {
  auto found = FindUnprintable(text);
  if (!found) return true;
  ReportUnprintable(file, LocateUnprintable(file, from, found->code), what, found->code, diags);
  return false;
}

}  // namespace tandem
