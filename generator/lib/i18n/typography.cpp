#include "i18n/typography.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace tandem {

namespace {

constexpr std::string_view kNbsp = "\xC2\xA0";

// The typography each locale's language gets when site.toml does not say: data, not a branch
// per language. Canadian French is the only one tandem knows the rules of.
constexpr std::array<std::pair<std::string_view, std::string_view>, 1> kDefaultTypography = {
    {{"fr", "fr-CA"}}};

// Elements whose text is not prose: copied as they are.
constexpr std::array<std::string_view, 6> kVerbatimElements = {"code", "pre",    "kbd",
                                                               "samp", "script", "style"};

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n';
}
bool IsAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
// A letter for the apostrophe rule: ASCII, or any byte of a multi-byte UTF-8 character (é, ô...).
bool IsWordByte(char c) {
  return IsAsciiLetter(c) || static_cast<unsigned char>(c) >= 0x80;
}

// URLs, e-mail addresses, paths and times: a word holding one of these is never changed.
bool IsAddressLike(std::string_view word) {
  for (std::string_view mark : {"://", "www.", "@", "mailto:", "/"})
    if (word.find(mark) != std::string_view::npos) return true;
  return false;
}

bool StartsWithWord(std::string_view s, std::string_view word) {
  if (s.substr(0, word.size()) != word) return false;
  return s.size() == word.size() || !IsAsciiLetter(s[word.size()]);
}

bool StartsWithMagnitude(std::string_view s) {
  for (std::string_view w : {"millions", "million", "milliards", "milliard"})
    if (StartsWithWord(s, w)) return true;
  return false;
}

// Drops the plain spaces at the end of `out` (the ones a no-break space replaces).
void TrimSpaces(std::string& out) {
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
}

bool EndsWithNbsp(const std::string& out) {
  return out.size() >= 2 && out.compare(out.size() - 2, 2, kNbsp) == 0;
}

// The last character of `out` that is not a plain space, or 0.
char LastNonSpace(const std::string& out) {
  size_t at = out.find_last_not_of(" \t");
  return at == std::string::npos ? 0 : out[at];
}

// A no-break space before `word[i]`: the plain spaces written there become one.
void HoldBefore(std::string& out) {
  TrimSpaces(out);
  if (!EndsWithNbsp(out)) out += kNbsp;
}

// Whether French typography wants a no-break space before word[i], a colon, a dollar or percent
// sign, or a closing guillemet. Only where a space was written, or the sign ends a word after
// its number or its word ("Note:", "20%"), so "14:30" and "std::move" stay as they are.
bool NeedsSpaceBefore(std::string_view word, size_t i, const std::string& out) {
  if (out.empty()) return false;
  bool after_space = out.back() == ' ' || out.back() == '\t';
  char c = word[i];
  bool last = i + 1 == word.size();
  if (c == ':') return (i == 0 && after_space) || (last && i > 0 && IsWordByte(word[i - 1]));
  if (c == '$' || c == '%') return after_space ? i == 0 && IsDigit(LastNonSpace(out)) : IsDigit(out.back());
  if (word.substr(i, 2) == "\xC2\xBB") return true;  // » closes guillemets
  return false;
}

bool StartsWithNoBreakSpace(std::string_view s) {
  return s.substr(0, 2) == kNbsp || s.substr(0, 3) == "\xE2\x80\xAF";  // U+00A0, U+202F
}

// One word (no spaces inside), French rules; `out` holds the text before it.
void FrenchWord(std::string_view word, std::string& out) {
  for (size_t i = 0; i < word.size(); ++i) {
    if (NeedsSpaceBefore(word, i, out)) HoldBefore(out);
    out += word[i];
    if (word.substr(i, 2) == "\xC2\xAB" && i + 2 < word.size() &&
        !StartsWithNoBreakSpace(word.substr(i + 2))) {
      // «x: the space is missing
      out += word[++i];
      out += kNbsp;
    }
  }
}

void ApostrophesInWord(std::string& word) {
  for (size_t i = 1; i + 1 < word.size(); ++i)
    if (word[i] == '\'' && IsWordByte(word[i - 1]) && IsWordByte(word[i + 1]))
      word.replace(i, 1, "\xE2\x80\x99");
}

// The spaces after "«" and between a number and "millions" hold too.
void HoldingSpace(std::string_view text, size_t& i, std::string& out) {
  bool after_guillemet = out.size() >= 2 && out.compare(out.size() - 2, 2, "\xC2\xAB") == 0;
  bool before_magnitude = !out.empty() && IsDigit(out.back()) && StartsWithMagnitude(text.substr(i + 1));
  if (after_guillemet || before_magnitude) {
    out += kNbsp;
    while (i + 1 < text.size() && IsSpace(text[i + 1])) ++i;
  } else {
    out += text[i];
  }
}

}  // namespace

Typography TypographyFor(const LanguageIdentity& config, const std::string& locale) {
  std::string_view name = config.typography;
  if (name.empty()) {
    std::string_view language = std::string_view(locale).substr(0, locale.find('-'));
    for (const auto& [lang, rules] : kDefaultTypography)
      if (lang == language) name = rules;
  }
  Typography t;
  t.french = name == "fr-CA";
  t.curly_apostrophes = config.curly_apostrophes;
  return t;
}

std::string Typeset(std::string_view text, const Typography& rules) {
  if (!rules.active()) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  size_t i = 0;
  while (i < text.size()) {
    if (IsSpace(text[i])) {
      if (rules.french)
        HoldingSpace(text, i, out);
      else
        out += text[i];
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && !IsSpace(text[end])) ++end;
    std::string word(text.substr(i, end - i));
    if (IsAddressLike(word)) {
      out += word;
    } else {
      if (rules.curly_apostrophes) ApostrophesInWord(word);
      if (rules.french)
        FrenchWord(word, out);
      else
        out += word;
    }
    i = end;
  }
  return out;
}

namespace {

// The name of the element a tag opens or closes ("code" for "<code class=x>" and "</code>").
std::string_view TagName(std::string_view tag) {
  size_t start = tag.size() > 1 && tag[1] == '/' ? 2 : 1;
  size_t end = start;
  while (end < tag.size() && (IsAsciiLetter(tag[end]) || IsDigit(tag[end]))) ++end;
  return tag.substr(start, end - start);
}

bool IsVerbatim(std::string_view name) {
  for (std::string_view v : kVerbatimElements)
    if (name.size() == v.size() &&
        std::equal(name.begin(), name.end(), v.begin(), [](char a, char b) { return (a | 0x20) == b; }))
      return true;
  return false;
}

// Where the tag or comment starting at `at` ends (one past its '>'), or npos.
size_t TagEnd(std::string_view html, size_t at) {
  if (html.substr(at, 4) == "<!--") {
    size_t end = html.find("-->", at + 4);
    return end == std::string_view::npos ? end : end + 3;
  }
  char quote = 0;
  for (size_t i = at + 1; i < html.size(); ++i) {
    char c = html[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::string TypesetHtml(std::string_view html, const Typography& rules) {
  if (!rules.active()) return std::string(html);
  std::string out;
  out.reserve(html.size() + html.size() / 64);
  int verbatim = 0;  // depth inside code, pre...
  size_t i = 0;
  while (i < html.size()) {
    size_t lt = html.find('<', i);
    std::string_view text = html.substr(i, lt == std::string_view::npos ? std::string_view::npos : lt - i);
    out += verbatim ? std::string(text) : Typeset(text, rules);
    if (lt == std::string_view::npos) break;
    size_t end = TagEnd(html, lt);
    if (end == std::string_view::npos) end = html.size();
    std::string_view tag = html.substr(lt, end - lt);
    if (IsVerbatim(TagName(tag))) verbatim = std::max(0, verbatim + (tag[1] == '/' ? -1 : 1));
    out += tag;
    i = end;
  }
  return out;
}

}  // namespace tandem
