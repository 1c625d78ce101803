#include "publish/feeds.hpp"

#include <algorithm>
#include <tuple>

#include "support/text.hpp"

namespace tandem {

namespace {

// The pages of a section and of its subsections, without the sections' own pages.
void CollectEntries(const Page& section, std::vector<const Page*>& out) {
  for (const Page* child : section.children) {
    if (child->is_section)
      CollectEntries(*child, out);
    else
      out.push_back(child);
  }
}

// Newest first by date modified, then by date issued; equal dates by address, so the order never
// depends on the file system.
std::vector<const Page*> Entries(const Page& section, int limit) {
  std::vector<const Page*> pages;
  CollectEntries(section, pages);
  std::sort(pages.begin(), pages.end(), [](const Page* a, const Page* b) {
    return std::tie(b->modified, b->issued, a->permalink) < std::tie(a->modified, a->issued, b->permalink);
  });
  if (pages.size() > static_cast<size_t>(limit)) pages.resize(limit);
  return pages;
}

void Element(std::string& xml, const char* indent, const char* name, const std::string& text) {
  xml.append(indent)
      .append("<")
      .append(name)
      .append(">")
      .append(EscapeXml(text))
      .append("</")
      .append(name)
      .append(">\n");
}

void Link(std::string& xml, const char* indent, const char* rel, const char* type, const std::string& href) {
  xml.append(indent)
      .append("<link rel=\"")
      .append(rel)
      .append("\" type=\"")
      .append(type)
      .append("\" href=\"")
      .append(EscapeXml(href))
      .append("\"/>\n");
}

void AppendEntry(std::string& xml, const Page& page) {
  xml.append("  <entry>\n");
  Element(xml, "    ", "id", page.permalink);
  Element(xml, "    ", "title", page.meta.title);
  Element(xml, "    ", "updated", Rfc3339(page.modified));
  if (!page.issued.empty()) Element(xml, "    ", "published", Rfc3339(page.issued));
  Link(xml, "    ", "alternate", "text/html", page.permalink);
  const std::string& summary = page.meta.description.empty() ? page.summary : page.meta.description;
  if (!summary.empty()) Element(xml, "    ", "summary", summary);
  xml.append("  </entry>\n");
}

void ReportMissingSections(const Site& site, Diagnostics& diags) {
  for (const FeedSection& wanted : site.config.feeds.sections) {
    bool found = false;
    for (const Language& lang : site.languages)
      for (const FeedLink& link : FeedLinks(site, lang.index))
        found = found || link.section->rel_dir == wanted.path;
    if (!found)
      diags.Error(wanted.pos,
                  "[feeds] names section \"" + wanted.path +
                      "\", which no language has; use a folder's path under content/<lang>/, like \"news\"",
                  wanted.line);
  }
}

}  // namespace

std::string Rfc3339(const std::string& date) {
  return date.empty() ? "" : date + "T00:00:00Z";
}

std::string AtomFeed(const Site& site, const FeedLink& feed, size_t lang_index) {
  const Language& lang = site.languages[lang_index];
  const Page& section = *feed.section;
  std::vector<const Page*> entries = Entries(section, site.config.feeds.entries);
  std::string updated =
      entries.empty() ? section.modified : std::max(section.modified, entries.front()->modified);
  std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  xml.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
      .append(EscapeXml(lang.code()))
      .append("\">\n");
  Element(xml, "  ", "id", feed.permalink);
  Element(xml, "  ", "title", section.meta.title + " - " + lang.config.title);
  if (!section.meta.description.empty()) Element(xml, "  ", "subtitle", section.meta.description);
  Element(xml, "  ", "updated", Rfc3339(updated));
  xml.append("  <author>\n");
  Element(xml, "    ", "name", lang.config.creator);
  xml.append("  </author>\n");
  Link(xml, "  ", "self", "application/atom+xml", feed.permalink);
  Link(xml, "  ", "alternate", "text/html", section.permalink);
  for (const Page* page : entries) AppendEntry(xml, *page);
  return xml.append("</feed>\n");
}

std::vector<Attachment> AtomFeeds(const Site& site, Diagnostics& diags) {
  ReportMissingSections(site, diags);
  std::vector<Attachment> files;
  for (const Language& lang : site.languages)
    for (const FeedLink& feed : FeedLinks(site, lang.index))
      files.push_back({feed.output_path, AtomFeed(site, feed, lang.index)});
  return files;
}

}  // namespace tandem
