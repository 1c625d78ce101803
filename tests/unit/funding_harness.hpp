// The funding directive's parts, driven directly: data loaded from a folder as a build
// loads it, and a page (in English or French, with the gc theme's UI strings and templates)
// to render tables and figures in.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "directives/funding/model.hpp"
#include "model/site.hpp"
#include "theme/theme.hpp"

namespace tandem::testing {

class FundingData {
 public:
  // Reads `site_dir`/data/ for a site in `languages`.
  bool Load(const std::string& site_dir, Diagnostics& diags,
            const std::vector<std::string>& languages = {"en", "fr"});
  bool empty() const { return data_.projects.empty(); }
  const std::string& fingerprint() const { return fingerprint_; }
  const funding::Dataset& data() const { return data_; }

 private:
  funding::Dataset data_;
  std::string fingerprint_;
};

// The gc theme's UI strings of `lang`.
const Strings& ThemeStrings(const std::string& lang);

class FundingPage {
 public:
  // A page content/<lang>/x.md, written to <lang>/x/index.html; `extra` overrides UI strings.
  explicit FundingPage(const std::string& lang, Strings extra = {});

  // The HTML of a ```funding block whose body starts on Markdown line `line` + 1.
  std::optional<std::string> RenderTable(const FundingData& data, const std::string& body, int line = 1);
  std::optional<std::string> RenderFigure(const FundingData& data, const std::string& directive, int line = 1,
                                          int column = 1);
  // Like the above, but the result must be there and no error reported.
  std::string Table(const FundingData& data, const std::string& body);
  std::string Figure(const FundingData& data, const std::string& directive);
  // Counts `n` tables as already on the page, so that the next one is number n + 1.
  void SkipTables(int n);
  // Diagnostics so far, formatted.
  std::string Render() const;
  size_t error_count() const;
  size_t warning_count() const;

  Strings strings;
  std::vector<std::pair<std::string, std::string>> files;  // attachments: output path, bytes

 private:
  Language language_;
  Page page_;
  std::unique_ptr<TemplateSet> templates_;
  std::unique_ptr<PageScope> scope_;
  Data layer_;
  void Collect();
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace tandem::testing
