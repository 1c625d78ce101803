// The parts of reading front matter (content/front_matter.hpp), internal to content/: TOML
// (toml.cpp) and YAML (yaml.cpp) are both read into Fields, so that the rules for each key are
// written once (reader.cpp), with the keys tandem knows (keys.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/page.hpp"
#include "support/diagnostics.hpp"

namespace tandem::front_matter {

// One field of the front matter, whichever its format.
struct Field {
  enum class Kind { kScalar, kBool, kInteger, kList, kMap };
  Kind kind = Kind::kScalar;
  std::string key;
  SourcePos pos;     // of the key
  std::string text;  // scalar text (strings, numbers, dates)
  bool flag = false;
  int64_t integer = 0;
  bool from_yaml = false;  // YAML leaves scalars untyped: a number may stand for a string
  std::vector<Field> children;
};

struct Block {
  std::string format;  // "toml" or "yaml"
  std::string_view text;
  int first_line = 0;  // file line of the block's first line
  std::string body;
  int body_line = 0;
};

// The front matter of page `text` and its body; reports a page with none or a block that never
// closes.
std::optional<Block> SplitFrontMatter(const std::string& path, const std::string& text, Diagnostics& diags);

// The fields of a TOML block: the quick reader's when it can, else toml++'s, which says what is
// wrong. nullopt, reported, when the block cannot be read.
std::optional<std::vector<Field>> ParseTomlBlock(const std::string& path, const std::string& file,
                                                 const Block& block, Diagnostics& diags);
// Its two halves, which must agree wherever the quick one answers (the front_matter fuzz target
// checks it): the quick reader, nullopt for anything it does not read, and toml++.
std::optional<std::vector<Field>> ReadQuickToml(const std::string& path, const Block& block);
std::optional<std::vector<Field>> ReadFullToml(const std::string& path, const std::string& file,
                                               const Block& block, Diagnostics& diags);

// The fields of a YAML block, its aliases expanded within limits. nullopt, reported, when the
// block cannot be read.
std::optional<std::vector<Field>> ParseYamlBlock(const std::string& path, const std::string& file,
                                                 const Block& block, Diagnostics& diags);

// The key tandem reads that `key` spells in any case, with or without underscores ("publishDate"
// is "publish_date"), or "".
std::string KnownKey(std::string_view key);
// Every key tandem reads, lowercase, with Hugo's spellings: what "did you mean" picks from.
const std::vector<std::string>& KnownKeysLowercase();

// Reads `fields` of the page at `path` (whose whole text is `file`) into `meta`, reporting each
// problem at its field; false if there was any.
bool ReadFields(const std::vector<Field>& fields, const std::string& path, const std::string& file,
                const std::vector<std::string>& taxonomy_keys, FrontMatter& meta, Diagnostics& diags);

// Reports each field whose key or text holds a character no page or feed can carry
// (support/printable.hpp), at the character; false if any.
bool CheckPrintableFields(const std::vector<Field>& fields, const std::string& file, Diagnostics& diags);

}  // namespace tandem::front_matter
