// What the assembly reads from each page's own text before anything renders: a title for a
// page that has none (its first heading's, as Hugo builds such pages), and the summary that
// lists and feeds show.
#pragma once

#include "model/site.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

// A page without a title takes the text of its first heading, with a title-missing warning;
// with no heading either, it is an error (and its path stands in for the stages after).
void GiveMissingTitles(Site& site, Diagnostics& diags);

// Each page's summary: its front matter's, else the text before <!--more-->, else its first
// paragraph, as plain text; on `jobs` threads.
void Summarize(Site& site, unsigned jobs);

}  // namespace tandem
