#include "markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <vector>

#include "text.hpp"

// cmark-gfm 0.29 adds the inline extensions' special characters (~ for
// strikethrough, : and w for autolinks) to one process-wide table before it
// parses inlines and removes them afterwards, so a parser finishing on one
// thread strips them from a parser still running on another. Every tandem
// parser attaches the same extensions, so this replacement adds them once and
// never removes them. The library calls this function through its PLT, so the
// definition in the program takes its place.
extern "C" void cmark_manage_extensions_special_characters(cmark_parser* parser, int add) {
  using Original = void (*)(cmark_parser*, int);
  static std::once_flag once;
  if (!add) return;
  std::call_once(once, [parser] {
    auto original =
        reinterpret_cast<Original>(dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters"));
    if (original) original(parser, 1);
  });
}

namespace tandem {

namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};

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

cmark_node* NewCustom(cmark_node_type type, const std::string& html) {
  cmark_node* node = cmark_node_new(type);
  cmark_node_set_on_enter(node, html.c_str());
  cmark_node_set_on_exit(node, "");
  return node;
}

std::vector<cmark_node*> CollectNodes(cmark_node* root, cmark_node_type type) {
  std::vector<cmark_node*> nodes;
  cmark_iter* iter = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;)
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(cmark_iter_get_node(iter)) == type)
      nodes.push_back(cmark_iter_get_node(iter));
  cmark_iter_free(iter);
  return nodes;
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
    cmark_node_replace(node, NewCustom(CMARK_NODE_CUSTOM_BLOCK, *html));
    cmark_node_free(node);
  }
}

// cmark splits text at characters that might start inline syntax; join the
// pieces back so a directive is always within one node.
void MergeAdjacentText(cmark_node* root) {
  for (cmark_node* node : CollectNodes(root, CMARK_NODE_TEXT)) {
    cmark_node* prev = cmark_node_previous(node);
    if (!prev || cmark_node_get_type(prev) != CMARK_NODE_TEXT) continue;
    std::string joined = std::string(cmark_node_get_literal(prev)) + cmark_node_get_literal(node);
    cmark_node_set_literal(node, joined.c_str());
    cmark_node_unlink(prev);
    cmark_node_free(prev);
  }
}

// The line and column of `needle` in the Markdown, searching from the block's first line.
std::pair<int, int> Locate(std::string_view markdown, int from_line, std::string_view needle) {
  size_t start = 0;
  for (int l = 1; l < from_line && start != std::string_view::npos; ++l) {
    start = markdown.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  size_t at = markdown.find(needle, start == std::string_view::npos ? 0 : start);
  if (at == std::string_view::npos) return {from_line, 0};
  TextPos pos = PosOfOffset(markdown, at);
  return {pos.line, pos.column};
}

cmark_node* BlockAncestor(cmark_node* node) {
  while (node && cmark_node_get_start_line(node) == 0) node = cmark_node_parent(node);
  return node;
}

void ReplaceDirectives(cmark_node* root, std::string_view markdown, const DirectiveHook& hook) {
  for (cmark_node* node : CollectNodes(root, CMARK_NODE_TEXT)) {
    std::string text = cmark_node_get_literal(node);
    if (text.find("{{") == std::string::npos) continue;
    cmark_node* block = BlockAncestor(node);
    int from_line = block ? cmark_node_get_start_line(block) : 1;
    size_t done = 0;
    for (size_t open = text.find("{{"); open != std::string::npos; open = text.find("{{", open + 2)) {
      size_t close = text.find("}}", open + 2);
      if (close == std::string::npos) break;
      std::string directive = text.substr(open + 2, close - open - 2);
      auto [line, column] = Locate(markdown, from_line, "{{" + directive + "}}");
      auto html = hook(directive, line, column);
      if (!html) continue;
      cmark_node* before = cmark_node_new(CMARK_NODE_TEXT);
      cmark_node_set_literal(before, text.substr(done, open - done).c_str());
      cmark_node_insert_before(node, before);
      cmark_node_insert_before(node, NewCustom(CMARK_NODE_CUSTOM_INLINE, *html));
      done = close + 2;
      open = close;
    }
    cmark_node_set_literal(node, text.substr(done).c_str());
  }
}

// cmark-gfm labels every footnote back link in English.
void LocalizeFootnoteLinks(std::string& html, const std::string& label) {
  if (label.empty()) return;
  static const std::string kEnglish = "data-footnote-backref aria-label=\"Back to content\"";
  std::string localized = "data-footnote-backref aria-label=\"" + EscapeHtml(label) + "\"";
  for (size_t at = html.find(kEnglish); at != std::string::npos;
       at = html.find(kEnglish, at + localized.size()))
    html.replace(at, kEnglish.size(), localized);
}

}  // namespace

bool CheckMarkdownLimits(const std::string& path, std::string_view markdown, int first_line,
                         Diagnostics& diags) {
  if (markdown.size() > kMaxMarkdownBytes) {
    diags.Error({path, first_line, 1}, "the page is " + std::to_string(markdown.size() / 1024) +
                                           " KB of Markdown; tandem renders at most " +
                                           std::to_string(kMaxMarkdownBytes / 1024) +
                                           " KB per page: split it");
    return false;
  }
  int line = first_line;
  for (size_t start = 0; start < markdown.size(); ++line) {
    size_t end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view l = markdown.substr(start, end - start);
    size_t pipes = std::count(l.begin(), l.end(), '|');
    if (pipes > kMaxTableColumns) {
      diags.Error({path, line, 1},
                  "a table row with " + std::to_string(pipes) + " cells; tandem accepts at most " +
                      std::to_string(kMaxTableColumns) + " columns",
                  std::string(l.substr(0, 120)));
      return false;
    }
    start = end + 1;
  }
  return true;
}

std::string RenderMarkdown(std::string_view markdown, const MarkdownOptions& options) {
  RegisterExtensionsOnce();
  int flags = Options(options);
  Document doc;
  doc.parser = cmark_parser_new(flags);
  for (const char* name : kExtensions)
    cmark_parser_attach_syntax_extension(doc.parser, cmark_find_syntax_extension(name));
  cmark_parser_feed(doc.parser, markdown.data(), markdown.size());
  doc.root = cmark_parser_finish(doc.parser);
  // Most pages have neither; walking their nodes for nothing costs a tenth of the Markdown stage.
  bool has_fence =
      markdown.find("```") != std::string_view::npos || markdown.find("~~~") != std::string_view::npos;
  if (options.block_hook && has_fence) ReplaceFencedBlocks(doc.root, options.block_hook);
  if (options.directive_hook && markdown.find("{{") != std::string_view::npos) {
    MergeAdjacentText(doc.root);
    ReplaceDirectives(doc.root, markdown, options.directive_hook);
  }
  char* html = cmark_render_html(doc.root, flags, cmark_parser_get_syntax_extensions(doc.parser));
  std::string out(html);
  free(html);
  LocalizeFootnoteLinks(out, options.footnote_back_label);
  return out;
}

}  // namespace tandem
