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

// A figure as written: its name ("total", "count"), what it selects and its format.
struct FigureCall {
  std::string name;
  SelectionSpec spec;
  std::string format = "full";
};

// Where byte `offset` of the directive is in the page: the braces come first.
class DirectivePlace {
 public:
  DirectivePlace(std::string_view directive, int line, int column, const PageScope& scope)
      : directive_(directive), line_(line), column_(column), scope_(scope) {}
  SourcePos At(size_t offset) const {
    return scope_.At(line_, column_ > 0
                                ? column_ + 2 + static_cast<int>(CharacterCount(directive_.substr(0, offset)))
                                : 0);
  }
  SourcePos Whole() const { return scope_.At(line_, column_); }

 private:
  std::string_view directive_;
  int line_, column_;
  const PageScope& scope_;
};

// Reads one key=value argument `w` into `call`; false, reported, when it is not one of `allowed`,
// is given twice (`seen` holds those before it) or has a value that cannot be.
bool ReadArgument(const Word& w, const std::vector<std::string>& allowed, std::vector<std::string>& seen,
                  const DirectivePlace& place, FigureCall& call, PageScope& page) {
  const std::string& name = call.name;
  size_t eq = w.text.find('=');
  std::string key = w.text.substr(0, eq);
  if (eq == std::string::npos || eq == 0 || eq + 1 == w.text.size()) {
    page.Error(place.At(w.offset),
               "expected key=value in {{funding:" + name + "}}, like program=csoc; got " + Quoted(w.text));
    return false;
  }
  std::string value = w.text.substr(eq + 1);
  SourcePos key_pos = place.At(w.offset), value_pos = place.At(w.offset + eq + 1);
  if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
    page.Error(key_pos, "unknown argument " + Quoted(key) + " for {{funding:" + name + "}}" +
                            DidYouMeanSuffix(key, allowed) + "; known arguments: " + JoinQuoted(allowed));
    return false;
  }
  if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
    page.Error(key_pos, "argument " + Quoted(key) + " is given twice");
    return false;
  }
  seen.push_back(key);
  if (key == "program") {
    call.spec.program = Arg{value, value_pos};
  } else if (key == "stream") {
    call.spec.stream = Arg{value, value_pos};
  } else if (key == "flags") {
    size_t start = 0;
    while (start <= value.size()) {
      size_t comma = std::min(value.find(',', start), value.size());
      call.spec.flags.push_back({value.substr(start, comma - start), place.At(w.offset + eq + 1 + start)});
      start = comma + 1;
    }
  } else if (key == "format") {
    call.format = value;
    if (std::find(kFormats.begin(), kFormats.end(), value) == kFormats.end()) {
      page.Error(value_pos, "unknown format " + Quoted(value) + DidYouMeanSuffix(value, kFormats) +
                                "; known formats: " + JoinQuoted(kFormats));
      return false;
    }
  }
  return true;
}

// The figure's name and arguments, every mistake reported; nullopt if there was one.
std::optional<FigureCall> ParseFigure(std::string_view directive, const DirectivePlace& place,
                                      PageScope& page) {
  size_t colon = directive.find(':');
  std::vector<Word> words =
      SplitWords(directive, colon == std::string_view::npos ? directive.size() : colon + 1);
  if (words.empty()) {
    page.Error(place.Whole(),
               "a funding figure needs a name: write {{funding:total program=...}} or "
               "{{funding:count program=...}}");
    return std::nullopt;
  }
  FigureCall call;
  call.name = words.front().text;
  if (std::find(kFigures.begin(), kFigures.end(), call.name) == kFigures.end()) {
    page.Error(place.At(words.front().offset), "unknown funding figure " + Quoted(call.name) +
                                                   DidYouMeanSuffix(call.name, kFigures) +
                                                   "; known figures: " + JoinQuoted(kFigures));
    return std::nullopt;
  }
  const std::vector<std::string>& allowed = call.name == "total" ? kTotalArgs : kCountArgs;
  call.spec.where = place.Whole();
  call.spec.figure = true;
  bool ok = true;
  std::vector<std::string> seen;
  for (size_t i = 1; i < words.size(); ++i)
    ok = ReadArgument(words[i], allowed, seen, place, call, page) && ok;
  if (!ok) return std::nullopt;
  return call;
}

// The figure's text in the page's language: a count of projects, or their total.
std::string FigureText(const FigureCall& call, const Selection& selection, const Locale& locale,
                       UiStrings& strings) {
  if (call.name == "count") {
    int64_t n = static_cast<int64_t>(selection.projects.size());
    const std::string* pattern = strings.Find("funding_projects_" + locale.PluralCategory(n));
    return FillPlaceholders(pattern ? *pattern : strings.Get("funding_projects_other"),
                            {{"count", locale.FormatInteger(n)}});
  }
  int64_t total = 0;
  for (const Project* p : selection.projects) total += p->amount;
  if (call.format == "compact" && total >= kCompactFrom)
    return FillPlaceholders(strings.Get("funding_compact_currency"),
                            {{"number", locale.FormatCompact(total)}});
  return locale.FormatCurrency(total);
}

}  // namespace

std::optional<std::string> RenderFigure(const Dataset& data, std::string_view directive, int line, int column,
                                        PageScope& scope) {
  DirectivePlace place(directive, line, column, scope);
  auto call = ParseFigure(directive, place, scope);
  if (!call) return std::nullopt;
  auto selection = Resolve(
      data, call->spec, [&](const SourcePos& pos, const std::string& message) { scope.Error(pos, message); });
  if (!selection) return std::nullopt;
  UiStrings strings(scope.language());
  std::string text = FigureText(*call, *selection, *scope.language().locale, strings);
  if (!strings.Check(scope, place.Whole())) return std::nullopt;
  return text;
}

}  // namespace tandem::funding
