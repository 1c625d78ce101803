#include "config/yaml_source.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <unordered_set>

#include "support/printable.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

// A limit reached: at `mark`, the values past `values` or the depth past the limit.
struct PastLimit {
  YAML::Mark mark;
  bool depth = false;
};

// A quoted scalar whose closing quote yaml-cpp did not find (at the end of the text, it takes
// the rest as the value).
struct NeverClosed {
  YAML::Mark mark;
  char quote;
};

// Whether the quoted scalar opening at `at` of `text` closes: "..." with \ escapes, '...' with ''.
bool Closes(std::string_view text, size_t at) {
  char quote = text[at];
  for (size_t i = at + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
        continue;
      }
      return true;
    }
  }
  return false;
}

class Builder {
 public:
  Builder(const YamlSource& src, size_t values, int depth) : src_(src), values_(values), depth_(depth) {}

  TextPos At(const YAML::Mark& mark) const {
    return {std::max(mark.line, 0) + src_.first_line, std::max(mark.column, 0) + 1};
  }

  // Fills `out` from `node`, `depth` levels down.
  void Fill(const YAML::Node& node, YamlNode& out, int depth) {
    if (depth > depth_) throw PastLimit{node.Mark(), true};
    if (values_-- == 0) throw PastLimit{node.Mark(), false};
    out.pos = At(node.Mark());
    if (node.IsSequence()) {
      out.kind = YamlNode::Kind::kList;
      out.children.reserve(node.size());
      for (const YAML::Node& item : node) {
        YamlNode& child = out.children.emplace_back();
        Fill(item, child, depth + 1);
        child.key_pos = child.pos;
      }
    } else if (node.IsMap()) {
      out.kind = YamlNode::Kind::kMap;
      out.children.reserve(node.size());
      for (const auto& kv : node) FillEntry(kv.first, kv.second, out.children.emplace_back(), depth + 1);
    } else if (node.IsScalar()) {
      out.kind = YamlNode::Kind::kScalar;
      out.text = node.Scalar();
      out.quoted = node.Tag() == "!";
      if (out.quoted) CheckClosed(node.Mark());
    }
  }

  // Each quoted scalar is looked at once, however many aliases repeat it.
  void CheckClosed(const YAML::Mark& mark) {
    if (mark.pos < 0 || static_cast<size_t>(mark.pos) >= src_.text.size()) return;
    size_t at = static_cast<size_t>(mark.pos);
    char c = src_.text[at];
    if ((c != '"' && c != '\'') || !checked_.insert(at).second) return;
    if (!Closes(src_.text, at)) throw NeverClosed{mark, c};
  }

  void FillEntry(const YAML::Node& key, const YAML::Node& value, YamlNode& out, int depth) {
    out.key = key.IsScalar() ? key.Scalar() : "";
    out.key_pos = At(key.Mark());
    Fill(value, out, depth);
  }

 private:
  const YamlSource& src_;
  size_t values_;
  int depth_;
  std::unordered_set<size_t> checked_;
};

int LastLine(const YamlSource& src) {
  int lines = static_cast<int>(std::count(src.text.begin(), src.text.end(), '\n'));
  if (!src.text.empty() && src.text.back() != '\n') ++lines;
  return src.first_line + std::max(lines, 1) - 1;
}

void Report(const YamlSource& src, TextPos at, const std::string& message, Diagnostics& diags) {
  // At the end of the text, yaml-cpp points past its last line: point at the end of that line.
  if (int last = LastLine(src); at.line > last && !src.text.empty())
    at = {last, static_cast<int>(LineAt(src.file, last).size()) + 1};
  std::string line = LineAt(src.file, at.line);
  at.column = std::min(at.column, static_cast<int>(line.size()) + 1);  // never past the line's end
  diags.Error({src.path, at.line, at.column}, message, line);
}

// The line and column (in characters) of the byte at `offset` in the text.
SourcePos PosOfOffset(const YamlSource& src, size_t offset) {
  std::string_view before = src.text.substr(0, offset);
  size_t newline = before.rfind('\n');
  std::string_view in_line = newline == std::string_view::npos ? before : before.substr(newline + 1);
  return {src.path, src.first_line + static_cast<int>(std::count(before.begin(), before.end(), '\n')),
          static_cast<int>(CharacterCount(in_line)) + 1};
}

std::string LimitMessage(const std::string& what, const PastLimit& e, size_t values, int depth) {
  if (e.depth)
    return what + " nests deeper than " + std::to_string(depth) +
           " levels once its YAML aliases (*name) are expanded (an alias inside its own value, as in "
           "a: &a [*a], nests without end); write the values out instead";
  return what + " holds more than " + std::to_string(values) +
         " values once its YAML aliases (*name) are expanded; write the values out instead";
}

}  // namespace

std::optional<YamlNode> ReadYaml(const YamlSource& src, Diagnostics& diags, const YamlLimits& limits) {
  if (src.text.size() > limits.max_bytes) {
    Report(src, {src.first_line, 1},
           "the YAML is " + std::to_string(src.text.size() / 1024) + " KB; tandem reads at most " +
               std::to_string(limits.max_bytes / 1024) + " KB of YAML in one file: split it",
           diags);
    return std::nullopt;
  }
  // yaml-cpp takes a text with NUL bytes for UTF-16 or UTF-32, and its positions then mean
  // nothing: a NUL is reported here, where it is written (other control characters are reported
  // once parsed, with the key that holds them).
  if (size_t nul = src.text.find('\0'); nul != std::string_view::npos) {
    ReportUnprintable(src.file, PosOfOffset(src, nul), "the YAML", U'\0', diags);
    return std::nullopt;
  }
  size_t values = std::max(limits.min_values, src.text.size());
  YAML::Node root;
  try {
    root = YAML::Load(std::string(src.text));
  } catch (const YAML::Exception& e) {
    Report(src, {e.mark.line + src.first_line, e.mark.column + 1}, "invalid YAML: " + e.msg, diags);
    return std::nullopt;
  }
  Builder builder(src, values, limits.max_depth);
  YamlNode tree;
  // A limit is reported at the top-level key whose value reaches it: the one to write out.
  std::string what = "this YAML";
  TextPos where{src.first_line, 1};
  try {
    if (!root.IsMap()) {
      if (root.IsDefined() && !root.IsNull()) where = builder.At(root.Mark());
      builder.Fill(root, tree, 0);
      return tree;
    }
    tree.kind = YamlNode::Kind::kMap;
    tree.pos = tree.key_pos = builder.At(root.Mark());
    for (const auto& kv : root) {
      where = builder.At(kv.first.Mark());
      what = kv.first.IsScalar() ? "\"" + kv.first.Scalar() + "\"" : "this value";
      builder.FillEntry(kv.first, kv.second, tree.children.emplace_back(), 1);
    }
    return tree;
  } catch (const NeverClosed& e) {
    std::string quote(1, e.quote);
    Report(src, builder.At(e.mark), "invalid YAML: this quoted text never closes; end it with " + quote,
           diags);
    return std::nullopt;
  } catch (const PastLimit& e) {
    Report(src, where, LimitMessage(what, e, values, limits.max_depth), diags);
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    Report(src, {e.mark.line + src.first_line, e.mark.column + 1}, "invalid YAML: " + e.msg, diags);
    return std::nullopt;
  }
}

}  // namespace tandem
