#include "directives/directive.hpp"

#include <algorithm>

#include "directives/funding/funding.hpp"

namespace tandem {

PageScope::PageScope(const Page& page, const Language& language, std::string_view markdown,
                     TemplateRenderer renderer)
    : page_(page), language_(language), markdown_(markdown), renderer_(std::move(renderer)) {}

SourcePos PageScope::At(int markdown_line, int column) const {
  return {page_.source_path, page_.body_line + markdown_line - 1, column};
}

std::string PageScope::FileLine(int file_line) const {
  return LineAt(markdown_, file_line - page_.body_line + 1);
}

void PageScope::Error(const SourcePos& pos, const std::string& message) {
  diagnostics.push_back({Severity::kError, pos, message, FileLine(pos.line)});
}

void PageScope::Warning(const SourcePos& pos, const std::string& message, const std::string& code) {
  diagnostics.push_back({Severity::kWarning, pos, message, FileLine(pos.line), code});
}

bool PageScope::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

std::string PageScope::Attach(const std::string& name, std::string bytes) {
  std::string dir = page_.output_path.substr(0, page_.output_path.rfind('/') + 1);
  attachments.push_back({dir + name, std::move(bytes)});
  return page_.url_path + name;
}

void PageScope::DependOn(std::string name, uint64_t hash) {
  for (const Dependency& d : dependencies)
    if (d.name == name) return;
  dependencies.push_back({std::move(name), hash});
}

std::optional<std::string> PageScope::RenderTemplate(const std::string& template_name, const Value& view,
                                                     const SourcePos& where) {
  auto html = renderer_ ? renderer_(template_name, view) : std::nullopt;
  if (!html)
    Error(where, "the theme has no template " + template_name +
                     ".mustache, which this block needs; add it to "
                     "the theme's templates/ folder (the gc theme has one to start from)");
  return html;
}

int PageScope::Next(const std::string& counter) {
  for (auto& [name, n] : counters_)
    if (name == counter) return ++n;
  counters_.emplace_back(counter, 1);
  return 1;
}

void DirectiveRegistry::Add(std::unique_ptr<Directive> directive) {
  directives_.push_back(std::move(directive));
}

const Directive* DirectiveRegistry::Find(std::string_view name) const {
  for (const auto& d : directives_)
    if (d->name() == name) return d.get();
  return nullptr;
}

std::vector<std::string> DirectiveRegistry::Names() const {
  std::vector<std::string> names;
  for (const auto& d : directives_) names.push_back(d->name());
  return names;
}

bool DirectiveRegistry::LoadAll(const SiteConfig& config, const std::string& source_dir, Diagnostics& diags) {
  bool ok = true;
  for (const auto& d : directives_) ok = d->Load(config, source_dir, diags) && ok;
  return ok;
}

std::optional<uint64_t> DirectiveRegistry::DependencyHash(std::string_view name) const {
  for (const auto& d : directives_)
    if (auto hash = d->DependencyHash(name)) return hash;
  return std::nullopt;
}

DirectiveRegistry BuiltinDirectives() {
  DirectiveRegistry registry;
  registry.Add(MakeFundingDirective());
  return registry;
}

}  // namespace tandem
