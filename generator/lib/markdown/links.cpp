#include "markdown/links.hpp"

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

}  // namespace tandem
