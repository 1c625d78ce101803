// Assemble: the pages loaded become a site: their params checked, titles and summaries, the
// section tree, menus, URLs (with aliases), translations, dates, order, taxonomies and layouts.
// Each stage's work is in the folder of what it makes; after the last, pages are read-only.
#include "assemble/dates.hpp"
#include "assemble/structure.hpp"
#include "assemble/taxonomies.hpp"
#include "assemble/translations.hpp"
#include "assemble/urls/urls.hpp"
#include "check/page_checks.hpp"
#include "content/front_matter.hpp"
#include "content/lists.hpp"
#include "content/menus.hpp"
#include "markdown/page_text.hpp"
#include "pipeline/phases.hpp"
#include "publish/aliases.hpp"
#include "render/layouts.hpp"

namespace tandem {

// Unknown top-level front matter keys: declared in page_params, else reported.
bool CheckPageParams(BuildState& s) {
  std::vector<Page*> all = s.site.AllPages();
  CheckOwnKeys(std::vector<const Page*>(all.begin(), all.end()),
               {s.site.config.page_params_given, s.site.config.page_params}, s.diags);
  return true;
}

// A watch on each page read, as pages rendering are watched: parsing Markdown may be slow.
PageWatch WatchEach(Watchdog& dog) {
  return [&dog](unsigned worker, const std::string* page) {
    if (page)
      dog.Start(worker, page);
    else
      dog.Stop(worker);
  };
}

bool GiveMissingTitles(BuildState& s) {
  std::unique_ptr<Watchdog> dog = s.WatchPages();
  GiveMissingTitles(s.site, s.diags, WatchEach(*dog));
  return true;
}

bool SummarizeAll(BuildState& s) {
  std::unique_ptr<Watchdog> dog = s.WatchPages();
  Summarize(s.site, s.Jobs(), WatchEach(*dog));
  return true;
}

bool BuildSections(BuildState& s) {
  BuildSectionTree(s.site, s.diags);
  return true;
}

bool ResolveAllMenus(BuildState& s) {
  ResolveMenus(s.site, s.diags);
  return true;
}

bool AssignAllUrls(BuildState& s) {
  AssignUrls(s.site, s.diags);
  CheckOutputCollisions(s.site, s.diags);
  AssignAliases(s.site, s.diags);
  return true;
}

bool PairAll(BuildState& s) {
  // A Government of Canada site publishes both languages together: a missing translation is
  // an error there, unless site.toml says missing_translation = "warning" or this is a build
  // of drafts (--drafts), where the toggle goes to the nearest translated section.
  bool missing_is_error = s.site.config.identity.missing_translation_error && !s.options.drafts;
  PairTranslations(s.site, (s.options.strict && !s.options.check_only) || missing_is_error, s.diags);
  if (s.site.config.identity.gc) WarnAboutStructure(s.site, s.diags);
  return true;
}

// A check reads each file's whole history, for the stale translations it reports.
bool AssignAllDates(BuildState& s) {
  AssignDates(s.site, s.diags, s.options.check_only);
  return true;
}

// Lists by date wait for the dates modified of pages without a front matter date.
bool OrderByDate(BuildState& s) {
  SortDatedSections(s.site);
  return true;
}

// Taxonomy pages list pages by date, so they are made once dates are known.
bool MakeAllTaxonomies(BuildState& s) {
  MakeTaxonomies(s.site, s.diags);
  return true;
}

bool CheckTranslationsAge(BuildState& s) {
  CheckStaleTranslations(s.site, s.diags);
  return true;
}

// The last stage before pages render: errors found so far stop the build here.
bool CheckLayouts(BuildState& s) {
  if (s.theme_ok) ResolveLayouts(s.site, s.theme, s.diags);
  return !s.Blocked();
}

}  // namespace tandem
