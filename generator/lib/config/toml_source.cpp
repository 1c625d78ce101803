#include "config/toml_source.hpp"

#include <sstream>

#include <algorithm>

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

}  // namespace

std::optional<toml::table> ParseToml(const TomlSource& src, Diagnostics& diags) {
  try {
    return toml::parse(src.text, std::string_view{src.path});
  } catch (const toml::parse_error& err) {
    SourcePos pos = PosOf(src, err.source());
    std::string message = "invalid TOML: " + std::string(err.description());
    // A no-break space, typed by a word processor or a French keyboard, looks like a space.
    std::string line = SourceLineOf(src, pos);
    std::string_view rest = pos.column > 0 ? Utf8From(line, pos.column) : std::string_view{};
    if (StartsWith(rest, "\u00A0") || StartsWith(rest, "\u202F"))
      message = std::string("invalid TOML: a no-break space (U+") + (rest[1] == '\xA0' ? "00A0" : "202F") +
                ") stands where TOML needs a plain one; replace it with a plain space";
    diags.Error(pos, message, SourceLineOf(src, pos));
    return std::nullopt;
  }
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
