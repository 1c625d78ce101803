// A section's list of pages: the order its _index.md asks for (sort), and its split into list
// pages (paginate). The first list page is the section's own page; page N (from 2) lives in the
// section's folder at page/N/.
#pragma once

#include <string>
#include <vector>

#include "model/site.hpp"

namespace tandem {

// Sorts `section`'s children: by weight then title (the default), by title, or newest first by
// date (front matter `date`, else the date modified), ties going to the title, then the path.
// Titles compare with the language's collator; `zone` reads dates written without an offset.
void SortChildren(Page& section, const Locale& locale, const TimeZone& zone);

// Sorts again the sections listed by date, once dates modified are known (assemble/dates.hpp).
void SortDatedSections(Site& site);

// How many list pages the section has: 1 unless it has more children than `paginate`.
int ListPageCount(const Page& section);
// The children shown on list page `number` (1 to ListPageCount).
std::vector<Page*> ListPageChildren(const Page& section, int number);
// List page `number`'s address from the section's own: "/en/news/" -> "/en/news/page/2/" (works
// for a path and a permalink alike); page 1 is the section's own.
std::string ListPageUrl(const std::string& section_url, int number);
// Where list page `number` (2 or more) is written: "en/news/index.html" -> "en/news/page/2/index.html".
std::string ListPageOutputPath(const Page& section, int number);

}  // namespace tandem
