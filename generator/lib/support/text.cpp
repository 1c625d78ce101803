#include "support/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "support/files.hpp"

namespace tandem {

// Length of the UTF-8 sequence starting at s[i], or 0 if it is malformed.
static size_t Utf8SequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t n = c >= 0xF5 ? 0 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  unsigned char c1 = byte(i + 1);
  if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
  if (c == 0xED && c1 >= 0xA0) return 0;  // surrogates
  if (c == 0xF0 && c1 < 0x90) return 0;   // overlong
  if (c == 0xF4 && c1 >= 0x90) return 0;  // above U+10FFFF
  return n;
}

std::optional<TextPos> FindInvalidUtf8(std::string_view text) {
  // ASCII eight bytes at a time, the rest a sequence at a time; the line and column are counted
  // only for a file that has an error.
  size_t i = 0;
  while (i < text.size()) {
    uint64_t word;
    if (i + 8 <= text.size() &&
        (std::memcpy(&word, text.data() + i, 8), (word & 0x8080808080808080ull) == 0)) {
      i += 8;
      continue;
    }
    size_t n = Utf8SequenceLength(text, i);
    if (n == 0) return PosOfOffset(text, i);
    i += n;
  }
  return std::nullopt;
}

std::string RepairLatin1Bytes(std::string text) {
  if (!FindInvalidUtf8(text)) return text;
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size();) {
    size_t n = Utf8SequenceLength(text, i);
    if (n == 0) {
      unsigned char c = static_cast<unsigned char>(text[i++]);
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out.append(text, i, n);
      i += n;
    }
  }
  return out;
}

std::string ReplaceInvalidUtf8(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    size_t n = Utf8SequenceLength(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

size_t CharacterCount(std::string_view utf8) {
  size_t n = 0;
  for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // one lead byte each
  return n;
}

std::string NormalizeSource(std::string text) {
  if (StartsWith(text, "\xEF\xBB\xBF")) text.erase(0, 3);
  if (text.find('\r') == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
    } else {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    }
  }
  return out;
}

namespace {

std::string LinkOutsideMessage(const std::string& target, const Confine& confine) {
  return "symbolic link to " + target + " points outside " + confine.name +
         "; tandem does not follow it. Copy the file in instead";
}

// Reads through ReadFileInside when `confine` is given; nothing of a refused file is read or shown.
std::optional<std::string> ReadSource(const std::string& fs_path, const std::string& shown,
                                      Diagnostics& diags, const Confine* confine) {
  std::string text;
  try {
    text = confine ? ReadFileInside(fs_path, confine->dir) : ReadFile(fs_path);
  } catch (const LinkOutsideError& e) {
    diags.Error({shown}, LinkOutsideMessage(e.target(), *confine));
    return std::nullopt;
  } catch (const IoError& e) {
    diags.Error({shown}, std::string(e.what()).substr(e.path().size() + 2));
    return std::nullopt;
  }
  // Normalized first (it changes only a BOM and CR bytes), so that an invalid byte is placed on
  // the lines every other finding counts: a lone CR ends a line.
  text = NormalizeSource(std::move(text));
  if (auto bad = FindInvalidUtf8(text)) {
    diags.Error({shown, bad->line, bad->column},
                "invalid UTF-8; save the file as UTF-8 (it may be in Windows-1252 or Latin-1)",
                ReplaceInvalidUtf8(LineAt(text, bad->line)));
    return std::nullopt;
  }
  return text;
}

}  // namespace

std::optional<std::string> ReadSourceText(const std::string& fs_path, const std::string& shown,
                                          Diagnostics& diags) {
  return ReadSource(fs_path, shown, diags, nullptr);
}

bool ReportLinkOutside(const std::string& fs_path, const std::string& shown, const Confine& confine,
                       Diagnostics& diags) {
  auto target = LinkOutside(fs_path, confine.dir);
  if (!target) return false;
  diags.Error({shown}, LinkOutsideMessage(*target, confine));
  return true;
}

std::optional<std::string> ReadSourceText(const std::string& fs_path, const std::string& shown,
                                          Diagnostics& diags, const Confine& confine) {
  return ReadSource(fs_path, shown, diags, &confine);
}

std::string ToNfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  if (nfc->isNormalized(in, status) && U_SUCCESS(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  icu::UnicodeString out = nfc->normalize(in, status);
  std::string result;
  out.toUTF8String(result);
  return U_SUCCESS(status) ? result : std::string(utf8);
}

std::string CapitalizeFirst(std::string_view text) {
  int32_t end = 0, length = static_cast<int32_t>(text.size());
  UChar32 c = 0;
  U8_NEXT(text.data(), end, length, c);
  if (c < 0) return std::string(text);
  char buffer[U8_MAX_LENGTH];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(buffer, n, U8_MAX_LENGTH, u_totitle(c), error);
  if (error) return std::string(text);
  return std::string(buffer, static_cast<size_t>(n)) + std::string(text.substr(static_cast<size_t>(end)));
}

TextPos PosOfOffset(std::string_view text, size_t offset) {
  TextPos pos;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++pos.column;
    }
  }
  return pos;
}

static std::string Escape(std::string_view s, bool xml) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += xml ? "&apos;" : "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string EscapeHtml(std::string_view s) {
  return Escape(s, false);
}
std::string EscapeXml(std::string_view s) {
  return Escape(s, true);
}

// Edits between two words, where swapping two neighbouring letters counts as one, since
// "tilte" for "title" is the commonest slip (optimal string alignment distance).
static size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] =
          std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

std::optional<std::string> DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  // Short words are close to everything: allow one edit per three letters.
  size_t best_distance = std::max<size_t>(1, word.size() / 3) + 1;
  for (const std::string& c : candidates) {
    size_t d = EditDistance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string DidYouMeanSuffix(std::string_view word, const std::vector<std::string>& candidates) {
  auto guess = DidYouMean(word, candidates);
  return guess ? " (did you mean \"" + *guess + "\"?)" : "";
}

std::string FillPlaceholders(std::string_view pattern,
                             const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out(pattern);
  for (const auto& [name, value] : values) {
    std::string key = "{" + name + "}";
    for (size_t at = out.find(key); at != std::string::npos; at = out.find(key, at + value.size()))
      out.replace(at, key.size(), value);
  }
  return out;
}

std::string JoinQuoted(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "\"" : ", \"") + item + "\"";
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

}  // namespace tandem
