// Splitting a page into its front matter and body; the formats, the fields and the keys are read
// in content/front_matter/.
#include "content/front_matter.hpp"

#include <algorithm>

#include "content/front_matter/fields.hpp"
#include "support/printable.hpp"
#include "support/text.hpp"

namespace tandem {

namespace front_matter {

std::optional<Block> SplitFrontMatter(const std::string& path, const std::string& text, Diagnostics& diags) {
  std::string fence;
  if (StartsWith(text, "+++\n") || text == "+++")
    fence = "+++";
  else if (StartsWith(text, "---\n") || text == "---")
    fence = "---";
  if (fence.empty()) {
    diags.Error({path, 1, 1},
                "a page must start with front matter: a line +++ (TOML) or --- (YAML), then at least "
                "title = \"...\", then the same line again",
                LineAt(text, 1));
    return std::nullopt;
  }
  size_t start = fence.size() + 1;
  int line = 2;
  for (size_t at = start; at <= text.size();) {
    size_t nl = text.find('\n', at);
    std::string_view l(text.data() + at, (nl == std::string::npos ? text.size() : nl) - at);
    if (l == fence || (fence == "---" && l == "...")) {
      Block b{fence == "+++" ? "toml" : "yaml",
              std::string_view(text).substr(start, at - start),
              2,
              {},
              line + 1};
      b.body = nl == std::string::npos ? "" : text.substr(nl + 1);
      return b;
    }
    if (nl == std::string::npos) break;
    at = nl + 1;
    ++line;
  }
  diags.Error({path, 1, 1},
              "front matter opened with " + fence + " is never closed; add a line " + fence +
                  " after the last field (did you forget it?)",
              fence);
  return std::nullopt;
}

}  // namespace front_matter

using front_matter::Block;
using front_matter::Field;
using front_matter::KnownKey;
using front_matter::ParseTomlBlock;
using front_matter::ParseYamlBlock;
using front_matter::SplitFrontMatter;

namespace {

// The top-level fields of a page's front matter, read without a word on what is wrong with them;
// nullopt when it has none or they cannot be read.
std::optional<std::vector<Field>> QuietFields(const std::string& path, const std::string& text) {
  Diagnostics quiet;
  auto block = SplitFrontMatter(path, text, quiet);
  if (!block) return std::nullopt;
  return block->format == "toml" ? ParseTomlBlock(path, text, *block, quiet)
                                 : ParseYamlBlock(path, text, *block, quiet);
}

}  // namespace

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

std::vector<OwnKey> OwnKeysOf(const std::string& path, const std::string& text,
                              const std::vector<std::string>& taxonomy_keys) {
  std::vector<OwnKey> out;
  if (auto fields = QuietFields(path, text))
    for (const Field& f : *fields)
      if (KnownKey(f.key).empty() &&
          std::find(taxonomy_keys.begin(), taxonomy_keys.end(), AsciiLower(f.key)) == taxonomy_keys.end())
        out.push_back({f.key, std::max(f.pos.line, 1)});
  return out;
}

std::string FrontMatterText(const std::string& path, const std::string& text, std::string_view key) {
  std::string known = KnownKey(key);
  if (known.empty()) return "";
  if (auto fields = QuietFields(path, text))
    for (const Field& f : *fields)
      if (f.kind == Field::Kind::kScalar && KnownKey(f.key) == known) return f.text;
  return "";
}

bool IsFrontMatterKey(std::string_view key) {
  return !KnownKey(key).empty();
}

std::optional<PageSource> ParsePage(const std::string& path, const std::string& text, Diagnostics& diags,
                                    const std::vector<std::string>& taxonomy_keys) {
  auto block = SplitFrontMatter(path, text, diags);
  if (!block) return std::nullopt;
  auto fields = block->format == "toml" ? ParseTomlBlock(path, text, *block, diags)
                                        : ParseYamlBlock(path, text, *block, diags);
  if (!fields) return std::nullopt;
  if (!front_matter::CheckPrintableFields(*fields, text, diags)) return std::nullopt;
  PageSource page;
  bool ok = front_matter::ReadFields(*fields, path, text, taxonomy_keys, page.meta, diags);
  // No title at all: the build gives the page its first heading's, or reports it (GiveMissingTitles).
  if (page.meta.title.empty() && page.meta.title_pos.line > 0) {
    ok = false;
    diags.Error(page.meta.title_pos, "the title is empty", LineAt(text, page.meta.title_pos.line));
  }
  // The body's text reaches the page, and the feeds' summaries: it is held to the same rule.
  if (auto bad = FindUnprintable(block->body)) {
    TextPos in_body = PosOfOffset(block->body, bad->offset);
    ReportUnprintable(text, {path, block->body_line + in_body.line - 1, in_body.column}, "the page's text",
                      bad->code, diags);
    ok = false;
  }
  if (!ok) return std::nullopt;
  page.body = std::move(block->body);
  page.body_line = block->body_line;
  return page;
}

}  // namespace tandem
