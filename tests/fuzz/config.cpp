// site.toml and data/: LoadConfig (config/site_config.hpp) and LoadSiteData (content/data.hpp)
// on files written from the input, as a pull request would change them. The input is split at
// the first two lines "----": site.toml, then data/input.toml, then data/input.yaml. Where there
// is no "----", the whole input is site.toml (a seed site.toml alone is a fine start).
//
// Invariants, besides no crash, hang or sanitizer report:
// - every finding is at one of the three files, at a line of it (or at none) and a column
//   of that line (or at none): an error a user can cause names where to fix it;
// - a site.toml that loads without error gives every language an http(s) base URL ending in
//   "/", an output folder that is a plain relative path (or the root), and every menu address
//   one the URL policy allows.
#include <filesystem>

#include "config/site_config.hpp"
#include "content/data.hpp"
#include "fuzz_common.hpp"
#include "output/beneath.hpp"
#include "support/text.hpp"
#include "support/url/url_policy.hpp"

namespace {

using namespace tandem;

struct Files {
  std::string site_toml, data_toml, data_yaml;
};

Files Split(std::string_view input) {
  static constexpr std::string_view kCut = "\n----\n";
  Files files;
  size_t first = input.find(kCut);
  files.site_toml = std::string(input.substr(0, first));
  if (first == std::string_view::npos) return files;
  input.remove_prefix(first + kCut.size());
  size_t second = input.find(kCut);
  files.data_toml = std::string(input.substr(0, second));
  if (second != std::string_view::npos) files.data_yaml = std::string(input.substr(second + kCut.size()));
  return files;
}

// The lines of `text`: split at '\n'.
std::vector<std::string_view> LinesOf(std::string_view text) {
  std::vector<std::string_view> lines;
  for (size_t start = 0;;) {
    size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string_view::npos ? text.npos : end - start));
    if (end == std::string_view::npos) return lines;
    start = end + 1;
  }
}

void CheckPlaces(const Diagnostics& diags, const Files& files) {
  for (const Diagnostic& d : diags.Sorted()) {
    std::string shown =
        d.pos.path + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + ": " + d.message;
    const std::string* text = d.pos.path == "site.toml"         ? &files.site_toml
                              : d.pos.path == "data/input.toml" ? &files.data_toml
                              : d.pos.path == "data/input.yaml" ? &files.data_yaml
                                                                : nullptr;
    FUZZ_CHECK(text != nullptr, "a finding at no file of the input: " + shown);
    if (d.pos.line == 0) {
      FUZZ_CHECK(d.pos.column == 0, "a column without a line: " + shown);
      continue;
    }
    // Lines as the readers count them: a lone CR ends a line too, and a BOM is no character.
    std::string normalized = NormalizeSource(*text);
    std::vector<std::string_view> lines = LinesOf(normalized);
    FUZZ_CHECK(d.pos.line >= 1 && static_cast<size_t>(d.pos.line) <= lines.size(),
               "a line the file does not have (" + std::to_string(lines.size()) + " lines): " + shown);
    // Columns count characters; a byte count bounds them.
    FUZZ_CHECK(d.pos.column >= 0 && static_cast<size_t>(d.pos.column) <= lines[d.pos.line - 1].size() + 1,
               "a column past the end of its line: " + shown);
  }
}

void CheckConfig(const SiteConfig& config) {
  for (const LanguageConfig& lang : config.languages) {
    std::string scheme = UrlScheme(lang.base_url);
    FUZZ_CHECK((scheme == "http" || scheme == "https") && EndsWith(lang.base_url, "/"),
               lang.code + " base_url " + lang.base_url);
    FUZZ_CHECK(lang.output_dir.empty() || IsPlainRelativePath(lang.output_dir),
               lang.code + " output folder " + lang.output_dir);
    for (const MenuEntry& entry : lang.menu) {
      if (entry.url.empty()) continue;
      std::string problem;
      auto clean = CleanUrl(entry.url, problem);
      FUZZ_CHECK(clean && *clean == entry.url, lang.code + " menu address " + entry.url + ": " + problem);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > fuzz::kMaxInput) return -1;
  Files files = Split(std::string_view(reinterpret_cast<const char*>(data), size));
  namespace fs = std::filesystem;
  const std::string site = fuzz::ScratchDir::Path() + "/site";
  std::error_code ec;
  fs::remove_all(site, ec);
  fuzz::WriteOrDie(site + "/site.toml", files.site_toml);
  fuzz::WriteOrDie(site + "/data/input.toml", files.data_toml);
  fuzz::WriteOrDie(site + "/data/input.yaml", files.data_yaml);

  Diagnostics config_diags;
  SiteConfig config;
  if (LoadConfig(site, config, config_diags)) {
    FUZZ_CHECK(!config_diags.has_errors(), "LoadConfig said yes with errors");
    CheckConfig(config);
  }
  CheckPlaces(config_diags, files);

  Diagnostics data_diags;
  LoadSiteData(site, data_diags);
  CheckPlaces(data_diags, files);
  return 0;
}
