#include "assemble/dates.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>

#include "assemble/git.hpp"
#include "support/text.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

// The day a front matter date stands for in the site's time zone; "" when not given.
std::string DayOf(const std::string& written, const TimeZone& zone) {
  auto when = ParseDateTime(written);
  return when ? zone.DayOf(*when) : std::string();
}

// Git's dates carry the author's offset: the day they fall on is the site's, as for front matter.
FileHistory InZone(FileHistory history, const TimeZone& zone) {
  for (std::string* date : {&history.last_date, &history.significant_date, &history.first_date})
    if (!date->empty()) *date = DayOf(*date, zone);
  return history;
}

std::string LatestOf(const Page& page) {
  std::string latest;
  for (const Page* child : page.children) latest = std::max(latest, child->modified);
  return latest;
}

}  // namespace

std::string FileDate(const std::string& path, const TimeZone& zone) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return {};
  return zone.DayAt(int64_t{st.st_mtim.tv_sec} * 1000 + st.st_mtim.tv_nsec / 1'000'000);
}

void AssignDates(Site& site, Diagnostics& diags, bool read_history) {
  std::vector<Page*> pages = site.AllPages();
  // Git is asked only when some page does not give its own date modified, or for stale translations.
  bool in_git = false;
  std::map<std::string, FileHistory> git_files;
  bool need_dates = std::any_of(pages.begin(), pages.end(),
                                [](const Page* p) { return !p->implicit && p->meta.modified.empty(); });
  if (need_dates || read_history) git_files = LoadGitHistory(site.source_dir, diags, &in_git);
  if (need_dates && !in_git)
    diags.Warning({"."},
                  "the site is not in a git repository, so dates modified come from file modification "
                  "times; commit the site to git, or set modified = YYYY-MM-DD in front matter",
                  {}, "git-missing");
  std::vector<Page*> implicit;
  for (Page* page : pages) {
    auto git = git_files.find(page->source_path);
    if (git != git_files.end()) page->history = InZone(git->second, *site.time_zone);
    // A page is first published by its first commit, when its front matter gives no date.
    page->issued = !page->meta.date.empty() ? DayOf(page->meta.date, *site.time_zone) : page->history.first_date;
    if (page->implicit) {
      implicit.push_back(page);
      continue;
    }
    if (!page->meta.modified.empty()) {
      page->modified = DayOf(page->meta.modified, *site.time_zone);
    } else if (git != git_files.end()) {
      page->modified = page->history.last_date;
    } else {
      page->modified = FileDate(page->fs_path, *site.time_zone);
      if (in_git)
        diags.Warning({page->source_path},
                      "the file is not committed to git, so its date modified is the "
                      "file's modification time; commit it, or set modified in front matter",
                      {}, "git-uncommitted");
    }
  }
  // A made-up section page changes when its pages do.
  // Deepest first: by the number of folders above, not by path, where "a/2024" sorts before "a/_index".
  auto depth = [](const Page* p) { return std::count(p->rel_dir.begin(), p->rel_dir.end(), '/') + !p->rel_dir.empty(); };
  std::stable_sort(implicit.begin(), implicit.end(), [&](const Page* a, const Page* b) { return depth(a) > depth(b); });
  for (Page* page : implicit) page->modified = LatestOf(*page);
  for (Page* page : pages) {
    const Locale& locale = *site.languages[page->lang_index].locale;
    page->modified_long = locale.FormatDateLong(page->modified);
    page->issued_long = locale.FormatDateLong(page->issued);
  }
}

}  // namespace tandem
