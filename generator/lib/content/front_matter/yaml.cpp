// YAML front matter, through yaml-cpp, with limits on what its aliases may expand to.
#include <yaml-cpp/yaml.h>

#include <charconv>
#include <climits>

#include "content/front_matter/fields.hpp"
#include "support/text.hpp"

namespace tandem::front_matter {

namespace {

// YAML aliases repeat a value without writing it again, so 2 KB of aliases to aliases can stand
// for billions of values: past this many, front matter is refused, not expanded.
constexpr int kMaxYamlValues = 10000;
// An alias inside its own value (a: &a [*a]) nests without end.
constexpr int kMaxYamlDepth = 64;

struct TooManyValues {
  YAML::Mark mark;
};

Field FromYaml(const std::string& path, int first_line, std::string key, const YAML::Node& node,
               const YAML::Mark& key_mark, int& budget, int depth = 0) {
  if (--budget < 0 || depth > kMaxYamlDepth) throw TooManyValues{key_mark};
  Field f;
  f.key = RepairLatin1Bytes(std::move(key));
  f.from_yaml = true;
  f.pos = {path, key_mark.line + first_line, key_mark.column + 1};
  if (node.IsSequence()) {
    f.kind = Field::Kind::kList;
    for (const YAML::Node& item : node)
      f.children.push_back(FromYaml(path, first_line, "", item, item.Mark(), budget, depth + 1));
  } else if (node.IsMap()) {
    f.kind = Field::Kind::kMap;
    for (const auto& kv : node)
      f.children.push_back(
          FromYaml(path, first_line, kv.first.Scalar(), kv.second, kv.first.Mark(), budget, depth + 1));
  } else if (node.IsScalar()) {
    f.text = RepairLatin1Bytes(node.Scalar());
    // YAML decides types by the field: an unquoted true/false or number is one.
    if (node.Tag() != "!") {
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
  return f;
}

}  // namespace

std::optional<std::vector<Field>> ParseYamlBlock(const std::string& path, const std::string& file,
                                                 const Block& block, Diagnostics& diags) {
  try {
    YAML::Node root = YAML::Load(std::string(block.text));
    std::vector<Field> fields;
    if (root.IsNull()) return fields;
    if (!root.IsMap()) {
      SourcePos pos{path, block.first_line, 1};
      diags.Error(pos, "YAML front matter must be a map of fields like title: \"...\"",
                  LineAt(file, pos.line));
      return std::nullopt;
    }
    int budget = kMaxYamlValues;
    for (const auto& kv : root) {
      try {
        fields.push_back(
            FromYaml(path, block.first_line, kv.first.Scalar(), kv.second, kv.first.Mark(), budget));
      } catch (TooManyValues& e) {
        e.mark = kv.first.Mark();  // the field whose value is too big
        throw;
      }
    }
    return fields;
  } catch (const TooManyValues& e) {
    SourcePos pos{path, e.mark.line + block.first_line, e.mark.column + 1};
    diags.Error(pos,
                "the front matter holds more than " + std::to_string(kMaxYamlValues) +
                    " values, or nests deeper than " + std::to_string(kMaxYamlDepth) +
                    ", once its YAML aliases (*name) are expanded; write the values out instead",
                LineAt(file, pos.line));
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    SourcePos pos{path, e.mark.line + block.first_line, e.mark.column + 1};
    diags.Error(pos, "invalid YAML: " + e.msg, LineAt(file, pos.line));
    return std::nullopt;
  }
}

}  // namespace tandem::front_matter
