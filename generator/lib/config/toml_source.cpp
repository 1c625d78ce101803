#include "config/toml_source.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

#include "support/printable.hpp"
#include "support/text.hpp"

namespace tandem {

SourcePos PosOf(const TomlSource& src, const toml::source_region& region) {
  if (region.path && *region.path != src.path)  // merged from another file
    return {*region.path, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
  return {src.path, static_cast<int>(region.begin.line) + src.first_line - 1,
          static_cast<int>(region.begin.column)};
}

std::string SourceLineOf(const TomlSource& src, const SourcePos& pos) {
  if (pos.path != src.path) return LineAt(src.overlay, pos.line);
  return LineAt(src.file.empty() ? src.text : src.file, pos.line);
}

namespace {

// `line` from its `column`-th character (1-based, counting UTF-8 sequences).
std::string_view Utf8From(std::string_view line, int column) {
  size_t at = 0;
  for (int c = 1; c < column && at < line.size(); ++c) {
    ++at;
    while (at < line.size() && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) ++at;
  }
  return line.substr(std::min(at, line.size()));
}

// Skips the string that starts at `at` (a quote): basic or literal, one line or three quotes.
size_t SkipTomlString(std::string_view text, size_t at) {
  char quote = text[at];
  bool multi = text.substr(at, 3) == std::string(3, quote);
  size_t i = at + (multi ? 3 : 1);
  for (; i < text.size(); ++i) {
    if (text[i] == '\\' && quote == '"') {
      ++i;
    } else if (!multi && text[i] == '\n') {
      return i;  // toml++ says what is wrong
    } else if (text[i] == quote && (!multi || text.substr(i, 3) == std::string(3, quote))) {
      return i + (multi ? 3 : 1);
    }
  }
  return i;
}

// The offset where `text` first asks for more than `limit` levels: the segments of a [table]
// header or a dotted key, inline tables and arrays, as the parsed tree will have them. toml++
// and every walk over its tree recurse once a level; a 40 KB header of 20,000 levels overflows
// the stack. Read without parsing, so that nothing deep is ever built.
std::optional<size_t> TooDeepAt(std::string_view text, int limit) {
  std::vector<std::pair<char, int>> open;  // '{' or '[' and the depth it opened at
  int header = 0, depth = 0;
  bool in_key = true, line_start = true;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"' || c == '\'') {
      i = SkipTomlString(text, i) - 1;
      line_start = false;
      continue;
    }
    if (c == '#') {
      while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') continue;
    if (c == '\n') {
      if (open.empty()) depth = header, in_key = true;
      line_start = true;
      continue;
    }
    if (line_start && open.empty() && c == '[') {  // a [table] or [[array]] header
      depth = 1;
      while (i < text.size() && text[i] != '\n' && text[i] != ']') {
        if (text[i] == '"' || text[i] == '\'')
          i = SkipTomlString(text, i) - 1;
        else if (text[i] == '.')
          ++depth;
        if (depth > limit) return i;
        ++i;
      }
      header = depth;
      line_start = false;
      continue;
    }
    line_start = false;
    if (c == '.' && in_key)
      ++depth;
    else if (c == '=')
      ++depth, in_key = false;
    else if (c == '{' || c == '[')
      open.push_back({c, depth}), in_key = c == '{', depth += c == '[';
    else if (c == ',' && !open.empty())
      depth = open.back().second + (open.back().first == '['), in_key = open.back().first == '{';
    else if ((c == '}' || c == ']') && !open.empty())
      depth = open.back().second, open.pop_back();
    if (depth > limit) return i;
  }
  return std::nullopt;
}

}  // namespace

std::optional<toml::table> ParseToml(const TomlSource& src, Diagnostics& diags) {
  if (auto at = TooDeepAt(src.text, kMaxTomlDepth)) {
    TextPos pos = PosOfOffset(src.text, *at);
    SourcePos where{src.path, pos.line + src.first_line - 1, pos.column};
    diags.Error(
        where,
        "TOML nested more than " + std::to_string(kMaxTomlDepth) +
            " levels deep (table names, dotted keys, inline tables and lists); tandem reads at most " +
            std::to_string(kMaxTomlDepth) + ": keep the data flatter",
        SourceLineOf(src, where));
    return std::nullopt;
  }
  try {
    toml::table table = toml::parse(src.text, std::string_view{src.path});
    if (!CheckPrintableToml(src, table, "", diags)) return std::nullopt;
    return table;
  } catch (const toml::parse_error& err) {
    SourcePos pos = PosOf(src, err.source());
    // toml++ places an end of file met inside a string one column past its line's end.
    std::string parsed_line = LineAt(src.text, static_cast<int>(err.source().begin.line));
    pos.column = std::min(pos.column, static_cast<int>(CharacterCount(parsed_line)) + 1);
    std::string line = SourceLineOf(src, pos);
    std::string message = "invalid TOML: " + std::string(err.description());
    // A no-break space, typed by a word processor or a French keyboard, looks like a space.
    std::string_view rest = pos.column > 0 ? Utf8From(line, pos.column) : std::string_view{};
    if (StartsWith(rest, "\u00A0") || StartsWith(rest, "\u202F"))
      message = std::string("invalid TOML: a no-break space (U+") + (rest[1] == '\xA0' ? "00A0" : "202F") +
                ") stands where TOML needs a plain one; replace it with a plain space";
    diags.Error(pos, message, SourceLineOf(src, pos));
    return std::nullopt;
  }
}

bool CheckPrintableToml(const TomlSource& src, const toml::node& node, const std::string& name,
                        Diagnostics& diags) {
  bool ok = true;
  const std::string_view file = src.file.empty() ? src.text : src.file;
  if (const toml::table* t = node.as_table()) {
    for (const auto& [key, value] : *t) {
      std::string sub = name.empty() ? std::string(key.str()) : name + "." + std::string(key.str());
      if (!CheckPrintable(key.str(), file, PosOf(src, key.source()), "this key", diags)) {
        ok = false;
        continue;
      }
      ok = CheckPrintableToml(src, value, sub, diags) && ok;
    }
  } else if (const toml::array* a = node.as_array()) {
    for (const toml::node& item : *a) ok = CheckPrintableToml(src, item, name, diags) && ok;
  } else if (auto s = node.as_string()) {
    ok = CheckPrintable(s->get(), file, PosOf(src, node.source()), "\"" + name + "\"", diags);
  }
  return ok;
}

void ErrorAt(const TomlSource& src, const toml::node& node, const std::string& message, Diagnostics& diags) {
  SourcePos pos = PosOf(src, node.source());
  diags.Error(pos, message, SourceLineOf(src, pos));
}

void ErrorAtKey(const TomlSource& src, const toml::key& key, const std::string& message, Diagnostics& diags) {
  SourcePos pos = PosOf(src, key.source());
  diags.Error(pos, message, SourceLineOf(src, pos));
}

bool CheckKeys(const TomlSource& src, const toml::table& table, const std::vector<std::string>& allowed,
               std::string_view where, Diagnostics& diags) {
  bool ok = true;
  for (const auto& [key, value] : table) {
    std::string name(key.str());
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    ErrorAtKey(src, key,
               "unknown key \"" + name + "\" in " + std::string(where) + DidYouMeanSuffix(name, allowed) +
                   "; known keys: " + JoinQuoted(allowed),
               diags);
    ok = false;
  }
  return ok;
}

std::optional<std::string> GetString(const TomlSource& src, const toml::table& t, std::string_view key,
                                     Diagnostics& diags) {
  const toml::node* node = t.get(key);
  if (!node) return std::nullopt;
  if (auto s = node->value<std::string>()) return *s;
  ErrorAt(src, *node, "\"" + std::string(key) + "\" must be a string", diags);
  return std::nullopt;
}

Value TomlValue(const toml::node& node) {
  if (const toml::table* t = node.as_table()) {
    Value map = Value::Map();
    for (const auto& [key, value] : *t) map.Set(std::string(key.str()), TomlValue(value));
    return map;
  }
  if (const toml::array* a = node.as_array()) {
    Value list = Value::List();
    for (const toml::node& item : *a) list.Push(TomlValue(item));
    return list;
  }
  if (auto b = node.as_boolean()) return Value::Bool(**b);
  if (auto s = node.as_string()) return Value(**s);
  std::ostringstream out;
  node.visit([&](const auto& v) {
    if constexpr (toml::is_number<decltype(v)> || toml::is_date<decltype(v)> || toml::is_time<decltype(v)> ||
                  toml::is_date_time<decltype(v)>)
      out << v;
  });
  return Value(out.str());
}

}  // namespace tandem
