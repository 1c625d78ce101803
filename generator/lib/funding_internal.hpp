// Internals of the funding module, shared by its files: the data model
// (funding.cpp reads and checks it), selections (funding_select.cpp), tables
// and CSV (funding_table.cpp) and figures (funding_figure.cpp).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.hpp"
#include "funding.hpp"

namespace tandem::funding {

// A text in each language: name.en / name.fr.
struct Text {
  std::map<std::string, std::string> values;  // language code -> text
  // The text in `lang`, or the English one if the data has none in `lang`.
  const std::string& In(const std::string& lang) const;
};

struct Program {
  std::string id;
  Text name, department;
};

struct Stream {
  std::string id, program;
  Text name;
};

struct Project {
  std::string id, program, stream;
  Text recipient, title, city;
  std::string province;        // two-letter code; empty for a project abroad
  std::string country = "CA";  // ISO 3166 alpha-2
  int64_t amount = 0;          // whole dollars
  int first_year = 0;          // 2020 for fiscal year 2020-2021
  int duration_years = 1;
  bool indigenous_led = false;
  bool indigenous_serving = false;
  std::string link;
};

// Everything read from data/*.toml, in the order of the files (sorted by name), then of the entries.
struct Dataset {
  std::string source_dir;  // the site folder, for quoting page lines in errors
  std::vector<Program> programs;
  std::vector<Stream> streams;
  std::vector<Project> projects;

  const Program* FindProgram(std::string_view id) const;
  const Stream* FindStream(std::string_view id) const;
  std::vector<std::string> ProgramIds() const;
  std::vector<std::string> StreamIds(std::string_view program = {}) const;  // all streams when empty
};

extern const std::vector<std::string> kProvinces;  // "AB", "BC", ...
extern const std::vector<std::string> kFlags;      // "indigenous-led", "indigenous-serving"
bool HasFlag(const Project& project, std::string_view flag);
// "2020-2021" for 2020.
std::string FiscalYear(int first_year);
// "text", in double quotes, for messages.
inline std::string Quoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  out += s;
  out += '"';
  return out;
}
// Characters (not bytes) in a UTF-8 string.
int CharCount(std::string_view utf8);

// One value a table or figure gives, with where it was written (in the page's file).
struct Arg {
  std::string value;
  SourcePos pos;
};

// Reports an error at a place in the page.
using Report = std::function<void(const SourcePos& pos, const std::string& message)>;

// Which projects a table or figure is about.
struct SelectionSpec {
  std::optional<Arg> program, stream;
  std::vector<Arg> flags;
  SourcePos where;      // the block or figure, for a selection that names or matches nothing
  bool figure = false;  // shapes the hints: program=csoc rather than program = "csoc"
};

struct Selection {
  const Program* program = nullptr;  // the stream's program when only a stream is named
  const Stream* stream = nullptr;
  std::vector<std::string> flags;
  std::vector<const Project*> projects;  // in data order
};

std::optional<Selection> Resolve(const Dataset& data, const SelectionSpec& spec, const Report& report);

// The page a table or figure sits in: reads its lines (once) to quote them in errors.
class PageSource {
 public:
  PageSource(const Dataset& data, const FundingContext& ctx, Diagnostics& diags)
      : data_(data), ctx_(ctx), diags_(diags) {}
  // Line `file_line` of the page's file; empty when it cannot be read.
  std::string Line(int file_line);
  void Error(const SourcePos& pos, const std::string& message);
  void Warning(const SourcePos& pos, const std::string& message);
  Report Reporter() {
    return [this](const SourcePos& pos, const std::string& message) { Error(pos, message); };
  }
  const FundingContext& ctx() const { return ctx_; }

 private:
  const Dataset& data_;
  const FundingContext& ctx_;
  Diagnostics& diags_;
  bool read_ = false;
  std::string text_;
};

// The theme's UI strings of the page's language; remembers the keys it lacks.
class UiStrings {
 public:
  explicit UiStrings(const FundingContext& ctx) : ctx_(ctx) {}
  const std::string& Get(const std::string& key);  // empty, and remembered, when missing
  const std::string* Find(const std::string& key) const;
  // Reports the missing keys at `pos`; true if none was missing.
  bool Check(PageSource& page, const SourcePos& pos) const;

 private:
  const FundingContext& ctx_;
  std::vector<std::string> missing_;
};

// A province's or country's name in the page's language.
std::string PlaceName(const Project& project, const FundingContext& ctx, UiStrings& strings);
// "2020-2021 to 2023-2024", or "2020-2021" for a one-year project.
std::string YearsText(const Project& project, UiStrings& strings);

}  // namespace tandem::funding

namespace tandem {
struct FundingData::Impl {
  funding::Dataset data;
};
}  // namespace tandem
