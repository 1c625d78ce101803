// {{funding:...}} figures in prose: a total ("$5,120,527", "$5.12 million")
// or a count of projects ("14 projects"), in the page's language.
#include <algorithm>

#include "directives/funding/model.hpp"
#include "support/text.hpp"

namespace tandem::funding {
namespace {

const std::vector<std::string> kFigures = {"total", "count"};
const std::vector<std::string> kTotalArgs = {"program", "stream", "flags", "format"};
const std::vector<std::string> kCountArgs = {"program", "stream", "flags"};
const std::vector<std::string> kFormats = {"full", "compact"};
constexpr int64_t kCompactFrom = 1'000'000;  // below a million, "$180,688" reads better than "$181 thousand"

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// A word of the directive and where it starts in it (bytes).
struct Word {
  std::string text;
  size_t offset = 0;
};

std::vector<Word> SplitWords(std::string_view s, size_t from) {
  std::vector<Word> words;
  size_t i = from;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i >= s.size()) break;
    size_t start = i;
    while (i < s.size() && !IsSpace(s[i])) ++i;
    words.push_back({std::string(s.substr(start, i - start)), start});
  }
  return words;
}

}  // namespace

std::optional<std::string> RenderFigure(const Dataset& data, std::string_view directive, int line, int column,
                                        PageScope& scope) {
  PageScope& page = scope;
  // The place of byte `offset` of the directive; the braces come first.
  auto at = [&](size_t offset) {
    return scope.At(line, column > 0 ? column + 2 + CharCount(directive.substr(0, offset)) : 0);
  };
  SourcePos whole = scope.At(line, column);

  size_t colon = directive.find(':');
  std::vector<Word> words =
      SplitWords(directive, colon == std::string_view::npos ? directive.size() : colon + 1);
  if (words.empty()) {
    page.Error(whole,
               "a funding figure needs a name: write {{funding:total program=...}} or "
               "{{funding:count program=...}}");
    return std::nullopt;
  }
  const std::string& name = words.front().text;
  if (std::find(kFigures.begin(), kFigures.end(), name) == kFigures.end()) {
    page.Error(at(words.front().offset), "unknown funding figure " + Quoted(name) +
                                             DidYouMeanSuffix(name, kFigures) +
                                             "; known figures: " + JoinQuoted(kFigures));
    return std::nullopt;
  }
  const std::vector<std::string>& allowed = name == "total" ? kTotalArgs : kCountArgs;

  bool ok = true;
  SelectionSpec spec;
  spec.where = whole;
  spec.figure = true;
  std::string format = "full";
  std::vector<std::string> seen;
  for (size_t i = 1; i < words.size(); ++i) {
    const Word& w = words[i];
    size_t eq = w.text.find('=');
    std::string key = w.text.substr(0, eq);
    if (eq == std::string::npos || eq == 0 || eq + 1 == w.text.size()) {
      page.Error(at(w.offset),
                 "expected key=value in {{funding:" + name + "}}, like program=csoc; got " + Quoted(w.text));
      ok = false;
      continue;
    }
    std::string value = w.text.substr(eq + 1);
    SourcePos key_pos = at(w.offset), value_pos = at(w.offset + eq + 1);
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      page.Error(key_pos, "unknown argument " + Quoted(key) + " for {{funding:" + name + "}}" +
                              DidYouMeanSuffix(key, allowed) + "; known arguments: " + JoinQuoted(allowed));
      ok = false;
      continue;
    }
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      page.Error(key_pos, "argument " + Quoted(key) + " is given twice");
      ok = false;
      continue;
    }
    seen.push_back(key);
    if (key == "program") {
      spec.program = Arg{value, value_pos};
    } else if (key == "stream") {
      spec.stream = Arg{value, value_pos};
    } else if (key == "flags") {
      size_t start = 0;
      while (start <= value.size()) {
        size_t comma = std::min(value.find(',', start), value.size());
        spec.flags.push_back({value.substr(start, comma - start), at(w.offset + eq + 1 + start)});
        start = comma + 1;
      }
    } else if (key == "format") {
      if (std::find(kFormats.begin(), kFormats.end(), value) == kFormats.end()) {
        page.Error(value_pos, "unknown format " + Quoted(value) + DidYouMeanSuffix(value, kFormats) +
                                  "; known formats: " + JoinQuoted(kFormats));
        ok = false;
      }
      format = value;
    }
  }
  if (!ok) return std::nullopt;
  auto selection = Resolve(
      data, spec, [&](const SourcePos& pos, const std::string& message) { scope.Error(pos, message); });
  if (!selection) return std::nullopt;
  const Locale& locale = *scope.language().locale;
  UiStrings strings(scope.language());

  std::string text;
  if (name == "count") {
    int64_t n = static_cast<int64_t>(selection->projects.size());
    const std::string* pattern = strings.Find("funding_projects_" + locale.PluralCategory(n));
    text = FillPlaceholders(pattern ? *pattern : strings.Get("funding_projects_other"),
                            {{"count", locale.FormatInteger(n)}});
  } else {
    int64_t total = 0;
    for (const Project* p : selection->projects) total += p->amount;
    if (format == "compact" && total >= kCompactFrom)
      text = FillPlaceholders(strings.Get("funding_compact_currency"),
                              {{"number", locale.FormatCompact(total)}});
    else
      text = locale.FormatCurrency(total);
  }
  if (!strings.Check(page, whole)) return std::nullopt;
  return text;
}

}  // namespace tandem::funding
