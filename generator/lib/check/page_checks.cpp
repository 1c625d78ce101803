#include "check/page_checks.hpp"

#include <cctype>

#include "check/codes.hpp"
#include "render/page_view.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

// "Click here!" -> "click here": what is compared with the vague phrases.
std::string Plain(const std::string& text) {
  std::string s = AsciiLower(text);
  while (!s.empty() && std::string(" .,:;!?").find(s.back()) != std::string::npos) s.pop_back();
  if (EndsWith(s, "\xE2\x80\xA6")) s.resize(s.size() - 3);  // …
  return s;
}

bool IsVague(const Language& lang, const std::string& text) {
  const std::string& phrases = lang.String("check_vague_link_texts");
  std::string plain = Plain(text);
  if (plain.empty() || phrases.empty()) return false;
  size_t start = 0;
  while (start <= phrases.size()) {
    size_t bar = phrases.find('|', start);
    if (bar == std::string::npos) bar = phrases.size();
    if (Plain(phrases.substr(start, bar - start)) == plain) return true;
    start = bar + 1;
  }
  return false;
}

// `url` with its %XX escapes decoded: cmark-gfm escapes an address as it writes it in the HTML.
std::string PercentDecoded(std::string_view url) {
  std::string out;
  for (size_t i = 0; i < url.size(); ++i) {
    if (url[i] == '%' && i + 2 < url.size() && std::isxdigit(static_cast<unsigned char>(url[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(url[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(url.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += url[i];
    }
  }
  return out;
}

// Where the Markdown wrote the `nth` (from 0) of the `count` links (or images) of the HTML that go
// to `url`. Known when the Markdown wrote all `count`: the template wrote none of them, so the HTML
// has them in the Markdown's order. nullptr otherwise.
const SourcePos* PlaceOf(const std::vector<MarkdownPlace>& places, PlaceKind kind, const std::string& url,
                         size_t nth, size_t count) {
  std::vector<const MarkdownPlace*> same;
  std::string wanted = PercentDecoded(url);
  for (const MarkdownPlace& p : places)
    if (p.kind == kind && PercentDecoded(p.key) == wanted) same.push_back(&p);
  return same.size() == count && nth < count ? &same[nth]->pos : nullptr;
}

// The place of element `i` of `items` (each with the address `Url` gives) in the Markdown.
template <typename T, typename Url>
const SourcePos* PlaceOfItem(const std::vector<MarkdownPlace>& places, PlaceKind kind,
                             const std::vector<T>& items, size_t i, Url url) {
  size_t nth = 0, count = 0;
  for (size_t j = 0; j < items.size(); ++j)
    if (url(items[j]) == url(items[i])) {
      nth += j < i;
      ++count;
    }
  return PlaceOf(places, kind, url(items[i]), nth, count);
}

void CheckImages(const Page& page, const HtmlScan& scan, const std::vector<MarkdownPlace>& places,
                 SourceMap& sources, Diagnostics& diags) {
  for (size_t i = 0; i < scan.images.size(); ++i) {
    const HtmlImage& img = scan.images[i];
    if (img.decorative || img.alt.find_first_not_of(" \t\n") != std::string::npos) continue;
    std::string message = "image \"" + img.src +
                          "\" has no alt text; say what it shows between the brackets: ![what it shows](" +
                          img.src + ")";
    const SourcePos* at =
        PlaceOfItem(places, PlaceKind::kImage, scan.images, i, [](const HtmlImage& m) { return m.src; });
    diags.Add(at ? sources.At(page, *at, std::move(message), kImageAltMissing)
                 : sources.Locate(page, TemplateName(page), {"](" + img.src, img.src}, std::move(message),
                                  kImageAltMissing));
  }
}

void CheckAnchors(const Language& lang, const Page& page, const HtmlScan& scan,
                  const std::vector<MarkdownPlace>& places, SourceMap& sources, Diagnostics& diags) {
  for (size_t i = 0; i < scan.anchors.size(); ++i) {
    const HtmlAnchor& a = scan.anchors[i];
    bool empty = a.text.empty() && !a.named;
    if (!empty && !IsVague(lang, a.text)) continue;
    std::string message = empty ? "link to \"" + a.href +
                                      "\" has no text, so a screen reader reads out its address; write where "
                                      "it goes between the brackets"
                                : "link text \"" + a.text +
                                      "\" does not say where the link goes; name its destination instead "
                                      "(\"Read the 2023 annual report\")";
    const char* code = empty ? kLinkTextEmpty : kLinkTextVague;
    const SourcePos* at =
        PlaceOfItem(places, PlaceKind::kLink, scan.anchors, i, [](const HtmlAnchor& x) { return x.href; });
    std::vector<std::string> needles =
        empty ? std::vector<std::string>{"[](" + a.href, "](" + a.href, a.href}
              : std::vector<std::string>{"[" + a.text + "](", "[" + a.text + "]", a.text};
    diags.Add(at ? sources.At(page, *at, std::move(message), code)
                 : sources.Locate(page, TemplateName(page), needles, std::move(message), code));
  }
}

// Where the Markdown wrote the heading with id `id`: ids are unique in a page, and the Markdown's
// never take the theme's. nullptr for a heading of the template's.
const SourcePos* HeadingPlace(const std::vector<MarkdownPlace>& places, const std::string& id) {
  if (id.empty()) return nullptr;
  for (const MarkdownPlace& p : places)
    if (p.kind == PlaceKind::kHeading && p.key == id) return &p.pos;
  return nullptr;
}

void CheckHeadings(const Page& page, const HtmlScan& scan, const std::vector<MarkdownPlace>& places,
                   SourceMap& sources, Diagnostics& diags) {
  int previous = 0;
  for (const HtmlHeading& h : scan.headings) {
    if (previous > 0 && h.level > previous + 1) {
      std::string hashes(static_cast<size_t>(h.level), '#');
      std::string message = "heading \"" + h.text + "\" is an h" + std::to_string(h.level) + " after an h" +
                            std::to_string(previous) + "; make it an h" + std::to_string(previous + 1) +
                            " (" + std::string(static_cast<size_t>(previous + 1), '#') +
                            "), so that no level is skipped";
      const SourcePos* at = HeadingPlace(places, h.id);
      diags.Add(at ? sources.At(page, *at, std::move(message), kHeadingSkip)
                   : sources.Locate(page, TemplateName(page), {hashes + " " + h.text, h.text},
                                    std::move(message), kHeadingSkip));
    }
    previous = h.level;
  }
}

// The language `a` and `b` are translated from.
std::string SourceLanguage(const Site& site, const Page& a, const Page& b) {
  for (const Page* p : {&a, &b})
    if (!p->meta.translation_source.empty()) return p->meta.translation_source;
  return site.config.checks.translation_source;
}

void CheckStale(const Page& source, const Page& translation, Diagnostics& diags) {
  const FileHistory& s = source.history;
  const FileHistory& t = translation.history;
  if (s.last_significant == FileHistory::kNone || t.last == FileHistory::kNone) return;
  if (s.last_significant >= t.last) return;  // numbered from the newest: the translation is as new
  diags.Warning({translation.source_path},
                "this translation is older than its source: " + source.source_path + " changed on " +
                    s.significant_date + ", after this file's last change on " + t.last_date +
                    "; update the translation, or mark a change that needs none with [minor] or "
                    "\"Translation-impact: none\" in its commit message",
                {}, kTranslationStale);
}

}  // namespace

void CheckPageHtml(const Language& lang, const Page& page, const HtmlScan& scan,
                   const std::vector<MarkdownPlace>& places, SourceMap& sources, Diagnostics& diags) {
  CheckImages(page, scan, places, sources, diags);
  CheckAnchors(lang, page, scan, places, sources, diags);
  CheckHeadings(page, scan, places, sources, diags);
}

void CheckStaleTranslations(const Site& site, Diagnostics& diags) {
  for (const Page* page : site.AllPages()) {
    if (page->implicit) continue;
    for (const Page* other : page->translations) {
      if (!other || other == page || other->implicit) continue;
      if (SourceLanguage(site, *page, *other) == site.languages[page->lang_index].code())
        CheckStale(*page, *other, diags);
    }
  }
}

}  // namespace tandem
