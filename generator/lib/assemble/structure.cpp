#include "assemble/structure.hpp"

#include <string>

#include "support/text.hpp"

namespace tandem {

namespace {

std::string_view TrimmedLeft(std::string_view line) {
  size_t i = line.find_first_not_of(" \t");
  return i == std::string_view::npos ? std::string_view() : line.substr(i);
}

// A table's delimiter row: "|---|:--:|", "--- | ---".
bool IsDelimiterRow(std::string_view line) {
  line = TrimmedLeft(line);
  if (line.find('|') == std::string_view::npos || line.find('-') == std::string_view::npos) return false;
  for (char c : line)
    if (c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

// The fence a line opens or closes ("```" or "~~~", at least three), or "".
std::string_view FenceOf(std::string_view line) {
  line = TrimmedLeft(line);
  if (line.size() < 3 || (line[0] != '`' && line[0] != '~')) return {};
  size_t n = line.find_first_not_of(line[0]);
  if (n == std::string_view::npos) n = line.size();
  return n >= 3 ? line.substr(0, n) : std::string_view();
}

// "1 table", "2 tables": `what` is the singular.
std::string Counted(int n, const char* what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

void Compare(const Page& first, const PageStructure& a, const Page& other, const PageStructure& b,
             Diagnostics& diags) {
  auto warn = [&](int x, int y, const char* what) {
    if (x == y) return;
    diags.Warning({other.source_path},
                  "this version has " + Counted(y, what) + " and " + first.source_path + " has " +
                      Counted(x, what) + "; the two languages should give readers the same page",
                  {}, "structure-differs");
  };
  warn(a.headings, b.headings, "level-2 heading");
  warn(a.tables, b.tables, "table");
  warn(a.funding, b.funding, "funding block");
}

}  // namespace

PageStructure StructureOf(std::string_view markdown) {
  PageStructure s;
  std::string_view fence;  // the open fence, when inside one
  for (size_t start = 0; start < markdown.size();) {
    size_t end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view line = markdown.substr(start, end - start);
    start = end + 1;
    std::string_view f = FenceOf(line);
    if (!fence.empty()) {
      if (!f.empty() && f[0] == fence[0] && f.size() >= fence.size() && TrimmedLeft(line).size() == f.size())
        fence = {};
      continue;
    }
    if (!f.empty()) {
      fence = f;
      std::string_view info = TrimmedLeft(TrimmedLeft(line).substr(f.size()));
      s.funding += info.substr(0, 7) == "funding" && (info.size() == 7 || info[7] == ' ');
      continue;
    }
    std::string_view t = TrimmedLeft(line);
    s.headings += t.substr(0, 3) == "## " || t == "##";
    s.tables += IsDelimiterRow(line);
  }
  return s;
}

void WarnAboutStructure(Site& site, Diagnostics& diags) {
  if (site.languages.size() < 2) return;
  for (const auto& page : site.languages.front().pages) {
    if (page->implicit) continue;
    PageStructure first = StructureOf(site.texts.Peek(page.get()));
    for (const Page* other : page->translations)
      if (other && other != page.get() && !other->implicit)
        Compare(*page, first, *other, StructureOf(site.texts.Peek(other)), diags);
  }
}

}  // namespace tandem
