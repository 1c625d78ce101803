#include "support/diagnostics.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace tandem {

std::string LineAt(std::string_view text, int line) {
  if (line < 1) return {};
  size_t start = 0;
  for (int i = 1; i < line; ++i) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  std::string_view l = text.substr(start, end == std::string_view::npos ? text.size() - start : end - start);
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return std::string(l);
}

namespace {

// `text` with each control character but tab (C0, DEL, C1) shown as U+FFFD, one character for
// one so that the caret keeps its column: a path, value or line from content never reaches the
// terminal as an escape sequence, and never starts a line of its own that reads as a diagnostic.
std::string Visible(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool c1 = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
              static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if ((c < 0x20 && c != '\t') || c == 0x7F || c1) {
      out += "\uFFFD";
      i += c1;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The caret sits under the column-th character, counting a UTF-8 sequence as one.
std::string CaretLine(const std::string& source_line, int column) {
  std::string pad;
  int seen = 1;
  for (size_t i = 0; i < source_line.size() && seen < column; ++i) {
    unsigned char c = static_cast<unsigned char>(source_line[i]);
    if ((c & 0xC0) == 0x80) continue;
    pad += c == '\t' ? '\t' : ' ';
    ++seen;
  }
  return pad + "^";
}

// A very long line is cut after the column shown, at a character boundary.
std::string Shortened(const std::string& line, int column) {
  constexpr size_t kShown = 160;
  size_t keep = std::max<size_t>(kShown, static_cast<size_t>(column) * 4 + 40);
  if (line.size() <= keep) return line;
  while (keep > 0 && (static_cast<unsigned char>(line[keep]) & 0xC0) == 0x80) --keep;
  return line.substr(0, keep) + "…";
}

const char* Label(Severity s) {
  switch (s) {
    case Severity::kError:
      return ": error: ";
    case Severity::kWarning:
      return ": warning: ";
    default:
      return ": note: ";
  }
}

bool Before(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.pos.path, a.pos.line, a.pos.column, a.severity, a.message, a.source_line, a.code) <
         std::tie(b.pos.path, b.pos.line, b.pos.column, b.severity, b.message, b.source_line, b.code);
}

}  // namespace

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out = Visible(d.pos.path);
  if (d.pos.line > 0) {
    out += ":" + std::to_string(d.pos.line);
    if (d.pos.column > 0) out += ":" + std::to_string(d.pos.column);
  }
  out += d.pos.path.empty() ? Label(d.severity) + 2 : Label(d.severity);  // "error: " alone
  out += Visible(d.message);
  if (!d.code.empty()) out += " [" + d.code + "]";
  if (!d.source_line.empty() && d.pos.line > 0) {
    std::string gutter = std::to_string(d.pos.line);
    std::string line = Visible(d.source_line);
    out += "\n " + gutter + " | " + Shortened(line, d.pos.column);
    if (d.pos.column > 0)
      out += "\n " + std::string(gutter.size(), ' ') + " | " + CaretLine(line, d.pos.column);
  }
  return out;
}

void Diagnostics::Error(SourcePos pos, std::string message, std::string source_line, std::string code) {
  Add({Severity::kError, std::move(pos), std::move(message), std::move(source_line), std::move(code)});
}

void Diagnostics::Warning(SourcePos pos, std::string message, std::string source_line, std::string code) {
  Add({Severity::kWarning, std::move(pos), std::move(message), std::move(source_line), std::move(code)});
}

void Diagnostics::Note(SourcePos pos, std::string message, std::string source_line) {
  Add({Severity::kNote, std::move(pos), std::move(message), std::move(source_line)});
}

void Diagnostics::Add(Diagnostic d) {
  if (policy_ && !policy_(d)) return;
  std::string key = std::to_string(static_cast<int>(d.severity)) + '\0' + d.pos.path + '\0' +
                    std::to_string(d.pos.line) + ':' + std::to_string(d.pos.column) + '\0' + d.message +
                    '\0' + d.code;
  std::lock_guard lock(mutex_);
  // Two readers of one file (site data and the funding tables both read data/*.toml) find the
  // same problem: the user sees it once.
  if (!seen_.insert(std::move(key)).second) return;
  if (d.severity == Severity::kError) ++errors_;
  if (d.severity == Severity::kWarning) ++warnings_;
  items_.push_back(std::move(d));
}

void Diagnostics::AddAll(std::vector<Diagnostic> ds) {
  for (Diagnostic& d : ds) Add(std::move(d));
}

void Diagnostics::Clear() {
  std::lock_guard lock(mutex_);
  items_.clear();
  seen_.clear();
  errors_ = warnings_ = 0;
}

size_t Diagnostics::error_count() const {
  std::lock_guard lock(mutex_);
  return errors_;
}

size_t Diagnostics::warning_count() const {
  std::lock_guard lock(mutex_);
  return warnings_;
}

std::vector<Diagnostic> Diagnostics::Sorted() const {
  std::vector<Diagnostic> out;
  {
    std::lock_guard lock(mutex_);
    out = items_;
  }
  std::sort(out.begin(), out.end(), Before);
  return out;
}

std::vector<Diagnostic> Diagnostics::Shown() const {
  std::vector<Diagnostic> out;
  size_t errors = 0;
  for (Diagnostic& d : Sorted())
    if (d.severity != Severity::kError || ++errors <= kMaxErrors) out.push_back(std::move(d));
  return out;
}

std::string Diagnostics::Render() const {
  std::string out;
  for (const Diagnostic& d : Shown()) out += FormatDiagnostic(d) + "\n";
  return out + LeftOut();
}

namespace {

// What kind of error a message is: its words, with what is quoted in it (names, values) elided,
// up to its first "; " (the advice), and at most 100 characters.
std::string KindOf(const std::string& message) {
  std::string kind;
  bool quoted = false;
  for (size_t i = 0; i < message.size() && message.compare(i, 2, "; ") != 0; ++i) {
    if (message[i] == '"') {
      if (!quoted) kind += "\"…\"";
      quoted = !quoted;
    } else if (!quoted) {
      kind += message[i];
    }
  }
  if (kind.size() > 100) {
    size_t cut = 100;
    while (cut > 0 && (static_cast<unsigned char>(kind[cut]) & 0xC0) == 0x80) --cut;
    kind = kind.substr(0, cut) + "…";
  }
  return kind;
}

}  // namespace

std::string Diagnostics::LeftOut() const {
  std::map<std::string, size_t> kinds;
  size_t errors = 0;
  for (const Diagnostic& d : Sorted())
    if (d.severity == Severity::kError && ++errors > kMaxErrors) ++kinds[KindOf(d.message)];
  if (errors <= kMaxErrors) return "";
  std::vector<std::pair<std::string, size_t>> by_count(kinds.begin(), kinds.end());
  std::stable_sort(by_count.begin(), by_count.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out =
      "error: " + std::to_string(errors - kMaxErrors) + " more errors not shown, of these kinds:\n";
  for (const auto& [kind, count] : by_count) out += "  " + std::to_string(count) + " × " + kind + "\n";
  return out;
}

}  // namespace tandem
