#include "markdown/links.hpp"

#include <algorithm>

#include "markdown/nodes.hpp"

namespace tandem {

namespace {

// Where a destination is written: on the node's line (cmark-gfm knows a link's line and the
// byte where its "[" is), the first place at or after that "[" holding the destination as
// written. A reference link's destination is on another line: then the "[" itself.
TextPos DestinationPos(cmark_node* node, std::string_view url, const LineIndex& lines) {
  cmark_node* block = BlockAncestor(node);
  int line = block ? cmark_node_get_start_line(block) : 1;
  std::string_view text = lines.Line(line);
  size_t hint =
      std::min(text.size(), static_cast<size_t>(std::max(0, cmark_node_get_start_column(node) - 1)));
  size_t at = url.empty() ? std::string_view::npos : text.find(url, hint);
  if (at == std::string_view::npos) at = url.empty() ? std::string_view::npos : text.find(url);
  if (at == std::string_view::npos) at = hint;
  return lines.PosOf(lines.Start(line) + at);
}

}  // namespace

void RewriteLinks(cmark_node* root, std::string_view markdown, const LinkHook& hook) {
  LineIndex lines(markdown);
  for (cmark_node_type type : {CMARK_NODE_LINK, CMARK_NODE_IMAGE})
    for (cmark_node* node : CollectNodes(root, type)) {
      const char* url = cmark_node_get_url(node);
      if (!url || !*url) continue;
      TextPos pos = DestinationPos(node, url, lines);
      if (auto replacement = hook(url, pos.line, pos.column)) cmark_node_set_url(node, replacement->c_str());
    }
}

void ReportPlaces(cmark_node* root, std::string_view markdown, const PlaceHook& hook) {
  LineIndex lines(markdown);
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(it);
    cmark_node_type type = cmark_node_get_type(node);
    if (ev != CMARK_EVENT_ENTER || (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE)) continue;
    // A node an extension made may have no position: left out, its finding is placed by a search.
    if (cmark_node_get_start_line(node) < 1) continue;
    // cmark-gfm's column counts bytes from the line's start, and is an image's "!"; messages count
    // characters, and point at the brackets, where the text or alt text goes.
    bool image = type == CMARK_NODE_IMAGE;
    size_t column = static_cast<size_t>(std::max(0, cmark_node_get_start_column(node) - 1)) + image;
    TextPos pos = lines.PosOf(lines.Start(cmark_node_get_start_line(node)) + column);
    const char* url = cmark_node_get_url(node);
    hook(image ? PlaceKind::kImage : PlaceKind::kLink, url ? url : "", pos.line, pos.column);
  }
  cmark_iter_free(it);
}

}  // namespace tandem
