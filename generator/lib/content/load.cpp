#include "content/load.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "content/bundles.hpp"
#include "content/front_matter.hpp"
#include "content/lists.hpp"
#include "support/files.hpp"
#include "support/parallel.hpp"
#include "support/text.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

bool IsHidden(const fs::path& p) {
  std::string name = p.filename().string();
  return name.empty() || name[0] == '.' || name.back() == '~';
}

std::string RelativeGeneric(const fs::path& p, const fs::path& base) {
  return p.lexically_relative(base).generic_string();
}

// A link is followed only if it stays inside the site; a folder link is never followed.
bool AcceptSymlink(const fs::directory_entry& entry, const fs::path& site_root, const std::string& shown,
                   Diagnostics& diags) {
  std::error_code ec;
  fs::path target = fs::weakly_canonical(entry.path(), ec);
  std::string rel = target.lexically_relative(site_root).generic_string();
  if (ec || rel.empty() || StartsWith(rel, "..")) {
    diags.Error({shown}, "symbolic link to " + fs::read_symlink(entry.path(), ec).string() +
                             " points outside the site; tandem does not follow it. Copy the file into the "
                             "site instead");
    return false;
  }
  if (fs::is_directory(target, ec)) {
    diags.Warning({shown}, "symbolic link to a folder is not followed; move the folder here instead", {},
                  "content-folder-link");
    return false;
  }
  return true;
}

struct FoundFile {
  fs::path fs_path;
  std::string rel_path;  // NFC, relative to the language's content folder, without a language suffix
  std::string file_rel;  // NFC, relative to that folder, as the file is named: "about.fr.md"
};

// Every file of a language's folder: its pages (content/bundles.hpp) in `found`, and the other
// files, for page bundles, in `others`.
std::vector<FoundFile> FindMarkdown(const fs::path& lang_dir, const fs::path& site_root,
                                    const std::string& shown_prefix, Diagnostics& diags,
                                    std::vector<FoundFile>& others) {
  std::vector<FoundFile> found;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(lang_dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    if (IsHidden(entry.path())) {
      if (entry.is_directory()) it.disable_recursion_pending();
      continue;
    }
    std::string rel = ToNfc(RelativeGeneric(entry.path(), lang_dir));
    if (entry.is_symlink() && !AcceptSymlink(entry, site_root, shown_prefix + rel, diags)) continue;
    if (!entry.is_regular_file()) continue;
    (IsPageFile(entry.path()) ? found : others).push_back({entry.path(), rel, rel});
  }
  if (ec) diags.Error({shown_prefix}, "cannot read the folder: " + ec.message());
  auto by_path = [](const FoundFile& a, const FoundFile& b) { return a.rel_path < b.rel_path; };
  std::sort(found.begin(), found.end(), by_path);
  std::sort(others.begin(), others.end(), by_path);
  return found;
}

std::string ParentDir(const std::string& rel) {
  size_t slash = rel.rfind('/');
  return slash == std::string::npos ? "" : rel.substr(0, slash);
}

struct LoadedPage {
  std::unique_ptr<Page> page;
  std::string body;
};

// Read through the site's one door (ReadFileInside): the walk refuses a page that is a link out
// of the site, and this one a page reached through a folder that is one.
LoadedPage LoadPage(const FoundFile& file, size_t lang_index, const std::string& shown,
                    const std::vector<std::string>& taxonomy_keys, const Confine& site, Diagnostics& diags) {
  auto text = ReadSourceText(file.fs_path.string(), shown, diags, site);
  if (!text) return {};
  uint64_t hash = HashBytes(*text);
  auto parsed = ParsePage(shown, *text, diags, taxonomy_keys);
  if (!parsed) return {};
  auto page = std::make_unique<Page>();
  page->lang_index = lang_index;
  page->rel_path = file.rel_path;
  page->source_path = shown;
  page->fs_path = file.fs_path.string();
  page->source_hash = hash;
  std::string name = fs::path(file.rel_path).filename().string();
  page->is_html = fs::path(name).extension() == ".html";
  page->rel_dir = ParentDir(file.rel_path);
  // A leaf bundle (x/index.md) is the page x in its folder's parent; index.md at the top is the home.
  if (IsLeafFileName(name) && !page->rel_dir.empty())
    page->bundle_dir = page->rel_dir, page->rel_dir = ParentDir(page->rel_dir);
  bool is_index = IsSectionFileName(name) || (IsLeafFileName(name) && page->bundle_dir.empty());
  page->is_section = is_index;
  page->is_home = is_index && page->rel_dir.empty();
  page->meta = std::move(parsed->meta);
  page->body_line = parsed->body_line;
  page->front_matter = text->substr(0, text->size() - parsed->body.size());
  return {std::move(page), std::move(parsed->body)};
}

// A language without a home _index.md still has a home page, titled with the site's title.
std::unique_ptr<Page> ImplicitHome(size_t lang_index, const std::string& content_dir,
                                   const std::string& title) {
  auto page = std::make_unique<Page>();
  page->lang_index = lang_index;
  page->rel_path = "_index.md";
  page->source_path = content_dir + "/_index.md";
  page->is_section = page->is_home = page->implicit = true;
  page->meta.title = title;
  return page;
}

// A folder without an _index.md is no section: tandem makes no list page for it (there is no
// title to give it in the page's language), and its pages belong to the section above, while
// their URLs keep the folder. That is Hugo's rule below the top; Hugo makes a top folder a
// section anyway, so a top folder gets a warning.
void AddImplicitSections(Language& lang, size_t lang_index, Diagnostics& diags) {
  std::set<std::string> have, need = {""};
  for (const auto& p : lang.pages) {
    if (p->is_section) have.insert(p->rel_dir);
    for (std::string dir = p->is_section ? ParentDir(p->rel_dir) : p->rel_dir;; dir = ParentDir(dir)) {
      need.insert(dir);
      if (dir.empty()) break;
    }
  }
  for (const std::string& dir : need) {
    if (have.count(dir)) continue;
    if (dir.empty()) {
      lang.pages.push_back(ImplicitHome(lang_index, lang.config.content_dir, lang.config.title));
      continue;
    }
    if (dir.find('/') == std::string::npos)
      diags.Warning(
          {lang.config.content_dir + "/" + dir},
          "the folder has no _index.md, so it is no section: tandem makes no list page for it (Hugo "
          "would, titled with the folder's name) and lists its pages in the home page, at URLs "
          "that keep the folder. Add an _index.md with a title in this language to make it a section",
          {}, "section-index-missing");
  }
}

void CheckLanguageFolders(const Site& site, Diagnostics& diags) {
  fs::path content = fs::path(site.source_dir) / "content";
  std::error_code ec;
  if (!fs::is_directory(content, ec)) {
    diags.Error(
        {"content"},
        "the site has no content/ folder; create content/en/ and content/fr/ with an _index.md in each");
    return;
  }
  std::vector<std::string> codes = site.config.LanguageCodes();
  std::vector<std::string> folders;  // the names below content/ that languages read
  for (const LanguageConfig& l : site.config.languages) {
    if (l.content_dir == "content") return;  // every file in content/ belongs to a language
    std::string below = l.content_dir.substr(8);
    folders.push_back(below.substr(0, below.find('/')));
  }
  std::vector<std::string> entries;
  for (const auto& entry : fs::directory_iterator(content, ec))
    if (!IsHidden(entry.path())) entries.push_back(entry.path().filename().string());
  std::sort(entries.begin(), entries.end());
  for (const std::string& name : entries) {
    if (std::find(folders.begin(), folders.end(), name) != folders.end()) continue;
    bool is_dir = fs::is_directory(content / name, ec);
    diags.Error({"content/" + name}, is_dir ? "unknown language folder \"" + name + "\"" +
                                                  DidYouMeanSuffix(name, codes) + "; site.toml defines " +
                                                  JoinQuoted(codes) + ": add [languages." + name +
                                                  "] to site.toml or move the folder"
                                            : "a file directly in content/ belongs to no language; move it "
                                              "into content/" +
                                                  codes.front() + "/ or another language folder");
  }
}

}  // namespace

namespace {

// The language a file in a shared folder is written in: the one its name ends in
// (about.fr.md, _index.fr.md), else the shared folder's default language.
std::string LanguageOfFile(const std::string& rel, const std::vector<std::string>& codes,
                           const std::string& default_code, std::string& without_suffix) {
  fs::path path(rel);
  std::string suffix = path.stem().extension().string();
  if (suffix.size() > 1 && std::find(codes.begin(), codes.end(), suffix.substr(1)) != codes.end()) {
    without_suffix = (path.parent_path() / path.stem().stem()).generic_string() + path.extension().string();
    return suffix.substr(1);
  }
  without_suffix = rel;
  return default_code;
}

// Of a folder several languages share, the files of `code`. A file without a language in its
// name belongs to translation_source's language when it shares the folder, else to the first.
std::vector<FoundFile> FilesOfLanguage(const std::vector<FoundFile>& files, const SiteConfig& config,
                                       const LanguageConfig& lang, Diagnostics& diags) {
  std::string default_code = config.DefaultLanguageOf(lang.content_dir);
  std::vector<FoundFile> mine;
  std::map<std::string, std::string> seen;  // rel_path -> the file that has it
  for (const FoundFile& file : files) {
    std::string rel;
    if (LanguageOfFile(file.file_rel, config.LanguageCodes(), default_code, rel) != lang.code) continue;
    auto [it, fresh] = seen.emplace(rel, file.file_rel);
    if (!fresh) {
      diags.Error({lang.content_dir + "/" + file.file_rel},
                  "this file and " + lang.content_dir + "/" + it->second + " are both the \"" + lang.code +
                      "\" page " + rel + "; remove or rename one of them");
      continue;
    }
    mine.push_back({file.fs_path, rel, file.file_rel});
  }
  return mine;
}

// Of a shared folder's files that are not pages, those of `lang`: named for it ("map.fr.png"),
// or for no language, which every language sharing the folder gets unless it has its own.
std::vector<FoundFile> OtherFilesOfLanguage(const std::vector<FoundFile>& files, const SiteConfig& config,
                                            const LanguageConfig& lang) {
  std::map<std::string, FoundFile> mine;  // by rel_path, sorted
  for (const FoundFile& file : files) {
    std::string rel;
    std::string code = LanguageOfFile(file.file_rel, config.LanguageCodes(), "", rel);
    if (code == lang.code) mine[rel] = {file.fs_path, rel, file.file_rel};
    if (code.empty()) mine.emplace(rel, FoundFile{file.fs_path, rel, file.file_rel});
  }
  std::vector<FoundFile> out;
  for (auto& [rel, file] : mine) out.push_back(std::move(file));
  return out;
}

std::vector<ContentFile> ToContentFiles(const std::vector<FoundFile>& files, const std::string& prefix) {
  std::vector<ContentFile> out;
  for (const FoundFile& f : files) out.push_back({f.rel_path, prefix + f.file_rel, f.fs_path.string()});
  return out;
}

// Whether `page` stays out of this build, counting why in `held`.
bool HoldBack(const Page& page, const LoadOptions& options, const TimeZone& zone, HeldBack& held) {
  const FrontMatter& m = page.meta;
  // Front matter keeps only dates ParseDateTime reads; 0 stands for "none given".
  auto at = [&](const std::string& date) { return date.empty() ? 0 : zone.ToEpochMs(*ParseDateTime(date)); };
  int64_t publish = at(m.publish_date), expiry = at(m.expiry_date);
  for (int64_t when : {publish, expiry})
    if (when > options.now_ms && (held.next_change_ms == 0 || when < held.next_change_ms))
      held.next_change_ms = when;
  if (m.draft && !options.drafts) return ++held.drafts, true;
  if (publish && !options.future && publish > options.now_ms) return ++held.future, true;
  if (expiry && !options.expired && expiry <= options.now_ms) return ++held.expired, true;
  return false;
}

// The front matter keys of site.toml's taxonomies; one tandem reads itself cannot be one.
std::vector<std::string> TaxonomyKeys(const SiteConfig& config, Diagnostics& diags) {
  std::vector<std::string> keys;
  for (const TaxonomyConfig& tax : config.taxonomies) {
    if (!IsFrontMatterKey(tax.key)) {
      keys.push_back(tax.key);
      continue;
    }
    diags.Error(tax.pos,
                "taxonomy key \"" + tax.key +
                    "\" is a front matter key tandem reads itself; give the taxonomy another key",
                tax.line);
  }
  return keys;
}

}  // namespace

HeldBack LoadContent(Site& site, const LoadOptions& options, Diagnostics& diags) {
  HeldBack held;
  CheckLanguageFolders(site, diags);
  std::vector<std::string> taxonomy_keys = TaxonomyKeys(site.config, diags);
  fs::path site_root = fs::weakly_canonical(site.source_dir);
  const Confine confine{site_root.string(), "the site"};
  for (size_t i = 0; i < site.languages.size(); ++i) {
    Language& lang = site.languages[i];
    std::string prefix = lang.config.content_dir + "/";
    fs::path dir = fs::path(site.source_dir) / lang.config.content_dir;
    std::error_code ec;
    if (fs::is_directory(dir, ec)) {
      std::vector<FoundFile> others;
      std::vector<FoundFile> files = FindMarkdown(dir, site_root, prefix, diags, others);
      if (site.config.SharesContentDir(lang.config)) {
        files = FilesOfLanguage(files, site.config, lang.config, diags);
        others = OtherFilesOfLanguage(others, site.config, lang.config);
      }
      std::set<std::string> page_paths;
      for (const FoundFile& f : files) page_paths.insert(f.rel_path);
      std::vector<LoadedPage> loaded(files.size());
      ParallelFor(files.size(), options.jobs, [&](size_t k, unsigned) {
        loaded[k] = LoadPage(files[k], i, prefix + files[k].file_rel, taxonomy_keys, confine, diags);
      });
      for (LoadedPage& l : loaded) {
        if (!l.page || HoldBack(*l.page, options, *site.time_zone, held)) continue;
        site.texts.Put(l.page.get(), std::move(l.body));
        lang.pages.push_back(std::move(l.page));
      }
      DropMisplacedPages(lang, diags);
      AttachBundleFiles(lang, page_paths, ToContentFiles(others, prefix), diags);
    } else {
      diags.Warning({prefix},
                    "no content for language \"" + lang.code() + "\"; create " + prefix + "_index.md");
    }
    AddImplicitSections(lang, i, diags);
    std::sort(lang.pages.begin(), lang.pages.end(),
              [](const auto& a, const auto& b) { return a->rel_path < b->rel_path; });
    for (const auto& p : lang.pages)
      if (p->is_home) lang.home = p.get();
  }
  return held;
}

void BuildSectionTree(Site& site, Diagnostics&) {
  for (Language& lang : site.languages) {
    std::map<std::string, Page*> sections;
    for (const auto& p : lang.pages)
      if (p->is_section) sections[p->rel_dir] = p.get();
    for (const auto& p : lang.pages) {
      if (p->is_home) continue;
      std::string dir = p->is_section ? ParentDir(p->rel_dir) : p->rel_dir;
      while (!sections.count(dir)) dir = ParentDir(dir);  // a folder without _index.md is no section
      p->parent = sections.at(dir);
      p->parent->children.push_back(p.get());
    }
    // Sections by date sort again once dates are known (SortDatedSections).
    for (const auto& p : lang.pages) SortChildren(*p, *lang.locale, *site.time_zone);
  }
}

}  // namespace tandem
