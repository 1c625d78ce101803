// The funding directive: a ```funding block's TOML body (funding::RenderTable) and an inline
// {{funding:...}} figure (funding::RenderFigure), against a fixed data set loaded once by
// funding::LoadDataset from a scratch folder, on a page in English or French with the gc
// theme's UI strings and templates (as tests/unit/funding_harness.cpp sets them up).
//
// Input: byte 0 chooses: bit 0 clear, a table (the rest is the block's body); set, a figure
// (the rest is what stands between the braces, "funding:total program=demo"). Bit 1 chooses
// French. A page is valid UTF-8 by the time it reaches a directive, so other input is skipped
// (by the decoder of fuzz_common.hpp).
//
// Invariants, besides no crash or sanitizer report:
// - nothing is refused silently: when a block or figure gives nothing, an error says why
//   (the page renders the directive as "" otherwise, and the build goes on);
// - every message is about the page's file, at a line of the page;
// - what the page author and the data wrote is escaped: "<x-fuzz" (seeds carry it), "<script"
//   and "<b>" (in the data) never come out as markup;
// - the CSV has the same number of fields on every row, and no cell a spreadsheet would run
//   as a formula.
#include <algorithm>
#include <map>
#include <memory>

#include "directives/funding/model.hpp"
#include "funding_data.hpp"
#include "fuzz_common.hpp"
#include "theme/theme.hpp"
#include "support/text.hpp"

namespace {

using namespace tandem;

// One language's page: what a PageScope needs, made once.
struct Lang {
  Language language;
  Page page;
};

struct World {
  funding::Dataset data;
  std::unique_ptr<Theme> theme;
  std::unique_ptr<TemplateSet> templates;
  std::map<std::string, Lang> langs;
};

World& TheWorld() {
  static World* world = [] {
    auto* w = new World;
    const std::string& dir = fuzz::ScratchDir::Path();
    fuzz::WriteOrDie(dir + "/data/funding.toml", fuzz::kFundingData);
    Diagnostics diags;
    std::string fingerprint;
    if (!funding::LoadDataset(dir, {"en", "fr"}, w->data, fingerprint, diags)) {
      std::fprintf(stderr, "the fuzz data set does not load:\n%s", diags.Render().c_str());
      std::abort();
    }
    w->theme = std::make_unique<Theme>();
    if (!w->theme->Load(SiteConfig{}, dir, diags)) {
      std::fprintf(stderr, "the gc theme does not load:\n%s", diags.Render().c_str());
      std::abort();
    }
    w->templates = std::make_unique<TemplateSet>(*w->theme);
    std::map<std::string, Strings> strings;
    if (!LoadUiStrings({"en", "fr"}, {w->theme->dir(), w->theme->shown_dir(), dir}, strings, diags)) {
      std::fprintf(stderr, "the gc theme's UI strings do not load:\n%s", diags.Render().c_str());
      std::abort();
    }
    for (const std::string code : {"en", "fr"}) {
      Lang& l = w->langs[code];
      l.language.index = code == "en" ? 0 : 1;
      l.language.config.code = code;
      l.language.config.locale = code + "-CA";
      l.language.locale = std::make_unique<Locale>(code + "-CA");
      l.language.strings = strings[code];
      l.page.lang_index = l.language.index;
      l.page.source_path = "content/" + code + "/x.md";
      l.page.output_path = code + "/x/index.html";
      l.page.url_path = "/" + code + "/x/";
      l.page.body_line = 4;  // after three lines of front matter
    }
    return w;
  }();
  return *world;
}

// RFC 4180 rows of `csv` (after its BOM); nullopt if it is not well formed.
std::optional<std::vector<std::vector<std::string>>> ParseCsv(std::string_view csv) {
  if (!StartsWith(csv, "\xEF\xBB\xBF")) return std::nullopt;
  csv.remove_prefix(3);
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  size_t i = 0;
  bool at_field_start = true;
  while (i < csv.size()) {
    char c = csv[i];
    if (at_field_start && c == '"') {
      ++i;
      for (;;) {
        if (i >= csv.size()) return std::nullopt;
        if (csv[i] == '"') {
          if (i + 1 < csv.size() && csv[i + 1] == '"') {
            rows.back().back() += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        rows.back().back() += csv[i++];
      }
      at_field_start = false;
      if (i < csv.size() && csv[i] != ',' && csv[i] != '\r') return std::nullopt;
      continue;
    }
    if (c == ',') {
      rows.back().emplace_back();
      at_field_start = true;
      ++i;
    } else if (c == '\r') {
      if (i + 1 >= csv.size() || csv[i + 1] != '\n') return std::nullopt;
      i += 2;
      if (i < csv.size()) rows.emplace_back(1);
      at_field_start = true;
    } else if (c == '"' || c == '\n') {
      return std::nullopt;  // a quote or a line break in a field that is not quoted
    } else {
      rows.back().back() += c;
      at_field_start = false;
      ++i;
    }
  }
  if (!EndsWith(csv, "\r\n")) return std::nullopt;
  return rows;
}

void CheckCsv(const Attachment& a, const std::string& page_dir) {
  FUZZ_CHECK(StartsWith(a.path, page_dir) && EndsWith(a.path, ".csv"), "a CSV written to " + a.path);
  auto rows = ParseCsv(a.bytes);
  FUZZ_CHECK(rows, "the CSV is not well formed:\n" + a.bytes);
  for (const auto& row : *rows) {
    FUZZ_CHECK(row.size() == rows->front().size(), "a CSV row has " + std::to_string(row.size()) +
                                                       " fields, its header " +
                                                       std::to_string(rows->front().size()));
    for (const std::string& field : row)
      FUZZ_CHECK(field.empty() || std::string_view("=+-@\t\r").find(field[0]) == std::string_view::npos,
                 "a CSV cell a spreadsheet runs as a formula: " + field);
  }
}

void CheckDiagnostics(const PageScope& scope, const Page& page, std::string_view markdown) {
  int last_line = page.body_line + static_cast<int>(std::count(markdown.begin(), markdown.end(), '\n'));
  for (const Diagnostic& d : scope.diagnostics) {
    std::string shown = FormatDiagnostic(d);
    FUZZ_CHECK(d.pos.path == page.source_path, shown);
    FUZZ_CHECK(d.pos.line >= page.body_line && d.pos.line <= last_line,
               "a message outside the Markdown (lines " + std::to_string(page.body_line) + " to " +
                   std::to_string(last_line) + "):\n" + shown);
    FUZZ_CHECK(d.pos.column >= 0, shown);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  if (size < 1 || size > tandem::fuzz::kMaxInput) return -1;
  World& world = TheWorld();
  std::string_view input = tandem::fuzz::AsText(bytes + 1, size - 1);
  if (!tandem::fuzz::IsValidUtf8(input)) return -1;
  bool figure = bytes[0] & 1;
  Lang& lang = world.langs[(bytes[0] & 2) ? "fr" : "en"];

  // The Markdown the directive stands in, so that its lines are the page's.
  std::string markdown;
  int line = 1, column = 0;
  if (figure) {
    markdown = "Text {{" + std::string(input) + "}} and more.\n";
    column = 6;
  } else {
    markdown = "```funding\n" + std::string(input);
    if (!markdown.empty() && markdown.back() != '\n') markdown += '\n';
    markdown += "```\n";
  }
  PageScope scope(lang.page, lang.language, markdown,
                  [&](const std::string& name, const Value& view) -> std::optional<std::string> {
                    if (!world.templates->Has(name)) return std::nullopt;
                    return world.templates->Render(name, ToData(view));
                  });
  std::optional<std::string> out = figure ? funding::RenderFigure(world.data, input, line, column, scope)
                                          : funding::RenderTable(world.data, input, line, scope);
  FUZZ_CHECK(out || scope.has_errors(), "the directive gave nothing, and no error says why");
  CheckDiagnostics(scope, lang.page, markdown);
  if (out) {
    for (const char* markup : {"<x-fuzz", "<script", "<b>"})
      FUZZ_CHECK(out->find(markup) == std::string::npos,
                 "markup from the page or the data comes out unescaped:\n" + *out);
    FUZZ_CHECK(tandem::fuzz::IsValidUtf8(*out), "invalid UTF-8 out of valid UTF-8:\n" + *out);
  }
  std::string page_dir = lang.page.output_path.substr(0, lang.page.output_path.rfind('/') + 1);
  for (const Attachment& a : scope.attachments) CheckCsv(a, page_dir);
  return 0;
}
