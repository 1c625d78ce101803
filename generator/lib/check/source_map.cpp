#include "check/source_map.hpp"

#include <optional>

#include "support/files.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

// Line and column (1-based, in characters) of `offset` in `text`.
SourcePos PosAt(const std::string& path, const std::string& text, size_t offset) {
  SourcePos pos{path, 1, 1};
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++pos.column;
    }
  }
  return pos;
}

// The offset where line `line` (1-based) starts.
size_t LineStart(const std::string& text, int line) {
  size_t at = 0;
  for (int i = 1; i < line && at != std::string::npos; ++i) {
    at = text.find('\n', at);
    if (at != std::string::npos) ++at;
  }
  return at == std::string::npos ? text.size() : at;
}

std::optional<Diagnostic> Find(const std::string& path, const std::string& text, size_t from,
                               const std::vector<std::string>& needles) {
  for (const std::string& needle : needles) {
    if (needle.empty()) continue;
    size_t at = text.find(needle, from);
    if (at == std::string::npos) continue;
    // A Markdown link's "](" only finds the address: the message points at the address itself.
    if (StartsWith(needle, "](")) at += 2;
    Diagnostic d;
    d.pos = PosAt(path, text, at);
    d.source_line = LineAt(text, d.pos.line);
    return d;
  }
  return std::nullopt;
}

}  // namespace

const std::string& SourceMap::Text(const std::string& fs_path) {
  std::lock_guard lock(mutex_);
  auto it = texts_.find(fs_path);
  if (it != texts_.end()) return it->second;
  std::string text;
  try {
    text = ReadFile(fs_path);
  } catch (const IoError&) {
    // A file gone since it was read: the finding is then placed on the file alone.
  }
  return texts_.emplace(fs_path, std::move(text)).first->second;
}

Diagnostic SourceMap::Locate(const Page& page, const std::string& layout,
                             const std::vector<std::string>& needles, std::string message, std::string code) {
  std::optional<Diagnostic> found;
  if (!page.implicit) {
    const std::string& text = Text(page.fs_path);
    found = Find(page.source_path, text, LineStart(text, page.body_line), needles);
  }
  if (!found) {
    std::string rel = "/templates/" + layout + ".mustache";
    found = Find(shown_theme_dir_ + rel, Text(theme_dir_ + rel), 0, needles);
    // Written by neither as it is (a shortcode's template, a partial): the page it is in.
    if (!found)
      found =
          Diagnostic{Severity::kWarning, {page.implicit ? shown_theme_dir_ + rel : page.source_path}, "", ""};
  }
  found->severity = Severity::kWarning;
  found->message = std::move(message);
  found->code = std::move(code);
  return *found;
}

Diagnostic SourceMap::At(const Page& page, const SourcePos& pos, std::string message, std::string code) {
  return {Severity::kWarning, pos, std::move(message), LineAt(Text(page.fs_path), pos.line), std::move(code)};
}

}  // namespace tandem
