#include "migrate/hugo_config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "config/toml_source.hpp"
#include "config/yaml_source.hpp"
#include "support/text.hpp"

namespace fs = std::filesystem;

namespace tandem {

std::string LowerKey(std::string_view key) {
  return AsciiLower(key);
}

const HugoValue* HugoValue::Get(std::string_view key) const {
  std::string wanted = LowerKey(key);
  for (const auto& [name, value] : fields)
    if (LowerKey(name) == wanted) return &value;
  return nullptr;
}

std::string HugoValue::Text(std::string_view key) const {
  const HugoValue* v = Get(key);
  return v && v->IsScalar() ? v->text : "";
}

namespace {

// ---- TOML ----

HugoValue FromToml(const TomlSource& src, const toml::node& node, const toml::source_region& where) {
  HugoValue v;
  v.pos = PosOf(src, where);
  v.line = SourceLineOf(src, v.pos);
  if (const toml::table* t = node.as_table()) {
    v.kind = HugoValue::Kind::kTable;
    for (const auto& [key, child] : *t)
      v.fields.emplace_back(std::string(key.str()), FromToml(src, child, key.source()));
  } else if (const toml::array* a = node.as_array()) {
    v.kind = HugoValue::Kind::kArray;
    for (const toml::node& item : *a) v.items.push_back(FromToml(src, item, item.source()));
  } else if (auto s = node.value<std::string>(); s && node.is_string()) {
    v.kind = HugoValue::Kind::kString;
    v.text = *s;
  } else {
    std::ostringstream spelled;
    node.visit([&](const auto& value) { spelled << value; });
    v.text = spelled.str();
    v.kind = node.is_integer()          ? HugoValue::Kind::kInteger
             : node.is_floating_point() ? HugoValue::Kind::kFloat
             : node.is_boolean()        ? HugoValue::Kind::kBoolean
                                        : HugoValue::Kind::kDateTime;
  }
  return v;
}

std::optional<HugoValue> ParseTomlTable(const std::string& shown, const std::string& text,
                                        Diagnostics& diags) {
  TomlSource src{shown, text, 1, text, {}};
  auto table = ParseToml(src, diags);
  if (!table) return std::nullopt;
  HugoValue root = FromToml(src, *table, toml::source_region{{1, 1}, {1, 1}, nullptr});
  return root;
}

// ---- YAML (and JSON, which YAML reads) ----

// A hand scanner over a scalar's spelling (std::regex recurses once a character: a long value
// overflowed the stack).
class Spelling {
 public:
  explicit Spelling(std::string_view s) : s_(s) {}
  bool AtEnd() const { return at_ == s_.size(); }
  bool Take(std::string_view any) {
    if (AtEnd() || any.find(s_[at_]) == std::string_view::npos) return false;
    ++at_;
    return true;
  }
  // How many of `any` in a row it took.
  size_t TakeAll(std::string_view any) {
    size_t n = 0;
    while (Take(any)) ++n;
    return n;
  }

 private:
  std::string_view s_;
  size_t at_ = 0;
};

constexpr std::string_view kDigits = "0123456789";

// [-+]?[0-9]+
bool IsIntegerSpelling(std::string_view s) {
  Spelling p(s);
  p.Take("-+");
  return p.TakeAll(kDigits) > 0 && p.AtEnd();
}

// [-+]?([0-9]*\.[0-9]+|[0-9]+\.[0-9]*)([eE][-+]?[0-9]+)?
bool IsFloatSpelling(std::string_view s) {
  Spelling p(s);
  p.Take("-+");
  size_t before = p.TakeAll(kDigits);
  if (!p.Take(".")) return false;
  if (before + p.TakeAll(kDigits) == 0) return false;
  if (p.Take("eE")) {
    p.Take("-+");
    if (p.TakeAll(kDigits) == 0) return false;
  }
  return p.AtEnd();
}

// [0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9:.]+([Zz]|[-+][0-9:]+)?)?
bool IsDateSpelling(std::string_view s) {
  if (s.size() < 10) return false;
  for (size_t i = 0; i < 10; ++i)
    if ((i == 4 || i == 7) ? s[i] != '-' : kDigits.find(s[i]) == std::string_view::npos) return false;
  Spelling p(s.substr(10));
  if (p.AtEnd()) return true;
  if (!p.Take("Tt ") || p.TakeAll("0123456789:.") == 0) return false;
  if (p.Take("Zz")) return p.AtEnd();
  if (p.Take("-+") && p.TakeAll("0123456789:") == 0) return false;
  return p.AtEnd();
}

// YAML decides a plain scalar's type by its spelling; a quoted one is a string.
HugoValue::Kind YamlScalarKind(const YamlNode& node) {
  if (node.quoted) return HugoValue::Kind::kString;
  const std::string& s = node.text;
  if (s == "true" || s == "false" || s == "True" || s == "False") return HugoValue::Kind::kBoolean;
  if (IsIntegerSpelling(s)) return HugoValue::Kind::kInteger;
  if (IsFloatSpelling(s)) return HugoValue::Kind::kFloat;
  if (IsDateSpelling(s)) return HugoValue::Kind::kDateTime;
  return HugoValue::Kind::kString;
}

// The tree ReadYaml read: its depth and size are already within limits.
HugoValue FromYaml(const std::string& shown, const std::string& text, const YamlNode& node, TextPos at) {
  HugoValue v;
  v.pos = {shown, at.line, at.column};
  v.line = LineAt(text, v.pos.line);
  if (node.kind == YamlNode::Kind::kMap) {
    v.kind = HugoValue::Kind::kTable;
    for (const YamlNode& child : node.children)
      v.fields.emplace_back(child.key, FromYaml(shown, text, child, child.key_pos));
  } else if (node.kind == YamlNode::Kind::kList) {
    v.kind = HugoValue::Kind::kArray;
    for (const YamlNode& item : node.children) v.items.push_back(FromYaml(shown, text, item, item.pos));
  } else if (node.kind == YamlNode::Kind::kScalar) {
    v.kind = YamlScalarKind(node);
    v.text = node.text;
    if (v.kind == HugoValue::Kind::kBoolean) v.text = LowerKey(v.text);
  }
  return v;
}

std::optional<HugoValue> ParseYaml(const std::string& shown, const std::string& text, Diagnostics& diags) {
  auto root = ReadYaml({shown, text, 1, text}, diags);
  if (!root) return std::nullopt;
  if (root->kind == YamlNode::Kind::kNull)
    return HugoValue(HugoValue::Kind::kTable, {shown, 1, 1}, LineAt(text, 1));
  if (root->kind != YamlNode::Kind::kMap) {
    SourcePos pos{shown, root->pos.line, root->pos.column};
    diags.Error(pos, "a Hugo configuration must be a map of settings like baseURL: \"https://example.ca/\"",
                LineAt(text, pos.line));
    return std::nullopt;
  }
  return FromYaml(shown, text, *root, {1, 1});
}

// Later settings win; tables merge key by key, ignoring case.
void MergeInto(HugoValue& into, HugoValue from) {
  for (auto& [key, value] : from.fields) {
    // clang 14 cannot capture a structured binding: compare with a copy of the key.
    std::string lower = LowerKey(key);
    auto same = std::find_if(into.fields.begin(), into.fields.end(),
                             [&](const auto& f) { return LowerKey(f.first) == lower; });
    if (same == into.fields.end())
      into.fields.emplace_back(key, std::move(value));
    else if (same->second.IsTable() && value.IsTable())
      MergeInto(same->second, std::move(value));
    else
      same->second = std::move(value);
  }
}

// `value` placed under `path` ("languages", "fr", "menus"), keeping its own position.
HugoValue Nested(const std::vector<std::string>& path, HugoValue value) {
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    HugoValue table;
    table.kind = HugoValue::Kind::kTable;
    table.pos = value.pos;
    table.line = value.line;
    table.fields.emplace_back(*it, std::move(value));
    value = std::move(table);
  }
  return value;
}

const std::vector<std::string> kExtensions = {".toml", ".yaml", ".yml", ".json"};

bool IsConfigFile(const fs::path& path) {
  return std::find(kExtensions.begin(), kExtensions.end(), path.extension().string()) != kExtensions.end();
}

// Where a split file's settings go: hugo.toml and config.toml at the root, params.toml under
// params, menus.fr.toml under languages.fr.menus.
std::vector<std::string> SplitFilePath(const fs::path& file) {
  std::string stem = file.stem().string();
  if (stem == "hugo" || stem == "config") return {};
  size_t dot = stem.find('.');
  if (dot == std::string::npos) return {stem};
  return {"languages", stem.substr(dot + 1), stem.substr(0, dot)};
}

bool ReadFileInto(const fs::path& dir, const std::string& shown, const std::vector<std::string>& path,
                  HugoConfig& config, Diagnostics& diags) {
  // Through no link out of the Hugo site: hugo.toml -> /etc/passwd is refused unread.
  auto text = ReadSourceText((dir / shown).string(), shown, diags, {dir.string(), "the Hugo site"});
  if (!text) return false;
  auto value = ParseHugoConfigText(shown, *text, diags);
  if (!value) return false;
  config.files.push_back(shown);
  MergeInto(config.root, Nested(path, std::move(*value)));
  return true;
}

}  // namespace

std::optional<HugoValue> ParseHugoConfigText(const std::string& shown, const std::string& text,
                                             Diagnostics& diags) {
  if (EndsWith(shown, ".toml")) return ParseTomlTable(shown, text, diags);
  return ParseYaml(shown, text, diags);
}

std::optional<HugoConfig> ReadHugoConfig(const std::string& dir, Diagnostics& diags) {
  HugoConfig config;
  config.root.kind = HugoValue::Kind::kTable;
  std::error_code ec;
  bool ok = true;
  for (const char* stem : {"hugo", "config"}) {
    auto found = std::find_if(kExtensions.begin(), kExtensions.end(), [&](const std::string& ext) {
      return fs::is_regular_file(fs::path(dir) / (stem + ext), ec);
    });
    if (found == kExtensions.end()) continue;
    ok = ReadFileInto(dir, stem + *found, {}, config, diags);
    break;
  }
  std::vector<std::string> split;
  for (const auto& entry : fs::directory_iterator(fs::path(dir) / "config" / "_default", ec))
    if (entry.is_regular_file() && IsConfigFile(entry.path()))
      split.push_back("config/_default/" + entry.path().filename().string());
  std::sort(split.begin(), split.end());
  for (const std::string& shown : split)
    ok = ReadFileInto(dir, shown, SplitFilePath(shown), config, diags) && ok;
  if (!ok) return std::nullopt;
  config.root.pos = {config.files.empty() ? "" : config.files.front(), 1, 1};
  if (config.files.empty()) {
    diags.Error({dir},
                "no Hugo configuration here: tandem import hugo reads hugo.toml, hugo.yaml, config.toml, "
                "config.yaml or config/_default/ in the Hugo site's folder");
    return std::nullopt;
  }
  return config;
}

}  // namespace tandem
