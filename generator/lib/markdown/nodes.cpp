#include "markdown/nodes.hpp"

#include <algorithm>
#include <string>

namespace tandem {

std::vector<cmark_node*> CollectNodes(cmark_node* root, cmark_node_type type) {
  std::vector<cmark_node*> nodes;
  cmark_iter* iter = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;)
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(cmark_iter_get_node(iter)) == type)
      nodes.push_back(cmark_iter_get_node(iter));
  cmark_iter_free(iter);
  return nodes;
}

void MergeAdjacentText(cmark_node* root) {
  std::vector<cmark_node*> run_starts;  // gathered first: merging frees the nodes after them
  for (cmark_node* node : CollectNodes(root, CMARK_NODE_TEXT)) {
    cmark_node* prev = cmark_node_previous(node);
    if (!prev || cmark_node_get_type(prev) != CMARK_NODE_TEXT) run_starts.push_back(node);
  }
  for (cmark_node* node : run_starts) {
    cmark_node* next = cmark_node_next(node);
    if (!next || cmark_node_get_type(next) != CMARK_NODE_TEXT) continue;
    std::string joined = cmark_node_get_literal(node);
    while (next && cmark_node_get_type(next) == CMARK_NODE_TEXT) {
      joined += cmark_node_get_literal(next);
      cmark_node* after = cmark_node_next(next);
      cmark_node_unlink(next);
      cmark_node_free(next);
      next = after;
    }
    cmark_node_set_literal(node, joined.c_str());
  }
}

cmark_node* BlockAncestor(cmark_node* node) {
  while (node && cmark_node_get_start_line(node) == 0) node = cmark_node_parent(node);
  return node;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1))
    starts_.push_back(at + 1);
}

size_t LineIndex::Start(int line) const {
  if (line < 1) return 0;
  return static_cast<size_t>(line) <= starts_.size() ? starts_[line - 1] : text_.size();
}

TextPos LineIndex::PosOf(size_t offset) const {
  auto after = std::upper_bound(starts_.begin(), starts_.end(), offset);
  int line = static_cast<int>(after - starts_.begin());
  size_t start = starts_[line - 1];
  // Columns count characters from the line's start; offsets asked in order along one line (a
  // scan's) count on from the last one, so that thousands of them on one line stay linear.
  if (last_line_ != line || last_offset_ > offset) last_line_ = line, last_offset_ = start, last_column_ = 1;
  TextPos pos = PosOfOffset(text_.substr(last_offset_, offset - last_offset_), offset - last_offset_);
  last_offset_ = offset;
  last_column_ += pos.column - 1;
  return {line, last_column_};
}

std::string_view LineIndex::Line(int line) const {
  size_t start = Start(line), end = Start(line + 1);
  std::string_view l = text_.substr(start, end - start);
  if (!l.empty() && l.back() == '\n') l.remove_suffix(1);
  return l;
}

}  // namespace tandem
