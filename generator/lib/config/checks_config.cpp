#include "config/checks_config.hpp"

#include <algorithm>

namespace tandem {

const std::vector<std::string>& CheckCodes() {
  static const std::vector<std::string> codes = [] {
    std::vector<std::string> all = {
        // Made by `build` too: content, git, translations, funding, links.
        "content-folder-link", "funding-string-missing", "git-missing", "git-shallow", "git-uncommitted",
        "section-index-missing", "translation-missing", "link-missing", "link-empty", "anchor-missing",
        "layout-missing", "raw-html", "permalink-section-missing", "content-file-unpublished", "image-unused",
        "param-undeclared", "alias-redundant", "title-missing", "title-long", "description-long",
        "metadata-missing", "structure-differs",
        // `check` alone.
        "translation-stale", "link-other-language", "image-alt-missing", "link-text-vague", "link-text-empty",
        "heading-skip"};
    std::sort(all.begin(), all.end());
    return all;
  }();
  return codes;
}

namespace {

void ReadSetting(const TomlSource& src, const toml::key& code, const toml::node& value, ChecksConfig& out,
                 Diagnostics& diags) {
  if (value.is_table()) {
    ErrorAt(src, value, "[checks] " + std::string(code.str()) + " must be \"off\", \"warning\" or \"error\"",
            diags);
    return;
  }
  const auto* level = value.as_string();
  std::string text = level ? std::string(**level) : "";
  if (text != "off" && text != "warning" && text != "error") {
    ErrorAt(src, value, "[checks] " + std::string(code.str()) + " must be \"off\", \"warning\" or \"error\"",
            diags);
    return;
  }
  SourcePos pos = PosOf(src, code.source());
  const std::vector<std::string>& codes = CheckCodes();
  if (!std::binary_search(codes.begin(), codes.end(), std::string(code.str()))) {
    diags.Error(
        pos,
        "unknown check \"" + std::string(code.str()) + "\" in [checks]" + DidYouMeanSuffix(code.str(), codes),
        SourceLineOf(src, pos));
    return;
  }
  out.settings.push_back({std::string(code.str()), text, pos, SourceLineOf(src, pos)});
}

}  // namespace

void ReadChecksConfig(const TomlSource& src, const toml::table& table, ChecksConfig& out,
                      Diagnostics& diags) {
  if (auto source = GetString(src, table, "translation_source", diags)) {
    out.translation_source = *source;
    out.translation_source_pos = PosOf(src, table.get("translation_source")->source());
    out.translation_source_line = SourceLineOf(src, out.translation_source_pos);
  }
  const toml::node* checks = table.get("checks");
  if (!checks) return;
  const toml::table* t = checks->as_table();
  if (!t) {
    ErrorAt(src, *checks, "[checks] must be a table of check codes, like link-text-vague = \"off\"", diags);
    return;
  }
  for (const auto& [code, value] : *t) ReadSetting(src, code, value, out, diags);
}

}  // namespace tandem
