#include "render/page_view.hpp"

#include "assemble/translations.hpp"

namespace tandem {

namespace {

std::string OriginOf(const std::string& url) {
  std::string origin, path;
  SplitUrl(url, origin, path);
  return origin;
}

Value StringsView(const Strings& strings) {
  Value t = Value::Map();
  t.fields.reserve(strings.size());
  for (const auto& [k, v] : strings) t.fields.emplace_back(k, Value(v));
  return t;
}

Value LanguageSiteView(const Site& site, const Language& lang) {
  return Value::Map()
      .Set("title", lang.config.title)
      .Set("creator", lang.config.creator)
      .Set("home_url", lang.home ? lang.home->url_path : lang.config.base_path)
      .Set("root_url", site.config.root_path)
      .Set("css_url", site.config.root_path + "css/");
}

Value OwnLanguageView(const Site& site, const Language& lang) {
  return Value::Map()
      .Set("lang", lang.code())
      .Set("locale", lang.config.locale)
      .Set("lang_iso3", lang.locale->iso3_language())
      .Set("t", StringsView(lang.strings))
      .Set("site", LanguageSiteView(site, lang));
}

Value PageFields(const Page& page) {
  return Value::Map()
      .Set("title", page.meta.title)
      .Set("description", page.meta.description)
      .Set("keywords", page.meta.keywords)
      .Set("subject", page.meta.subject)
      .Set("issued", page.issued)
      .Set("modified", page.modified)
      .Set("url", page.url_path)
      .Set("permalink", page.permalink)
      .Set("is_home", Value::Bool(page.is_home))
      .Set("is_section", Value::Bool(page.is_section))
      .Set("params", page.meta.params);
}

Value Toggle(const Site& site, const Page& page, size_t other) {
  const Page* target = ToggleTarget(site, page, other);
  const Language& lang = site.languages[other];
  return Value::Map()
      .Set("url", LinkFrom(site, page, *target))
      .Set("lang", lang.code())
      .Set("hreflang", lang.code())
      .Set("name", lang.String("language_name"))
      .Set("exact", Value::Bool(page.translations[other] != nullptr));
}

Value LinkList(const Site& site, const Page& from, const std::vector<Page*>& pages, bool with_description) {
  Value list = Value::List();
  list.items.reserve(pages.size());
  for (const Page* p : pages) {
    Value item = Value::Map().Set("title", p->meta.title).Set("url", LinkFrom(site, from, *p));
    if (with_description) item.Set("description", p->meta.description);
    list.Push(std::move(item));
  }
  return list;
}

}  // namespace

std::string LinkFrom(const Site& site, const Page& from, const Page& to) {
  const std::string& a = site.languages[from.lang_index].config.base_url;
  const std::string& b = site.languages[to.lang_index].config.base_url;
  return OriginOf(a) == OriginOf(b) ? to.url_path : to.permalink;
}

std::string TemplateName(const Page& page) {
  if (!page.meta.layout.empty()) return page.meta.layout;
  return page.is_home ? "home" : page.is_section ? "section" : "page";
}

Value LanguageView(const Site& site, size_t lang_index) {
  Value view = OwnLanguageView(site, site.languages[lang_index]);
  for (const Language& other : site.languages) {
    if (other.index == lang_index) continue;
    view.Set("other", Value::Map()
                          .Set("lang", other.code())
                          .Set("hreflang", other.code())
                          .Set("t", StringsView(other.strings)));
    break;
  }
  return view;
}

Value PageView(const Site& site, const Page& page) {
  Value view = Value::Map();
  view.Set("page", PageFields(page));

  Value alternates = Value::List();
  for (const Page* t : page.translations)
    if (t)
      alternates.Push(
          Value::Map().Set("hreflang", site.languages[t->lang_index].code()).Set("permalink", t->permalink));
  view.Set("alternates", std::move(alternates));

  Value toggles = Value::List();
  for (size_t i = 0; i < site.languages.size(); ++i)
    if (i != page.lang_index) toggles.Push(Toggle(site, page, i));
  if (!toggles.items.empty()) view.Set("toggle", toggles.items.front());
  view.Set("toggles", std::move(toggles));

  std::vector<Page*> trail;
  for (Page* p = page.parent; p; p = p->parent) trail.insert(trail.begin(), p);
  view.Set("breadcrumbs", LinkList(site, page, trail, false));
  view.Set("has_breadcrumbs", Value::Bool(!trail.empty()));
  view.Set("children", LinkList(site, page, page.children, true));
  view.Set("has_children", Value::Bool(!page.children.empty()));
  view.Set("template", TemplateName(page));
  return view;
}

Value SiteView(const Site& site) {
  Value languages = Value::List();
  for (size_t i = 0; i < site.languages.size(); ++i) {
    Value lang = OwnLanguageView(site, site.languages[i]);
    lang.Set("first", Value::Bool(i == 0)).Set("last", Value::Bool(i + 1 == site.languages.size()));
    languages.Push(std::move(lang));
  }
  return Value::Map()
      .Set("languages", std::move(languages))
      .Set(
          "site",
          Value::Map().Set("root_url", site.config.root_path).Set("css_url", site.config.root_path + "css/"));
}

}  // namespace tandem
