#include "content/lists.hpp"

#include <algorithm>

#include "support/text.hpp"

namespace tandem {

namespace {

// Pages without a weight (0) come after weighted ones, as in Hugo.
int CompareWeights(const Page* a, const Page* b) {
  if (a->meta.weight == b->meta.weight) return 0;
  if (a->meta.weight == 0 || b->meta.weight == 0) return a->meta.weight == 0 ? 1 : -1;
  return a->meta.weight < b->meta.weight ? -1 : 1;
}

// The instant a page is listed by: its front matter date, else the day it was last modified.
int64_t ListedAt(const Page* page, const TimeZone& zone) {
  auto when = ParseDateTime(page->meta.date.empty() ? page->modified : page->meta.date);
  return when ? zone.ToEpochMs(*when) : 0;
}

}  // namespace

void SortChildren(Page& section, const Locale& locale, const TimeZone& zone) {
  const std::string& sort = section.meta.sort;
  auto first = [&](const Page* a, const Page* b) {
    if (sort == "date") {
      int64_t x = ListedAt(a, zone), y = ListedAt(b, zone);
      if (x != y) return x > y;
    } else if (sort != "title") {
      if (int c = CompareWeights(a, b)) return c < 0;
    }
    if (int c = locale.Compare(a->meta.title, b->meta.title)) return c < 0;
    return a->rel_path < b->rel_path;
  };
  std::sort(section.children.begin(), section.children.end(), first);
}

void SortDatedSections(Site& site) {
  for (Language& lang : site.languages)
    for (const auto& page : lang.pages)
      if (page->meta.sort == "date") SortChildren(*page, *lang.locale, *site.time_zone);
}

int ListPageCount(const Page& section) {
  int per = section.meta.paginate;
  int children = static_cast<int>(section.children.size());
  return per <= 0 || children <= per ? 1 : (children + per - 1) / per;
}

std::vector<Page*> ListPageChildren(const Page& section, int number) {
  if (ListPageCount(section) == 1) return section.children;
  size_t per = static_cast<size_t>(section.meta.paginate);
  size_t from = std::min(section.children.size(), per * static_cast<size_t>(number - 1));
  size_t to = std::min(section.children.size(), from + per);
  return {section.children.begin() + from, section.children.begin() + to};
}

std::string ListPageUrl(const std::string& section_url, int number) {
  if (number <= 1) return section_url;
  return section_url + (EndsWith(section_url, "/") ? "" : "/") + "page/" + std::to_string(number) + "/";
}

std::string ListPageOutputPath(const Page& section, int number) {
  const std::string& path = section.output_path;
  std::string folder = path.substr(0, path.size() - std::string("index.html").size());
  return folder + "page/" + std::to_string(number) + "/index.html";
}

}  // namespace tandem
