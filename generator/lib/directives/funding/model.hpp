// Internals of the funding directive, shared by its files: the data model
// (data.cpp reads and checks it), selections (select.cpp), tables and CSV
// (table.cpp), figures (figure.cpp) and the directive itself (directive.cpp).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "directives/directive.hpp"
#include "support/diagnostics.hpp"

namespace tandem::funding {

// A text in each of the site's languages: name.en, name.fr...
struct Text {
  std::map<std::string, std::string> values;  // language code -> text
  // The text in `lang` (the data is checked to have every language of the site).
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
  std::vector<std::string> languages;  // the site's language codes: each Text has all of them
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

// The theme's UI strings of the page's language; remembers the keys it lacks.
class UiStrings {
 public:
  explicit UiStrings(const Language& language) : language_(language) {}
  const std::string& Get(const std::string& key);  // empty, and remembered, when missing
  const std::string* Find(const std::string& key) const;
  // Reports the missing keys at `pos`; true if none was missing.
  bool Check(PageScope& scope, const SourcePos& pos) const;

 private:
  const Language& language_;
  std::vector<std::string> missing_;
};

// A province's or country's name in the page's language.
std::string PlaceName(const Project& project, const Language& language, UiStrings& strings);
// "2020-2021 to 2023-2024", or "2020-2021" for a one-year project.
std::string YearsText(const Project& project, UiStrings& strings);

// Reads every data/*.toml file that holds funding data into `data`. False on any error.
// `fingerprint` changes whenever the data does.
bool LoadDataset(const std::string& source_dir, const std::vector<std::string>& languages, Dataset& data,
                 std::string& fingerprint, Diagnostics& diags);

// The HTML of a ```funding block whose TOML body starts after the fence on `line` (of the Markdown).
std::optional<std::string> RenderTable(const Dataset& data, std::string_view body, int line,
                                       PageScope& scope);
// The text of {{funding:...}} (`directive` without the braces) at `line`:`column` of the Markdown.
std::optional<std::string> RenderFigure(const Dataset& data, std::string_view directive, int line, int column,
                                        PageScope& scope);

}  // namespace tandem::funding
