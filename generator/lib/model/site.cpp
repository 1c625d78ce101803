#include "model/site.hpp"

namespace tandem {

const std::string& Language::String(const std::string& key) const {
  static const std::string kMissing;
  auto it = strings.find(key);
  return it == strings.end() ? kMissing : it->second;
}

void PageTexts::Put(const Page* page, std::string text) {
  std::lock_guard lock(mutex_);
  texts_[page] = std::move(text);
}

std::string_view PageTexts::Peek(const Page* page) {
  std::lock_guard lock(mutex_);
  auto it = texts_.find(page);
  return it == texts_.end() ? std::string_view() : std::string_view(it->second);
}

std::string PageTexts::Take(const Page* page) {
  std::lock_guard lock(mutex_);
  auto it = texts_.find(page);
  if (it == texts_.end()) return {};
  std::string text = std::move(it->second);
  texts_.erase(it);
  return text;
}

std::vector<Page*> Site::AllPages() const {
  std::vector<Page*> all;
  for (const Language& lang : languages)
    for (const auto& page : lang.pages) all.push_back(page.get());
  return all;
}

Value Site::ParamsOf(size_t lang_index) const {
  Value params = config.params;
  for (const auto& [key, value] : languages[lang_index].config.params.fields) params.Set(key, value);
  return params;
}

}  // namespace tandem
