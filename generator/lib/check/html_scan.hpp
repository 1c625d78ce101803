// Reading the HTML tandem generated (templates and Markdown both) for what the checks need: the
// ids a link may point at, the links themselves, and what accessibility checks look at. The HTML
// is tandem's own, so a small scanner does: tags, attributes (quoted or not), character
// references, comments, and script and style contents skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tandem {

// What other pages need to know of a page to check links to it and from it: kept in the build
// cache, so that links to and from a page carried over are still checked.
struct PageLinks {
  std::vector<std::string> ids;    // every id (and <a name>), for #fragments
  std::vector<std::string> links;  // href and src values, as written in the HTML
  std::vector<std::string>
      language_links;  // links marked with hreflang or rel="alternate": the
                       // language toggle and alternates, which may go to another language
};

struct HtmlAnchor {
  std::string href;
  std::string text;    // its accessible name: text, images' alt, or aria-label; whitespace collapsed
  bool named = false;  // has an aria-label or a title
};

struct HtmlImage {
  std::string src;
  bool has_alt = false;
  std::string alt;
  bool decorative = false;  // role="presentation" or "none", or aria-hidden="true"
};

struct HtmlHeading {
  int level = 0;  // 1 to 6
  std::string text;
  std::string id;
};

struct HtmlScan {
  PageLinks links;
  std::vector<HtmlAnchor> anchors;
  std::vector<HtmlImage> images;
  std::vector<HtmlHeading> headings;  // in document order
};

HtmlScan ScanHtml(std::string_view html);

// Decodes character references (&amp;, &#39;, &#x2F; and the few named ones tandem writes).
std::string DecodeEntities(std::string_view text);

}  // namespace tandem
