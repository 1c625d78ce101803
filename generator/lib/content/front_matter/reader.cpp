// Reading each front matter field into the page's FrontMatter: its type, its form (dates,
// terms, sort orders), or page.params for a key of the site's own.
#include <algorithm>
#include <cctype>
#include <climits>

#include "content/front_matter.hpp"
#include "content/front_matter/fields.hpp"
#include "i18n/time_zone.hpp"
#include "support/printable.hpp"
#include "support/text.hpp"

namespace tandem::front_matter {

namespace {

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

// How a section may order its list (model/page.hpp).
const std::vector<std::string> kSortOrders = {"weight", "title", "date"};

std::string Trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
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

bool ReadFields(const std::vector<Field>& fields, const std::string& path, const std::string& file,
                const std::vector<std::string>& taxonomy_keys, FrontMatter& meta, Diagnostics& diags) {
  FieldReader reader(path, file, diags, taxonomy_keys);
  for (const Field& f : fields) reader.Read(f, meta);
  return reader.errors() == 0;
}

bool CheckPrintableFields(const std::vector<Field>& fields, const std::string& file, Diagnostics& diags) {
  bool ok = true;
  for (const Field& f : fields) ok = CheckPrintableField(f, f.key, file, diags) && ok;
  return ok;
}

}  // namespace tandem::front_matter
