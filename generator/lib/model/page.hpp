// A page: what its file says (front matter), then what assembling the site
// gave it (URL, place in the section tree, translations, dates). Once
// assembled, a page does not change: rendering reads it and returns a new value.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "support/diagnostics.hpp"
#include "support/value.hpp"

namespace tandem {

// The terms a page gives one of site.toml's taxonomies: tags = ["boating", "safety"].
struct PageTerms {
  std::string key;                 // the taxonomy's front matter key: "tags"
  std::vector<std::string> terms;  // as written (NFC), in order
  std::vector<SourcePos> pos;      // of each term
};

struct FrontMatter {
  std::string title;
  std::string description;
  // Dates as written, in DateTime's canonical form (i18n/time_zone.hpp): "2021-07-30", or with a
  // time and maybe an offset, "2021-07-30T09:00:00-04:00"; empty when not given.
  std::string date;
  std::string modified;
  std::string publish_date;  // before it, the page is held back (unless --future)
  std::string expiry_date;   // from it on, the page is held back (unless --expired)
  std::string slug;
  std::string url;
  std::string translation_key;
  std::string translation_source;  // the language this page and its translations are made from
  std::string layout;
  std::string keywords;  // comma separated
  std::string subject;   // semicolon separated
  std::string summary;   // for lists and feeds; else made from the text (markdown/SummaryText)
  std::vector<std::string> aliases;  // old URLs of the page, each given a redirect page
  bool draft = false;
  int weight = 0;
  // A section's list (its _index.md): the order of its pages, "weight" (the default: weight,
  // then title), "title" or "date" (newest first), and how many to a list page (0: all on one).
  std::string sort;
  int paginate = 0;
  Value params = Value::Map();  // keys tandem does not know, for templates as page.params
  // Keys written at the top of the front matter that became params without being declared (not
  // under params, not in site.toml's page_params): checked against the site's list after loading.
  std::vector<std::pair<std::string, SourcePos>> own_keys;
  std::vector<PageTerms> terms;  // of the taxonomies site.toml names ([taxonomies])

  // Where some fields were written, for errors found after parsing.
  SourcePos title_pos, slug_pos, url_pos, translation_key_pos, layout_pos;
  std::vector<SourcePos> alias_pos;  // of each alias
};

// What git says of a page's file, from the one `git log` of a build. Commits are numbered from
// the newest (0), so a smaller number is a later commit; kNone when there is none. Dates are as
// git wrote them (the author's date and offset) until the dates stage makes them days in the
// site's time zone.
struct FileHistory {
  static constexpr size_t kNone = static_cast<size_t>(-1);
  size_t last = kNone;  // the file's last commit
  std::string last_date;
  // The last commit that matters to a translation: not marked [minor] nor "Translation-impact: none".
  size_t last_significant = kNone;
  std::string significant_date;
  std::string first_date;  // of the file's first commit, which published it
};

// A file of a page bundle: an image or a document beside the page's file, copied next to its HTML.
struct BundleFile {
  std::string rel;          // relative to the bundle's folder: "map.png", "files/report.pdf"
  std::string source_path;  // as shown to the user: "content/en/news/x/map.png"
  std::string fs_path;      // where it is read from
};

struct Page {
  // Loaded.
  size_t lang_index = 0;
  std::string rel_path;     // NFC, relative to content/<lang>/: "news/_index.md"
  std::string source_path;  // as shown to the user: "content/en/news/_index.md"
  std::string fs_path;      // where it was read from
  std::string rel_dir;      // the folder the page describes or sits in: "news"
  bool is_section = false;  // an _index.md, or a folder without one
  bool is_home = false;
  bool implicit = false;  // tandem made the page up: a folder with no _index.md, or a taxonomy's page
  bool is_html = false;   // an .html content page: its body is HTML, used as written
  std::string bundle_dir;         // a leaf bundle's folder (its file is index.md): "news/x"; else ""
  std::vector<BundleFile> files;  // its bundle's files (content/bundles.hpp), sorted by rel
  FrontMatter meta;
  std::string front_matter;  // the file's lines before the Markdown, to quote in messages
  int body_line = 1;         // the file line where the Markdown starts
  uint64_t source_hash = 0;  // of the file's bytes

  // Assembled.
  std::string slug;                 // this page's own URL segment ("" for a home page)
  std::string url_path;             // from the host root: "/en/news/"
  std::string permalink;            // absolute URL
  std::string output_path;          // relative to the output folder: "en/news/index.html"
  std::string modified;             // YYYY-MM-DD
  std::string issued;               // YYYY-MM-DD or ""
  std::string modified_long, issued_long;  // the same, written out in the language: "July 30, 2021"
  std::string layout;               // the theme template it renders with, once layouts are checked
  std::string summary;              // plain text
  std::vector<std::string> alias_outputs;  // where its aliases' redirect pages are written
  Page* parent = nullptr;           // the section holding this page
  std::vector<Page*> children;      // for sections: pages and subsections, sorted (and see taxonomy)
  std::vector<Page*> translations;  // by language index; nullptr where missing; [own] = this
  FileHistory history;              // from git; empty outside git or when git was not asked
  // A taxonomy's page, made up by tandem (implicit; assemble/taxonomies.hpp): the taxonomy's key
  // on its list of terms (children: the term pages) and on each term's page (is_term; children:
  // the pages with the term, which stay children of their own sections too).
  std::string taxonomy;
  bool is_term = false;
  // Of a page of content: the pages of its terms, per taxonomy key, in site.toml's order.
  std::vector<std::pair<std::string, std::vector<const Page*>>> term_pages;

  // Line `line` of the page's front matter, for a message about a field written there.
  bool title_from_heading = false;  // front matter has no title: its first heading's stands in
  std::string FrontMatterLine(int line) const { return LineAt(front_matter, line); }
};

}  // namespace tandem
