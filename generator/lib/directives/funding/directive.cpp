// The funding directive, registered as "funding": owns the data set read from
// data/ and answers ```funding blocks and {{funding:...}} figures.
#include "directives/funding/funding.hpp"
#include "directives/funding/model.hpp"
#include "support/files.hpp"

namespace tandem {

namespace {

constexpr const char* kDependency = "data:funding";

class FundingDirective : public Directive {
 public:
  std::string name() const override { return "funding"; }

  bool Load(const SiteConfig& config, const std::string& source_dir, Diagnostics& diags) override {
    std::string fingerprint;
    bool ok = funding::LoadDataset(source_dir, config.LanguageCodes(), data_, fingerprint, diags);
    hash_ = HashBytes(fingerprint);
    return ok;
  }

  std::optional<uint64_t> DependencyHash(std::string_view name) const override {
    if (name == kDependency) return hash_;
    return std::nullopt;
  }

  std::optional<std::string> RenderBlock(std::string_view, std::string_view body, int line,
                                         PageScope& scope) const override {
    scope.DependOn(kDependency, hash_);
    return funding::RenderTable(data_, body, line, scope);
  }

  std::optional<std::string> RenderInline(std::string_view directive, int line, int column,
                                          PageScope& scope) const override {
    scope.DependOn(kDependency, hash_);
    return funding::RenderFigure(data_, directive, line, column, scope);
  }

 private:
  funding::Dataset data_;
  uint64_t hash_ = 0;
};

}  // namespace

std::unique_ptr<Directive> MakeFundingDirective() {
  return std::make_unique<FundingDirective>();
}

}  // namespace tandem
