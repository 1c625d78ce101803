// Atom feeds (RFC 4287): for each section site.toml names in [feeds], one feed per language
// that has the section, of its pages newest first, written beside the section's page.
#pragma once

#include <string>
#include <vector>

#include "directives/directive.hpp"
#include "model/site.hpp"
#include "model/publish_links.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

// Every feed's output path and bytes. A named section no language has is an error at site.toml.
std::vector<Attachment> AtomFeeds(const Site& site, Diagnostics& diags);

// One feed: the section's pages (not its subsections' own pages), newest first, at most `entries`.
std::string AtomFeed(const Site& site, const FeedLink& feed, size_t lang_index);

// A date modified (YYYY-MM-DD) as an RFC 3339 time: midnight UTC.
std::string Rfc3339(const std::string& date);

}  // namespace tandem
