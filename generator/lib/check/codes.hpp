// Every check tandem makes has a stable code (config/checks_config.hpp lists them all), shown after its
// message ("[link-missing]"); site.toml's [checks] turns one off or changes its severity, and --strict turns
// warnings into errors.
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "config/checks_config.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

// The codes of the checks of `tandem check` alone.
inline constexpr const char* kLinkOtherLanguage = "link-other-language";
inline constexpr const char* kImageAltMissing = "image-alt-missing";
inline constexpr const char* kLinkTextVague = "link-text-vague";
inline constexpr const char* kLinkTextEmpty = "link-text-empty";
inline constexpr const char* kHeadingSkip = "heading-skip";
inline constexpr const char* kTranslationStale = "translation-stale";
// Checked by builds too.
inline constexpr const char* kLinkMissing = "link-missing";
inline constexpr const char* kAnchorMissing = "anchor-missing";
inline constexpr const char* kLinkEmpty = "link-empty";
inline constexpr const char* kLayoutMissing = "layout-missing";

// Reports a translation_source that is not one of the site's languages. False if so.
bool ValidateChecksConfig(const ChecksConfig& config, const std::vector<std::string>& languages,
                          Diagnostics& diags);

// Which warnings --strict makes errors: a build's, only those of translations and links; a
// check's, all.
enum class Strictness { kNone, kBuild, kAll };

// Applies [checks] to each coded diagnostic, then `strictness`, counting in `upgraded` the
// warnings it made errors.
Diagnostics::Policy ChecksPolicy(const ChecksConfig& config, Strictness strictness,
                                 std::atomic<size_t>* upgraded);

}  // namespace tandem
