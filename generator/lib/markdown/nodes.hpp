// Walking cmark-gfm's tree and locating its nodes in the Markdown: shared by the passes that
// change the tree before it is rendered (directives, links, headings). Internal to markdown/.
#pragma once

#include <cmark-gfm.h>

#include <string_view>
#include <vector>

#include "support/text.hpp"

namespace tandem {

// Every node of `type` under `root`, in document order.
std::vector<cmark_node*> CollectNodes(cmark_node* root, cmark_node_type type);

// cmark splits text at characters that might start inline syntax; joins each run of text
// nodes back into its first, so that what a pass looks for is always within one node.
void MergeAdjacentText(cmark_node* root);

// The nearest node (itself or an ancestor) that knows its lines: a block.
cmark_node* BlockAncestor(cmark_node* node);

// Where each line of the Markdown starts, to turn lines into offsets and back in constant time.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // The offset where 1-based `line` starts; the text's end past the last line.
  size_t Start(int line) const;
  // The line and column (in characters) of byte `offset`.
  TextPos PosOf(size_t offset) const;
  // Line `line` without its newline; "" past the end.
  std::string_view Line(int line) const;

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
  // The last position PosOf found (one index is used by one thread).
  mutable int last_line_ = 0;
  mutable size_t last_offset_ = 0;
  mutable int last_column_ = 1;
};

}  // namespace tandem
