// Links by source file. A Markdown link or image may name a content file instead of a URL:
// "../hotline.md#contact" from the linking file's folder, "/news/hotline.md" from the
// language's content root (content/<lang>/). It is written as the URL of that page in the
// linking page's own language, so one link written the same way in every language goes to
// each language's page. Every other root-relative address ("/files/report.pdf") gets the
// site's sub-path, as the theme's links do. A relative address naming a file of a page bundle
// (content/bundles.hpp), "map.png" or "../other/report.pdf", is written as that file's URL; in
// a leaf bundle, one naming no file of its own bundle is an error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "directives/directive.hpp"
#include "model/site.hpp"

namespace tandem {

class LinkResolver {
 public:
  explicit LinkResolver(const Site& site) : site_(site) {}

  // What to write for the destination `written` found at `line`:`column` of `from`'s Markdown
  // (a link's, an image's, a figure's src or link), or nullopt to keep it as written. An address
  // the URL policy refuses (support/url/url_policy.hpp) is an error in `scope`, and "" is
  // written; one it cleans (a tab dropped) is written clean. A content file that cannot be
  // linked is an error in `scope`; one that can is recorded there as a dependency
  // (LinkDependencyHash).
  std::optional<std::string> Rewrite(const Page& from, std::string_view written, int line, int column,
                                     PageScope& scope) const;

 private:
  // Rewrite, for an address the URL policy allows, as it reads it.
  std::optional<std::string> RewriteClean(const Page& from, std::string_view url, int line, int column,
                                          PageScope& scope) const;
  std::optional<std::string> RewriteContentLink(const Page& from, std::string_view url, int line, int column,
                                                PageScope& scope) const;
  // True when `url` names a file (or an .html page) from `from`'s folder; `out` is then what to write.
  bool RewriteFileLink(const Page& from, std::string_view url, int line, int column, PageScope& scope,
                       std::optional<std::string>& out) const;

  const Site& site_;
};

// The current hash of a dependency a link recorded ("link:en/news/hotline.md": the URL that
// file now links to), or nullopt when it cannot be linked any more. Not for other names.
bool IsLinkDependency(std::string_view name);
std::optional<uint64_t> LinkDependencyHash(const Site& site, std::string_view name);

}  // namespace tandem
