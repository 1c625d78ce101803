// A build, as a list of named stages: load the config, the theme, the
// languages, the data and the content; give pages their sections, URLs,
// translations and dates; render each page and write the output. Each stage
// is timed. Every stage that can still run does, so a broken site reports all
// its content, URL, translation and layout errors at once; nothing is written
// while there is an error.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "support/diagnostics.hpp"

namespace tandem {

struct BuildOptions {
  std::string source_dir = ".";
  std::string output_dir;  // default: <source>/public
  bool drafts = false;
  bool strict = false;
  // tandem check: everything a build validates and more, rendered in memory; nothing is written.
  bool check_only = false;
  bool force = false;
  unsigned jobs = 0;          // 0: one per core; at most kMaxJobs
  unsigned page_timeout = 0;  // seconds a page may render before the build stops; 0: site.toml's, or 30
  bool future = false;        // include pages whose publish date is still to come
  bool expired = false;       // include pages whose expiry date has passed
  int64_t now_ms = 0;         // the build's clock, in ms since 1970 UTC; 0: the system clock
  std::string environment = "production";  // reads site.<environment>.toml over site.toml
  std::vector<std::string> base_urls;      // --base-url: "URL" for the site, "fr=URL" for a language
  // tandem serve: each host's origin -> its preview's (ConfigOverrides, config/publish_config.hpp)
  std::map<std::string, std::string> preview_origin;
  // Prints a message at once, while the build runs (a page rendering slowly); none when unset.
  std::function<void(const std::string&)> say;
  // Told how many pages are done out of how many while they render, from any thread but never
  // two calls at once: at most once per progress_every (the first after it), then once at the
  // end. A build that renders no pages (nothing changed, or an error before) tells nothing.
  std::function<void(size_t done, size_t total)> progress;
  std::chrono::milliseconds progress_every{100};
};

struct PageTiming {
  std::string path;
  double ms = 0;
};

struct BuildReport {
  std::vector<std::pair<std::string, size_t>> pages_per_language;
  std::vector<std::pair<std::string, double>> stage_ms;  // in order
  std::vector<PageTiming> slowest_pages;                 // up to 10, slowest first
  size_t files_written = 0, files_unchanged = 0, files_removed = 0;
  size_t pages_rendered = 0;  // the others were unchanged since the last build
  size_t held_drafts = 0, held_future = 0, held_expired = 0;  // pages left out, by reason
  bool nothing_changed = false;  // no input changed: the build stopped after checking
  std::string single_page;       // `tandem serve` rendered just this page, whose Markdown alone changed
  double total_ms = 0;
  bool ok = false;
};

struct KeptSite;  // pipeline/live_site.hpp

// `keep`: when the build succeeds, what it assembled is moved there for `tandem serve`, and the
// build never stops at "nothing changed".
BuildReport Build(const BuildOptions& options, Diagnostics& diags, KeptSite* keep = nullptr);

// Reads --now: an RFC 3339 date and time (UTC when it has no offset) or a date; ms since 1970 UTC.
std::optional<int64_t> ParseBuildClock(const std::string& text);

}  // namespace tandem
