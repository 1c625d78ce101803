#include "theme/theme.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>

#include "support/files.hpp"
#include "support/text.hpp"

namespace fs = std::filesystem;

namespace tandem {

const std::vector<std::string> kRequiredTemplates = {"page", "section", "home", "splash", "404"};

// kainjow's set() and push_back() copy what they are given, and a copy is deep: each value is
// put in place as a placeholder, then moved over, so a page's data is built without copies.
Data ToData(const Value& value) {
  switch (value.kind) {
    case Value::Kind::kBool:
      return Data(value.flag);
    case Value::Kind::kList: {
      Data list(Data::type::list);
      for (const Value& item : value.items) {
        list.push_back(Data(false));
        const_cast<Data&>(list.list_value().back()) = ToData(item);
      }
      return list;
    }
    case Value::Kind::kMap: {
      Data map;
      for (const auto& [k, v] : value.fields) {
        map.set(k, Data(false));
        *const_cast<Data*>(map.get(k)) = ToData(v);
      }
      return map;
    }
    default:
      return value.text.empty() ? Data(false) : Data(value.text);
  }
}

namespace {

constexpr int kMaxPartialDepth = 16;

std::vector<std::string> ListStems(const fs::path& dir, const std::string& extension) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == extension)
      names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The templates under `dir`, in its subfolders too, by their path without ".mustache": "docs/note".
std::vector<std::string> ListTemplatesUnder(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".mustache")
      names.push_back(it->path().lexically_relative(dir).replace_extension().generic_string());
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> AvailableThemes(const std::vector<fs::path>& roots) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const fs::path& root : roots)
    for (const auto& entry : fs::directory_iterator(root, ec))
      if (entry.is_directory()) names.push_back(entry.path().filename().string());
  return names;
}

// A template with its partials put in place, and where each stretch of it came from, so that
// an offset in it (kainjow reports errors so) is told as a file, line and column.
struct ResolvedTemplate {
  struct Piece {
    size_t at;  // where the stretch starts in `text`
    std::shared_ptr<const std::string> source;
    std::string shown;
    size_t source_at;  // where it starts in `source`
  };
  std::string text;
  std::vector<Piece> pieces;

  void Append(const std::shared_ptr<const std::string>& source, const std::string& shown, size_t from,
              size_t to) {
    if (to <= from) return;
    pieces.push_back({text.size(), source, shown, from});
    text.append(*source, from, to - from);
  }

  Diagnostic At(size_t offset, std::string message) const {
    for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) {
      if (it->at > offset) continue;
      TextPos pos = PosOfOffset(*it->source, it->source_at + (offset - it->at));
      return {Severity::kError,
              {it->shown, pos.line, pos.column},
              std::move(message),
              LineAt(*it->source, pos.line)};
    }
    return {Severity::kError, {pieces.empty() ? "" : pieces.front().shown}, std::move(message), ""};
  }
};

// A template is refused past this size once its partials are in place: partials that include
// each other many times over grow exponentially.
constexpr size_t kMaxTemplateBytes = 4 * 1024 * 1024;
// And past this many partials put in place: partials holding little but each other grow in
// includes, not bytes (10 includes each, over 6 levels, are a million).
constexpr size_t kMaxPartialIncludes = 10000;

bool IsTagName(std::string_view name) {
  if (name == ".") return true;
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
  });
}

std::string_view Trimmed(std::string_view s) {
  size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
  return a == std::string_view::npos ? std::string_view{} : s.substr(a, b - a + 1);
}

// Mustache tags are a name ("page.title"), or a sigil and a name ("#children", "> header"), or a
// comment. A tag holding anything else is a "}}" left out, which Mustache takes for the start of
// a longer tag, silently swallowing the HTML up to the next "}}".
bool CheckTags(const std::string& text, const std::string& shown, Diagnostics& diags) {
  auto report = [&](size_t at, const std::string& message) {
    TextPos pos = PosOfOffset(text, at);
    diags.Error({shown, pos.line, pos.column}, message, LineAt(text, pos.line));
    return false;
  };
  for (size_t open = text.find("{{"); open != std::string::npos;) {
    if (text.compare(open, 3, "{{=") == 0) return true;  // other delimiters from here: not checked
    bool comment = text.compare(open, 3, "{{!") == 0;
    bool triple = text.compare(open, 3, "{{{") == 0;
    std::string closer = triple ? "}}}" : "}}";
    size_t close = text.find(closer, open + 2);
    if (close == std::string::npos) return report(open, "this tag is never closed; add \"" + closer + "\"");
    std::string_view inner = std::string_view(text).substr(open + 2 + triple, close - open - 2 - triple);
    bool partial = !inner.empty() && inner[0] == '>';
    if (!comment && !triple && !inner.empty() &&
        std::string_view("#^/>&").find(inner[0]) != std::string_view::npos)
      inner.remove_prefix(1);
    if (partial && !IsTagName(Trimmed(inner)))
      return report(open,
                    "partial \"" + std::string(Trimmed(inner)) +
                        "\" is not a name: a partial is named by its file in partials/, like {{> header}}");
    if (!comment && !IsTagName(Trimmed(inner))) {
      std::string written(
          std::string_view(text).substr(open, std::min<size_t>(close + closer.size() - open, 40)));
      std::replace(written.begin(), written.end(), '\n', ' ');
      return report(open, "\"" + written + (close + closer.size() - open > 40 ? "…" : "") +
                              "\" is not a tag: names are letters, digits, '_', '-' and '.'; is a \"" +
                              closer + "\" missing?");
    }
    open = text.find("{{", close + closer.size());
  }
  return true;
}

// Puts each {{> name}} in place, recursively, reporting unknown partials where they are used.
class PartialResolver {
 public:
  PartialResolver(const fs::path& dir, const std::string& shown_dir, const Confine& confine,
                  Diagnostics& diags)
      : dir_(dir),
        shown_dir_(shown_dir),
        confine_(confine),
        diags_(diags),
        names_(ListStems(dir, ".mustache")) {}

  std::optional<ResolvedTemplate> Resolve(std::shared_ptr<const std::string> text, const std::string& shown) {
    ResolvedTemplate out;
    includes_ = 0;
    if (!CheckTags(*text, shown, diags_) || !Resolve(text, shown, 0, out)) return std::nullopt;
    return out;
  }

 private:
  // `text`'s tags are checked.
  bool Resolve(const std::shared_ptr<const std::string>& text, const std::string& shown, int depth,
               ResolvedTemplate& out) {
    size_t done = 0;
    for (size_t open = text->find("{{>"); open != std::string::npos; open = text->find("{{>", open + 3)) {
      size_t close = text->find("}}", open);
      if (close == std::string::npos) break;
      std::string name(Trimmed(std::string_view(*text).substr(open + 3, close - open - 3)));
      out.Append(text, shown, done, open);
      done = close + 2;
      if (!Include(name, *text, shown, open, depth, out)) return false;
    }
    out.Append(text, shown, done, text->size());
    return true;
  }

  bool Include(const std::string& name, const std::string& text, const std::string& shown, size_t offset,
               int depth, ResolvedTemplate& out) {
    TextPos pos = PosOfOffset(text, offset);
    SourcePos where{shown, pos.line, pos.column};
    auto fail = [&](const std::string& message) {
      diags_.Error(where, message, LineAt(text, pos.line));
      return false;
    };
    if (depth > kMaxPartialDepth)
      return fail("partials include each other without end (through \"" + name + "\")");
    if (out.text.size() > kMaxTemplateBytes)
      return fail("the template passes " + std::to_string(kMaxTemplateBytes / (1024 * 1024)) +
                  " MB once its partials are in place (through \"" + name +
                  "\"): partials include each other too many times over");
    if (++includes_ > kMaxPartialIncludes)
      return fail("the template puts more than " + std::to_string(kMaxPartialIncludes) +
                  " partials in place (through \"" + name +
                  "\"): partials include each other too many times over");
    bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
    std::string partial_shown = shown_dir_ + "/partials/" + name + ".mustache";
    auto& cached = cache_[name];
    if (!cached) {  // read and checked once, however many times it is put in place
      fs::path file = dir_ / (name + ".mustache");
      std::error_code ec;
      if (!plain || !fs::is_regular_file(file, ec))
        return fail("unknown partial \"" + name + "\": there is no " + shown_dir_ + "/partials/" + name +
                    ".mustache" + DidYouMeanSuffix(name, names_));
      auto read = ReadSourceText(file.string(), partial_shown, diags_, confine_);
      if (!read) return false;
      if (!read->empty() && read->back() == '\n') read->pop_back();
      if (!CheckTags(*read, partial_shown, diags_)) return false;
      cached = std::make_shared<const std::string>(std::move(*read));
    }
    return Resolve(cached, partial_shown, depth + 1, out);
  }

  fs::path dir_;
  std::string shown_dir_;
  Confine confine_;
  Diagnostics& diags_;
  std::vector<std::string> names_;
  std::map<std::string, std::shared_ptr<const std::string>> cache_;  // partials read so far
  size_t includes_ = 0;                                              // of the template being resolved
};

// kainjow says where a template is wrong as "... at 2028", an offset in the resolved text.
Diagnostic TemplateError(const ResolvedTemplate& resolved, const std::string& message) {
  size_t at = message.rfind(" at ");
  if (at != std::string::npos && at + 4 < message.size() &&
      std::all_of(message.begin() + at + 4, message.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return resolved.At(std::stoul(message.substr(at + 4)), "invalid template: " + message.substr(0, at));
  return resolved.At(0, "invalid template: " + message);
}

}  // namespace

fs::path BundledThemesDir() {
  static const fs::path dir = [] {
    std::error_code ec;
    fs::path program_dir = fs::canonical("/proc/self/exe", ec).parent_path();
    if (ec) return fs::path();
    fs::path installed = program_dir / ".." / "share" / "tandem" / "themes";
    if (fs::is_directory(installed, ec)) return fs::canonical(installed, ec);
    // A program still in its build folder uses the source tree's themes; one copied anywhere
    // else must be installed with them (cmake --install).
    if (fs::equivalent(program_dir, TANDEM_BUILD_DIR, ec)) return fs::path(TANDEM_THEMES_DIR);
    return fs::path();
  }();
  return dir;
}

std::vector<fs::path> ThemeRoots(const std::string& source_dir) {
  std::vector<fs::path> roots = {fs::path(source_dir) / "themes"};
  if (!BundledThemesDir().empty()) roots.push_back(BundledThemesDir());
  return roots;
}

std::optional<fs::path> FindThemeDir(const std::string& name, const std::string& source_dir) {
  for (const fs::path& root : ThemeRoots(source_dir)) {
    std::error_code ec;
    if (fs::is_directory(root / name, ec)) return root / name;
  }
  return std::nullopt;
}

bool Theme::Load(const SiteConfig& config, const std::string& source_dir, Diagnostics& diags) {
  // A theme is named, not given as a path: it is looked up in themes/ folders only.
  bool plain_name = !config.theme.empty() && config.theme[0] != '.' &&
                    std::all_of(config.theme.begin(), config.theme.end(), [](char c) {
                      return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
                    });
  if (!plain_name) {
    diags.Error(
        config.theme_pos.line ? config.theme_pos : SourcePos{"site.toml"},
        "theme \"" + config.theme +
            "\" must be the name of a folder in themes/, like \"gc\": letters, digits, '-', '_' and '.'",
        config.theme_line);
    return false;
  }
  std::vector<fs::path> roots = ThemeRoots(source_dir);
  if (auto found = FindThemeDir(config.theme, source_dir)) dir_ = found->string();
  if (dir_.empty()) {
    std::string bundled = BundledThemesDir().string();
    diags.Error(config.theme_pos.line ? config.theme_pos : SourcePos{"site.toml"},
                "unknown theme \"" + config.theme + "\": no folder themes/" + config.theme +
                    " in the site or in " + (bundled.empty() ? "tandem's installation" : bundled) +
                    DidYouMeanSuffix(config.theme, AvailableThemes(roots)),
                config.theme_line);
    return false;
  }
  std::string rel = fs::path(dir_).lexically_relative(source_dir).generic_string();
  shown_dir_ = StartsWith(rel, "..") ? dir_ : rel;
  if (!StartsWith(rel, "..") && ReportLinkOutside(dir_, shown_dir_, {source_dir, "the site"}, diags)) {
    dir_.clear();
    return false;
  }
  static_dirs_ = {dir_ + "/static", source_dir + "/static"};
  return LoadTemplates(source_dir, diags);
}

bool Theme::LoadTemplates(const std::string& source_dir, Diagnostics& diags) {
  fs::path templates_dir = fs::path(dir_) / "templates";
  Confine confine{dir_, "the theme " + shown_dir_};
  PartialResolver resolver(fs::path(dir_) / "partials", shown_dir_, confine, diags);
  std::vector<std::string> names = ListStems(templates_dir, ".mustache");
  for (const std::string& name : ListStems(templates_dir / "directives", ".mustache"))
    names.push_back("directives/" + name);
  // Shortcodes: the theme's, then the site's own (shortcodes/ beside content/), which win.
  struct Source {
    std::string name;
    fs::path file;
    std::string shown;
    Confine confine;
  };
  std::vector<Source> sources;
  for (const std::string& name : names)
    sources.push_back({name, templates_dir / (name + ".mustache"),
                       shown_dir_ + "/templates/" + name + ".mustache", confine});
  for (const std::string& name : ListTemplatesUnder(templates_dir / "shortcodes"))
    sources.push_back({"shortcodes/" + name, templates_dir / "shortcodes" / (name + ".mustache"),
                       shown_dir_ + "/templates/shortcodes/" + name + ".mustache", confine});
  for (const std::string& name : ListTemplatesUnder(fs::path(source_dir) / "shortcodes"))
    sources.push_back({"shortcodes/" + name,
                       fs::path(source_dir) / "shortcodes" / (name + ".mustache"),
                       "shortcodes/" + name + ".mustache",
                       {source_dir, "the site"}});
  bool ok = true;
  for (const auto& [name, file, shown, from] : sources) {
    auto text = ReadSourceText(file.string(), shown, diags, from);
    if (text && text->find_first_not_of(" \t\n") == std::string::npos) {
      diags.Error({shown}, "the template is empty; write the page's HTML in it, or remove it");
      text.reset();
    }
    auto resolved =
        text ? resolver.Resolve(std::make_shared<const std::string>(std::move(*text)), shown) : std::nullopt;
    if (!resolved) {
      ok = false;
      continue;
    }
    kainjow::mustache::mustache parsed(resolved->text);
    if (!parsed.is_valid()) {
      diags.Add(TemplateError(*resolved, parsed.error_message()));
      ok = false;
      continue;
    }
    hashes_[name] = HashBytes(resolved->text);
    templates_[name] = std::move(resolved->text);
  }
  for (const std::string& name : kRequiredTemplates) {
    if (templates_.count(name) || !ok) continue;
    diags.Error({shown_dir_ + "/templates/" + name + ".mustache"},
                "missing template: the theme needs templates/" + name + ".mustache");
    ok = false;
  }
  return ok;
}

uint64_t Theme::TemplateHash(const std::string& name) const {
  auto it = hashes_.find(name);
  return it == hashes_.end() ? 0 : it->second;
}

bool Theme::Mentions(std::string_view name) const {
  auto names_it = [&](std::string_view text, size_t at) {
    at = text.find_first_not_of("#^/&{>! \t", at);
    if (at == std::string_view::npos) return false;
    if (text.compare(at, 5, "site.") == 0) at += 5;
    size_t end = at + name.size();
    return text.compare(at, name.size(), name) == 0 && end < text.size() &&
           std::string_view(". }\t").find(text[end]) != std::string_view::npos;
  };
  for (const auto& [template_name, text] : templates_)
    for (size_t at = text.find("{{"); at != std::string::npos; at = text.find("{{", at + 2))
      if (names_it(text, at + 2)) return true;
  return false;
}

std::vector<std::string> Theme::LayoutNames() const {
  std::vector<std::string> names;
  for (const auto& [name, text] : templates_)
    if (!StartsWith(name, "directives/") && !StartsWith(name, "shortcodes/")) names.push_back(name);
  return names;
}

namespace {

// The names a template looks up, in the data pushed so far (the last pushed first). A dotted
// name ("page.title") is walked part by part in each data in turn, as Mustache says; this does
// it without the string stream kainjow's own context builds for every dotted name, which was a
// tenth of a build's instructions.
class TemplateContext : public kainjow::mustache::basic_context<std::string> {
 public:
  void push(const Data* data) override { stack_.push_back(data); }
  void pop() override { stack_.pop_back(); }

  const Data* get(const std::string& name) const override {
    if (name == ".") return stack_.back();
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
      if (const Data* found = Walk(**it, name)) return found;
    return nullptr;
  }
  const Data* get_partial(const std::string&) const override { return nullptr; }  // resolved at load

 private:
  const Data* Walk(const Data& data, std::string_view name) const {
    const Data* at = &data;
    for (size_t start = 0; at;) {
      size_t dot = name.find('.', start);
      part_.assign(name.substr(start, dot == std::string_view::npos ? name.size() - start : dot - start));
      at = at->get(part_);
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
    return at;
  }

  std::vector<const Data*> stack_;
  mutable std::string part_;  // reused for every part looked up
};

}  // namespace

TemplateSet::TemplateSet(const Theme& theme) {
  for (const auto& [name, text] : theme.templates())
    parsed_[name] = std::make_unique<kainjow::mustache::mustache>(text);
}

std::string TemplateSet::Render(const std::string& name, const Data& data) {
  TemplateContext context;
  context.push(&data);
  return parsed_.at(name)->render(context);
}

std::string TemplateSet::Render(const std::string& name, const Data& base, const Data& top) {
  TemplateContext context;
  context.push(&base);
  context.push(&top);
  return parsed_.at(name)->render(context);
}

}  // namespace tandem
