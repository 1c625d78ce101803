#include "migrate/hugo_pages.hpp"

#include <algorithm>
#include <filesystem>

#include "content/front_matter.hpp"
#include "support/files.hpp"
#include "support/text.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

// "news/x.fr.md" in a folder shared by en and fr -> {"fr", "news/x.md"}; "news/x.md" -> {"", ...}.
std::pair<std::string, std::string> LanguageOfName(const std::string& relative,
                                                   const std::vector<std::string>& codes) {
  size_t ext = relative.rfind('.');
  size_t dot = relative.rfind('.', ext - 1);
  size_t slash = relative.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {"", relative};
  std::string code = relative.substr(dot + 1, ext - dot - 1);
  if (std::find(codes.begin(), codes.end(), code) == codes.end()) return {"", relative};
  return {code, relative.substr(0, dot) + relative.substr(ext)};
}

}  // namespace

std::vector<std::string> HugoContentFiles(const fs::path& root) {
  std::vector<std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    std::string relative = it->path().lexically_relative(root).generic_string();
    if (it->is_regular_file(ec) && (EndsWith(relative, ".md") || EndsWith(relative, ".html")))
      out.push_back(relative);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string UrlKey(std::string url, const std::string& code) {
  url = url.substr(0, url.find_first_of("#?"));
  while (StartsWith(url, "/")) url.erase(0, 1);
  while (!url.empty() && url.back() == '/') url.pop_back();
  if (url == code || StartsWith(url, code + "/")) url.erase(0, std::min(url.size(), code.size() + 1));
  return url;
}

std::map<std::string, std::string> PagesByUrl(const std::string& hugo_dir, const HugoLanguageFolder& folder) {
  std::map<std::string, std::string> out;
  fs::path root = fs::path(hugo_dir) / folder.content_dir;
  for (const std::string& relative : HugoContentFiles(root)) {
    auto [code, name] = LanguageOfName(relative, folder.sharing);
    if (!folder.sharing.empty() && code != folder.code && !(code.empty() && folder.is_default)) continue;
    std::string text;
    try {
      text = NormalizeSource(ReadFileInside((root / relative).string(), hugo_dir));
    } catch (const IoError&) {
      continue;  // the build reports a file it cannot read
    }
    std::string url = FrontMatterText(relative, text, "url");
    if (!url.empty()) out.insert({UrlKey(url, folder.code), name});
  }
  return out;
}

}  // namespace tandem
