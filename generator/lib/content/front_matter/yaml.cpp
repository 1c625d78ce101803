// YAML front matter, read by ReadYaml (config/yaml_source.hpp), which expands its aliases within
// limits.
#include <charconv>
#include <climits>

#include "config/yaml_source.hpp"
#include "content/front_matter/fields.hpp"
#include "support/text.hpp"

namespace tandem::front_matter {

namespace {

Field FromYaml(const std::string& path, const YamlNode& node) {
  Field f;
  f.key = RepairLatin1Bytes(node.key);
  f.from_yaml = true;
  f.pos = {path, node.key_pos.line, node.key_pos.column};
  if (node.kind == YamlNode::Kind::kList) {
    f.kind = Field::Kind::kList;
  } else if (node.kind == YamlNode::Kind::kMap) {
    f.kind = Field::Kind::kMap;
  } else if (node.kind == YamlNode::Kind::kScalar) {
    f.text = RepairLatin1Bytes(node.text);
    // YAML decides types by the field: an unquoted true/false or number is one.
    if (!node.quoted) {
      if (f.text == "true" || f.text == "false") {
        f.kind = Field::Kind::kBool;
        f.flag = f.text == "true";
      } else if (auto [p, ec] = std::from_chars(f.text.data(), f.text.data() + f.text.size(), f.integer);
                 (ec == std::errc() || ec == std::errc::result_out_of_range) &&
                 p == f.text.data() + f.text.size()) {
        f.kind = Field::Kind::kInteger;
        if (ec != std::errc()) f.integer = f.text[0] == '-' ? INT64_MIN : INT64_MAX;  // out of any range
      }
    }
  }
  f.children.reserve(node.children.size());
  for (const YamlNode& child : node.children) f.children.push_back(FromYaml(path, child));
  return f;
}

}  // namespace

std::optional<std::vector<Field>> ParseYamlBlock(const std::string& path, const std::string& file,
                                                 const Block& block, Diagnostics& diags) {
  auto root = ReadYaml({path, block.text, block.first_line, file}, diags);
  if (!root) return std::nullopt;
  std::vector<Field> fields;
  if (root->kind == YamlNode::Kind::kNull) return fields;
  if (root->kind != YamlNode::Kind::kMap) {
    SourcePos pos{path, block.first_line, 1};
    diags.Error(pos, "YAML front matter must be a map of fields like title: \"...\"", LineAt(file, pos.line));
    return std::nullopt;
  }
  for (const YamlNode& child : root->children) fields.push_back(FromYaml(path, child));
  return fields;
}

}  // namespace tandem::front_matter
