#include "check/links.hpp"

#include <algorithm>
#include <map>

#include "check/codes.hpp"
#include "content/bundles.hpp"
#include "render/page_view.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

bool HasScheme(const std::string& href) {
  size_t colon = href.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = href[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return true;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecoded(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() + 0 && HexDigit(s[i + 1]) >= 0 && HexDigit(s[i + 2]) >= 0) {
      out += static_cast<char>(HexDigit(s[i + 1]) * 16 + HexDigit(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// "/en/a/../b/./c" -> "/en/b/c"; a path climbing above the root stays at the root.
std::string NormalizedPath(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 1;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string part = path.substr(start, slash - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (part != ".") {
      parts.push_back(part);
    }
    start = slash + 1;
  }
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += "/" + parts[i];
  if (path.back() == '/' || (!parts.empty() && parts.back().empty()) || out.empty()) {
    if (out.empty() || out.back() != '/') out += '/';
  }
  return out;
}

// The URL bases the output folder holds, one per host: with several hosts, each has a folder of
// its own (public/example.ca/), the site's host included.
std::vector<std::pair<std::string, std::string>> OutputBases(const Site& site) {
  std::vector<std::pair<std::string, std::string>> bases;
  for (const HostConfig& host : site.config.hosts)
    bases.emplace_back(host.origin + host.root_path, host.folder.empty() ? "" : host.folder + "/");
  return bases;
}

}  // namespace

bool ResolveLink(const Site& site, const Page& from, const std::string& href, std::string& output_path,
                 std::string& fragment) {
  std::string url = href;
  size_t hash = url.find('#');
  fragment = hash == std::string::npos ? "" : PercentDecoded(url.substr(hash + 1));
  url = url.substr(0, hash);
  url = url.substr(0, url.find('?'));
  std::string origin = site.languages[from.lang_index].config.base.Origin();
  if (StartsWith(url, "//")) return false;
  if (HasScheme(url)) {
    if (!StartsWith(url, "http://") && !StartsWith(url, "https://")) return false;
  } else if (url.empty()) {
    url = from.permalink;
  } else if (url[0] == '/') {
    url = origin + NormalizedPath(url);
  } else {
    url = origin + NormalizedPath(from.url_path + url);
  }
  std::string best_base, best_dir;
  for (const auto& [base, dir] : OutputBases(site)) {
    bool under = StartsWith(url, base) || url + "/" == base;
    if (under && base.size() > best_base.size()) best_base = base, best_dir = dir;
  }
  if (best_base.empty()) return false;
  std::string rest = url.size() > best_base.size() ? url.substr(best_base.size()) : "";
  output_path = PercentDecoded(best_dir + rest);
  if (output_path.empty() || output_path.back() == '/') output_path += "index.html";
  return true;
}

namespace {

std::map<std::string, size_t> ByOutput(const std::vector<const Page*>& pages) {
  std::map<std::string, size_t> by_output;
  for (size_t i = 0; i < pages.size(); ++i) by_output[pages[i]->output_path] = i;
  return by_output;
}

class LinkChecker {
 public:
  LinkChecker(const Site& site, const SiteLinks& links, const LinkCheckOptions& options, SourceMap& sources,
              Diagnostics& diags)
      : site_(site), links_(links), options_(options), sources_(sources), diags_(diags) {
    if (links.by_output.empty()) own_index_ = ByOutput(links.pages);
    if (options.by_page) options.by_page->assign(links.pages.size(), {});
  }

  void Run() {
    for (size_t i = 0; i < links_.pages.size(); ++i) {
      if (!links_.links[i] || (options_.only && !(*options_.only)[i])) continue;
      // A link written twice in a page is reported once.
      std::set<std::string> seen;
      for (const std::string& href : links_.links[i]->links)
        if (seen.insert(href).second) Check(i, href, false);
      for (const std::string& href : links_.links[i]->language_links)
        if (seen.insert(href).second) Check(i, href, true);
    }
  }

 private:
  void Check(size_t from, const std::string& href, bool marked) {
    const Page& page = *links_.pages[from];
    // Issue 22: a Hugo shortcode's starter template wrote <a href=""> on two home pages, unseen.
    if (href.empty() || href == "#") {
      Report(from, href,
             "a link to \"" + href +
                 "\" leads nowhere (it is this same page, at no place in it); give the link the address "
                 "it is meant to have, or write its text without a link",
             kLinkEmpty, {"](" + href + ")", "href=\"" + href + "\""});
      return;
    }
    std::string target, fragment;
    if (!ResolveLink(site_, page, href, target, fragment)) return;
    std::string found = Find(target);
    if (found.empty()) {
      Report(from, href,
             "link to \"" + href +
                 "\" leads to no page or file of the site; correct the address, "
                 "or add what it names",
             kLinkMissing);
      return;
    }
    const std::map<std::string, size_t>& by_output = links_.by_output.empty() ? own_index_ : links_.by_output;
    auto it = by_output.find(found);
    if (it == by_output.end()) return;  // a file, not a page: its fragments are not known
    const Page& to = *links_.pages[it->second];
    if (!fragment.empty() && fragment != "top" && links_.links[it->second]) {
      const std::vector<std::string>& ids = links_.links[it->second]->ids;
      if (std::find(ids.begin(), ids.end(), fragment) == ids.end())
        Report(from, href,
               "link to \"" + href + "\": " + (&to == &page ? std::string("this page") : to.source_path) +
                   " has no element with id \"" + fragment +
                   "\"; link to one of its headings, or correct the fragment",
               kAnchorMissing);
    }
    if (options_.other_language && !marked && to.lang_index != page.lang_index) {
      const Page* own = to.translations.size() > page.lang_index ? to.translations[page.lang_index] : nullptr;
      std::string own_lang = site_.languages[page.lang_index].code();
      std::string fix = own ? "link to " + LinkFrom(site_, page, *own) + " instead"
                            : "link to a page in \"" + own_lang + "\"";
      Report(from, href,
             "link to \"" + href + "\" leads to a page in \"" + site_.languages[to.lang_index].code() +
                 "\" from a page in \"" + own_lang + "\"; " + fix +
                 " (the language toggle leads readers to the other language)",
             kLinkOtherLanguage);
    }
  }

  // The output path a link reaches: the file itself, or the folder's index.html ("/en/x" as "/en/x/").
  std::string Find(const std::string& target) const {
    if (links_.outputs.count(target)) return target;
    std::string folder = target + "/index.html";
    if (links_.outputs.count(folder)) return folder;
    return {};
  }

  void Report(size_t from, const std::string& href, std::string message, const char* code,
              std::vector<std::string> needles = {}) {
    const Page& page = *links_.pages[from];
    if (needles.empty()) {  // where the address is written in the page's source, or its template's
      needles = {"](" + href, href};
      size_t hash = href.find('#');
      if (hash != std::string::npos && hash > 0) needles.push_back(href.substr(hash));
    }
    Diagnostic finding = sources_.Locate(page, TemplateName(page), needles, std::move(message), code);
    if (options_.by_page) (*options_.by_page)[from].push_back(finding);
    diags_.Add(std::move(finding));
  }

  const Site& site_;
  const SiteLinks& links_;
  const LinkCheckOptions& options_;
  SourceMap& sources_;
  Diagnostics& diags_;
  std::map<std::string, size_t> own_index_;  // when links_ has none
};

}  // namespace

void IndexPages(SiteLinks& links) {
  links.by_output = ByOutput(links.pages);
}

void CheckLinks(const Site& site, const SiteLinks& links, const LinkCheckOptions& options, SourceMap& sources,
                Diagnostics& diags) {
  LinkChecker(site, links, options, sources, diags).Run();
}

void WarnUnusedImages(const Site& site, const SiteLinks& links, Diagnostics& diags) {
  // A page in error: what it links to is not known.
  if (std::find(links.links.begin(), links.links.end(), nullptr) != links.links.end()) return;
  // Source path -> its output paths: a file languages share is copied to each.
  std::map<std::string, std::vector<std::string>> images;
  for (const Page* page : links.pages)
    for (const BundleFile& file : page->files)
      if (IsImageFileName(file.rel)) images[file.source_path].push_back(BundleFileOutputPath(*page, file));
  if (images.empty()) return;  // most sites: no need to resolve every link again
  std::set<std::string> used;  // output paths
  for (size_t i = 0; i < links.pages.size(); ++i)
    for (const auto* hrefs : {&links.links[i]->links, &links.links[i]->language_links})
      for (const std::string& href : *hrefs) {
        std::string target, fragment;
        if (ResolveLink(site, *links.pages[i], href, target, fragment)) used.insert(target);
      }
  for (const auto& [source, outputs] : images)
    if (std::none_of(outputs.begin(), outputs.end(), [&](const std::string& out) { return used.count(out); }))
      diags.Warning(
          {source},
          "no page shows or links to this image, yet it is published; use it on a page, or delete it", {},
          kImageUnused);
}

}  // namespace tandem
