// A small tree of values (text, true/false, lists, maps in insertion order):
// front matter params, and everything a template is shown. A page's cache key
// is hashed from the same tree its template data is made from, so the two
// cannot drift apart.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace tandem {

class Hasher;

struct Value {
  enum class Kind { kText, kBool, kList, kMap };
  Kind kind = Kind::kText;
  std::string text;                                   // kText (numbers and dates as written)
  bool flag = false;                                  // kBool
  std::vector<Value> items;                           // kList
  std::vector<std::pair<std::string, Value>> fields;  // kMap, in insertion order

  Value() = default;
  Value(std::string s) : text(std::move(s)) {}  // NOLINT: a text converts implicitly
  Value(const char* s) : text(s) {}             // NOLINT
  static Value Bool(bool b);
  static Value List(std::vector<Value> items = {});
  static Value Map();

  // On a map: adds or replaces `key`. Returns *this, to chain.
  Value& Set(const std::string& key, Value v);
  // On a map: the value of `key`, or nullptr.
  const Value* Get(const std::string& key) const;
  Value* Get(const std::string& key) { return const_cast<Value*>(std::as_const(*this).Get(key)); }
  // On a list: appends.
  void Push(Value v) { items.push_back(std::move(v)); }

  // Feeds the whole tree, shape and contents, to `h`.
  void HashInto(Hasher& h) const;
};

}  // namespace tandem
