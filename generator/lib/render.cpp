#include "render.hpp"

#include "text.hpp"
#include "translations.hpp"

namespace tandem {

namespace {

using List = kainjow::mustache::list;

std::string OriginOf(const std::string& url) {
  std::string origin, path;
  SplitUrl(url, origin, path);
  return origin;
}

// kainjow treats an empty string as true in {{#section}}; an absent value must be false.
Data Text(const std::string& s) {
  return s.empty() ? Data(false) : Data(s);
}

Data StringsData(const Strings& strings) {
  Data t;
  for (const auto& [k, v] : strings) t.set(k, v);
  return t;
}

Data ParamData(const Param& p) {
  switch (p.kind) {
    case Param::Kind::kBool:
      return Data(p.flag);
    case Param::Kind::kList: {
      List list;
      for (const Param& item : p.items) list.push_back(ParamData(item));
      return Data(list);
    }
    case Param::Kind::kMap: {
      Data map;
      for (const auto& [k, v] : p.fields) map.set(k, ParamData(v));
      return map;
    }
    default:
      return Data(p.text);
  }
}

Data LanguageSiteData(const Site& site, const Language& lang) {
  Data d;
  d.set("title", lang.config->title);
  d.set("creator", lang.config->creator);
  d.set("home_url", lang.home ? lang.home->url_path : lang.config->base_path);
  d.set("root_url", site.config.root_path);
  d.set("css_url", site.config.root_path + "css/");
  return d;
}

Data LanguageData(const Site& site, const Theme& theme, const Language& lang) {
  Data d;
  d.set("lang", lang.config->code);
  d.set("locale", lang.config->locale);
  d.set("lang_iso3", lang.locale->iso3_language());
  d.set("t", StringsData(theme.StringsFor(lang.config->code)));
  d.set("site", LanguageSiteData(site, lang));
  return d;
}

Data PageFields(const Page& page) {
  Data p;
  p.set("title", page.meta.title);
  p.set("description", Text(page.meta.description));
  p.set("keywords", Text(page.meta.keywords));
  p.set("subject", Text(page.meta.subject));
  p.set("issued", Text(page.issued));
  p.set("modified", page.modified);
  p.set("url", page.url_path);
  p.set("permalink", page.permalink);
  p.set("content", page.content_html);
  p.set("is_home", page.is_home);
  p.set("is_section", page.is_section);
  Data params;
  for (const auto& [k, v] : page.meta.params) params.set(k, ParamData(v));
  p.set("params", params);
  return p;
}

Data Toggle(const Site& site, const Page& page, size_t other) {
  const Page* target = ToggleTarget(site, page, other);
  const Language& lang = site.languages[other];
  Data d;
  d.set("url", LinkFrom(site, page, *target));
  d.set("lang", lang.config->code);
  d.set("hreflang", lang.config->code);
  d.set("exact", page.translations[other] != nullptr);
  return d;
}

Data LinkList(const Site& site, const Page& from, const std::vector<const Page*>& pages,
              bool with_description) {
  List list;
  for (const Page* p : pages) {
    Data item;
    item.set("title", p->meta.title);
    item.set("url", LinkFrom(site, from, *p));
    if (with_description) item.set("description", Text(p->meta.description));
    list.push_back(item);
  }
  return Data(list);
}

}  // namespace

std::string LinkFrom(const Site& site, const Page& from, const Page& to) {
  const std::string& a = site.languages[from.lang_index].config->base_url;
  const std::string& b = site.languages[to.lang_index].config->base_url;
  return OriginOf(a) == OriginOf(b) ? to.url_path : to.permalink;
}

std::string TemplateName(const Page& page) {
  if (!page.meta.layout.empty()) return page.meta.layout;
  return page.is_home ? "home" : page.is_section ? "section" : "page";
}

Data LanguageLayer(const Site& site, const Theme& theme, size_t lang_index) {
  Data d = LanguageData(site, theme, site.languages[lang_index]);
  for (size_t i = 0; i < site.languages.size(); ++i) {
    if (i == lang_index) continue;
    const LanguageConfig& other = *site.languages[i].config;
    Data o;
    o.set("lang", other.code);
    o.set("hreflang", other.code);
    o.set("t", StringsData(theme.StringsFor(other.code)));
    d.set("other", o);
    break;
  }
  return d;
}

Data PageData(const Site& site, const Page& page) {
  Data d;
  d.set("page", PageFields(page));

  List alternates;
  for (const Page* t : page.translations) {
    if (!t) continue;
    Data a;
    a.set("hreflang", site.languages[t->lang_index].config->code);
    a.set("permalink", t->permalink);
    alternates.push_back(a);
  }
  d.set("alternates", Data(alternates));

  List toggles;
  for (size_t i = 0; i < site.languages.size(); ++i)
    if (i != page.lang_index) toggles.push_back(Toggle(site, page, i));
  if (!toggles.empty()) d.set("toggle", toggles.front());
  d.set("toggles", Data(toggles));

  std::vector<const Page*> trail;
  for (const Page* p = page.parent; p; p = p->parent) trail.insert(trail.begin(), p);
  d.set("breadcrumbs", LinkList(site, page, trail, false));
  d.set("has_breadcrumbs", !trail.empty());

  std::vector<const Page*> children(page.children.begin(), page.children.end());
  d.set("children", LinkList(site, page, children, true));
  d.set("has_children", !children.empty());
  return d;
}

Data SiteLevelData(const Site& site, const Theme& theme) {
  Data d;
  List languages;
  for (size_t i = 0; i < site.languages.size(); ++i) {
    Data lang = LanguageData(site, theme, site.languages[i]);
    lang.set("first", i == 0);
    lang.set("last", i + 1 == site.languages.size());
    languages.push_back(lang);
  }
  d.set("languages", Data(languages));
  Data s;
  s.set("root_url", site.config.root_path);
  s.set("css_url", site.config.root_path + "css/");
  d.set("site", s);
  return d;
}

namespace {

void AppendField(std::string& key, std::string_view value) {
  key += value;
  key += '\x1f';
}

void AppendParam(std::string& key, const Param& p) {
  switch (p.kind) {
    case Param::Kind::kBool:
      AppendField(key, p.flag ? "true" : "false");
      break;
    case Param::Kind::kList:
      AppendField(key, "[");
      for (const Param& item : p.items) AppendParam(key, item);
      AppendField(key, "]");
      break;
    case Param::Kind::kMap:
      AppendField(key, "{");
      for (const auto& [k, v] : p.fields) {
        AppendField(key, k);
        AppendParam(key, v);
      }
      AppendField(key, "}");
      break;
    default:
      AppendField(key, p.text);
  }
}

}  // namespace

std::string PageContextKey(const Site& site, const Page& page) {
  std::string key;
  for (std::string_view v :
       {std::string_view(TemplateName(page)), std::string_view(page.meta.title),
        std::string_view(page.meta.description), std::string_view(page.meta.keywords),
        std::string_view(page.meta.subject), std::string_view(page.issued), std::string_view(page.modified),
        std::string_view(page.url_path), std::string_view(page.permalink),
        std::string_view(page.is_home ? "h" : "-"), std::string_view(page.is_section ? "s" : "-")})
    AppendField(key, v);
  for (const auto& [k, v] : page.meta.params) {
    AppendField(key, k);
    AppendParam(key, v);
  }
  for (const Page* t : page.translations) AppendField(key, t ? t->permalink : "");
  for (size_t i = 0; i < site.languages.size(); ++i) {
    if (i == page.lang_index) continue;
    AppendField(key, LinkFrom(site, page, *ToggleTarget(site, page, i)));
    AppendField(key, page.translations[i] ? "exact" : "near");
  }
  for (const Page* p = page.parent; p; p = p->parent) {
    AppendField(key, p->meta.title);
    AppendField(key, LinkFrom(site, page, *p));
  }
  AppendField(key, "children");
  for (const Page* c : page.children) {
    AppendField(key, c->meta.title);
    AppendField(key, LinkFrom(site, page, *c));
    AppendField(key, c->meta.description);
  }
  return key;
}

std::string SitemapXml(const Site& site) {
  std::vector<Page*> pages = site.AllPages();
  std::string xml;
  // Reserved up front: growing a 10 MB string by doubling costs more in page faults than writing it.
  xml.reserve(200 + pages.size() * (120 + 160 * site.languages.size()));
  xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
      .append(
          "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
          "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
  for (const Page* page : pages) {
    xml.append("  <url>\n    <loc>").append(EscapeXml(page->permalink)).append("</loc>\n");
    if (!page->modified.empty()) xml.append("    <lastmod>").append(page->modified).append("</lastmod>\n");
    for (const Page* t : page->translations) {
      if (!t) continue;
      xml.append("    <xhtml:link rel=\"alternate\" hreflang=\"")
          .append(site.languages[t->lang_index].config->code)
          .append("\" href=\"")
          .append(EscapeXml(t->permalink))
          .append("\"/>\n");
    }
    xml.append("  </url>\n");
  }
  return xml.append("</urlset>\n");
}

std::string RobotsTxt(const Site& site) {
  return "User-agent: *\nAllow: /\n\nSitemap: " + site.config.base_url + "sitemap.xml\n";
}

}  // namespace tandem
