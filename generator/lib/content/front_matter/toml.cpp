// TOML front matter: a quick reader for the lines most pages have, else toml++.
#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <sstream>

#include "config/toml_source.hpp"
#include "content/front_matter.hpp"
#include "content/front_matter/fields.hpp"
#include "i18n/time_zone.hpp"

namespace tandem::front_matter {

namespace {

DateTime FromTomlDateTime(const toml::date_time& dt) {
  DateTime t;
  t.year = dt.date.year, t.month = dt.date.month, t.day = dt.date.day;
  t.hour = dt.time.hour, t.minute = dt.time.minute, t.second = dt.time.second;
  t.has_time = true;
  if (dt.offset) t.has_offset = true, t.offset_minutes = dt.offset->minutes;
  return t;
}

Field FromToml(const TomlSource& src, std::string key, const toml::node& node) {
  Field f;
  f.key = std::move(key);
  f.pos = PosOf(src, node.source());
  if (node.is_string()) {
    f.text = **node.as_string();
  } else if (node.is_boolean()) {
    f.kind = Field::Kind::kBool;
    f.flag = **node.as_boolean();
  } else if (node.is_integer()) {
    f.kind = Field::Kind::kInteger;
    f.integer = **node.as_integer();
    f.text = std::to_string(f.integer);
  } else if (auto d = node.as_date()) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->get().year, d->get().month, d->get().day);
    f.text = buf;
  } else if (auto dt = node.as_date_time()) {
    f.text = FromTomlDateTime(dt->get()).ToString();
  } else if (const toml::array* arr = node.as_array()) {
    f.kind = Field::Kind::kList;
    for (const toml::node& item : *arr) f.children.push_back(FromToml(src, "", item));
  } else if (const toml::table* t = node.as_table()) {
    f.kind = Field::Kind::kMap;
    for (const auto& [k, v] : *t) f.children.push_back(FromToml(src, std::string(k.str()), v));
  } else if (node.is_floating_point()) {
    std::ostringstream out;
    out << **node.as_floating_point();
    f.text = out.str();
  }
  return f;
}

// Most front matter is a few lines of `key = "text"`, dates, integers, booleans and lists of
// text. Those are read here directly, which costs a fifth of what the general TOML parser does
// (a tenth of a build); anything else, and anything wrong, goes to toml++, which says what is
// wrong. Both give the same fields, in toml++'s order (by key).
class SimpleToml {
 public:
  SimpleToml(const std::string& path, std::string_view text, int first_line)
      : path_(path), text_(text), first_line_(first_line) {}

  std::optional<std::vector<Field>> Read() {
    std::vector<Field> fields;
    int line = first_line_;
    for (size_t start = 0; start < text_.size(); ++line) {
      size_t end = text_.find('\n', start);
      if (end == std::string_view::npos) end = text_.size();
      line_ = text_.substr(start, end - start);
      start = end + 1;
      at_ = 0;
      SkipSpaces();
      if (at_ == line_.size()) continue;
      if (line_[at_] == '#') {
        if (HasControl(line_.substr(at_))) return std::nullopt;  // TOML refuses them in comments too
        continue;
      }
      Field f;
      f.pos = {path_, line, Column()};
      if (!Key(f.key) || !Expect('=') || !Value(f, line) || (SkipSpaces(), at_ != line_.size()))
        return std::nullopt;
      fields.push_back(std::move(f));
    }
    std::sort(fields.begin(), fields.end(), [](const Field& a, const Field& b) { return a.key < b.key; });
    for (size_t i = 1; i < fields.size(); ++i)
      if (fields[i].key == fields[i - 1].key) return std::nullopt;  // toml++ words the error
    return fields;
  }

 private:
  static bool HasControl(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
      return (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f;
    });
  }
  // Columns count characters, as toml++'s and the caret's do: a key after "é" is one further, not two.
  int Column() const { return PosOfOffset(line_, at_).column; }
  void SkipSpaces() {
    while (at_ < line_.size() && (line_[at_] == ' ' || line_[at_] == '\t')) ++at_;
  }
  bool Expect(char c) {
    SkipSpaces();
    if (at_ >= line_.size() || line_[at_] != c) return false;
    ++at_;
    SkipSpaces();
    return true;
  }
  bool Key(std::string& key) {
    size_t from = at_;
    while (at_ < line_.size() &&
           (std::isalnum(static_cast<unsigned char>(line_[at_])) || line_[at_] == '_' || line_[at_] == '-'))
      ++at_;
    key.assign(line_.substr(from, at_ - from));
    return !key.empty();
  }
  // A "basic" string with the common escapes, or a 'literal' one; nothing multi-line.
  bool String(std::string& out) {
    char quote = line_[at_++];
    for (; at_ < line_.size(); ++at_) {
      char c = line_[at_];
      if (c == quote) {
        ++at_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
      if (c == '\\' && quote == '"') {
        if (++at_ == line_.size()) return false;
        char e = line_[at_];
        if (e == '"' || e == '\\')
          out += e;
        else if (e == 'n')
          out += '\n';
        else if (e == 't')
          out += '\t';
        else
          return false;
        continue;
      }
      out += c;
    }
    return false;
  }
  bool Value(Field& f, int line) {
    if (at_ >= line_.size()) return false;
    char c = line_[at_];
    if (c == '"' || c == '\'') return (c != '"' || line_.substr(at_, 3) != "\"\"\"") && String(f.text);
    if (c == '[') return List(f, line);
    size_t from = at_;
    while (at_ < line_.size() && line_[at_] != ' ' && line_[at_] != '\t') ++at_;
    std::string_view word = line_.substr(from, at_ - from);
    if (word == "true" || word == "false") {
      f.kind = Field::Kind::kBool;
      f.flag = word == "true";
      return true;
    }
    if (word.size() == 10 && IsIsoDate(std::string(word))) {
      f.text = word;
      return true;
    }
    bool digits = !word.empty() && word.size() <= 18 &&
                  std::all_of(word.begin(), word.end(), [](char d) { return d >= '0' && d <= '9'; });
    if (!digits || (word.size() > 1 && word[0] == '0')) return false;
    f.kind = Field::Kind::kInteger;
    f.integer = std::stoll(std::string(word));
    f.text = word;
    return true;
  }
  // A one-line list of strings.
  bool List(Field& f, int line) {
    f.kind = Field::Kind::kList;
    ++at_;
    SkipSpaces();
    while (at_ < line_.size() && line_[at_] != ']') {
      if (line_[at_] != '"' && line_[at_] != '\'') return false;
      Field item;
      item.pos = {path_, line, Column()};
      if (!String(item.text)) return false;
      f.children.push_back(std::move(item));
      SkipSpaces();
      if (at_ < line_.size() && line_[at_] == ',')
        ++at_, SkipSpaces();
      else if (at_ < line_.size() && line_[at_] != ']')
        return false;
    }
    if (at_ == line_.size()) return false;
    ++at_;
    return true;
  }

  const std::string& path_;
  std::string_view text_;
  int first_line_;
  std::string_view line_;
  size_t at_ = 0;
};

}  // namespace

std::optional<std::vector<Field>> ReadQuickToml(const std::string& path, const Block& block) {
  return SimpleToml(path, block.text, block.first_line).Read();
}

std::optional<std::vector<Field>> ReadFullToml(const std::string& path, const std::string& file,
                                               const Block& block, Diagnostics& diags) {
  TomlSource src{path, block.text, block.first_line, file, {}};
  auto table = ParseToml(src, diags);
  if (!table) return std::nullopt;
  std::vector<Field> fields;
  for (const auto& [k, v] : *table) {
    Field f = FromToml(src, std::string(k.str()), v);
    f.pos = PosOf(src, k.source());
    fields.push_back(std::move(f));
  }
  return fields;
}

std::optional<std::vector<Field>> ParseTomlBlock(const std::string& path, const std::string& file,
                                                 const Block& block, Diagnostics& diags) {
  if (auto quick = ReadQuickToml(path, block)) return quick;
  return ReadFullToml(path, file, block, diags);
}

}  // namespace tandem::front_matter
