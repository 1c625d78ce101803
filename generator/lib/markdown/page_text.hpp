// What the assembly reads from each page's own text before anything renders: a title for a
// page that has none (its first heading's, as Hugo builds such pages), and the summary that
// lists and feeds show.
#pragma once

#include <functional>
#include <string>

#include "model/site.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

// Told, on the worker reading it, when a page starts being read (its path) and ends (nullptr):
// a watchdog's Start and Stop (pipeline/watchdog.hpp), as pages rendering are watched.
using PageWatch = std::function<void(unsigned worker, const std::string* page)>;

// A page without a title takes the text of its first heading, with a title-missing warning;
// with no heading either, it is an error (and its path stands in for the stages after).
void GiveMissingTitles(Site& site, Diagnostics& diags, const PageWatch& watch = {});

// Each page's summary: its front matter's, else the text before <!--more-->, else its first
// paragraph, as plain text; on `jobs` threads. Markdown that rendering refuses
// (CheckMarkdownLimits: too big, or one of cmark-gfm's slow patterns) is not parsed: it gives no
// summary, and the error is rendering's.
void Summarize(Site& site, unsigned jobs, const PageWatch& watch = {});

}  // namespace tandem
