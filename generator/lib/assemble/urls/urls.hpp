// Slugs, URLs and output paths. Canada.ca URLs are lowercase ASCII words
// joined by hyphens, in the page's own language (ascii_urls = false keeps
// accents, percent-encoded in URLs); nothing a page says may place a file
// outside the output folder.
#pragma once

#include <optional>
#include <string>

#include "model/site.hpp"
#include "support/diagnostics.hpp"
#include "support/url/url.hpp"

namespace tandem {

// Why `slug` cannot be one URL segment, or nullopt if it can.
// `ascii` false (site.toml ascii_urls = false) allows lowercase letters beyond ASCII, in NFC.
std::optional<std::string> SlugProblem(const std::string& slug, bool ascii = true);
// A file, folder, section or title made one URL segment by the site's rule (ascii_urls, slugs);
// "" when nothing of it can be kept.
std::string SlugOf(const Locale& locale, std::string_view name, const SiteConfig& config);
// Why `url` (a path below the language root) cannot be used, or nullopt if it can.
std::optional<std::string> UrlProblem(const std::string& url, bool ascii = true);

// File systems take at most 255 bytes in one name (NAME_MAX): a longer segment of `rel` (a path
// below the output folder) would fail only when the page is written, at a staged path the author
// never wrote. What is wrong, to which the caller adds its fix.
std::optional<std::string> LongSegmentProblem(std::string_view rel);

// Gives every page its slug, URL path, permalink and output path: its front matter url, else
// its top section's [permalinks] pattern, else its folders and slug below its section's.
void AssignUrls(Site& site, Diagnostics& diags);

// Two pages (of any language) written to the same file is an error naming both.
void CheckOutputCollisions(const Site& site, Diagnostics& diags);

}  // namespace tandem
