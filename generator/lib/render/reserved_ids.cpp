#include "render/reserved_ids.hpp"

#include <cctype>

#include "support/files.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

// Whether `id` is `parts` joined by runs of at least one character.
bool MatchesPattern(std::string_view id, const std::vector<std::string>& parts) {
  if (parts.size() == 1) return id == parts[0];
  if (!StartsWith(id, parts.front()) || !EndsWith(id, parts.back())) return false;
  size_t at = parts.front().size(), end = id.size() - parts.back().size();
  if (end < at) return false;
  for (size_t i = 1; i + 1 < parts.size(); ++i) {
    size_t found = parts[i].empty() ? at + 1 : id.find(parts[i], at + 1);
    if (found == std::string_view::npos || found + parts[i].size() > end) return false;
    at = found + parts[i].size();
  }
  return end > at;
}

}  // namespace

ReservedIds::ReservedIds(const Theme& theme, const std::vector<std::string_view>& inlined) {
  for (const auto& [name, text] : theme.templates()) AddIdsOf(text);
  for (std::string_view html : inlined) AddIdsOf(html);
  Hasher h;
  for (const auto& parts : patterns_) {
    for (const std::string& part : parts) h.Add(part);
    h.Add("\n");
  }
  hash_ = h.Digest();
}

void ReservedIds::AddIdsOf(std::string_view html) {
  static constexpr std::string_view kAttribute = "id=\"";
  for (size_t at = html.find(kAttribute); at != std::string_view::npos; at = html.find(kAttribute, at + 1)) {
    if (at > 0 && !std::isspace(static_cast<unsigned char>(html[at - 1]))) continue;  // data-id="..."
    size_t start = at + kAttribute.size(), end = html.find('"', start);
    if (end != std::string_view::npos) AddPattern(html.substr(start, end - start));
  }
}

void ReservedIds::AddPattern(std::string_view written) {
  std::vector<std::string> parts;
  size_t at = 0;
  for (size_t open = written.find("{{"); open != std::string_view::npos; open = written.find("{{", at)) {
    size_t close = written.find("}}", open);
    if (close == std::string_view::npos) break;
    parts.emplace_back(written.substr(at, open - at));
    at = close + 2;
  }
  parts.emplace_back(written.substr(at));
  patterns_.push_back(std::move(parts));
}

bool ReservedIds::Contains(std::string_view id) const {
  for (const auto& parts : patterns_)
    if (MatchesPattern(id, parts)) return true;
  return false;
}

}  // namespace tandem
