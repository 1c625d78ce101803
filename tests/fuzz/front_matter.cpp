// Front matter: ParsePage on a whole page file (TOML between +++ lines, YAML between ---),
// once as a build reads it (valid UTF-8 only, BOM dropped, CRLF turned to LF by
// NormalizeSource) and once as the bytes came.
//
// Invariants, besides no crash or sanitizer report:
// - a parsed page's body is the end of its text (content/load.cpp cuts the front matter off
//   by the body's size), and starts at file line body_line;
// - a parsed page has a title, and its dates are YYYY-MM-DD or empty;
// - a page that is refused is refused with an error, and every message formats;
// - the quick TOML reader, wherever it reads a block, gives the fields toml++ gives: the same
//   keys, kinds, values and positions;
// - FindInvalidUtf8, which decides whether a build reads the file at all, agrees with a plain
//   RFC 3629 decoder, and ReplaceInvalidUtf8 gives valid UTF-8.
#include "content/front_matter.hpp"

#include <algorithm>

#include "content/front_matter/fields.hpp"
#include "fuzz_common.hpp"
#include "i18n/time_zone.hpp"
#include "support/files.hpp"
#include "support/text.hpp"
#include "theme/theme.hpp"

namespace {

using namespace tandem;

void CheckUtf8(std::string_view text) {
  size_t bad = fuzz::FirstInvalidUtf8(text);
  std::optional<TextPos> found = FindInvalidUtf8(text);
  if (bad == std::string_view::npos) {
    FUZZ_CHECK(!found, "FindInvalidUtf8 refuses valid UTF-8 at line " + std::to_string(found->line) +
                           ", column " + std::to_string(found->column));
  } else {
    TextPos want = PosOfOffset(text, bad);
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
    FUZZ_CHECK(found, "FindInvalidUtf8 accepts invalid UTF-8: byte " + std::string(byte) + " at offset " +
                          std::to_string(bad));
    FUZZ_CHECK(found->line == want.line && found->column == want.column,
               "FindInvalidUtf8 says line " + std::to_string(found->line) + ", column " +
                   std::to_string(found->column) + "; the first invalid byte is at line " +
                   std::to_string(want.line) + ", column " + std::to_string(want.column));
  }
  FUZZ_CHECK(fuzz::FirstInvalidUtf8(ReplaceInvalidUtf8(text)) == std::string_view::npos,
             "ReplaceInvalidUtf8 leaves invalid UTF-8");
}

void Parse(const std::string& text) {
  Diagnostics diags;
  std::optional<PageSource> page = ParsePage("content/en/x.md", text, diags);
  std::string shown = diags.Render();  // formats every message with its line and caret
  if (!page) {
    FUZZ_CHECK(diags.has_errors(), "a page was refused without an error");
    return;
  }
  FUZZ_CHECK(!diags.has_errors(), "a page was accepted with an error:\n" + shown);
  FUZZ_CHECK(page->body.size() <= text.size() && EndsWith(text, page->body),
             "the body is not the end of the page's text");
  FUZZ_CHECK(page->body_line >= 3, "body_line " + std::to_string(page->body_line));
  std::string_view front(text.data(), text.size() - page->body.size());
  if (!page->body.empty()) {
    auto lines = std::count(front.begin(), front.end(), '\n');
    FUZZ_CHECK(lines + 1 == page->body_line, "body_line " + std::to_string(page->body_line) +
                                                 " but the body starts after " + std::to_string(lines) +
                                                 " line breaks");
  }
  const FrontMatter& m = page->meta;
  // A page may leave its title out (the build gives it its first heading's); one it writes is never empty.
  FUZZ_CHECK(!m.title.empty() || m.title_pos.line == 0, "an accepted page has an empty title");
  // Every date kept is in its canonical form: reading it again gives the same text.
  for (const std::string* date : {&m.date, &m.modified, &m.publish_date, &m.expiry_date}) {
    auto again = date->empty() ? std::nullopt : ParseDateTime(*date);
    FUZZ_CHECK(date->empty() || (again && again->ToString() == *date), "date " + *date);
  }
  // What a build does next with the fields: the view's template data and its cache key.
  Hasher h;
  m.params.HashInto(h);
  (void)ToData(m.params);
  for (const SourcePos* pos : {&m.title_pos, &m.slug_pos, &m.url_pos, &m.translation_key_pos, &m.layout_pos})
    (void)LineAt(front, pos->line);
}

std::string Describe(const front_matter::Field& f) {
  std::string out = "\"" + f.key + "\" at " + std::to_string(f.pos.line) + ":" +
                    std::to_string(f.pos.column) + " kind " + std::to_string(static_cast<int>(f.kind)) +
                    " text \"" + f.text + "\" flag " + std::to_string(f.flag) + " integer " +
                    std::to_string(f.integer) + " [";
  for (const auto& child : f.children) out += Describe(child) + "; ";
  return out + "]";
}

bool SameFields(const std::vector<front_matter::Field>& a, const std::vector<front_matter::Field>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (Describe(a[i]) != Describe(b[i]) || a[i].pos.path != b[i].pos.path) return false;
  return true;
}

// The quick reader only answers for the lines it knows; where it does, toml++ must agree.
void CheckQuickToml(const std::string& text) {
  Diagnostics quiet;
  auto block = front_matter::SplitFrontMatter("content/en/x.md", text, quiet);
  if (!block || block->format != "toml") return;
  auto quick = front_matter::ReadQuickToml("content/en/x.md", *block);
  if (!quick) return;
  auto full = front_matter::ReadFullToml("content/en/x.md", text, *block, quiet);
  FUZZ_CHECK(full, "the quick TOML reader accepts what toml++ refuses:\n" + quiet.Render());
  std::string both;
  for (const auto* fields : {&*quick, &*full}) {
    both += fields == &*quick ? "quick:" : "\ntoml++:";
    for (const auto& f : *fields) both += "\n  " + Describe(f);
  }
  FUZZ_CHECK(SameFields(*quick, *full), "the quick TOML reader and toml++ disagree\n" + both);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > tandem::fuzz::kMaxInput) return -1;
  std::string text(tandem::fuzz::AsText(data, size));
  CheckUtf8(text);
  Parse(text);
  // As a build reads a page (support/text.cpp ReadSourceText): invalid UTF-8 stops there.
  if (!FindInvalidUtf8(text)) {
    std::string normalized = NormalizeSource(text);
    if (normalized != text) Parse(normalized);
    CheckQuickToml(normalized);
  }
  return 0;
}
