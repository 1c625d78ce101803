// ```funding blocks: a TOML body naming the projects, their grouping, columns
// and order, made into a view model in the page's language (subtotals and a
// total computed in integers, amounts formatted by ICU) that the theme's
// directives/funding-table template turns into HTML, and a CSV file of its rows.
#include <algorithm>
#include <map>

#include "config/toml_source.hpp"
#include "directives/funding/model.hpp"
#include "support/text.hpp"

namespace tandem::funding {
namespace {

constexpr const char* kTemplate = "directives/funding-table";

const std::vector<std::string> kBlockKeys = {"program", "stream", "flags", "group_by",
                                             "columns", "sort",   "order", "caption"};
const std::vector<std::string> kColumns = {"recipient", "project", "city", "province", "amount", "years"};
const std::vector<std::string> kGroupBy = {"stream", "program", "province", "none"};
const std::vector<std::string> kOrders = {"ascending", "descending"};

// The block's body in the page: turns positions in the TOML into positions in the
// Markdown file (the body may sit indented in a list or after "> " in a quote).
class Block {
 public:
  Block(PageScope& scope, std::string_view body, int fence_line)
      : scope_(scope), body_(body), fence_line_(fence_line) {}

  int first_line() const { return fence_line_ + 1; }

  SourcePos At(int file_line, int column) {
    std::string in_body = LineAt(body_, file_line - first_line() + 1);
    std::string in_file = scope_.FileLine(file_line);
    if (column > 0 && !in_file.empty() && EndsWith(in_file, in_body))
      column += static_cast<int>(
          CharacterCount(std::string_view(in_file).substr(0, in_file.size() - in_body.size())));
    return {scope_.page().source_path, file_line, column};
  }
  SourcePos At(const toml::node& node) {
    return At(first_line() + static_cast<int>(node.source().begin.line) - 1,
              static_cast<int>(node.source().begin.column));
  }
  SourcePos At(const toml::key& key) {
    return At(first_line() + static_cast<int>(key.source().begin.line) - 1,
              static_cast<int>(key.source().begin.column));
  }
  // The opening fence.
  SourcePos Fence() {
    std::string line = scope_.FileLine(fence_line_);
    size_t at = line.find_first_of("`~");
    int column = at == std::string::npos
                     ? 1
                     : static_cast<int>(CharacterCount(std::string_view(line).substr(0, at))) + 1;
    return {scope_.page().source_path, fence_line_, column};
  }

  void Error(const SourcePos& pos, const std::string& message) { scope_.Error(pos, message); }
  void Error(const toml::node& node, const std::string& message) { Error(At(node), message); }

  // Moves what the TOML helpers reported (at body columns) to the page, at file columns.
  void Forward(const Diagnostics& local) {
    for (const Diagnostic& d : local.Sorted()) Error(At(d.pos.line, d.pos.column), d.message);
  }

 private:
  PageScope& scope_;
  std::string_view body_;
  int fence_line_;
};

// What a block asks for.
struct TableSpec {
  SelectionSpec selection;
  std::string group_by = "none";
  std::vector<std::string> columns = kColumns;
  std::string sort;  // empty: data order
  bool descending = false;
  std::optional<std::string> caption;
};

// One of `allowed`, or an error naming them.
std::optional<std::string> ReadChoice(Block& block, const toml::table& t, const std::string& key,
                                      const std::vector<std::string>& allowed, const std::string& what) {
  const toml::node* node = t.get(key);
  if (!node) return std::nullopt;
  auto value = node->value<std::string>();
  if (!value || !node->is_string()) {
    block.Error(*node, key + " must be a string, in quotes, one of " + JoinQuoted(allowed));
    return std::nullopt;
  }
  if (std::find(allowed.begin(), allowed.end(), *value) == allowed.end()) {
    block.Error(*node, "unknown " + key + " " + Quoted(*value) + DidYouMeanSuffix(*value, allowed) + "; " +
                           what + JoinQuoted(allowed));
    return std::nullopt;
  }
  return value;
}

std::optional<Arg> ReadArg(Block& block, const toml::table& t, const std::string& key, bool& ok) {
  const toml::node* node = t.get(key);
  if (!node) return std::nullopt;
  if (!node->is_string()) {
    block.Error(*node, key + " must be a string, in quotes, like " + key + " = \"...\"");
    ok = false;
    return std::nullopt;
  }
  return Arg{*node->value<std::string>(), block.At(*node)};
}

// A list of strings, each with its place.
std::optional<std::vector<Arg>> ReadList(Block& block, const toml::table& t, const std::string& key,
                                         const std::string& example) {
  const toml::node* node = t.get(key);
  if (!node) return std::nullopt;
  const toml::array* array = node->as_array();
  bool ok =
      array && std::all_of(array->begin(), array->end(), [](const toml::node& n) { return n.is_string(); });
  if (!ok) {
    block.Error(*node, key + " must be a list of strings, like " + key + " = " + example);
    return std::nullopt;
  }
  std::vector<Arg> out;
  for (const toml::node& item : *array) out.push_back({*item.value<std::string>(), block.At(item)});
  return out;
}

std::optional<TableSpec> ReadSpec(Block& block, const std::string& source_path, std::string_view body) {
  std::string text(body);
  TomlSource src{source_path, text, block.first_line(), text};
  Diagnostics local;
  auto parsed = ParseToml(src, local);
  if (!parsed) {
    block.Forward(local);
    return std::nullopt;
  }
  const toml::table& t = *parsed;
  bool ok = CheckKeys(src, t, kBlockKeys, "a funding block", local);
  block.Forward(local);

  TableSpec spec;
  spec.selection.where = block.Fence();
  spec.selection.program = ReadArg(block, t, "program", ok);
  spec.selection.stream = ReadArg(block, t, "stream", ok);
  if (t.contains("flags")) {
    auto flags = ReadList(block, t, "flags", "[\"indigenous-led\"]");
    if (flags) spec.selection.flags = *flags;
    ok = ok && flags;
  }
  if (t.contains("group_by")) {
    auto group_by = ReadChoice(block, t, "group_by", kGroupBy, "group by one of ");
    if (group_by) spec.group_by = *group_by;
    ok = ok && group_by;
  }
  if (t.contains("columns")) {
    auto columns = ReadList(block, t, "columns", "[\"recipient\", \"amount\"]");
    ok = ok && columns;
    if (columns) {
      spec.columns.clear();
      if (columns->empty()) {
        block.Error(*t.get("columns"), "columns is empty: name at least one of " + JoinQuoted(kColumns));
        ok = false;
      }
      for (const Arg& column : *columns) {
        if (std::find(kColumns.begin(), kColumns.end(), column.value) == kColumns.end()) {
          block.Error(column.pos, "unknown column " + Quoted(column.value) +
                                      DidYouMeanSuffix(column.value, kColumns) +
                                      "; known columns: " + JoinQuoted(kColumns));
          ok = false;
        } else if (std::find(spec.columns.begin(), spec.columns.end(), column.value) != spec.columns.end()) {
          block.Error(column.pos, "column " + Quoted(column.value) + " is listed twice");
          ok = false;
        } else {
          spec.columns.push_back(column.value);
        }
      }
      if (ok && !spec.columns.empty() && spec.columns.front() == "amount") {
        block.Error(columns->front().pos,
                    "\"amount\" cannot be the first column: the first column names each row (and holds the "
                    "subtotal and total labels); put recipient or project first");
        ok = false;
      }
    }
  }
  if (t.contains("sort")) {
    auto sort = ReadChoice(block, t, "sort", kColumns, "sort by one of ");
    if (sort) spec.sort = *sort;
    ok = ok && sort;
  }
  if (t.contains("order")) {
    auto order = ReadChoice(block, t, "order", kOrders, "use ");
    if (order) spec.descending = *order == "descending";
    ok = ok && order;
  }
  if (const toml::node* caption = t.get("caption")) {
    if (!caption->is_string()) {
      block.Error(*caption, "caption must be a string, in quotes, in the page's language");
      ok = false;
    } else {
      spec.caption = *caption->value<std::string>();
    }
  }
  if (!ok) return std::nullopt;
  return spec;
}

// A table's rows, cut into groups.
struct Group {
  std::string label;  // empty when the table is not grouped
  std::vector<const Project*> rows;
  int64_t subtotal = 0;
};

// The plain text of one cell (the amount as a plain integer).
std::string CellText(const Project& p, const std::string& column, const Language& lang, UiStrings& strings) {
  if (column == "recipient") return p.recipient.In(lang.code());
  if (column == "project") return p.title.In(lang.code());
  if (column == "city") return p.city.In(lang.code());
  if (column == "province") return PlaceName(p, lang, strings);
  if (column == "amount") return std::to_string(p.amount);
  return YearsText(p, strings);
}

std::vector<Group> MakeGroups(const Dataset& data, const Selection& selection, const TableSpec& spec,
                              const Language& lang, UiStrings& strings) {
  std::vector<Group> groups;
  if (spec.group_by == "none") {
    groups.push_back({"", selection.projects, 0});
  } else if (spec.group_by == "stream") {
    for (const Stream& s : data.streams) {
      Group g{s.name.In(lang.code()), {}, 0};
      for (const Project* p : selection.projects)
        if (p->stream == s.id) g.rows.push_back(p);
      if (!g.rows.empty()) groups.push_back(std::move(g));
    }
  } else if (spec.group_by == "program") {
    for (const Program& program : data.programs) {
      Group g{program.name.In(lang.code()), {}, 0};
      for (const Project* p : selection.projects)
        if (p->program == program.id) g.rows.push_back(p);
      if (!g.rows.empty()) groups.push_back(std::move(g));
    }
  } else {  // province: by the place's name, in the language's order
    for (const Project* p : selection.projects) {
      std::string place = PlaceName(*p, lang, strings);
      auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.label == place; });
      if (it == groups.end())
        groups.push_back({place, {p}, 0});
      else
        it->rows.push_back(p);
    }
    std::stable_sort(groups.begin(), groups.end(), [&](const Group& a, const Group& b) {
      return lang.locale->Compare(a.label, b.label) < 0;
    });
  }

  if (!spec.sort.empty()) {
    std::map<const Project*, std::string> text;  // each row's text in the sort column, made once
    if (spec.sort != "amount" && spec.sort != "years")
      for (const Project* p : selection.projects) text[p] = CellText(*p, spec.sort, lang, strings);
    auto less = [&](const Project* a, const Project* b) {
      if (spec.sort == "amount") return a->amount < b->amount;
      if (spec.sort == "years")
        return std::pair(a->first_year, a->duration_years) < std::pair(b->first_year, b->duration_years);
      return lang.locale->Compare(text.at(a), text.at(b)) < 0;
    };
    for (Group& g : groups)
      std::stable_sort(g.rows.begin(), g.rows.end(), [&](const Project* a, const Project* b) {
        return spec.descending ? less(b, a) : less(a, b);
      });
  }
  for (Group& g : groups)
    for (const Project* p : g.rows) g.subtotal += p->amount;
  return groups;
}

// A cell of the view model: its text, and how the template shows it.
Value Cell(const std::string& text, bool header) {
  return Value::Map().Set("text", text).Set("header", Value::Bool(header)).Set("amount", Value::Bool(false));
}

Value AmountCell(int64_t amount, const Locale& locale) {
  return Value::Map()
      .Set("text", locale.FormatCurrency(amount))
      .Set("header", Value::Bool(false))
      .Set("amount", Value::Bool(true))
      .Set("order", std::to_string(amount));
}

// A labelled row (subtotal, total): the label in the first column, the amount in its own.
Value SumRow(const std::string& label, int64_t amount, const TableSpec& spec, const Locale& locale) {
  Value cells = Value::List();
  cells.Push(Cell(label, true));
  for (size_t i = 1; i < spec.columns.size(); ++i)
    cells.Push(spec.columns[i] == "amount" ? AmountCell(amount, locale) : Cell("", false));
  return Value::Map().Set("label", label).Set("cells", std::move(cells));
}

// A spreadsheet would run a cell starting with = + - @ (or a tab or CR before one) as a
// formula: such a cell gets a leading apostrophe, which spreadsheets show as text.
std::string CsvField(std::string s) {
  if (!s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos) s.insert(0, 1, '\'');
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string row;
  for (size_t i = 0; i < fields.size(); ++i) row += (i ? "," : "") + CsvField(fields[i]);
  return row + "\r\n";
}

std::string Caption(const TableSpec& spec, const Selection& selection, const std::string& lang,
                    UiStrings& strings) {
  if (spec.caption) return *spec.caption;
  if (selection.stream)
    return FillPlaceholders(strings.Get("funding_caption_group"),
                            {{"group", selection.stream->name.In(lang)}});
  return FillPlaceholders(strings.Get("funding_caption"), {{"program", selection.program->name.In(lang)}});
}

// The table's view model and its CSV, made together, row by row.
struct TableOutput {
  Value view = Value::Map();
  std::vector<std::vector<std::string>> csv;
};

// The header row: the columns' labels in the view; in the CSV, the group's (when it is not
// already a column, `group_header`, or "" when the theme lacks it) before theirs.
void AddHeaders(const TableSpec& spec, bool group_column, const std::string* group_header, UiStrings& strings,
                TableOutput& out) {
  Value columns = Value::List();
  std::vector<std::string> headers;
  for (const std::string& column : spec.columns) {
    headers.push_back(strings.Get("funding_col_" + column));
    columns.Push(Value::Map().Set("label", headers.back()).Set("amount", Value::Bool(column == "amount")));
  }
  out.view.Set("columns", std::move(columns));
  out.csv.push_back({});
  if (group_column) out.csv.back().push_back(group_header ? *group_header : "");
  out.csv.back().insert(out.csv.back().end(), headers.begin(), headers.end());
}

// A group's rows: their cells for the view, and their records for the CSV.
Value GroupRows(const Group& g, const TableSpec& spec, bool group_column, const Language& lang,
                UiStrings& strings, TableOutput& out) {
  Value rows = Value::List();
  for (const Project* p : g.rows) {
    Value cells = Value::List();
    std::vector<std::string> record;
    if (group_column) record.push_back(g.label);
    for (size_t i = 0; i < spec.columns.size(); ++i) {
      const std::string& column = spec.columns[i];
      std::string text = CellText(*p, column, lang, strings);
      record.push_back(text);
      if (column == "amount") {
        cells.Push(AmountCell(p->amount, *lang.locale));
        continue;
      }
      Value cell = Cell(text, i == 0);
      if (column == "project" && !p->link.empty()) cell.Set("link", p->link);
      cells.Push(std::move(cell));
    }
    rows.Push(Value::Map().Set("cells", std::move(cells)));
    out.csv.push_back(std::move(record));
  }
  return rows;
}

// Every group, with its rows and subtotal, then the table's total (when it shows amounts).
void AddGroups(const std::vector<Group>& groups, const TableSpec& spec, bool group_column,
               const Language& lang, UiStrings& strings, TableOutput& out) {
  bool grouped = spec.group_by != "none";
  bool has_amount = std::find(spec.columns.begin(), spec.columns.end(), "amount") != spec.columns.end();
  const Locale& locale = *lang.locale;
  int64_t total = 0;
  Value group_views = Value::List();
  for (const Group& g : groups) {
    Value group = Value::Map();
    group.Set("label", grouped ? g.label : "")
        .Set("rows", GroupRows(g, spec, group_column, lang, strings, out));
    group.Set("subtotal", grouped && has_amount
                              ? SumRow(strings.Get("funding_subtotal"), g.subtotal, spec, locale)
                              : Value::Bool(false));
    group_views.Push(std::move(group));
    total += g.subtotal;
  }
  out.view.Set("groups", std::move(group_views));
  out.view.Set("total",
               has_amount ? SumRow(strings.Get("funding_total"), total, spec, locale) : Value::Bool(false));
}

// The CSV file: UTF-8 with a byte order mark, which spreadsheet programs need to read it as UTF-8.
std::string CsvBytes(const std::vector<std::vector<std::string>>& csv) {
  std::string bytes = "\xEF\xBB\xBF";
  for (const auto& record : csv) bytes += CsvRow(record);
  return bytes;
}

}  // namespace

std::optional<std::string> RenderTable(const Dataset& data, std::string_view body, int line,
                                       PageScope& scope) {
  const Language& lang = scope.language();
  int number = scope.Next("funding-table");
  Block block(scope, body, scope.At(line, 0).line);

  auto spec = ReadSpec(block, scope.page().source_path, body);
  if (!spec) return std::nullopt;
  auto selection = Resolve(data, spec->selection, [&](const SourcePos& pos, const std::string& message) {
    scope.Error(pos, message);
  });
  if (!selection) return std::nullopt;
  UiStrings strings(lang);
  std::vector<Group> groups = MakeGroups(data, *selection, *spec, lang, strings);
  // The CSV names each row's group in a column of its own, unless the table has that column.
  bool group_column = spec->group_by != "none" && std::find(spec->columns.begin(), spec->columns.end(),
                                                            spec->group_by) == spec->columns.end();
  const std::string* group_header = group_column ? strings.Find("funding_col_" + spec->group_by) : nullptr;

  std::string id = "funding-" + std::to_string(number);
  TableOutput out;
  out.view.Set("id", id).Set("caption", Caption(*spec, *selection, lang.code(), strings));
  out.view.Set("colspan", std::to_string(spec->columns.size()));
  AddHeaders(*spec, group_column, group_header, strings, out);
  AddGroups(groups, *spec, group_column, lang, strings, out);
  std::string csv_url = scope.Attach(id + ".csv", CsvBytes(out.csv));
  out.view.Set("csv", Value::Map().Set("url", csv_url).Set("label", strings.Get("funding_csv_link")));

  if (!strings.Check(scope, block.Fence())) return std::nullopt;
  if (group_column && !group_header)
    scope.Warning(block.Fence(),
                  "the theme has no UI string \"funding_col_" + spec->group_by + "\" for language \"" +
                      lang.code() + "\", so the CSV's " + spec->group_by +
                      " column has no header; add it to its i18n/" + lang.code() + ".toml (or the site's)",
                  "funding-string-missing");
  return scope.RenderTemplate(kTemplate, out.view, block.Fence());
}

}  // namespace tandem::funding
