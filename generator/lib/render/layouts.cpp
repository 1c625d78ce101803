#include "render/layouts.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "render/page_view.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

void WarnMissingLayout(const Theme& theme, const std::string& name, const std::vector<const Page*>& pages,
                       const std::vector<std::string>& layouts, Diagnostics& diags) {
  const Page& first = *pages.front();
  std::string others = pages.size() == 1 ? ""
                                         : " and " + std::to_string(pages.size() - 1) + " other page" +
                                               (pages.size() == 2 ? "" : "s");
  diags.Warning(first.meta.layout_pos,
                "the theme has no layout \"" + name + "\" (" + theme.shown_dir() + "/templates/" + name +
                    ".mustache)" + DidYouMeanSuffix(name, layouts) + "; this page" + others +
                    (pages.size() == 1 ? " uses" : " use") +
                    " the default template instead. Add the template, or remove the layout",
                first.FrontMatterLine(first.meta.layout_pos.line), "layout-missing");
}

}  // namespace

void ResolveLayouts(Site& site, const Theme& theme, Diagnostics& diags) {
  std::vector<std::string> layouts = theme.LayoutNames();
  auto has = [&](const std::string& name) {
    return std::find(layouts.begin(), layouts.end(), name) != layouts.end();
  };
  std::map<std::string, std::vector<const Page*>> missing;  // layout -> pages asking for it
  std::set<std::string> defaults;
  for (Page* page : site.AllPages()) {
    std::string fallback = DefaultTemplateName(*page);
    if (!page->meta.layout.empty() && !has(page->meta.layout)) {
      missing[page->meta.layout].push_back(page);
      page->layout = fallback;
    }
    defaults.insert(fallback);
  }
  for (const std::string& name : defaults)
    if (!has(name))
      diags.Error({theme.shown_dir() + "/templates/" + name + ".mustache"},
                  "missing template: the theme needs it for its " + name + " pages" +
                      DidYouMeanSuffix(name, layouts));
  for (const auto& [name, pages] : missing) WarnMissingLayout(theme, name, pages, layouts, diags);
}

}  // namespace tandem
