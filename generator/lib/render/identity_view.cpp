#include "render/identity_view.hpp"

#include <algorithm>

#include "model/publish_links.hpp"
#include "support/files.hpp"
#include "support/text.hpp"
#include "support/url/url.hpp"

namespace tandem {

namespace {

// site.toml's value when it gives one, else the theme's UI string.
std::string Either(const std::string& configured, const Language& lang, const std::string& key) {
  return configured.empty() ? lang.String(key) : configured;
}

Value Links(const std::vector<LinkConfig>& links) {
  Value list = Value::List();
  for (const LinkConfig& l : links) list.Push(Value::Map().Set("title", l.title).Set("url", l.url));
  return list;
}

// The search box. On a Government of Canada site it is GC Search's, never the site's own index
// (which keeps its search page): site.toml's search_action, an institution's GC Search, labelled
// "Search <institution>" with the language's creator, else Canada.ca's, "Search Canada.ca".
// Elsewhere: site.toml's action, else the site's own search page, else none.
Value SearchView(const Site& site, const Language& lang) {
  const LanguageIdentity& id = lang.config.identity;
  std::string param = id.search_param.empty() ? lang.String("search_param") : id.search_param;
  if (site.config.identity.gc) {
    bool canada = id.search_action.empty();
    return Value::Map()
        .Set("action", canada ? lang.String("search_action") : id.search_action)
        .Set("param", param)
        .Set("label", canada ? lang.String("search_label")
                             : FillPlaceholders(lang.String("search_institution_label"),
                                                {{"institution", lang.config.creator}}));
  }
  std::string own = SearchPageUrl(site, lang.index);
  if (id.search_action.empty() && own.empty()) return Value::Bool(false);
  return Value::Map()
      .Set("action", id.search_action.empty() ? own : id.search_action)
      .Set("param", id.search_action.empty() && id.search_param.empty() ? "q" : param)
      .Set("label", lang.String("site_search_label"));
}

Value FooterView(const Language& lang) {
  const LanguageIdentity& id = lang.config.identity;
  bool has = !id.footer_title.empty() || !id.footer_links.empty();
  return Value::Map()
      .Set("has", Value::Bool(has))
      .Set("title", id.footer_title.empty() ? lang.config.title : id.footer_title)
      .Set("links", Links(id.footer_links));
}

Value AnalyticsView(const IdentityConfig& id) {
  if (id.analytics_service.empty() && id.analytics_access_rights.empty() && id.analytics_sitename.empty())
    return Value::Bool(false);
  return Value::Map()
      .Set("service", id.analytics_service)
      .Set("access_rights", id.analytics_access_rights)
      .Set("sitename", id.analytics_sitename);
}

Value FeedbackView(const IdentityConfig& id) {
  if (id.feedback_theme.empty()) return Value::Bool(false);
  return Value::Map().Set("theme", id.feedback_theme).Set("section", id.feedback_section);
}

// A front matter value the page sets as one of its params, or "".
std::string Param(const Page& page, const std::string& key) {
  const Value* v = page.meta.params.Get(key);
  return v && v->kind == Value::Kind::kText ? v->text : "";
}

// Open Graph writes locales with an underscore: "en_CA".
std::string OgLocale(std::string locale) {
  std::replace(locale.begin(), locale.end(), '-', '_');
  return locale;
}

}  // namespace

Value IdentityView(const Site& site, const Language& lang) {
  const IdentityConfig& id = site.config.identity;
  return Value::Map()
      .Set("gc", Value::Bool(id.gc))
      .Set("title_suffix", Either(lang.config.identity.title_suffix, lang, "title_suffix"))
      .Set("search", SearchView(site, lang))
      .Set("crumbs", Links(lang.config.identity.breadcrumbs))
      .Set("footer", FooterView(lang))
      .Set("feedback", FeedbackView(id))
      .Set("analytics", AnalyticsView(id))
      .Set("assets_url", site.config.root_path + "gcds/")
      .Set("signature_svg", lang.signature_svg)
      .Set("wordmark_svg", lang.wordmark_svg)
      .Set("splash_url", site.config.base_url)
      .Set("og_locale", OgLocale(lang.config.locale));
}

// "Page title - Canada.ca" on a Government of Canada site (or site.toml's suffix), "Page title -
// Site title" elsewhere; a page titled like the suffix is not repeated.
static std::string TitleTag(const Site& site, const Language& lang, const std::string& title) {
  std::string suffix = lang.config.identity.title_suffix;
  if (suffix.empty()) suffix = site.config.identity.gc ? lang.String("title_suffix") : lang.config.title;
  return title == suffix ? suffix : title + " - " + suffix;
}

Value PageMetaView(const Site& site, const Page& page) {
  return PageMetaView(site, page, page.meta.title, page.permalink);
}

Value PageMetaView(const Site& site, const Page& page, const std::string& title,
                   const std::string& permalink) {
  const Language& lang = site.languages[page.lang_index];
  std::string creator = Param(page, "creator");
  std::string type = Param(page, "content_type");
  if (type.empty() && !page.meta.layout.empty()) type = lang.String("content_type_" + page.meta.layout);
  return Value::Map()
      .Set("creator", creator.empty() ? lang.config.creator : creator)
      .Set("content_type", type)
      .Set("title", TitleTag(site, lang, title))
      .Set("permalink_encoded", PercentEncoded(permalink, UrlSafe::kUnreserved));
}

void WarnAboutMetadata(const Site& site, const Page& page, PageScope& scope) {
  const IdentityConfig& id = site.config.identity;
  // Canada.ca's rules; a folder without _index.md has no front matter to fix.
  if (!id.gc || page.implicit) return;
  SourcePos at{page.source_path, std::max(page.meta.title_pos.line, 1),
               std::max(page.meta.title_pos.column, 1)};
  auto warn = [&](const std::string& message, const char* code) {
    scope.diagnostics.push_back({Severity::kWarning, at, message, page.FrontMatterLine(at.line), code});
  };
  std::string title = PageMetaView(site, page).Get("title")->text;
  if (CharacterCount(title) > id.title_max)
    warn("the page's title \"" + title + "\" is " + std::to_string(CharacterCount(title)) +
             " characters long; Canada.ca asks for " + std::to_string(id.title_max) +
             " or fewer: shorten title (or set title_max_length in site.toml)",
         "title-long");
  if (CharacterCount(page.meta.description) > id.description_max)
    warn("the description is " + std::to_string(CharacterCount(page.meta.description)) +
             " characters long; Canada.ca asks for " + std::to_string(id.description_max) +
             " or fewer: shorten it (or set description_max_length in site.toml)",
         "description-long");
  for (auto [field, value] :
       {std::pair<const char*, const std::string*>{"description", &page.meta.description},
        {"subject", &page.meta.subject},
        {"keywords", &page.meta.keywords}})
    if (value->empty())
      warn(std::string("the page has no ") + field + ", which its Canada.ca metadata needs; add " + field +
               " = \"...\" to its front matter",
           "metadata-missing");
}

bool LoadIdentityArtwork(const std::string& theme_dir, const std::string& shown_theme_dir, Language& lang,
                         Diagnostics& diags) {
  bool ok = true;
  for (auto [key, out] : {std::pair<const char*, std::string*>{"signature_src", &lang.signature_svg},
                          {"wordmark_src", &lang.wordmark_svg}}) {
    const std::string& name = lang.String(key);
    if (name.empty()) continue;
    std::string shown = shown_theme_dir + "/static/gcds/identity/" + name;
    // A file name alone: the UI string may come from the site's i18n/, and the file is put in
    // every page as it is.
    if (name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_.") != std::string::npos ||
        name[0] == '.' || !EndsWith(name, ".svg")) {
      diags.Error({"i18n/" + lang.code() + ".toml"},
                  "the UI string " + std::string(key) + " \"" + name +
                      "\" must name an official file of the theme's static/gcds/identity/, like \"sig-blk-" +
                      lang.code() + ".svg\"");
      ok = false;
      continue;
    }
    std::string root = theme_dir + "/static/gcds/identity";
    try {
      *out = ReadFileInside(root + "/" + name, root);
    } catch (const std::exception&) {
      diags.Error({shown}, std::string("cannot read the official file the UI string ") + key +
                               " names: the gc theme inlines it in every page (node themes/gc/official/"
                               "extract.mjs extracts it again)");
      ok = false;
    }
  }
  return ok;
}

Typography TypographyOf(const Language& lang) {
  return TypographyFor(lang.config.identity, lang.config.locale);
}

}  // namespace tandem
