// The shortcodes tandem makes in code: ref and relref (links by source file), param (a front
// matter param) and funding-table (a ```funding block written as arguments); and what the
// figure template needs resolved first.
#include <algorithm>

#include "render/shortcodes/shortcodes.hpp"

namespace tandem {

namespace {

// A built-in's own problem, at its call.
void Fail(const ShortcodeContext& context, TextPos at, const std::string& message) {
  context.scope.Error(context.scope.At(at.line, at.column), message);
}

// The argument `key`, else the first positional one; nullptr when neither is given.
const Value* ArgOf(const Value& view, const std::string& key) {
  const Value* args = view.Get("args");
  const Value* named = args ? args->Get(key) : nullptr;
  return named ? named : args ? args->Get("_0") : nullptr;
}

std::string_view PathPart(std::string_view url) {
  return url.substr(0, url.find_first_of("?#"));
}

// ref: the target's absolute URL; relref: its URL from the host's root.
std::optional<std::string> RenderRef(const ShortcodeCall& call, const Value& view, TextPos at,
                                     const ShortcodeContext& context) {
  const Value* path = ArgOf(view, "path");
  std::string example = "{{< " + call.name + " \"news/hotline.md\" >}}";
  if (!path || path->text.empty()) {
    Fail(context, at, "{{< " + call.name + " >}} needs the content file to link to, like " + example);
    return std::nullopt;
  }
  if (!EndsWith(PathPart(path->text), ".md")) {
    Fail(context, at,
         "{{< " + call.name + " >}} names a content file, as a link by source file does: \"" + path->text +
             "\" is not a .md file; write " + example);
    return std::nullopt;
  }
  auto url = context.links.Rewrite(context.page, path->text, at.line, at.column, context.scope);
  if (!url || url->empty()) return std::nullopt;
  const Page& page = context.page;
  if (call.name == "ref" && EndsWith(page.permalink, page.url_path))
    url = page.permalink.substr(0, page.permalink.size() - page.url_path.size()) + *url;
  return EscapeHtml(*url);
}

// The param `name` ("a.b" walks into tables) of the page's front matter.
const Value* FindParam(const Value& params, const std::string& name) {
  const Value* at = &params;
  for (size_t start = 0; at;) {
    size_t dot = name.find('.', start);
    at = at->kind == Value::Kind::kMap ? at->Get(name.substr(start, dot - start)) : nullptr;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return at;
}

std::optional<std::string> RenderParam(const Value& view, TextPos at, const ShortcodeContext& context) {
  const Value* name = ArgOf(view, "name");
  if (!name || name->text.empty()) {
    Fail(context, at,
         "{{< param >}} needs the name of a front matter param, like {{< param \"audience\" >}}");
    return std::nullopt;
  }
  // The page's own, else the site's (site.toml [params], the language's over them), as in Hugo.
  const Value& params = context.page.meta.params;
  Value site_params = context.site.ParamsOf(context.page.lang_index);
  const Value* value = FindParam(params, name->text);
  if (!value) value = FindParam(site_params, name->text);
  if (!value) {
    std::vector<std::string> keys;
    for (const Value* map : {&params, static_cast<const Value*>(&site_params)})
      for (const auto& [key, v] : map->fields) keys.push_back(key);
    Fail(context, at,
         "neither the page nor site.toml's [params] has \"" + name->text + "\"" +
             DidYouMeanSuffix(name->text, keys) + "; set it in the page's front matter, like " +
             name->text.substr(0, name->text.find('.')) + " = \"...\"");
    return std::nullopt;
  }
  if (value->kind == Value::Kind::kBool) return std::string(value->flag ? "true" : "false");
  if (value->kind == Value::Kind::kText) return EscapeHtml(value->text);
  Fail(context, at,
       "param \"" + name->text + "\" is a " + (value->kind == Value::Kind::kList ? "list" : "table") +
           "; {{< param >}} shows one value: name a text, a number, a date or true/false");
  return std::nullopt;
}

std::string TomlString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

// "a, b" → ["a", "b"].
std::string TomlList(std::string_view s) {
  std::string out = "[";
  for (size_t start = 0; start <= s.size();) {
    size_t comma = std::min(s.find(',', start), s.size());
    std::string_view item = s.substr(start, comma - start);
    size_t a = item.find_first_not_of(' '), b = item.find_last_not_of(' ');
    if (a != std::string_view::npos)
      out += (out.size() > 1 ? ", " : "") + TomlString(item.substr(a, b - a + 1));
    start = comma + 1;
  }
  return out + "]";
}

// The funding directive's table, its keys given as arguments (docs/funding.md); lists
// ("flags", "columns") are written with commas. Its problems are told at the call.
std::optional<std::string> RenderFundingTable(const ShortcodeCall& call, TextPos at,
                                              const ShortcodeContext& context) {
  const Directive* funding = context.directives.Find("funding");
  std::string body;
  for (const ShortcodeArg& arg : call.args) {
    if (arg.key.empty()) {
      Fail(context, at,
           "funding-table takes named arguments, the keys of a funding block: "
           "{{< funding-table program=\"csoc\" group_by=\"stream\" >}}");
      return std::nullopt;
    }
    bool list = arg.key == "flags" || arg.key == "columns";
    body += arg.key + " = " + (list ? TomlList(arg.value) : TomlString(arg.value)) + "\n";
  }
  if (!funding) return std::nullopt;
  PageScope& scope = context.scope;
  size_t before = scope.diagnostics.size();
  auto html = funding->RenderBlock("funding", body, at.line, scope);
  SourcePos where = scope.At(at.line, at.column);
  for (size_t i = before; i < scope.diagnostics.size(); ++i) {
    scope.diagnostics[i].pos = where;
    scope.diagnostics[i].source_line = scope.FileLine(where.line);
  }
  return html;
}

}  // namespace

const std::vector<std::string>& BuiltinShortcodeNames() {
  static const std::vector<std::string> names = {"funding-table", "param", "ref", "relref"};
  return names;
}

std::optional<std::string> RenderBuiltinShortcode(const ShortcodeCall& call, const Value& view, TextPos at,
                                                  const ShortcodeContext& context) {
  if (call.name == "ref" || call.name == "relref") return RenderRef(call, view, at, context);
  if (call.name == "param") return RenderParam(view, at, context);
  return RenderFundingTable(call, at, context);
}

// The URL policy applies in Rewrite: a refused address is an error at the call, and written as "".
void ResolveFigureArgs(Value& args, TextPos at, const ShortcodeContext& context) {
  for (auto& [key, value] : args.fields)
    if ((key == "src" || key == "link") && !value.text.empty())
      if (auto url = context.links.Rewrite(context.page, value.text, at.line, at.column, context.scope))
        value.text = *url;
}

}  // namespace tandem
