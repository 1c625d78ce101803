#include "markdown/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <mutex>
#include <vector>

#include "markdown/cmark_threads.hpp"
#include "markdown/headings.hpp"
#include "markdown/links.hpp"
#include "markdown/nodes.hpp"
#include "markdown/shortcodes/placeholders.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

void RegisterExtensionsOnce() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

struct Document {
  cmark_parser* parser = nullptr;
  cmark_node* root = nullptr;
  ~Document() {
    if (root) cmark_node_free(root);
    if (parser) cmark_parser_free(parser);
  }
};

int Options(const MarkdownOptions& o) {
  int options = CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES;
  if (o.allow_raw_html) options |= CMARK_OPT_UNSAFE;
  return options;
}

void ReplaceFencedBlocks(cmark_node* root, const BlockHook& hook) {
  for (cmark_node* node : CollectNodes(root, CMARK_NODE_CODE_BLOCK)) {
    // cmark-gfm writes through all three out-parameters, so none may be null.
    int fence_length = 0, fence_offset = 0;
    char fence_char = 0;
    if (!cmark_node_get_fenced(node, &fence_length, &fence_offset, &fence_char)) continue;
    const char* info = cmark_node_get_fence_info(node);
    auto html = hook(info ? info : "", cmark_node_get_literal(node), cmark_node_get_start_line(node));
    if (!html) continue;
    cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
    cmark_node_set_on_enter(block, html->c_str());
    cmark_node_set_on_exit(block, "");
    if (cmark_node_replace(node, block))
      cmark_node_free(node);
    else
      cmark_node_free(block);  // cannot happen where a code block could be; keep the code
  }
}

// A shortcode alone on its lines came as an HTML comment holding its placeholder
// (shortcodes/placeholders.hpp): written out raw, as the placeholder alone, whether or not
// the site allows raw HTML, since what replaces it is HTML tandem makes.
void ReplacePlaceholderBlocks(cmark_node* root) {
  static const std::string kOpening = "<!--" + std::string(kPlaceholderStart);
  for (cmark_node* node : CollectNodes(root, CMARK_NODE_HTML_BLOCK)) {
    std::string_view literal = cmark_node_get_literal(node);
    if (!StartsWith(literal, kOpening)) continue;
    size_t end = literal.rfind("-->");
    std::string placeholder(literal.substr(4, end == std::string_view::npos ? literal.npos : end - 4));
    cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
    cmark_node_set_on_enter(block, placeholder.c_str());
    cmark_node_set_on_exit(block, "");
    if (cmark_node_replace(node, block))
      cmark_node_free(node);
    else
      cmark_node_free(block);
  }
}

// Each {{...}} a hook knows becomes its text inside the same text node, so it stays text
// wherever it stands (a table cell, a link, an image's alt text) and cmark escapes it.
// A directive is one only where the page's text has it as written: braces that come from
// escapes (\{\{) or entities (&#123;) are not in the text as "{{", so they stay literal.
// Each is found in the text of its own block, after the one before it, which gives its
// line and column.
void ReplaceDirectives(cmark_node* root, std::string_view markdown, const InlineHook& hook,
                       const UnclosedHook& unclosed) {
  LineIndex lines(markdown);
  cmark_node* current_block = nullptr;
  size_t cursor = 0, block_end = 0;
  for (cmark_node* node : CollectNodes(root, CMARK_NODE_TEXT)) {
    std::string text = cmark_node_get_literal(node);
    if (text.find("{{") == std::string::npos) continue;
    if (cmark_node* block = BlockAncestor(node); block != current_block) {
      current_block = block;
      cursor = block ? lines.Start(cmark_node_get_start_line(block)) : 0;
      block_end = block ? lines.Start(cmark_node_get_end_line(block) + 1) : markdown.size();
    }
    std::string out;
    size_t done = 0;
    for (size_t open = text.find("{{"); open != std::string::npos; open = text.find("{{", open + 2)) {
      size_t close = text.find("}}", open + 2);
      if (close == std::string::npos) {
        std::string_view opened = std::string_view(text).substr(open);
        size_t at = markdown.substr(0, block_end).find(opened.substr(0, opened.find('\n')), cursor);
        if (unclosed && at != std::string_view::npos) {
          TextPos pos = lines.PosOf(at);
          unclosed(opened.substr(2), pos.line, pos.column);
        }
        break;
      }
      std::string_view written = std::string_view(text).substr(open, close + 2 - open);
      size_t at = markdown.substr(0, block_end).find(written, cursor);
      if (at == std::string_view::npos) continue;  // escaped braces: literal text
      cursor = at + written.size();
      TextPos pos = lines.PosOf(at);
      auto replacement = hook(written.substr(2, written.size() - 4), pos.line, pos.column);
      if (!replacement) continue;
      out.append(text, done, open - done).append(*replacement);
      done = close + 2;
      open = close;
    }
    if (done == 0) continue;
    out.append(text, done);
    cmark_node_set_literal(node, out.c_str());
  }
}

}  // namespace

bool IsDangerousUrl(std::string_view url) {
  std::string lower;
  for (char c : url.substr(0, 16)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto starts = [&](std::string_view p) { return lower.compare(0, p.size(), p) == 0; };
  if (starts("data:image/png") || starts("data:image/gif") || starts("data:image/jpeg") ||
      starts("data:image/webp"))
    return false;
  return starts("javascript:") || starts("vbscript:") || starts("file:") || starts("data:");
}

namespace {

// cmark-gfm's unsafe mode lets raw HTML through, and with it links and images to javascript:,
// vbscript:, file: and data: (but images' data:image/...). A site allowing raw HTML still gets
// Markdown links made safe, as cmark's safe mode makes them: the address is dropped. In a build,
// the link hook has seen each address first, and reported what the URL policy refuses
// (support/url/url_policy.hpp); this is what Markdown rendered without one still gets.
void DropDangerousUrls(cmark_node* root) {
  for (cmark_node_type type : {CMARK_NODE_LINK, CMARK_NODE_IMAGE})
    for (cmark_node* node : CollectNodes(root, type))
      if (const char* url = cmark_node_get_url(node); url && IsDangerousUrl(url))
        cmark_node_set_url(node, "");
}

bool IsComment(std::string_view html) {
  size_t start = html.find_first_not_of(" \t\n");
  return start != std::string_view::npos && html.substr(start, 4) == "<!--";
}

// "<div>" of `<div class="x">…`: the tag as a reader of the warning recognizes it.
std::string FirstTag(std::string_view html) {
  size_t open = html.find('<');
  if (open == std::string_view::npos) return "";
  size_t end = html.find_first_of(" \t\n>/", open + 2);
  if (end == std::string_view::npos) end = html.size();
  return std::string(html.substr(open, end - open)) + ">";
}

// `html_text` (text of HTML, between its tags) as a browser shows it: its character references
// (&eacute;, &#8220;, &nbsp;) decoded by cmark-gfm's own decoder, which reads it as the text of
// a paragraph, every other ASCII punctuation mark escaped so that none is taken for Markdown.
std::string DecodeCharacterReferences(std::string_view html_text) {
  if (html_text.find('&') == std::string_view::npos) return std::string(html_text);
  std::string escaped;
  for (char c : html_text) {
    if (std::ispunct(static_cast<unsigned char>(c)) && c != '&' && c != '#' && c != ';') escaped += '\\';
    escaped += c;
  }
  cmark_node* doc = cmark_parse_document(escaped.data(), escaped.size(), CMARK_OPT_DEFAULT);
  std::string text;
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_TEXT)
      text += cmark_node_get_literal(node);
  }
  cmark_iter_free(it);
  cmark_node_free(doc);
  return text;
}

// The text of an HTML block without its tags, as a browser shows it; none for code that is not
// text.
std::string TextOfHtmlBlock(std::string_view html) {
  std::string tag = FirstTag(html);
  for (const char* code : {"<script>", "<style>", "<?", "<![CDATA[>"})
    if (tag == code) return "";
  std::string text;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    if (!in_tag) text += c == '\n' ? ' ' : c;
    if (c == '>') in_tag = false;
  }
  size_t start = text.find_first_not_of(' ');
  if (start == std::string::npos) return "";
  return DecodeCharacterReferences(text.substr(start, text.find_last_not_of(' ') + 1 - start));
}

// Raw HTML the site does not allow, reported, then left out: a block becomes a paragraph of its
// text, so that a <p> or <div> written around a sentence does not take the sentence with it;
// an inline tag goes, and the text around it stays, as text.
void DropRawHtml(cmark_node* root, std::string_view markdown, const RawHtmlHook& hook) {
  for (cmark_node* node : CollectNodes(root, CMARK_NODE_HTML_BLOCK)) {
    std::string_view html = cmark_node_get_literal(node);
    if (!IsComment(html) && hook)
      hook(true, FirstTag(html), cmark_node_get_start_line(node), cmark_node_get_start_column(node));
    std::string text = IsComment(html) ? "" : TextOfHtmlBlock(html);
    if (text.empty()) {
      cmark_node_free(node);
      continue;
    }
    cmark_node* paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH);
    cmark_node* literal = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(literal, text.c_str());
    cmark_node_append_child(paragraph, literal);
    cmark_node_replace(node, paragraph);
    cmark_node_free(node);
  }
  LineIndex lines(markdown);
  size_t cursor = 0;
  cmark_node* current_block = nullptr;
  for (cmark_node* node : CollectNodes(root, CMARK_NODE_HTML_INLINE)) {
    std::string html = cmark_node_get_literal(node);
    // A closing tag is the end of one already reported.
    if (!IsComment(html) && html.compare(0, 2, "</") != 0 && hook) {
      cmark_node* block = BlockAncestor(node);
      if (block != current_block)
        current_block = block, cursor = lines.Start(cmark_node_get_start_line(block));
      size_t at = markdown.find(html, cursor);
      TextPos pos =
          at == std::string_view::npos ? TextPos{cmark_node_get_start_line(block), 1} : lines.PosOf(at);
      if (at != std::string_view::npos) cursor = at + html.size();
      hook(false, FirstTag(html), pos.line, pos.column);
    }
    cmark_node_free(node);
  }
}

// cmark-gfm labels every footnote back link in English; only the footnotes
// section, which cmark-gfm writes last, is touched.
void LocalizeFootnoteLinks(std::string& html, const std::string& label) {
  static const std::string kSection = "<section class=\"footnotes\" data-footnotes>";
  static const std::string kEnglish = "data-footnote-backref aria-label=\"Back to content\"";
  size_t section = html.rfind(kSection);
  if (label.empty() || section == std::string::npos) return;
  std::string localized = "data-footnote-backref aria-label=\"" + EscapeHtml(label) + "\"";
  for (size_t at = html.find(kEnglish, section); at != std::string::npos;
       at = html.find(kEnglish, at + localized.size()))
    html.replace(at, kEnglish.size(), localized);
}

// Whether a line opens or closes a fenced code block: its fence ("```", "~~~~"...) or "".
std::string_view FenceOf(std::string_view line) {
  size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos || indent > 3) return {};
  line.remove_prefix(indent);
  char c = line.empty() ? 0 : line[0];
  if (c != '`' && c != '~') return {};
  size_t n = line.find_first_not_of(c);
  n = n == std::string_view::npos ? line.size() : n;
  return n >= 3 ? line.substr(0, n) : std::string_view{};
}

// The number of cells of a table delimiter row ("| --- | :-: |" has 2), or 0 if the line is
// not one. Only such a row makes a table, and its count is the table's width. Quote markers
// before it (a table in a block quote) are skipped.
size_t DelimiterRowCells(std::string_view line) {
  size_t start = line.find_first_not_of(" >");
  if (start == std::string_view::npos) return 0;
  line.remove_prefix(start);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  if (!line.empty() && line.front() == '|') line.remove_prefix(1);
  if (!line.empty() && line.back() == '|') line.remove_suffix(1);
  size_t cells = 0;
  for (size_t at = 0; at <= line.size();) {
    size_t bar = std::min(line.find('|', at), line.size());
    std::string_view cell = line.substr(at, bar - at);
    size_t a = cell.find_first_not_of(" \t"), b = cell.find_last_not_of(" \t");
    if (a == std::string_view::npos) return 0;
    cell = cell.substr(a, b - a + 1);
    if (cell.front() == ':') cell.remove_prefix(1);
    if (!cell.empty() && cell.back() == ':') cell.remove_suffix(1);
    if (cell.empty() || cell.find_first_not_of('-') != std::string_view::npos) return 0;
    ++cells;
    at = bar + 1;
  }
  return cells;
}

// Inline openings that cmark-gfm 0.29 matches against every earlier one in their paragraph, so
// that its time grows with the square of their number (measured: 20,000 "![[" take 4 s, 40,000
// take 25 s; 20,000 unclosed "<![CDATA[" take 4 s). Real paragraphs hold a handful.
struct Opening {
  std::string_view text;
  const char* fix;
};
constexpr Opening kQuadraticOpenings[] = {
    {"![[", "write \\[ for a literal ["},
    {"<![CDATA[", "close each with ]]>, or write \\< for a literal <"},
    {"<?", "close each with ?>, or write \\< for a literal <"},
    {"<!", "close each with >, or write \\< for a literal <"},
};
constexpr size_t kMaxOpeningsPerParagraph = 2000;

// Counts the openings of one paragraph; reports the first kind past the cap.
class OpeningCounter {
 public:
  void StartParagraph(int line) {
    first_line_ = line;
    for (size_t& n : counts_) n = 0;
  }
  // Counts `line`; true while every count is under the cap.
  bool Count(std::string_view line) {
    for (size_t k = 0; k < std::size(kQuadraticOpenings); ++k)
      for (size_t at = line.find(kQuadraticOpenings[k].text); at != std::string_view::npos;
           at = line.find(kQuadraticOpenings[k].text, at + 1)) {
        // "<!" counts only before a letter (a declaration): "<!--" is a comment, "<![" CDATA.
        if (k == 3 && (at + 2 >= line.size() || !std::isalpha(static_cast<unsigned char>(line[at + 2]))))
          continue;
        if (++counts_[k] > kMaxOpeningsPerParagraph) {
          over_ = k;
          return false;
        }
      }
    return true;
  }
  int first_line() const { return first_line_; }
  std::string Message() const {
    const Opening& o = kQuadraticOpenings[over_];
    return "this paragraph opens \"" + std::string(o.text) + "\" more than " +
           std::to_string(kMaxOpeningsPerParagraph) +
           " times, and cmark-gfm takes time that grows with the square of that (minutes, at a few tens of "
           "thousands); split the paragraph, or " +
           o.fix;
  }

 private:
  int first_line_ = 0;
  size_t counts_[std::size(kQuadraticOpenings)] = {};
  size_t over_ = 0;
};

}  // namespace

bool CheckMarkdownLimits(const std::string& path, std::string_view markdown, int first_line,
                         Diagnostics& diags) {
  if (markdown.size() > kMaxMarkdownBytes) {
    diags.Error({path, first_line, 1},
                "the page is " + std::to_string(markdown.size() / 1024) +
                    " KB of Markdown; tandem renders at most " + std::to_string(kMaxMarkdownBytes / 1024) +
                    " KB per page: split it",
                LineAt(markdown, 1));
    return false;
  }
  std::string_view fence;  // of the code block the scan is in, if any
  int line = first_line;
  OpeningCounter openings;
  openings.StartParagraph(first_line);
  for (size_t start = 0; start < markdown.size(); ++line) {
    size_t end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view l = markdown.substr(start, end - start);
    start = end + 1;
    std::string_view f = FenceOf(l);
    if (!fence.empty()) {
      if (!f.empty() && f[0] == fence[0] && f.size() >= fence.size() &&
          l.find_first_not_of(' ', l.find(f) + f.size()) == std::string_view::npos)
        fence = {};
      continue;
    }
    if (!f.empty() && (f[0] == '~' || l.find('`', l.find(f) + f.size()) == std::string_view::npos)) {
      fence = f;
      continue;
    }
    if (l.find_first_not_of(" \t") == std::string_view::npos) {
      openings.StartParagraph(line + 1);
      continue;
    }
    if (!openings.Count(l)) {
      diags.Error({path, openings.first_line(), 1}, openings.Message(),
                  std::string(LineAt(markdown, openings.first_line() - first_line + 1).substr(0, 120)));
      return false;
    }
    size_t cells = DelimiterRowCells(l);
    if (cells > kMaxTableColumns) {
      diags.Error({path, line, 1},
                  "a table with " + std::to_string(cells) + " columns; tandem accepts at most " +
                      std::to_string(kMaxTableColumns) + ". Split the table",
                  std::string(l.substr(0, 120)));
      return false;
    }
  }
  return true;
}

namespace {

void Parse(std::string_view markdown, int flags, Document& doc) {
  RegisterExtensionsOnce();
  CmarkParseGuard guard;
  doc.parser = cmark_parser_new(flags);
  for (const char* name : kCmarkExtensions)
    cmark_parser_attach_syntax_extension(doc.parser, cmark_find_syntax_extension(name));
  cmark_parser_feed(doc.parser, markdown.data(), markdown.size());
  doc.root = cmark_parser_finish(doc.parser);
}

// The text a reader sees of `node`'s inlines: no markup, no images, no raw HTML.
void AppendPlainText(cmark_node* node, std::string& out) {
  // An iterator, not recursion: emphasis nests as deep as a page has asterisks.
  cmark_iter* iter = cmark_iter_new(node);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* c = cmark_iter_get_node(iter);
    if (ev != CMARK_EVENT_ENTER || c == node) continue;
    switch (cmark_node_get_type(c)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        out += cmark_node_get_literal(c);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += ' ';
        break;
      case CMARK_NODE_IMAGE:  // its alt text is not the paragraph's
        cmark_iter_reset(iter, c, CMARK_EVENT_EXIT);
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
}

// Directives and shortcodes ({{funding:total}}, {{< figure >}}) say nothing without their page.
std::string WithoutBraces(const std::string& text) {
  std::string out;
  for (size_t at = 0; at < text.size();) {
    size_t open = text.find("{{", at);
    size_t close = open == std::string::npos ? open : text.find("}}", open + 2);
    if (close == std::string::npos) {
      out.append(text, at);
      break;
    }
    out.append(text, at, open - at);
    at = close + 2;
  }
  return out;
}

std::string CollapseSpaces(const std::string& text) {
  std::string out;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

namespace {

// The plain text of the paragraphs of `markdown` (before the divider), or of its first one.
// False when the first paragraph reaches `last_line` or may use a link reference defined later:
// then `markdown` was only the start of the page, and that paragraph may be cut.
bool ParagraphText(std::string_view markdown, bool all, int last_line, std::string& text) {
  Document doc;
  Parse(markdown, 0, doc);
  for (cmark_node* p : CollectNodes(doc.root, CMARK_NODE_PARAGRAPH)) {
    // Before the divider, list items' and quotations' paragraphs count; the first paragraph is
    // one of the page's own.
    if (!all && cmark_node_parent(p) != doc.root) continue;
    std::string own;
    AppendPlainText(p, own);
    // An unresolved [text][ref] stays as written, brackets and all.
    if (!all && last_line && (cmark_node_get_end_line(p) >= last_line || own.find('[') != std::string::npos))
      return false;
    text += own + ' ';
    if (!all) break;
  }
  return true;
}

}  // namespace

std::string SummaryText(std::string_view markdown) {
  std::string text;
  if (size_t more = markdown.find(kSummaryDivider); more != std::string_view::npos) {
    ParagraphText(markdown.substr(0, more), true, 0, text);
  } else {
    // The first paragraph is near the top: most pages need not be parsed whole for it. The
    // start parsed doubles until it holds the paragraph, so that the time stays linear in it.
    for (size_t window = 4096;; window *= 2) {
      size_t cut = markdown.size() <= window ? std::string_view::npos : markdown.rfind('\n', window);
      if (cut == 0) continue;
      std::string_view start = markdown.substr(0, cut);
      int lines = static_cast<int>(std::count(start.begin(), start.end(), '\n')) + 1;
      text.clear();
      if (ParagraphText(start, false, cut == std::string_view::npos ? 0 : lines, text) ||
          cut == std::string_view::npos)
        break;
    }
  }
  return CollapseSpaces(WithoutBraces(text));
}

std::string FirstHeadingText(std::string_view markdown) {
  Document doc;
  Parse(markdown, 0, doc);
  for (cmark_node* heading : CollectNodes(doc.root, CMARK_NODE_HEADING)) {
    std::string text;
    AppendPlainText(heading, text);
    text = CollapseSpaces(WithoutBraces(text));
    if (!text.empty()) return text;
  }
  return HtmlFirstHeadingText(markdown);
}

std::string RenderMarkdown(std::string_view markdown, const MarkdownOptions& options) {
  int flags = Options(options);
  Document doc;
  Parse(markdown, flags, doc);
  // Shortcodes' placeholders first: they are HTML comments to cmark, which DropRawHtml would drop.
  if (markdown.find(kPlaceholderStart) != std::string_view::npos) ReplacePlaceholderBlocks(doc.root);
  if (!options.allow_raw_html && markdown.find('<') != std::string_view::npos)
    DropRawHtml(doc.root, markdown, options.raw_html_hook);
  // A link has "](", or "]:" where its reference is defined; pages without either have none to rewrite.
  bool has_link =
      markdown.find("](") != std::string_view::npos || markdown.find("]:") != std::string_view::npos;
  // An autolink, <javascript:alert(1)>, has neither.
  bool has_any_link = has_link || (markdown.find('<') != std::string_view::npos &&
                                   markdown.find(':') != std::string_view::npos);
  if (options.link_hook && has_any_link) RewriteLinks(doc.root, markdown, options.link_hook);
  if (options.allow_raw_html) DropDangerousUrls(doc.root);
  if (options.place_hook && has_link) ReportPlaces(doc.root, markdown, options.place_hook);
  // Most pages have neither; walking their nodes for nothing costs a tenth of the Markdown stage.
  bool has_fence =
      markdown.find("```") != std::string_view::npos || markdown.find("~~~") != std::string_view::npos;
  if (options.block_hook && has_fence) ReplaceFencedBlocks(doc.root, options.block_hook);
  if (options.inline_hook && markdown.find("{{") != std::string_view::npos) {
    MergeAdjacentText(doc.root);
    ReplaceDirectives(doc.root, markdown, options.inline_hook, options.unclosed_hook);
  }
  cmark_llist* extensions = cmark_parser_get_syntax_extensions(doc.parser);
  if (options.heading_slug) AddHeadingIds(doc.root, markdown, options, flags, extensions);
  char* html = cmark_render_html(doc.root, flags, extensions);
  std::string out(html);
  free(html);
  if (markdown.find("[^") != std::string_view::npos) LocalizeFootnoteLinks(out, options.footnote_back_label);
  return out;
}

}  // namespace tandem
