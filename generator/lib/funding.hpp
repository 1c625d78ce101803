// Funding data: programs, streams and projects read from data/*.toml, and
// what pages make of them: ```funding tables (with a CSV of their rows) and
// {{funding:...}} figures in prose, formatted for the page's language.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostics.hpp"
#include "locale.hpp"
#include "theme.hpp"

namespace tandem {

// What a table or figure needs to know about the page it sits in.
struct FundingContext {
  std::string source_path;  // "content/fr/x.md", for errors
  int first_line = 1;       // the file line of the Markdown's first line
  std::string lang;         // "fr"
  const Locale* locale = nullptr;
  const Strings* strings = nullptr;  // the language's UI strings
  std::string page_output_dir;       // "fr/x/" : where the page's index.html goes
  std::string page_url_path;         // "/fr/x/"
  // Files to write beside the page (CSV downloads): output path and bytes.
  std::vector<std::pair<std::string, std::string>>* attachments = nullptr;
  int tables_so_far = 0;  // numbers the page's tables, for their CSV names
};

class FundingData {
 public:
  // Reads every data/*.toml file that holds funding data. False on any error.
  bool Load(const std::string& source_dir, Diagnostics& diags);
  bool empty() const;

  // The HTML of a ```funding block whose TOML body starts on `line` (of the Markdown).
  std::optional<std::string> RenderTable(std::string_view body, int line, FundingContext& ctx,
                                         Diagnostics& diags) const;
  // The HTML of `{{funding:...}}` (directive without braces) at `line`:`column` of the Markdown.
  std::optional<std::string> RenderFigure(std::string_view directive, int line, int column,
                                          FundingContext& ctx, Diagnostics& diags) const;
  // Changes whenever the data does.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
  std::string fingerprint_;
};

}  // namespace tandem
