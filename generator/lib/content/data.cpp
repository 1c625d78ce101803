#include "content/data.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>

#include "config/toml_source.hpp"
#include "content/printable.hpp"
#include "support/files.hpp"
#include "support/text.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

Value YamlValue(const YAML::Node& node, int depth = 0) {
  // Aliases can make a small file stand for a huge tree; data files are the site's own, but a
  // cycle must still end.
  if (depth > 64) throw YAML::Exception(node.Mark(), "the data nests deeper than 64 levels");
  if (node.IsMap()) {
    Value map = Value::Map();
    for (const auto& kv : node)
      map.Set(RepairLatin1Bytes(kv.first.Scalar()), YamlValue(kv.second, depth + 1));
    return map;
  }
  if (node.IsSequence()) {
    Value list = Value::List();
    for (const YAML::Node& item : node) list.Push(YamlValue(item, depth + 1));
    return list;
  }
  if (!node.IsScalar()) return Value("");
  std::string text = RepairLatin1Bytes(node.Scalar());
  if (node.Tag() != "!" && (text == "true" || text == "false")) return Value::Bool(text == "true");
  return Value(text);
}

// A character no page can carry, in a key or a text of the data (content/printable.hpp): reported
// where it is written. `name` is the value's key path as messages show it ("offices.name").
bool CheckPrintableToml(const TomlSource& src, const toml::node& node, const std::string& name,
                        Diagnostics& diags) {
  bool ok = true;
  if (const toml::table* t = node.as_table()) {
    for (const auto& [key, value] : *t) {
      std::string sub = name.empty() ? std::string(key.str()) : name + "." + std::string(key.str());
      if (!CheckPrintable(key.str(), src.file, PosOf(src, key.source()), "this key", diags)) {
        ok = false;
        continue;
      }
      ok = CheckPrintableToml(src, value, sub, diags) && ok;
    }
  } else if (const toml::array* a = node.as_array()) {
    for (const toml::node& item : *a) ok = CheckPrintableToml(src, item, name, diags) && ok;
  } else if (auto s = node.as_string()) {
    ok = CheckPrintable(s->get(), src.file, PosOf(src, node.source()), "\"" + name + "\"", diags);
  }
  return ok;
}

bool CheckPrintableYaml(const std::string& shown, const std::string& file, const YAML::Node& node,
                        const std::string& name, Diagnostics& diags, int depth = 0) {
  auto at = [&](const YAML::Mark& m) { return SourcePos{shown, m.line + 1, m.column + 1}; };
  bool ok = true;
  if (depth > 64) return ok;  // YamlValue refuses it
  if (node.IsMap()) {
    for (const auto& kv : node) {
      std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
      if (!CheckPrintable(key, file, at(kv.first.Mark()), "this key", diags)) {
        ok = false;
        continue;
      }
      ok = CheckPrintableYaml(shown, file, kv.second, name.empty() ? key : name + "." + key, diags,
                              depth + 1) &&
           ok;
    }
  } else if (node.IsSequence()) {
    for (const YAML::Node& item : node)
      ok = CheckPrintableYaml(shown, file, item, name, diags, depth + 1) && ok;
  } else if (node.IsScalar()) {
    ok = CheckPrintable(node.Scalar(), file, at(node.Mark()), "\"" + name + "\"", diags);
  }
  return ok;
}

std::optional<Value> ReadDataFile(const fs::path& file, const std::string& shown, const Confine& site,
                                  Diagnostics& diags) {
  // A link out of the site is refused before a byte of it is read, so no message can quote it.
  auto text = ReadSourceText(file.string(), shown, diags, site);
  if (!text) return std::nullopt;
  if (file.extension() == ".toml") {
    TomlSource src{shown, *text, 1, *text};
    auto table = ParseToml(src, diags);
    if (!table || !CheckPrintableToml(src, *table, "", diags)) return std::nullopt;
    return TomlValue(*table);
  }
  try {
    YAML::Node root = YAML::Load(*text);
    if (!CheckPrintableYaml(shown, *text, root, "", diags)) return std::nullopt;
    return root.IsNull() ? Value::Map() : YamlValue(root);
  } catch (const YAML::Exception& e) {
    SourcePos pos{shown, e.mark.line + 1, e.mark.column + 1};
    // At the end of the file, yaml-cpp points past its last line: point at the end of that line.
    int lines = static_cast<int>(std::count(text->begin(), text->end(), '\n'));
    if (pos.line > lines && lines > 0)
      pos = {shown, lines, static_cast<int>(LineAt(*text, lines).size()) + 1};
    diags.Error(pos, "invalid YAML: " + e.msg, LineAt(*text, pos.line));
    return std::nullopt;
  }
}

// The map for `folder` ("a/b") inside `root`, made as needed.
Value& MapAt(Value& root, const std::string& folder) {
  Value* at = &root;
  for (size_t start = 0; start < folder.size();) {
    size_t end = std::min(folder.find('/', start), folder.size());
    std::string name = folder.substr(start, end - start);
    if (!at->Get(name)) at->Set(name, Value::Map());
    at = at->Get(name);
    start = end + 1;
  }
  return *at;
}

bool IsLanguageTable(const Value& v, const std::vector<std::string>& codes) {
  if (v.kind != Value::Kind::kMap || v.fields.empty()) return false;
  return std::all_of(v.fields.begin(), v.fields.end(), [&](const auto& field) {
    return std::find(codes.begin(), codes.end(), field.first) != codes.end();
  });
}

// "name.fr" -> "name" when "fr" is one of the site's languages; "" otherwise.
std::string KeyWithoutLanguage(const std::string& key, const std::string& code) {
  std::string suffix = "." + code;
  return EndsWith(key, suffix) && key.size() > suffix.size() ? key.substr(0, key.size() - suffix.size()) : "";
}

bool EndsInLanguage(const std::string& key, const std::vector<std::string>& codes) {
  return std::any_of(codes.begin(), codes.end(),
                     [&](const std::string& c) { return !KeyWithoutLanguage(key, c).empty(); });
}

}  // namespace

Value LoadSiteData(const std::string& source_dir, Diagnostics& diags) {
  Value data = Value::Map();
  fs::path root = fs::path(source_dir) / "data";
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return data;
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    std::string ext = it->path().extension().string();
    // Not only regular files: a FIFO, a device or a link to one is refused by its name, unread.
    std::error_code kind;
    if (!it->is_directory(kind) && it->path().filename().string()[0] != '.' &&
        (ext == ".toml" || ext == ".yaml" || ext == ".yml"))
      files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::string rel = file.lexically_relative(root).generic_string();
    // A data/*.toml file is read by the funding directive too, which reports its link out of the site.
    std::error_code error;
    if (rel.find('/') == std::string::npos && EndsWith(rel, ".toml") && fs::is_regular_file(file, error) &&
        LinkOutside(file.string(), source_dir))
      continue;
    auto value = ReadDataFile(file, "data/" + rel, {source_dir, "the site"}, diags);
    if (!value) continue;
    std::string without_ext = rel.substr(0, rel.rfind('.'));
    size_t slash = without_ext.rfind('/');
    Value& folder = MapAt(data, slash == std::string::npos ? "" : without_ext.substr(0, slash));
    folder.Set(without_ext.substr(slash == std::string::npos ? 0 : slash + 1), std::move(*value));
  }
  return data;
}

Value ForLanguage(const Value& data, const std::string& code, const std::vector<std::string>& codes) {
  if (IsLanguageTable(data, codes)) {
    const Value* own = data.Get(code);
    return own ? ForLanguage(*own, code, codes) : Value("");
  }
  if (data.kind == Value::Kind::kList) {
    Value list = Value::List();
    for (const Value& item : data.items) list.Push(ForLanguage(item, code, codes));
    return list;
  }
  if (data.kind != Value::Kind::kMap) return data;
  Value map = Value::Map();
  for (const auto& [key, value] : data.fields) {
    if (!EndsInLanguage(key, codes))
      map.Set(key, ForLanguage(value, code, codes));
    else if (std::string base = KeyWithoutLanguage(key, code); !base.empty())
      map.Set(base, ForLanguage(value, code, codes));
  }
  return map;
}

}  // namespace tandem
