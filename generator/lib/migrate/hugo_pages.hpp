// The pages of a Hugo site's language that set url in their front matter, by that url, so that
// a menu entry giving the url (Hugo's url = "/partenariats/") names the page, which tandem's
// menu then finds in each language.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace tandem {

// The key a URL is matched by within the language `code`: without the host-relative slashes,
// the fragment, the query and a leading "<code>/" ("/fr/partenariats/#x" -> "partenariats").
std::string UrlKey(std::string url, const std::string& code);

// The .md and .html files below `root`, as paths relative to it, sorted.
std::vector<std::string> HugoContentFiles(const std::filesystem::path& root);

struct HugoLanguageFolder {
  std::string code;
  std::string content_dir;           // relative to the site: "content/fr", or "content" shared
  std::vector<std::string> sharing;  // with a shared folder, every language's code; else empty
  bool is_default = false;           // a shared folder's file without a code is in this language
};

// The .md and .html files of `folder`'s language whose front matter sets url, by UrlKey of it:
// each as a path in the folder without a language suffix ("partnerships/_index.md"). Of two
// with one url, the first by path.
std::map<std::string, std::string> PagesByUrl(const std::string& hugo_dir, const HugoLanguageFolder& folder);

}  // namespace tandem
