#include "support/value.hpp"

#include "support/files.hpp"

namespace tandem {

Value Value::Bool(bool b) {
  Value v;
  v.kind = Kind::kBool;
  v.flag = b;
  return v;
}

Value Value::List(std::vector<Value> items) {
  Value v;
  v.kind = Kind::kList;
  v.items = std::move(items);
  return v;
}

Value Value::Map() {
  Value v;
  v.kind = Kind::kMap;
  return v;
}

Value& Value::Set(const std::string& key, Value v) {
  for (auto& [k, old] : fields)
    if (k == key) {
      old = std::move(v);
      return *this;
    }
  fields.emplace_back(key, std::move(v));
  return *this;
}

const Value* Value::Get(const std::string& key) const {
  for (const auto& [k, v] : fields)
    if (k == key) return &v;
  return nullptr;
}

void Value::HashInto(Hasher& h) const {
  h.Add(static_cast<uint64_t>(kind));
  switch (kind) {
    case Kind::kText:
      h.Add(text);
      break;
    case Kind::kBool:
      h.Add(static_cast<uint64_t>(flag));
      break;
    case Kind::kList:
      h.Add(static_cast<uint64_t>(items.size()));
      for (const Value& item : items) item.HashInto(h);
      break;
    case Kind::kMap:
      h.Add(static_cast<uint64_t>(fields.size()));
      for (const auto& [k, v] : fields) {
        h.Add(k);
        v.HashInto(h);
      }
      break;
  }
}

}  // namespace tandem
