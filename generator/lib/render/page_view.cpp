#include "render/page_view.hpp"

#include <algorithm>
#include <cstdlib>

#include "assemble/translations.hpp"
#include "content/data.hpp"
#include "content/lists.hpp"
#include "model/publish_links.hpp"
#include "render/identity_view.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

const HostConfig& HostOf(const Site& site, const Language& lang) {
  return site.config.hosts[lang.config.host];
}

Value StringsView(const Strings& strings) {
  Value t = Value::Map();
  t.fields.reserve(strings.size());
  for (const auto& [k, v] : strings) t.fields.emplace_back(k, Value(v));
  return t;
}

// The Atom feeds of the language's sections, for <link rel="alternate">.
Value FeedsView(const Site& site, const Language& lang) {
  Value feeds = Value::List();
  for (const FeedLink& feed : FeedLinks(site, lang.index))
    feeds.Push(Value::Map().Set("url", feed.url).Set("title", feed.section->meta.title));
  return feeds;
}

Value LanguageSiteView(const Site& site, const Language& lang) {
  return Value::Map()
      .Set("title", Typeset(lang.config.title, TypographyOf(lang)))  // shown on the splash and 404
      .Set("creator", lang.config.creator)
      .Set("home_url", lang.home ? lang.home->url_path : lang.config.base_path)
      .Set("root_url", HostOf(site, lang).root_path)
      .Set("css_url", HostOf(site, lang).root_path + "css/")
      .Set("noindex", Value::Bool(site.config.noindex))
      .Set("feeds", FeedsView(site, lang))
      .Set("search_url", SearchPageUrl(site, lang.index))
      .Set("identity", IdentityView(site, lang))
      .Set("params", site.ParamsOf(lang.index))
      .Set("data", site.data_in_view ? ForLanguage(site.data, lang.code(), site.config.LanguageCodes())
                                     : Value::Map());
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
      .Set("summary", page.summary)
      .Set("keywords", page.meta.keywords)
      .Set("subject", page.meta.subject)
      .Set("issued", page.issued)
      .Set("modified", page.modified)
      .Set("modified_long", page.modified_long)
      .Set("issued_long", page.issued_long)
      .Set("url", page.url_path)
      .Set("permalink", page.permalink)
      .Set("is_home", Value::Bool(page.is_home))
      .Set("is_section", Value::Bool(page.is_section))
      .Set("params", page.meta.params);
}

// The toggle of list page `number` goes to the same list page of the translation, or to its last.
Value Toggle(const Site& site, const Page& page, size_t other, int number) {
  const Page* target = ToggleTarget(site, page, other);
  const Language& lang = site.languages[other];
  int same = target == page.translations[other] ? std::min(number, ListPageCount(*target)) : 1;
  return Value::Map()
      .Set("url", ListPageUrl(LinkFrom(site, page, *target), same))
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
    if (with_description) item.Set("description", p->meta.description).Set("summary", p->summary);
    list.Push(std::move(item));
  }
  return list;
}

// The menu entry of the page, or else of its nearest section (the home page's entry only on the
// home page): aria-current "page" for the page itself, "true" for its section.
Value MenuView(const Site& site, const Page& page) {
  const Language& lang = site.languages[page.lang_index];
  const Page* current = nullptr;
  for (const Page* p = &page; p && !current; p = p->parent)
    for (const MenuItem& item : lang.menu)
      if (item.page == p && (p == &page || !p->is_home)) current = p;
  Value main = Value::List();
  for (const MenuItem& item : lang.menu) {
    bool here = item.page && item.page == current;
    main.Push(Value::Map()
                  .Set("title", item.title)
                  .Set("url", item.page ? LinkFrom(site, page, *item.page) : item.url)
                  .Set("current", here ? (current == &page ? "page" : "true") : ""));
  }
  return Value::Map().Set("has_main", Value::Bool(!main.items.empty())).Set("main", std::move(main));
}

// A number as the page's language writes it.
std::string Number(const Site& site, const Page& page, int n) {
  return site.languages[page.lang_index].locale->FormatInteger(n);
}

// "Page 2 of 5", in the page's language.
std::string PageOf(const Site& site, const Page& page, int number, int total) {
  return FillPlaceholders(site.languages[page.lang_index].String("pager_page_of"),
                          {{"number", Number(site, page, number)}, {"total", Number(site, page, total)}});
}

// The list pages the pager links: the first, the last, and two on each side of `number`; a gap
// stands for those between (a long list keeps a short pager).
std::vector<int> PagerNumbers(int number, int total) {
  std::vector<int> shown;
  for (int k = 1; k <= total; ++k)
    if (k == 1 || k == total || std::abs(k - number) <= 2) shown.push_back(k);
  return shown;
}

// pager: list page `number` of `total`, with links to others (GCWeb's pagination).
Value PagerView(const Site& site, const Page& page, int number, int total) {
  std::string first = LinkFrom(site, page, page);
  Value pages = Value::List();
  int last = 0;
  for (int k : PagerNumbers(number, total)) {
    if (k != last + 1) pages.Push(Value::Map().Set("gap", Value::Bool(true)));
    last = k;
    pages.Push(Value::Map()
                   .Set("gap", Value::Bool(false))
                   .Set("number", Number(site, page, k))
                   .Set("url", ListPageUrl(first, k))
                   .Set("label", PageOf(site, page, k, total))
                   .Set("current", Value::Bool(k == number)));
  }
  return Value::Map()
      .Set("number", Number(site, page, number))
      .Set("total", Number(site, page, total))
      .Set("first", Value::Bool(number == 1))
      .Set("label", PageOf(site, page, number, total))
      .Set("prev_url", number > 1 ? ListPageUrl(first, number - 1) : "")
      .Set("next_url", number < total ? ListPageUrl(first, number + 1) : "")
      .Set("pages", std::move(pages));
}

// What list page `number` of a paginated section changes in its view: its own address, <title>,
// alternates (translations with as many list pages) and pager.
void ShowListPage(const Site& site, const Page& page, int number, Value& view) {
  int total = ListPageCount(page);
  view.Set("pager", PagerView(site, page, number, total));
  if (number == 1) return;
  std::string permalink = ListPageUrl(page.permalink, number);
  std::string title = FillPlaceholders(site.languages[page.lang_index].String("pager_title"),
                                       {{"title", page.meta.title},
                                        {"number", Number(site, page, number)},
                                        {"total", Number(site, page, total)}});
  for (auto& [key, value] : view.fields)
    if (key == "page") value.Set("url", ListPageUrl(page.url_path, number)).Set("permalink", permalink);
  view.Set("page_meta", PageMetaView(site, page, title, permalink));
}

}  // namespace

std::string LinkFrom(const Site& site, const Page& from, const Page& to) {
  const Url& a = site.languages[from.lang_index].config.base;
  const Url& b = site.languages[to.lang_index].config.base;
  return a.Origin() == b.Origin() ? to.url_path : to.permalink;
}

std::string TemplateName(const Page& page) {
  if (!page.layout.empty()) return page.layout;
  if (!page.meta.layout.empty()) return page.meta.layout;
  return DefaultTemplateName(page);
}

std::string DefaultTemplateName(const Page& page) {
  if (!page.taxonomy.empty()) return page.is_term ? "term" : "taxonomy";
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

namespace {

// page.terms.<key> (the page's terms of one taxonomy: title, url) and page.taxonomies (each
// taxonomy the page has terms of: key, title, url, terms), in site.toml's order.
Value WithTerms(const Site& site, const Page& page, Value fields) {
  Value by_key = Value::Map();
  Value taxonomies = Value::List();
  for (const auto& [key, pages] : page.term_pages) {
    Value terms = Value::List();
    for (const Page* term : pages)
      terms.Push(Value::Map().Set("title", term->meta.title).Set("url", LinkFrom(site, page, *term)));
    const Page& list = *pages.front()->parent;
    taxonomies.Push(Value::Map()
                        .Set("key", key)
                        .Set("title", list.meta.title)
                        .Set("url", LinkFrom(site, page, list))
                        .Set("terms", terms));
    by_key.Set(key, std::move(terms));
  }
  bool any = !taxonomies.items.empty();
  fields.Set("terms", std::move(by_key))
      .Set("taxonomies", std::move(taxonomies))
      .Set("has_terms", Value::Bool(any));
  return fields;
}

// "3 pages", in the page's language and plural form.
std::string PagesCount(const Language& lang, size_t n) {
  std::string count = lang.locale->FormatInteger(static_cast<int64_t>(n));
  std::string pattern = lang.String("term_pages_" + lang.locale->PluralCategory(static_cast<int64_t>(n)));
  return FillPlaceholders(pattern.empty() ? lang.String("term_pages_other") : pattern, {{"count", count}});
}

// On a taxonomy's pages: the taxonomy (key, title, url) and, on its own page, its terms (title,
// url, count, pages), sorted by the language's collation.
Value TaxonomyView(const Site& site, const Page& page) {
  const Page& list = page.is_term ? *page.parent : page;
  const Language& lang = site.languages[page.lang_index];
  Value terms = Value::List();
  for (const Page* term : page.is_term ? std::vector<Page*>{} : list.children)
    terms.Push(Value::Map()
                   .Set("title", term->meta.title)
                   .Set("url", LinkFrom(site, page, *term))
                   .Set("count", lang.locale->FormatInteger(static_cast<int64_t>(term->children.size())))
                   .Set("pages", PagesCount(lang, term->children.size())));
  bool any = !terms.items.empty();
  return Value::Map()
      .Set("key", list.taxonomy)
      .Set("title", list.meta.title)
      .Set("url", LinkFrom(site, page, list))
      .Set("terms", std::move(terms))
      .Set("has_terms", Value::Bool(any));
}

Value ListPageView(const Site& site, const Page& page, int number) {
  Value view = Value::Map();
  view.Set("page", WithTerms(site, page, PageFields(page)));
  if (!page.taxonomy.empty()) view.Set("taxonomy", TaxonomyView(site, page));
  view.Set("page_meta", PageMetaView(site, page));

  Value alternates = Value::List();
  for (const Page* t : page.translations)
    if (t && ListPageCount(*t) >= number)
      alternates.Push(Value::Map()
                          .Set("hreflang", site.languages[t->lang_index].code())
                          .Set("permalink", ListPageUrl(t->permalink, number)));
  view.Set("alternates", std::move(alternates));

  Value toggles = Value::List();
  for (size_t i = 0; i < site.languages.size(); ++i)
    if (i != page.lang_index) toggles.Push(Toggle(site, page, i, number));
  if (!toggles.items.empty()) view.Set("toggle", toggles.items.front());
  view.Set("toggles", std::move(toggles));

  std::vector<Page*> trail;
  for (Page* p = page.parent; p; p = p->parent) trail.insert(trail.begin(), p);
  view.Set("breadcrumbs", LinkList(site, page, trail, false));
  // With the GC identity, the Canada.ca crumb is there on every page, home pages too.
  view.Set("has_breadcrumbs", Value::Bool(!trail.empty() || site.config.identity.gc));
  view.Set("children", LinkList(site, page, ListPageChildren(page, number), true));
  view.Set("has_children", Value::Bool(!page.children.empty()));
  view.Set("menu", MenuView(site, page));
  view.Set("template", TemplateName(page));
  if (ListPageCount(page) > 1) ShowListPage(site, page, number, view);
  return view;
}

}  // namespace

Value PageView(const Site& site, const Page& page) {
  return ListPageView(site, page, 1);
}

std::vector<Value> MoreListPageViews(const Site& site, const Page& page) {
  std::vector<Value> views;
  for (int number = 2; number <= ListPageCount(page); ++number)
    views.push_back(ListPageView(site, page, number));
  return views;
}

Value SiteView(const Site& site, size_t host_index) {
  const HostConfig& host = site.config.hosts[host_index];
  Value languages = Value::List();
  for (size_t i = 0; i < site.languages.size(); ++i) {
    const Language& language = site.languages[i];
    Value lang = OwnLanguageView(site, language);
    lang.Set("first", Value::Bool(i == 0)).Set("last", Value::Bool(i + 1 == site.languages.size()));
    // From another host, a language's home page is an absolute address.
    if (language.config.host != host_index && language.home)
      lang.Set("site", LanguageSiteView(site, language).Set("home_url", language.home->permalink));
    languages.Push(std::move(lang));
  }
  return Value::Map()
      .Set("languages", std::move(languages))
      .Set("site", Value::Map()
                       .Set("root_url", host.root_path)
                       .Set("css_url", host.root_path + "css/")
                       .Set("assets_url", host.root_path + "gcds/")
                       .Set("gc", Value::Bool(site.config.identity.gc)));
}

}  // namespace tandem
