// Emit: the files of the site as a whole (splash, 404, sitemap, robots.txt; feeds and the search
// index; redirects of aliases), the files of page bundles, static files, and then the link
// check over everything written, pages carried over included.
#include <filesystem>
#include <map>

#include "check/links.hpp"
#include "content/bundles.hpp"
#include "pipeline/live_site.hpp"
#include "pipeline/phases.hpp"
#include "publish/aliases.hpp"
#include "publish/publish.hpp"
#include "render/site_files.hpp"
#include "support/files.hpp"
#include "support/text.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

bool WriteSiteFiles(BuildState& s, const std::vector<Attachment>& files) {
  for (const Attachment& file : files)
    if (s.Put(file.path, file.bytes) != OutputWriter::Claim::kOk)
      s.diags.Error({file.path}, "a page is written to " + file.path +
                                     ", which tandem needs for the site itself; give it another slug");
  return true;
}

// Each host the site is published to gets every static file (config/hosts.hpp).
OutputWriter::Claim CopyToEveryHost(BuildState& s, const std::string& rel, const std::string& source) {
  for (const HostConfig& host : s.site.config.hosts) {
    std::string path = host.OutputPath(rel);
    OutputWriter::Claim claim = s.writer ? s.writer->CopyFrom(path, source) : s.Put(path, {});
    if (claim != OutputWriter::Claim::kOk) return claim;
    if (s.writer) s.Written({path});
  }
  return OutputWriter::Claim::kOk;
}

}  // namespace

bool WriteThemeFiles(BuildState& s) {
  return WriteSiteFiles(s, SiteFiles(s.site, s.theme));
}

bool WritePublishFiles(BuildState& s) {
  return WriteSiteFiles(s, PublishFiles(s.site, s.theme, s.Jobs(), s.diags));
}

bool WriteAliases(BuildState& s) {
  return WriteSiteFiles(s, AliasFiles(s.site));
}

// Each page bundle's files, next to the page's HTML (content/bundles.hpp). They are not part of
// the page: a changed image is copied again, and the writer leaves an unchanged one alone.
bool CopyBundleFiles(BuildState& s) {
  for (const Page* page : s.site.AllPages()) {
    if (page->output_path.empty()) continue;  // its URL was in error
    for (const BundleFile& file : page->files) {
      std::string path = BundleFileOutputPath(*page, file);
      OutputWriter::Claim claim = s.writer ? s.writer->CopyFrom(path, file.fs_path) : s.Put(path, {});
      if (claim == OutputWriter::Claim::kOk && s.writer) s.Written({path});
      if (claim == OutputWriter::Claim::kTaken)
        s.diags.Error({file.source_path},
                      "this file of a page bundle would be written to " + path +
                          ", where the build already writes a page or another file; rename it");
      else if (claim == OutputWriter::Claim::kReserved)
        s.diags.Error({file.source_path}, "this file of a page bundle would be written to " + path +
                                              ", where tandem may not write; rename it");
    }
  }
  return true;
}

// The site's static/ files override the theme's; neither may replace a generated page, nor be
// a link to a file outside its own site or theme.
bool CopyStaticFiles(BuildState& s) {
  std::map<std::string, std::string> files;  // output path -> source file
  for (const std::string& dir : s.theme.StaticDirs()) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
      if (it->is_regular_file())
        files[it->path().lexically_relative(dir).generic_string()] = it->path().string();
  }
  Confine site{s.site.source_dir, "the site"}, theme{s.theme.dir(), "the theme " + s.theme.shown_dir()};
  for (const auto& [rel, source] : files) {
    std::string shown = fs::path(source).lexically_relative(s.site.source_dir).generic_string();
    if (StartsWith(shown, "..")) shown = source;
    if (ReportLinkOutside(source, shown, StartsWith(source, s.theme.dir() + "/") ? theme : site, s.diags))
      continue;
    OutputWriter::Claim claim = CopyToEveryHost(s, rel, source);
    if (claim == OutputWriter::Claim::kTaken)
      s.diags.Error({shown}, "this static file would replace the generated " + rel + "; rename or move it");
    else if (claim == OutputWriter::Claim::kReserved)
      s.diags.Error({shown}, "this static file would be written into " +
                                 std::string(OutputWriter::kStateDir) +
                                 "/, tandem's own state folder; rename or move it");
  }
  return true;
}

// Every link of every page against every file written, pages carried over included (their ids
// and links come from the cache). Errors found so far, the link check's included, stop the build
// before its commit.
bool CheckAllLinks(BuildState& s) {
  std::vector<Page*> pages = s.site.AllPages();
  SiteLinks links;
  links.outputs = std::move(s.written);
  for (size_t i = 0; i < pages.size(); ++i) {
    links.pages.push_back(pages[i]);
    links.links.push_back(s.outcomes[i].entry.files.empty() ? nullptr : &s.outcomes[i].entry.links);
  }
  LinkCheckOptions options;
  options.other_language = s.options.check_only;
  if (s.keep) options.by_page = &s.keep->link_findings;
  CheckLinks(s.site, links, options, *s.sources, s.diags);
  Diagnostics unused;
  WarnUnusedImages(s.site, links, unused);
  if (s.keep) s.keep->unused_images = unused.Sorted();
  s.diags.AddAll(unused.Sorted());
  if (s.keep) s.keep->outputs = std::move(links.outputs);
  return !s.diags.has_errors();
}

}  // namespace tandem
