#include "markdown/headings.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "markdown/nodes.hpp"

namespace tandem {

namespace {

struct Heading {
  cmark_node* node = nullptr;
  bool has_custom_id = false;
  std::string custom_id;  // as written in {#...}
  TextPos custom_pos;     // of its "{#", in the Markdown
  std::string id;
};

// The `{#id}` ending a heading's text, taken out of the text; nullopt when there is none.
std::optional<std::string> TakeCustomId(cmark_node* heading) {
  cmark_node* last = cmark_node_last_child(heading);
  if (!last || cmark_node_get_type(last) != CMARK_NODE_TEXT) return std::nullopt;
  std::string text = cmark_node_get_literal(last);
  size_t end = text.find_last_not_of(" \t");
  if (end == std::string::npos || text[end] != '}') return std::nullopt;
  size_t open = text.rfind("{#", end);
  if (open == std::string::npos) return std::nullopt;
  std::string id = text.substr(open + 2, end - open - 2);
  size_t keep = text.find_last_not_of(" \t", open == 0 ? std::string::npos : open - 1);
  text = open == 0 || keep == std::string::npos ? "" : text.substr(0, keep + 1);
  if (text.empty() && cmark_node_previous(last)) {
    cmark_node_unlink(last);
    cmark_node_free(last);
  } else {
    cmark_node_set_literal(last, text.c_str());
  }
  return id;
}

// The heading's text as a reader sees it: its text and code, without markup.
std::string PlainText(cmark_node* heading) {
  std::string text;
  cmark_iter* iter = cmark_iter_new(heading);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    cmark_node_type type = cmark_node_get_type(node);
    if (ev != CMARK_EVENT_ENTER) continue;
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) text += cmark_node_get_literal(node);
    if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) text += ' ';
  }
  cmark_iter_free(iter);
  return text;
}

// Where the heading's "{#" is: the last one in its lines.
TextPos CustomIdPos(cmark_node* heading, std::string_view markdown, const LineIndex& lines) {
  size_t begin = lines.Start(cmark_node_get_start_line(heading));
  size_t end = lines.Start(cmark_node_get_end_line(heading) + 1);
  size_t at = markdown.substr(0, end).rfind("{#");
  return lines.PosOf(at == std::string_view::npos || at < begin ? begin : at);
}

bool IsValidId(std::string_view id) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (id.empty() || !letter(id[0])) return false;
  for (char c : id)
    if (!letter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_') return false;
  return true;
}

// The ids cmark-gfm gives footnotes ("fn-1", "fnref-1", and "fnref-1-2" for a second
// reference), which headings must not take. They are made from the labels as defined
// ("[^1]: ..."), which cmark-gfm does not expose: those are read from the Markdown.
std::set<std::string> FootnoteIds(cmark_node* root, std::string_view markdown) {
  std::set<std::string> ids;
  size_t references = CollectNodes(root, CMARK_NODE_FOOTNOTE_REFERENCE).size();
  if (references == 0) return ids;
  for (size_t at = markdown.find("[^"); at != std::string_view::npos; at = markdown.find("[^", at + 2)) {
    size_t close = markdown.find(']', at);
    if (close == std::string_view::npos || close + 1 >= markdown.size() || markdown[close + 1] != ':')
      continue;
    std::string label(markdown.substr(at + 2, close - at - 2));
    ids.insert("fn-" + label);
    ids.insert("fnref-" + label);
    for (size_t n = 2; n <= references; ++n) ids.insert("fnref-" + label + "-" + std::to_string(n));
  }
  return ids;
}

class IdAllocator {
 public:
  static constexpr int kMaxSuffix = 10000;
  IdAllocator(const ReservedIdHook& reserved, std::set<std::string> footnotes)
      : reserved_(reserved), footnotes_(std::move(footnotes)) {}
  bool Reserved(const std::string& id) const { return footnotes_.count(id) || (reserved_ && reserved_(id)); }
  bool Taken(const std::string& id) const { return used_.count(id) > 0; }
  void Claim(const std::string& id) { used_.insert(id); }
  // `base`, or base-1, base-2...: the first that no heading has and the theme does not use
  // (a theme could reserve every suffix: the count is capped).
  std::string Unique(const std::string& base) {
    std::string id = base;
    for (int n = 1; (Taken(id) || Reserved(id)) && n < kMaxSuffix; ++n) id = base + "-" + std::to_string(n);
    Claim(id);
    return id;
  }

 private:
  const ReservedIdHook& reserved_;
  std::set<std::string> footnotes_;
  std::set<std::string> used_;
};

// Checks a `{#id}` and claims it; false, reported, when it cannot be used.
bool ClaimCustomId(const Heading& h, IdAllocator& ids, const ErrorHook& error) {
  std::string problem;
  if (!IsValidId(h.custom_id))
    problem = "the heading id \"" + h.custom_id +
              "\" may use only ASCII letters, digits, hyphens and underscores, and must start with a letter";
  else if (ids.Taken(h.custom_id))
    problem = "the heading id \"" + h.custom_id +
              "\" is already the id of a heading above; give each heading its own id";
  else if (ids.Reserved(h.custom_id))
    problem = "the heading id \"" + h.custom_id +
              "\" is one the page already has (the theme's, or a footnote's); pick another";
  if (problem.empty()) {
    ids.Claim(h.custom_id);
    return true;
  }
  if (error) error(h.custom_pos.line, h.custom_pos.column, problem);
  return false;
}

// The heading as cmark-gfm renders it, with its id, in a node rendered as it is.
void WriteWithId(cmark_node* heading, const std::string& id, int flags, cmark_llist* extensions) {
  char* rendered = cmark_render_html(heading, flags, extensions);
  std::string html(rendered);
  free(rendered);
  if (!StartsWith(html, "<h")) return;  // "<h2>..."
  html.insert(3, " id=\"" + EscapeHtml(id) + "\"");
  cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
  cmark_node_set_on_enter(block, html.c_str());
  cmark_node_set_on_exit(block, "");
  if (cmark_node_replace(heading, block))
    cmark_node_free(heading);
  else
    cmark_node_free(block);
}

}  // namespace

void AddHeadingIds(cmark_node* root, std::string_view markdown, const MarkdownOptions& options, int flags,
                   cmark_llist* extensions) {
  std::vector<cmark_node*> nodes = CollectNodes(root, CMARK_NODE_HEADING);
  if (nodes.empty()) return;
  if (markdown.find("{#") != std::string_view::npos) MergeAdjacentText(root);
  LineIndex lines(markdown);
  std::vector<Heading> headings;
  for (cmark_node* node : nodes) {
    Heading h;
    h.node = node;
    if (auto id = TakeCustomId(node)) {
      h.has_custom_id = true;
      h.custom_id = *id;
      h.custom_pos = CustomIdPos(node, markdown, lines);
    }
    headings.push_back(std::move(h));
  }
  IdAllocator ids(options.reserved_id, FootnoteIds(root, markdown));
  for (Heading& h : headings)  // written ids first: a made one never takes one written later
    if (h.has_custom_id && ClaimCustomId(h, ids, options.error_hook)) h.id = h.custom_id;
  for (Heading& h : headings) {
    if (h.id.empty()) {
      std::string slug = options.heading_slug(PlainText(h.node));
      h.id = ids.Unique(slug.empty() ? "heading" : slug);
    }
    if (options.place_hook) {
      size_t column = static_cast<size_t>(std::max(0, cmark_node_get_start_column(h.node) - 1));
      TextPos at = lines.PosOf(lines.Start(cmark_node_get_start_line(h.node)) + column);
      options.place_hook(PlaceKind::kHeading, h.id, at.line, at.column);
    }
    WriteWithId(h.node, h.id, flags, extensions);
  }
}

}  // namespace tandem
