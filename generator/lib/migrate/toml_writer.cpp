#include "migrate/toml_writer.hpp"

#include <algorithm>
#include <cstdio>

namespace tandem {

std::string TomlString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string TomlKey(std::string_view key) {
  bool bare = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
  return bare ? std::string(key) : TomlString(key);
}

namespace {

// YAML writes .5 and 5. for numbers; TOML wants a digit on each side of the point.
std::string TomlFloat(std::string text) {
  size_t point = text.find('.');
  if (point == std::string::npos) return text;
  if (point == 0 || text[point - 1] < '0' || text[point - 1] > '9') text.insert(point++, "0");
  if (point + 1 == text.size() || text[point + 1] < '0' || text[point + 1] > '9') text.insert(point + 1, "0");
  return text;
}

bool IsArrayOfTables(const HugoValue& v) {
  return v.kind == HugoValue::Kind::kArray && !v.items.empty() &&
         std::all_of(v.items.begin(), v.items.end(), [](const HugoValue& item) { return item.IsTable(); });
}

std::string Join(const std::string& header, const std::string& key) {
  return header.empty() ? TomlKey(key) : header + "." + TomlKey(key);
}

}  // namespace

std::string TomlInline(const HugoValue& value) {
  switch (value.kind) {
    case HugoValue::Kind::kString:
      return TomlString(value.text);
    case HugoValue::Kind::kFloat:
      return TomlFloat(value.text);
    case HugoValue::Kind::kArray: {
      std::string out = "[";
      for (const HugoValue& item : value.items) out += (out.size() > 1 ? ", " : "") + TomlInline(item);
      return out + "]";
    }
    case HugoValue::Kind::kTable: {
      std::string out = "{";
      for (const auto& [key, field] : value.fields)
        if (field.kind != HugoValue::Kind::kNull)
          out += (out.size() > 1 ? ", " : " ") + TomlKey(key) + " = " + TomlInline(field);
      return out + (out.size() > 1 ? " }" : "}");
    }
    case HugoValue::Kind::kNull:
      return "\"\"";
    default:
      return value.text;
  }
}

namespace {

// The fields of `table`, whose sub-tables go under `header`.
std::string TableBody(const std::string& header, const HugoValue& table) {
  std::string out;
  for (const auto& [key, value] : table.fields)
    if (value.kind != HugoValue::Kind::kNull && !value.IsTable() && !IsArrayOfTables(value))
      out += TomlKey(key) + " = " + TomlInline(value) + "\n";
  for (const auto& [key, value] : table.fields) {
    if (value.IsTable()) out += "\n" + TomlTable(Join(header, key), value);
    if (!IsArrayOfTables(value)) continue;
    for (const HugoValue& item : value.items)
      out += "\n[[" + Join(header, key) + "]]\n" + TableBody(Join(header, key), item);
  }
  return out;
}

}  // namespace

std::string TomlTable(const std::string& header, const HugoValue& table) {
  return (header.empty() ? "" : "[" + header + "]\n") + TableBody(header, table);
}

}  // namespace tandem
