// The site model: every page of every language, the section tree, and the
// links between translations. Built by the loading stages, read by rendering.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "config.hpp"
#include "diagnostics.hpp"
#include "front_matter.hpp"
#include "locale.hpp"

namespace tandem {

struct Page {
  size_t lang_index = 0;
  std::string rel_path;     // NFC, relative to content/<lang>/: "news/_index.md"
  std::string source_path;  // as shown to the user: "content/en/news/_index.md"
  std::string fs_path;      // where it was read from
  std::string rel_dir;      // the folder the page describes or sits in: "news"
  bool is_section = false;  // an _index.md, or a folder without one
  bool is_home = false;
  bool implicit = false;  // a folder with no _index.md: tandem made the page up

  FrontMatter meta;
  std::string body;  // Markdown
  int body_line = 1;

  std::string slug;         // this page's own URL segment ("" for a home page)
  std::string url_path;     // from the host root: "/en/news/"
  std::string permalink;    // absolute URL
  std::string output_path;  // relative to the output folder: "en/news/index.html"
  std::string modified;     // YYYY-MM-DD
  std::string issued;       // YYYY-MM-DD or ""

  Page* parent = nullptr;           // the section holding this page
  std::vector<Page*> children;      // for sections: pages and subsections, sorted
  std::vector<Page*> translations;  // by language index; nullptr where missing; [own] = this

  uint64_t source_hash = 0;  // of the file's bytes
  uint64_t cache_key = 0;    // hash of everything the page's HTML is made of
  bool reused = false;       // unchanged since the last build: neither rendered nor written
  std::vector<std::string> reused_files;
  // Warnings found while rendering the Markdown (funding blocks and figures), kept in the
  // cache so that a reused page still reports them.
  std::vector<Diagnostic> render_warnings;

  std::string content_html;
  // Files generated with the page, such as the CSV of a funding table: output path, bytes.
  std::vector<std::pair<std::string, std::string>> attachments;
};

struct Language {
  const LanguageConfig* config = nullptr;
  std::unique_ptr<Locale> locale;
  std::vector<std::unique_ptr<Page>> pages;  // sorted by rel_path
  Page* home = nullptr;
};

struct Site {
  std::string source_dir;  // absolute
  SiteConfig config;
  std::vector<Language> languages;  // in config order

  // Every page of every language, in a stable order.
  std::vector<Page*> AllPages() const;
};

}  // namespace tandem
