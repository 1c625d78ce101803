#include "check/codes.hpp"

#include <algorithm>
#include <map>

#include "support/text.hpp"

namespace tandem {

bool ValidateChecksConfig(const ChecksConfig& config, const std::vector<std::string>& languages,
                          Diagnostics& diags) {
  size_t errors = diags.error_count();
  if (!config.translation_source_pos.path.empty() &&
      std::find(languages.begin(), languages.end(), config.translation_source) == languages.end())
    diags.Error(config.translation_source_pos,
                "translation_source \"" + config.translation_source +
                    "\" is not one of the site's languages (" + JoinQuoted(languages) + ")",
                config.translation_source_line);
  return diags.error_count() == errors;
}

Diagnostics::Policy ChecksPolicy(const ChecksConfig& config, Strictness strictness,
                                 std::atomic<size_t>* upgraded) {
  std::map<std::string, std::string> levels;
  for (const CheckSetting& s : config.settings) levels[s.code] = s.level;
  return [levels = std::move(levels), strictness, upgraded](Diagnostic& d) {
    if (d.severity == Severity::kNote) return true;
    if (auto it = levels.find(d.code); !d.code.empty() && it != levels.end()) {
      if (it->second == "off") return false;
      d.severity = it->second == "error" ? Severity::kError : Severity::kWarning;
    }
    bool build_strict = d.code == "translation-missing" || d.code == kLinkMissing || d.code == kLinkEmpty ||
                        d.code == kAnchorMissing || d.code == kLayoutMissing || d.code == "param-undeclared";
    bool upgrade = strictness == Strictness::kAll || (strictness == Strictness::kBuild && build_strict);
    if (upgrade && d.severity == Severity::kWarning) {
      d.severity = Severity::kError;
      if (upgraded) ++*upgraded;
    }
    return true;
  };
}

}  // namespace tandem
