#include "publish/aliases.hpp"

#include <map>

#include "assemble/urls/urls.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

// Old URLs were not always Canada.ca's lowercase ASCII: any case and dots are kept (a site's
// `/About-Us.html` must keep working); only what could leave the output folder or is no path is refused.
std::optional<std::string> AliasProblem(const std::string& alias) {
  if (alias.empty()) return "the alias is empty; write the old URL's path, like \"/news/old-name/\"";
  for (char c : alias)
    if (static_cast<unsigned char>(c) < 0x20 ||
        std::string_view("\\%?#:\"<> ").find(c) != std::string_view::npos)
      return "alias \"" + alias + "\" contains \"" + std::string(1, c) +
             "\"; write the old URL's path only, like \"/news/old-name/\", without address, query or "
             "fragment";
  for (size_t start = 0; start < alias.size();) {
    size_t end = std::min(alias.find('/', start), alias.size());
    std::string_view segment = std::string_view(alias).substr(start, end - start);
    if (segment == "." || segment == "..")
      return "alias \"" + alias + "\" would leave the output folder: remove the \"" + std::string(segment) +
             "\" segment";
    if (segment.empty() && start > 0 && end < alias.size())
      return "alias \"" + alias + "\" has an empty segment (\"//\"); write one / between segments";
    start = end + 1;
  }
  if (auto problem = LongSegmentProblem(alias)) return *problem + "; the alias cannot be written";
  return std::nullopt;
}

// The alias's path below the language's root: from the root when it starts with /, with or
// without the language's prefix (like url), else from the page's section.
std::string RelativeToLanguage(const std::string& alias, const Page& page, const LanguageConfig& lang) {
  std::string rel = alias;
  if (StartsWith(rel, "/")) {
    while (StartsWith(rel, "/")) rel.erase(0, 1);
    std::string prefix = lang.code + "/";
    if (EndsWith(lang.base_path, "/" + prefix) && (rel == lang.code || StartsWith(rel, prefix)))
      rel.erase(0, std::min(rel.size(), prefix.size()));
  } else if (page.parent) {
    rel = page.parent->url_path.substr(std::min(lang.base_path.size(), page.parent->url_path.size())) + rel;
  }
  return rel;
}

// `old/` -> `old/index.html`; `old.html` stays a file of that name.
std::string OutputFile(const std::string& rel, const LanguageConfig& lang) {
  std::string file = rel;
  if (!EndsWith(file, ".html") && !EndsWith(file, ".htm")) {
    if (!file.empty() && file.back() != '/') file += '/';
    file += "index.html";
  }
  return lang.output_dir + (lang.output_dir.empty() ? "" : "/") + file;
}

std::string RedirectPage(const Page& page, const std::string& lang_code) {
  std::string url = EscapeHtml(page.permalink);
  std::string title = EscapeHtml(page.meta.title);
  return "<!DOCTYPE html>\n<html lang=\"" + EscapeHtml(lang_code) +
         "\">\n<head>\n<meta charset=\"utf-8\">\n" + "<title>" + title +
         "</title>\n<link rel=\"canonical\" href=\"" + url + "\">\n" +
         "<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url=" + url +
         "\">\n</head>\n<body>\n<p><a href=\"" + url + "\">" + title + "</a></p>\n</body>\n</html>\n";
}

}  // namespace

void AssignAliases(Site& site, Diagnostics& diags) {
  struct Owner {
    const Page* page;
    bool alias;
  };
  std::map<std::string, Owner> owners;
  for (const Page* page : site.AllPages())
    if (!page->output_path.empty()) owners.emplace(page->output_path, Owner{page, false});
  for (Page* page : site.AllPages()) {
    const LanguageConfig& lang = site.languages[page->lang_index].config;
    for (size_t i = 0; i < page->meta.aliases.size(); ++i) {
      const std::string& alias = page->meta.aliases[i];
      const SourcePos& pos = page->meta.alias_pos[i];
      if (auto problem = AliasProblem(alias)) {
        diags.Error(pos, *problem, page->FrontMatterLine(pos.line));
        continue;
      }
      std::string path = OutputFile(RelativeToLanguage(alias, *page, lang), lang);
      auto [it, inserted] = owners.emplace(path, Owner{page, true});
      if (inserted) {
        page->alias_outputs.push_back(path);
      } else if (it->second.page == page && !it->second.alias) {
        // Hugo writes nothing for it either: the page itself is there.
        diags.Warning(pos,
                      "alias \"" + alias + "\" is this page's own address (" + path +
                          "), so no redirect is written; remove the alias",
                      page->FrontMatterLine(pos.line), "alias-redundant");
      } else if (it->second.page != page || !it->second.alias) {
        std::string what = it->second.alias ? "an alias of " : "";
        diags.Error(pos,
                    "alias \"" + alias + "\" would be written to " + path + ", where " + what +
                        it->second.page->source_path + " is; remove the alias, or move that page",
                    page->FrontMatterLine(pos.line));
      }
    }
  }
}

std::vector<Attachment> AliasFiles(const Site& site) {
  std::vector<Attachment> files;
  for (const Page* page : site.AllPages())
    for (const std::string& path : page->alias_outputs)
      files.push_back({path, RedirectPage(*page, site.languages[page->lang_index].code())});
  return files;
}

}  // namespace tandem
