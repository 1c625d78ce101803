#include "funding_harness.hpp"

#include <toml++/toml.h>

#include <catch2/catch.hpp>
#include <map>

#include "render/page_view.hpp"

namespace tandem::testing {

bool FundingData::Load(const std::string& site_dir, Diagnostics& diags,
                       const std::vector<std::string>& languages) {
  return funding::LoadDataset(site_dir, languages, data_, fingerprint_, diags);
}

const Strings& ThemeStrings(const std::string& lang) {
  static std::map<std::string, Strings> cache;
  auto it = cache.find(lang);
  if (it != cache.end()) return it->second;
  Strings strings;
  toml::table t = toml::parse_file(std::string(TANDEM_THEMES_DIR) + "/gc/i18n/" + lang + ".toml");
  for (const auto& [key, value] : t)
    if (auto s = value.value<std::string>()) strings[std::string(key.str())] = *s;
  return cache[lang] = strings;
}

namespace {

const Theme& GcTheme() {
  static const Theme theme = [] {
    Theme t;
    SiteConfig config;
    Diagnostics diags;
    t.Load(config, TANDEM_THEMES_DIR, diags);
    return t;
  }();
  return theme;
}

}  // namespace

FundingPage::FundingPage(const std::string& lang, Strings extra) : strings(ThemeStrings(lang)) {
  for (auto& [k, v] : extra) strings[k] = v;
  language_.config.code = lang;
  language_.config.locale = lang + "-CA";
  language_.locale = std::make_unique<Locale>(lang + "-CA");
  language_.strings = strings;
  page_.source_path = "content/" + lang + "/x.md";
  page_.output_path = lang + "/x/index.html";
  page_.url_path = "/" + lang + "/x/";
  page_.body_line = 1;
  templates_ = std::make_unique<TemplateSet>(GcTheme());
  scope_ = std::make_unique<PageScope>(
      page_, language_, "", [this](const std::string& name, const Value& view) -> std::optional<std::string> {
        if (!templates_->Has(name)) return std::nullopt;
        return templates_->Render(name, ToData(view));
      });
}

void FundingPage::Collect() {
  for (Attachment& a : scope_->attachments) files.emplace_back(a.path, std::move(a.bytes));
  scope_->attachments.clear();
  for (Diagnostic& d : scope_->diagnostics) diagnostics_.push_back(std::move(d));
  scope_->diagnostics.clear();
}

std::optional<std::string> FundingPage::RenderTable(const FundingData& data, const std::string& body,
                                                    int line) {
  language_.strings = strings;
  auto html = funding::RenderTable(data.data(), body, line, *scope_);
  Collect();
  return html;
}

std::optional<std::string> FundingPage::RenderFigure(const FundingData& data, const std::string& directive,
                                                     int line, int column) {
  language_.strings = strings;
  auto text = funding::RenderFigure(data.data(), directive, line, column, *scope_);
  Collect();
  return text;
}

std::string FundingPage::Table(const FundingData& data, const std::string& body) {
  auto html = RenderTable(data, body);
  INFO(Render());
  REQUIRE(html);
  CHECK(error_count() == 0);
  return *html;
}

std::string FundingPage::Figure(const FundingData& data, const std::string& directive) {
  auto text = RenderFigure(data, directive);
  INFO(Render());
  REQUIRE(text);
  return *text;
}

void FundingPage::SkipTables(int n) {
  for (int i = 0; i < n; ++i) scope_->Next("funding-table");
}

std::string FundingPage::Render() const {
  std::string out;
  for (const Diagnostic& d : diagnostics_) out += FormatDiagnostic(d) + "\n";
  return out;
}

size_t FundingPage::error_count() const {
  size_t n = 0;
  for (const Diagnostic& d : diagnostics_) n += d.severity == Severity::kError;
  return n;
}

size_t FundingPage::warning_count() const {
  size_t n = 0;
  for (const Diagnostic& d : diagnostics_) n += d.severity == Severity::kWarning;
  return n;
}

}  // namespace tandem::testing
