#include "content/front_matter.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <climits>
#include <cstdio>
#include <map>
#include <sstream>

#include "config/toml_source.hpp"
#include "content/printable.hpp"
#include "i18n/time_zone.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

// Both TOML and YAML front matter are read into this one shape, so the rules
// for each field are written once.
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

// Finds the closing fence; reports a block that never closes.
std::optional<Block> SplitFrontMatter(const std::string& path, const std::string& text, Diagnostics& diags) {
  std::string fence;
  if (StartsWith(text, "+++\n") || text == "+++")
    fence = "+++";
  else if (StartsWith(text, "---\n") || text == "---")
    fence = "---";
  if (fence.empty()) {
    diags.Error({path, 1, 1},
                "a page must start with front matter: a line +++ (TOML) or --- (YAML), then at least "
                "title = \"...\", then the same line again",
                LineAt(text, 1));
    return std::nullopt;
  }
  size_t start = fence.size() + 1;
  int line = 2;
  for (size_t at = start; at <= text.size();) {
    size_t nl = text.find('\n', at);
    std::string_view l(text.data() + at, (nl == std::string::npos ? text.size() : nl) - at);
    if (l == fence || (fence == "---" && l == "...")) {
      Block b{fence == "+++" ? "toml" : "yaml",
              std::string_view(text).substr(start, at - start),
              2,
              {},
              line + 1};
      b.body = nl == std::string::npos ? "" : text.substr(nl + 1);
      return b;
    }
    if (nl == std::string::npos) break;
    at = nl + 1;
    ++line;
  }
  diags.Error({path, 1, 1},
              "front matter opened with " + fence + " is never closed; add a line " + fence +
                  " after the last field (did you forget it?)",
              fence);
  return std::nullopt;
}

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
      if (at_ == line_.size() || line_[at_] == '#') continue;
      Field f;
      f.pos = {path_, line, static_cast<int>(at_) + 1};
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
      item.pos = {path_, line, static_cast<int>(at_) + 1};
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

std::optional<std::vector<Field>> ParseTomlBlock(const std::string& path, const std::string& file,
                                                 const Block& block, Diagnostics& diags) {
  if (auto simple = SimpleToml(path, block.text, block.first_line).Read()) return simple;
  TomlSource src{path, block.text, block.first_line, file};
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

Value ToValue(const Field& f) {
  switch (f.kind) {
    case Field::Kind::kBool:
      return Value::Bool(f.flag);
    case Field::Kind::kList: {
      Value list = Value::List();
      for (const Field& c : f.children) list.Push(ToValue(c));
      return list;
    }
    case Field::Kind::kMap: {
      Value map = Value::Map();
      for (const Field& c : f.children) map.Set(c.key, ToValue(c));
      return map;
    }
    default:
      return Value(f.text);
  }
}

// The keys tandem reads, in the spelling the code below uses. Front matter may write them in
// any case, with or without underscores (Hugo's `Title`, `LastMod`, `publishDate`).
const std::vector<std::string> kKnownKeys = {"title",
                                             "description",
                                             "date",
                                             "modified",
                                             "lastmod",
                                             "publish_date",
                                             "expiry_date",
                                             "slug",
                                             "url",
                                             "layout",
                                             "keywords",
                                             "subject",
                                             "draft",
                                             "weight",
                                             "params",
                                             "translation_key",
                                             "translation_source",
                                             "summary",
                                             "aliases",
                                             "sort",
                                             "paginate",
                                             "creator"};

// How a section may order its list (model/page.hpp).
const std::vector<std::string> kSortOrders = {"weight", "title", "date"};

std::string Trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

// Lowercase, without underscores or hyphens: "publishDate", "publish_date" and "PublishDate" meet.
std::string Folded(std::string_view key) {
  std::string out;
  for (char c : AsciiLower(key))
    if (c != '_' && c != '-') out += c;
  return out;
}

// The known key that `key` spells, or "".
std::string KnownKey(std::string_view key) {
  std::string folded = Folded(key);
  for (const std::string& known : kKnownKeys)
    if (Folded(known) == folded) return known;
  return "";
}

const std::vector<std::string>& KnownKeysLowercase() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out = kKnownKeys;
    for (const char* hugo : {"publishdate", "expirydate", "translationkey"}) out.push_back(hugo);
    return out;
  }();
  return keys;
}

class FieldReader {
 public:
  FieldReader(const std::string& path, const std::string& file, Diagnostics& diags,
              const std::vector<std::string>& taxonomy_keys)
      : path_(path), file_(file), diags_(diags), taxonomy_keys_(taxonomy_keys) {}

  void Error(const Field& f, const std::string& message) {
    diags_.Error(f.pos, message, LineAt(file_, f.pos.line));
    ++errors_;
  }
  int errors() const { return errors_; }

  bool String(const Field& f, std::string& out) {
    if (f.kind == Field::Kind::kScalar ||
        (f.from_yaml && f.kind != Field::Kind::kList && f.kind != Field::Kind::kMap)) {
      out = f.text;
      return true;
    }
    Error(f, "\"" + f.key + "\" must be a string");
    return false;
  }

  // YYYY-MM-DD, or a date and time as Hugo reads it (ParseDateTime); kept in one canonical form.
  void Date(const Field& f, std::string& out) {
    if (!String(f, out)) return;
    if (auto when = ParseDateTime(out)) {
      out = when->ToString();
      return;
    }
    Error(f, "\"" + f.key +
                 "\" must be a date written YYYY-MM-DD, or a date and time like "
                 "2021-07-30T09:00:00-04:00 or 2021-07-30 09:00:00 -0400 (the offset may be Z, or left "
                 "out for the site's time zone), not \"" +
                 out + "\"");
    out.clear();
  }

  // One old URL, or a list of them.
  void Aliases(const Field& f, FrontMatter& m) {
    std::vector<Field> one = {f};
    for (const Field& item : f.kind == Field::Kind::kList ? f.children : one) {
      std::string alias;
      if (!String(item, alias)) return;
      m.aliases.push_back(alias);
      m.alias_pos.push_back(item.pos.line ? item.pos : f.pos);
    }
  }

  // keywords and subject may be one string or a list of strings.
  void Joined(const Field& f, const std::string& separator, std::string& out) {
    if (f.kind != Field::Kind::kList) {
      String(f, out);
      return;
    }
    for (const Field& item : f.children) {
      std::string s;
      if (!String(item, s)) return;
      out += (out.empty() ? "" : separator) + s;
    }
  }

  // A taxonomy's terms: a list of strings, each a term in the page's language.
  void Terms(const Field& f, const std::string& key, FrontMatter& m) {
    if (f.kind != Field::Kind::kList)
      return Error(
          f, "\"" + f.key + "\" must be a list of terms, like " + f.key + " = [\"boating\", \"safety\"]");
    PageTerms terms{key, {}, {}};
    for (const Field& item : f.children) {
      bool text = item.kind == Field::Kind::kScalar ||
                  (item.from_yaml && item.kind != Field::Kind::kList && item.kind != Field::Kind::kMap);
      SourcePos at = item.pos.line ? item.pos : f.pos;
      std::string term = text ? Trimmed(item.text) : "";
      if (!text || term.empty()) {
        diags_.Error(at,
                     "each of \"" + f.key + "\" must be a term written as text, like \"boating\"" +
                         (text ? "; remove the empty one" : ""),
                     LineAt(file_, at.line));
        ++errors_;
        continue;
      }
      terms.terms.push_back(ToNfc(term));
      terms.pos.push_back(at);
    }
    m.terms.push_back(std::move(terms));
  }

  void Read(const Field& f, FrontMatter& m) {
    if (auto tax = std::find(taxonomy_keys_.begin(), taxonomy_keys_.end(), AsciiLower(f.key));
        tax != taxonomy_keys_.end())
      return Terms(f, *tax, m);
    std::string k = KnownKey(f.key);
    if (k.empty()) {
      if (auto typo = DidYouMean(AsciiLower(f.key), KnownKeysLowercase()))
        Error(f, "\"" + f.key + "\" is not a front matter key (did you mean \"" + KnownKey(*typo) +
                     "\"?); a key of the site's own goes under params, as params." + f.key);
      else {
        m.params.Set(f.key, ToValue(f));
        m.own_keys.push_back({f.key, f.pos});
      }
      return;
    }
    if (k == "creator") {  // the department, over site.toml's, for dcterms.creator (render/identity_view)
      std::string creator;
      if (String(f, creator)) m.params.Set("creator", Value(creator));
      return;
    }
    if (k == "params") {
      if (f.kind != Field::Kind::kMap) return Error(f, "\"params\" must be a table of the page's own keys");
      for (const Field& c : f.children) m.params.Set(c.key, ToValue(c));
      return;
    }
    if (k == "title") {
      m.title_pos = f.pos;
      if (!String(f, m.title)) m.title = "?";  // reported; not also "empty"
    } else if (k == "description")
      String(f, m.description);
    else if (k == "date")
      Date(f, m.date);
    else if (k == "modified" || k == "lastmod")
      Date(f, m.modified);
    else if (k == "publish_date")
      Date(f, m.publish_date);
    else if (k == "expiry_date")
      Date(f, m.expiry_date);
    else if (k == "slug") {
      String(f, m.slug);
      m.slug_pos = f.pos;
    } else if (k == "url") {
      String(f, m.url);
      m.url_pos = f.pos;
    } else if (k == "translation_key") {
      String(f, m.translation_key);
      m.translation_key_pos = f.pos;
    } else if (k == "translation_source") {
      String(f, m.translation_source);
    } else if (k == "layout") {
      String(f, m.layout);
      m.layout_pos = f.pos;
    } else if (k == "summary")
      String(f, m.summary);
    else if (k == "aliases")
      Aliases(f, m);
    else if (k == "keywords")
      Joined(f, ", ", m.keywords);
    else if (k == "subject")
      Joined(f, "; ", m.subject);
    else if (k == "draft") {
      if (f.kind == Field::Kind::kBool)
        m.draft = f.flag;
      else
        Error(f, "\"draft\" must be true or false");
    } else if (k == "weight") {
      if (f.kind != Field::Kind::kInteger)
        Error(f, "\"weight\" must be an integer");
      else if (f.integer < INT_MIN || f.integer > INT_MAX)
        Error(f, "\"weight\" is out of range: use a number between -2147483648 and 2147483647");
      else
        m.weight = static_cast<int>(f.integer);
    } else if (k == "sort" || k == "paginate") {
      ReadListField(f, k, m);
    }
  }

  // sort and paginate say how a section lists its pages, so only a section's _index.md has them.
  void ReadListField(const Field& f, const std::string& k, FrontMatter& m) {
    if (!EndsWith(path_, "/_index.md") && path_ != "_index.md" && !EndsWith(path_, "/_index.html"))
      return Error(f, "\"" + k + "\" shapes a section's list of pages; move it to the section's _index.md");
    if (k == "sort") {
      if (!String(f, m.sort)) return;
      if (std::find(kSortOrders.begin(), kSortOrders.end(), m.sort) != kSortOrders.end()) return;
      Error(f, "unknown sort \"" + m.sort + "\"" + DidYouMeanSuffix(m.sort, kSortOrders) +
                   "; use \"weight\" (the default: by weight, then title), \"title\" or \"date\" (newest "
                   "first)");
      m.sort.clear();
    } else if (f.kind != Field::Kind::kInteger || f.integer < 1 || f.integer > INT_MAX) {
      Error(f, "\"paginate\" must be a whole number of pages per list page, 1 or more, like paginate = 10");
    } else {
      m.paginate = static_cast<int>(f.integer);
    }
  }

 private:
  const std::string& path_;
  const std::string& file_;
  Diagnostics& diags_;
  const std::vector<std::string>& taxonomy_keys_;
  int errors_ = 0;
};

}  // namespace

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

void CheckOwnKeys(const std::vector<const Page*>& pages, const PageParamsDeclaration& declared,
                  Diagnostics& diags) {
  constexpr const char* kCode = "param-undeclared";
  std::vector<std::string> keys;
  for (const std::string& k : declared.keys) keys.push_back(AsciiLower(k));
  struct Use {
    const Page* page;
    std::string key;  // as written
    SourcePos pos;
  };
  std::map<std::string, std::vector<Use>> undeclared;  // by lower-case key, in page order
  for (const Page* page : pages)
    for (const auto& [key, pos] : page->meta.own_keys)
      if (std::find(keys.begin(), keys.end(), AsciiLower(key)) == keys.end())
        undeclared[AsciiLower(key)].push_back({page, key, pos});
  if (declared.given) {
    for (const auto& [lower, uses] : undeclared)
      for (const Use& use : uses) {
        auto near = DidYouMean(lower, keys);
        diags.Error(use.pos,
                    "\"" + use.key +
                        "\" is not a front matter key tandem reads, nor one of site.toml's page_params" +
                        (near ? " (did you mean \"" + *near + "\"?)" : std::string()) +
                        "; correct it, or add it to page_params if the site's pages use it",
                    use.page->FrontMatterLine(use.pos.line), kCode);
      }
    return;
  }
  if (undeclared.empty()) return;
  // One warning for them all, at the first page that has one, with the line to add to site.toml.
  const Use* first = nullptr;
  std::string counts, list;
  for (const auto& [lower, uses] : undeclared) {
    for (const Use& use : uses)
      if (!first || use.page->source_path < first->page->source_path ||
          (use.page == first->page && use.pos.line < first->pos.line))
        first = &use;
    std::string n = std::to_string(uses.size()) + (uses.size() == 1 ? " page" : " pages");
    counts += (counts.empty() ? "" : ", ") + ("\"" + uses.front().key + "\" (" + n + ")");
    list += (list.empty() ? "" : ", ") + ("\"" + uses.front().key + "\"");
  }
  diags.Warning(first->pos,
                std::string(undeclared.size() == 1 ? "a front matter key tandem does not read becomes"
                                                   : "front matter keys tandem does not read become") +
                    " page.params for templates: " + counts +
                    ". Declare the site's own keys in site.toml, page_params = [" + list +
                    "], so that a misspelt one is an error",
                first->page->FrontMatterLine(first->pos.line), kCode);
}

namespace {

// The top-level fields of a page's front matter, read without a word on what is wrong with them;
// nullopt when it has none or they cannot be read.
std::optional<std::vector<Field>> QuietFields(const std::string& path, const std::string& text) {
  Diagnostics quiet;
  auto block = SplitFrontMatter(path, text, quiet);
  if (!block) return std::nullopt;
  return block->format == "toml" ? ParseTomlBlock(path, text, *block, quiet)
                                 : ParseYamlBlock(path, text, *block, quiet);
}

// Reports a character no page or feed can carry in a field's key or text, its list items' and
// its table's, at the character itself. `name` is the field's as messages show it ("params.x").
bool CheckPrintableField(const Field& f, const std::string& name, const std::string& file,
                         Diagnostics& diags) {
  bool ok = true;
  if (auto in_key = FindUnprintable(f.key)) {
    ReportUnprintable(file, LocateUnprintable(file, f.pos, in_key->code), "this key", in_key->code, diags);
    ok = false;
  }
  std::string shown = ok ? "\"" + name + "\"" : "this value";
  if (f.kind == Field::Kind::kScalar) ok = CheckPrintable(f.text, file, f.pos, shown, diags) && ok;
  for (const Field& c : f.children)
    ok = CheckPrintableField(c, f.kind == Field::Kind::kMap ? name + "." + c.key : name, file, diags) && ok;
  return ok;
}

}  // namespace

std::vector<OwnKey> OwnKeysOf(const std::string& path, const std::string& text,
                              const std::vector<std::string>& taxonomy_keys) {
  std::vector<OwnKey> out;
  if (auto fields = QuietFields(path, text))
    for (const Field& f : *fields)
      if (KnownKey(f.key).empty() &&
          std::find(taxonomy_keys.begin(), taxonomy_keys.end(), AsciiLower(f.key)) == taxonomy_keys.end())
        out.push_back({f.key, std::max(f.pos.line, 1)});
  return out;
}

std::string FrontMatterText(const std::string& path, const std::string& text, std::string_view key) {
  std::string known = KnownKey(key);
  if (known.empty()) return "";
  if (auto fields = QuietFields(path, text))
    for (const Field& f : *fields)
      if (f.kind == Field::Kind::kScalar && KnownKey(f.key) == known) return f.text;
  return "";
}

bool IsFrontMatterKey(std::string_view key) {
  return !KnownKey(key).empty();
}

std::optional<PageSource> ParsePage(const std::string& path, const std::string& text, Diagnostics& diags,
                                    const std::vector<std::string>& taxonomy_keys) {
  auto block = SplitFrontMatter(path, text, diags);
  if (!block) return std::nullopt;
  auto fields = block->format == "toml" ? ParseTomlBlock(path, text, *block, diags)
                                        : ParseYamlBlock(path, text, *block, diags);
  if (!fields) return std::nullopt;
  bool printable = true;
  for (const Field& f : *fields) printable = CheckPrintableField(f, f.key, text, diags) && printable;
  if (!printable) return std::nullopt;
  PageSource page;
  FieldReader reader(path, text, diags, taxonomy_keys);
  for (const Field& f : *fields) reader.Read(f, page.meta);
  bool ok = reader.errors() == 0;
  // No title at all: the build gives the page its first heading's, or reports it (GiveMissingTitles).
  if (page.meta.title.empty() && page.meta.title_pos.line > 0) {
    ok = false;
    diags.Error(page.meta.title_pos, "the title is empty", LineAt(text, page.meta.title_pos.line));
  }
  if (!ok) return std::nullopt;
  page.body = std::move(block->body);
  page.body_line = block->body_line;
  return page;
}

}  // namespace tandem
