// Expanding a page's shortcodes around cmark-gfm: calls become placeholders, cmark renders the
// Markdown (a {{% %}} call's inner with it), then each placeholder is replaced by its call's
// HTML. A {{< >}} call's inner is the text as written (HTML if the site allows raw HTML), its
// own calls expanded in it.
#include <algorithm>

#include "markdown/nodes.hpp"
#include "markdown/shortcodes/placeholders.hpp"
#include "render/shortcodes/shortcodes.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

// Where a piece of Markdown starts in the page's: 1, 1 for the page's own.
struct Origin {
  int line = 1;
  int column = 1;

  TextPos In(int line_in, int column_in) const {
    return {line + line_in - 1, line_in == 1 ? column + column_in - 1 : column_in};
  }
};

// `md` for Markdown that starts at `origin` of the page's: the hooks report page positions.
MarkdownOptions Shifted(MarkdownOptions md, Origin origin) {
  if (md.link_hook)
    md.link_hook = [hook = md.link_hook, origin](std::string_view url, int line, int column) {
      TextPos at = origin.In(line, column);
      return hook(url, at.line, at.column);
    };
  if (md.place_hook)
    md.place_hook = [hook = md.place_hook, origin](PlaceKind kind, std::string_view key, int line,
                                                   int column) {
      TextPos at = origin.In(line, column);
      hook(kind, key, at.line, at.column);
    };
  if (md.block_hook)
    md.block_hook = [hook = md.block_hook, origin](std::string_view info, std::string_view body, int line) {
      return hook(info, body, origin.In(line, 1).line);
    };
  if (md.inline_hook)
    md.inline_hook = [hook = md.inline_hook, origin](std::string_view d, int line, int column) {
      TextPos at = origin.In(line, column);
      return hook(d, at.line, at.column);
    };
  if (md.unclosed_hook)
    md.unclosed_hook = [hook = md.unclosed_hook, origin](std::string_view opened, int line, int column) {
      TextPos at = origin.In(line, column);
      hook(opened, at.line, at.column);
    };
  if (md.error_hook)
    md.error_hook = [hook = md.error_hook, origin](int line, int column, const std::string& message) {
      TextPos at = origin.In(line, column);
      hook(at.line, at.column, message);
    };
  return md;
}

// The text of some HTML: tags dropped, entities kept (it goes back into HTML).
std::string TextOfHtml(std::string_view html) {
  std::string out;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    if (!in_tag) out += c == '"' ? std::string("&quot;") : std::string(1, c);
    if (c == '>') in_tag = false;
  }
  return out;
}

// The text a heading's id is made from: TextOfHtml with its entities back to characters.
std::string PlainTextOfHtml(std::string_view html) {
  std::string text = TextOfHtml(html);
  static const std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&quot;", "\""}, {"&apos;", "'"}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}};
  for (const auto& [entity, c] : kEntities)
    for (size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + c.size()))
      text.replace(at, entity.size(), c);
  return text;
}

// A template's output without the newline its file ends with: a call in a sentence stays in it.
std::string WithoutTrailingNewlines(std::string html) {
  while (!html.empty() && html.back() == '\n') html.pop_back();
  return html;
}

std::vector<std::string> AvailableNames(const Theme& theme) {
  std::vector<std::string> names = BuiltinShortcodeNames();
  for (const auto& [name, text] : theme.templates())
    if (StartsWith(name, "shortcodes/")) names.push_back(name.substr(11));
  return names;
}

class Expander {
 public:
  // `page_md` are the page's options, whose hooks take positions in the page's Markdown; `depth`
  // calls hold `markdown`.
  Expander(std::string_view markdown, const MarkdownOptions& page_md, const ShortcodeContext& context,
           Origin origin, int depth)
      : depth_(depth),
        markdown_(markdown),
        page_md_(page_md),
        md_(origin.line == 1 && origin.column == 1 ? page_md : Shifted(page_md, origin)),
        context_(context),
        origin_(origin),
        lines_(markdown) {}

  std::string Render() {
    ShortcodeScan scan = ScanShortcodes(markdown_, CodeBlockLines(markdown_), kMaxShortcodeDepth - depth_);
    // The page's own scan saw every call nested too deep: a call's inner reports none again.
    for (const ShortcodeProblem& p : scan.problems)
      if (!p.too_deep || depth_ == 0) Error(p.line, p.column, p.message);
    PlaceholderMarkdown cmark_input = WithPlaceholders(markdown_, scan.calls);
    placeholders_ = std::move(cmark_input.placeholders);
    outputs_.resize(placeholders_.size());
    for (size_t i = 0; i < placeholders_.size(); ++i)
      if (placeholders_[i].kind == Placeholder::Kind::kWhole)
        outputs_[i] = Expand(*placeholders_[i].call, RawInner(*placeholders_[i].call));
    MarkdownOptions md = md_;
    if (md.heading_slug)  // a heading's id is made from the text its shortcodes give
      md.heading_slug = [this, slug = md.heading_slug](std::string_view text) {
        return slug(ReplacePlaceholders(text, [this](size_t n) {
          return n < outputs_.size() ? PlainTextOfHtml(outputs_[n]) : std::string();
        }));
      };
    std::string html = RenderMarkdown(cmark_input.text, md);
    return Substitute(ShowEscapedShortcodesInHtml(DecodePlaceholdersInUrls(std::move(html))));
  }

 private:
  void Error(int line, int column, const std::string& message) {
    TextPos at = origin_.In(line, column);
    context_.scope.Error(context_.scope.At(at.line, at.column), message);
  }

  // The HTML with each placeholder replaced; a {{% %}} call takes the HTML up to its closing
  // placeholder as its inner.
  std::string Substitute(std::string_view html) {
    std::string out;
    size_t done = 0;
    bool in_tag = false;  // at `done`
    for (auto found = FindPlaceholder(html, 0, false); found; found = FindPlaceholder(html, done, in_tag)) {
      out.append(html.substr(done, found->begin - done));
      done = found->end;
      in_tag = found->in_tag;
      if (found->number >= placeholders_.size()) continue;
      const Placeholder& p = placeholders_[found->number];
      if (p.kind == Placeholder::Kind::kWhole) {
        out += found->in_tag ? TextOfHtml(outputs_[found->number]) : outputs_[found->number];
      } else if (p.kind == Placeholder::Kind::kOpen) {
        auto close = FindClose(html, done, in_tag, p.call);
        if (!close) {
          Error(p.call->line, p.call->column,
                ShortcodeTag(p.call->name, true) +
                    " and its closing tag must both be in the page's text: not in raw HTML, a link's "
                    "address or alt text");
          continue;
        }
        std::string inner = Substitute(html.substr(done, close->begin - done));
        done = close->end;
        in_tag = close->in_tag;
        out += found->in_tag ? TextOfHtml(Expand(*p.call, inner)) : Expand(*p.call, inner);
      }
    }
    return out.append(html.substr(done));
  }

  std::optional<FoundPlaceholder> FindClose(std::string_view html, size_t from, bool in_tag,
                                            const ShortcodeCall* call) {
    for (auto found = FindPlaceholder(html, from, in_tag); found;
         found = FindPlaceholder(html, found->end, found->in_tag))
      if (found->number < placeholders_.size() && placeholders_[found->number].call == call &&
          placeholders_[found->number].kind == Placeholder::Kind::kClose)
        return found;
    return std::nullopt;
  }

  // The inner of a call that is expanded whole: for {{< >}}, the text as written with its
  // calls expanded in it; for {{% %}} (inside a {{< >}}), its Markdown rendered on its own.
  std::string RawInner(const ShortcodeCall& call) {
    if (!call.paired() || call.too_deep_inside) return "";  // the scan reported what is too deep
    if (call.markdown) {
      TextPos at = lines_.PosOf(call.open_end);
      TextPos in_page = origin_.In(at.line, at.column);
      return Expander(call.Inner(markdown_), page_md_, context_, {in_page.line, in_page.column},
                      depth_ + call.depth)
          .Render();
    }
    std::string out;
    size_t done = call.open_end;
    for (const ShortcodeCall& child : call.children) {
      out += AsWritten(markdown_.substr(done, child.begin - done));
      out += Expand(child, RawInner(child));
      done = child.end;
    }
    return out + AsWritten(markdown_.substr(done, call.close_begin - done));
  }

  // Text of a {{< >}} inner: HTML where the site allows raw HTML, else text (escaped), as
  // raw HTML in its Markdown would be.
  std::string AsWritten(std::string_view text) const {
    std::string shown = ShowEscapedShortcodes(std::string(text));
    return context_.site.config.allow_raw_html ? shown : EscapeHtml(shown);
  }

  // What `call` makes, or "" (reported) when it cannot be made.
  std::string Expand(const ShortcodeCall& call, std::string inner) {
    Value view = View(call, std::move(inner));
    const std::string template_name = "shortcodes/" + call.name;
    TextPos at = origin_.In(call.line, call.column);
    SourcePos where = context_.scope.At(at.line, at.column);
    if (context_.theme.HasTemplate(template_name)) {
      if (call.name == "figure")
        for (auto& [key, value] : view.fields)
          if (key == "args") ResolveFigureArgs(value, at, context_);
      return WithoutTrailingNewlines(context_.scope.RenderTemplate(template_name, view, where).value_or(""));
    }
    const auto& builtins = BuiltinShortcodeNames();
    if (std::find(builtins.begin(), builtins.end(), call.name) != builtins.end())
      return RenderBuiltinShortcode(call, view, at, context_).value_or("");
    context_.scope.Error(where, "unknown shortcode \"" + call.name + "\": there is no shortcodes/" +
                                    call.name + ".mustache in the site or in the theme " +
                                    context_.theme.shown_dir() +
                                    DidYouMeanSuffix(call.name, AvailableNames(context_.theme)));
    return "";
  }

  Value View(const ShortcodeCall& call, std::string inner) const {
    Value args = Value::Map(), positional = Value::List();
    for (const ShortcodeArg& arg : call.args) {
      if (!arg.key.empty()) {
        args.Set(arg.key, arg.value);
        continue;
      }
      args.Set("_" + std::to_string(positional.items.size()), arg.value);
      positional.Push(arg.value);
    }
    args.Set("positional", std::move(positional));
    Value view = Value::Map();
    view.Set("name", call.name).Set("args", std::move(args)).Set("inner", std::move(inner));
    view.Set("page", context_.page_view);
    return view;
  }

  int depth_;
  std::string_view markdown_;
  const MarkdownOptions& page_md_;
  MarkdownOptions md_;
  const ShortcodeContext& context_;
  Origin origin_;
  LineIndex lines_;
  std::vector<Placeholder> placeholders_;
  std::vector<std::string> outputs_;  // of the calls expanded whole, by placeholder
};

}  // namespace

std::string RenderWithShortcodes(std::string_view markdown, const MarkdownOptions& md,
                                 const ShortcodeContext& context) {
  return Expander(markdown, md, context, Origin{}, 0).Render();
}

}  // namespace tandem
