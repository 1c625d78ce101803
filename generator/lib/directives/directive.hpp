// Directives: what a page can ask for besides Markdown. A directive has a name
// and can answer a fenced block (```name ... ```, which becomes HTML made from
// a theme template) and a figure in text ({{name:...}}, which becomes text).
// Funding is one; new data kinds and shortcodes register the same way.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "markdown/markdown.hpp"
#include "model/site.hpp"
#include "support/diagnostics.hpp"
#include "support/value.hpp"

namespace tandem {

// A file written beside a page, such as the CSV of a table: its output path and bytes.
struct Attachment {
  std::string path;
  std::string bytes;
};

// Something a page's HTML was made from besides its own file and template: "data:funding",
// "template:directives/funding-table". A page is rendered again when its hash changes.
struct Dependency {
  std::string name;
  uint64_t hash = 0;
};

// Where a link, an image or a heading of the page's Markdown is written, with its address as its
// HTML has it (a heading's id): what the checks of the HTML place a finding at
// (check/page_checks.cpp).
struct MarkdownPlace {
  PlaceKind kind = PlaceKind::kLink;
  std::string key;
  SourcePos pos;
};

// The page a directive renders in: where things are in its file, its language, and what
// the directive gives back besides its HTML (files, diagnostics, dependencies).
class PageScope {
 public:
  // Renders a theme template with a view model; nullopt when the theme has no such template.
  using TemplateRenderer =
      std::function<std::optional<std::string>(const std::string& name, const Value& view)>;

  PageScope(const Page& page, const Language& language, std::string_view markdown, TemplateRenderer renderer);

  const Page& page() const { return page_; }
  const Language& language() const { return language_; }

  // The file position of `line` (of the Markdown) and `column`.
  SourcePos At(int markdown_line, int column) const;
  // Line `file_line` of the page's file (its Markdown part), from memory; "" for other lines.
  std::string FileLine(int file_line) const;
  void Error(const SourcePos& pos, const std::string& message);
  void Warning(const SourcePos& pos, const std::string& message, const std::string& code = {});
  bool has_errors() const;

  // Writes `name` beside the page; returns its URL path.
  std::string Attach(const std::string& name, std::string bytes);
  void DependOn(std::string name, uint64_t hash);
  // Renders `template_name` with `view`; reports a missing template at `where`.
  std::optional<std::string> RenderTemplate(const std::string& template_name, const Value& view,
                                            const SourcePos& where);
  // 1, 2, 3... per counter name: numbers a page's tables.
  int Next(const std::string& counter);

  std::vector<Attachment> attachments;
  std::vector<Diagnostic> diagnostics;
  std::vector<Dependency> dependencies;
  std::vector<MarkdownPlace> places;  // its Markdown's links, images and headings

 private:
  const Page& page_;
  const Language& language_;
  std::string_view markdown_;
  TemplateRenderer renderer_;
  std::vector<std::pair<std::string, int>> counters_;
};

class Directive {
 public:
  virtual ~Directive() = default;
  // The word that calls it: "funding" for ```funding and {{funding:...}}.
  virtual std::string name() const = 0;
  // Reads what it needs from the site (its data files). Reports every problem; false if any.
  virtual bool Load(const SiteConfig& config, const std::string& source_dir, Diagnostics& diags) = 0;
  // The current hash of a dependency this directive records, or nullopt if it is not its own.
  virtual std::optional<uint64_t> DependencyHash(std::string_view name) const = 0;
  // The HTML of a fenced block; `line` is the fence's line in the Markdown. nullopt when the
  // block is in error (reported through `scope`).
  virtual std::optional<std::string> RenderBlock(std::string_view info, std::string_view body, int line,
                                                 PageScope& scope) const = 0;
  // The text of {{name:args}} (`directive` is everything between the braces) at `line`:`column`
  // of the Markdown. nullopt when it is in error (reported through `scope`).
  virtual std::optional<std::string> RenderInline(std::string_view directive, int line, int column,
                                                  PageScope& scope) const = 0;
};

class DirectiveRegistry {
 public:
  void Add(std::unique_ptr<Directive> directive);
  const Directive* Find(std::string_view name) const;
  std::vector<std::string> Names() const;
  // Loads every directive; false if any reported an error.
  bool LoadAll(const SiteConfig& config, const std::string& source_dir, Diagnostics& diags);
  std::optional<uint64_t> DependencyHash(std::string_view name) const;

 private:
  std::vector<std::unique_ptr<Directive>> directives_;
};

// The directives every site has.
DirectiveRegistry BuiltinDirectives();

}  // namespace tandem
