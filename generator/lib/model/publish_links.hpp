// Where the site's own publishing files are, as pages link them: the Atom feed of each section
// site.toml names ([feeds]), and the search page of each language ([search]).
#pragma once

#include <string>
#include <vector>

#include "model/site.hpp"

namespace tandem {

struct FeedLink {
  const Page* section = nullptr;
  std::string url;          // from the host root: "/en/news/feed.xml"
  std::string permalink;    // absolute
  std::string output_path;  // under the output folder: "en/news/feed.xml"
};

// The feeds of one language, in the order site.toml names their sections; a section the
// language does not have has no feed in it.
std::vector<FeedLink> FeedLinks(const Site& site, size_t lang_index);

// The search page of a language ("/en/search/"), or "" when the site's own search is off.
std::string SearchPageUrl(const Site& site, size_t lang_index);
// Its output folder, below the output folder ("en/search/").
std::string SearchPageDir(const Site& site, size_t lang_index);

}  // namespace tandem
