#include "content/data.hpp"

#include <algorithm>
#include <filesystem>

#include "config/toml_source.hpp"
#include "config/yaml_source.hpp"
#include "support/files.hpp"
#include "support/printable.hpp"
#include "support/text.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

// The tree ReadYaml read: its depth and size are already within limits.
Value YamlValue(const YamlNode& node) {
  if (node.kind == YamlNode::Kind::kMap) {
    Value map = Value::Map();
    for (const YamlNode& child : node.children) map.Set(RepairLatin1Bytes(child.key), YamlValue(child));
    return map;
  }
  if (node.kind == YamlNode::Kind::kList) {
    Value list = Value::List();
    list.items.reserve(node.children.size());
    for (const YamlNode& item : node.children) list.Push(YamlValue(item));
    return list;
  }
  if (node.kind != YamlNode::Kind::kScalar) return Value("");
  std::string text = RepairLatin1Bytes(node.text);
  if (!node.quoted && (text == "true" || text == "false")) return Value::Bool(text == "true");
  return Value(text);
}

bool CheckPrintableYaml(const std::string& shown, const std::string& file, const YamlNode& node,
                        const std::string& name, Diagnostics& diags) {
  auto at = [&](TextPos p) { return SourcePos{shown, p.line, p.column}; };
  bool ok = true;
  for (const YamlNode& child : node.children) {
    std::string sub = name;
    if (node.kind == YamlNode::Kind::kMap) {
      if (!CheckPrintable(child.key, file, at(child.key_pos), "this key", diags)) {
        ok = false;
        continue;
      }
      sub = name.empty() ? child.key : name + "." + child.key;
    }
    ok = CheckPrintableYaml(shown, file, child, sub, diags) && ok;
  }
  if (node.kind == YamlNode::Kind::kScalar)
    ok = CheckPrintable(node.text, file, at(node.pos), "\"" + name + "\"", diags);
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
    if (!table) return std::nullopt;
    return TomlValue(*table);
  }
  auto root = ReadYaml({shown, *text, 1, *text}, diags);
  if (!root || !CheckPrintableYaml(shown, *text, *root, "", diags)) return std::nullopt;
  return root->kind == YamlNode::Kind::kNull ? Value::Map() : YamlValue(*root);
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
