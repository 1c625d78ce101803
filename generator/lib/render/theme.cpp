#include "render/theme.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>

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

std::vector<std::string> AvailableThemes(const std::vector<fs::path>& roots) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const fs::path& root : roots)
    for (const auto& entry : fs::directory_iterator(root, ec))
      if (entry.is_directory()) names.push_back(entry.path().filename().string());
  return names;
}

// Replaces {{> name}} with the partial's text, recursively, reporting unknown partials where they are used.
class PartialResolver {
 public:
  PartialResolver(const fs::path& dir, const std::string& shown_dir, Diagnostics& diags)
      : dir_(dir), shown_dir_(shown_dir), diags_(diags), names_(ListStems(dir, ".mustache")) {}

  std::optional<std::string> Resolve(const std::string& text, const std::string& shown, int depth) {
    std::string out;
    size_t done = 0;
    bool ok = true;
    for (size_t open = text.find("{{>"); open != std::string::npos; open = text.find("{{>", open + 3)) {
      size_t close = text.find("}}", open);
      if (close == std::string::npos) break;
      std::string name = text.substr(open + 3, close - open - 3);
      name.erase(0, name.find_first_not_of(" \t"));
      name.erase(name.find_last_not_of(" \t") + 1);
      out += text.substr(done, open - done);
      done = close + 2;
      auto partial = Load(name, text, shown, open, depth);
      if (partial)
        out += *partial;
      else
        ok = false;
    }
    out += text.substr(done);
    if (!ok) return std::nullopt;
    return out;
  }

 private:
  std::optional<std::string> Load(const std::string& name, const std::string& text, const std::string& shown,
                                  size_t offset, int depth) {
    TextPos pos = PosOfOffset(text, offset);
    SourcePos where{shown, pos.line, pos.column};
    if (depth > kMaxPartialDepth) {
      diags_.Error(where, "partials include each other without end (through \"" + name + "\")",
                   LineAt(text, pos.line));
      return std::nullopt;
    }
    fs::path file = dir_ / (name + ".mustache");
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
      diags_.Error(where,
                   "unknown partial \"" + name + "\": there is no " + shown_dir_ + "/partials/" + name +
                       ".mustache" + DidYouMeanSuffix(name, names_),
                   LineAt(text, pos.line));
      return std::nullopt;
    }
    Diagnostics read_errors;
    auto read = ReadSourceText(file.string(), shown_dir_ + "/partials/" + name + ".mustache", read_errors);
    if (!read) {
      diags_.AddAll(read_errors.Sorted());
      return std::nullopt;
    }
    std::string body = std::move(*read);
    if (!body.empty() && body.back() == '\n') body.pop_back();
    return Resolve(body, shown_dir_ + "/partials/" + name + ".mustache", depth + 1);
  }

  fs::path dir_;
  std::string shown_dir_;
  Diagnostics& diags_;
  std::vector<std::string> names_;
};

}  // namespace

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
  std::vector<fs::path> roots = {fs::path(source_dir) / "themes", fs::path(TANDEM_THEMES_DIR)};
  for (const fs::path& root : roots) {
    std::error_code ec;
    if (fs::is_directory(root / config.theme, ec)) {
      dir_ = (root / config.theme).string();
      break;
    }
  }
  if (dir_.empty()) {
    diags.Error(config.theme_pos.line ? config.theme_pos : SourcePos{"site.toml"},
                "unknown theme \"" + config.theme + "\": no folder themes/" + config.theme +
                    " in the site or in " + TANDEM_THEMES_DIR +
                    DidYouMeanSuffix(config.theme, AvailableThemes(roots)),
                config.theme_line);
    return false;
  }
  std::string rel = fs::path(dir_).lexically_relative(source_dir).generic_string();
  shown_dir_ = StartsWith(rel, "..") ? dir_ : rel;
  static_dirs_ = {dir_ + "/static", source_dir + "/static"};
  return LoadTemplates(diags);
}

bool Theme::LoadTemplates(Diagnostics& diags) {
  fs::path templates_dir = fs::path(dir_) / "templates";
  PartialResolver resolver(fs::path(dir_) / "partials", shown_dir_, diags);
  std::vector<std::string> names = ListStems(templates_dir, ".mustache");
  for (const std::string& name : ListStems(templates_dir / "directives", ".mustache"))
    names.push_back("directives/" + name);
  bool ok = true;
  for (const std::string& name : names) {
    std::string shown = shown_dir_ + "/templates/" + name + ".mustache";
    auto text = ReadSourceText((templates_dir / (name + ".mustache")).string(), shown, diags);
    auto resolved = text ? resolver.Resolve(*text, shown, 0) : std::nullopt;
    if (!resolved) {
      ok = false;
      continue;
    }
    kainjow::mustache::mustache parsed(*resolved);
    if (!parsed.is_valid()) {
      diags.Error({shown}, "invalid template: " + parsed.error_message());
      ok = false;
      continue;
    }
    hashes_[name] = HashBytes(*resolved);
    templates_[name] = std::move(*resolved);
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

std::vector<std::string> Theme::LayoutNames() const {
  std::vector<std::string> names;
  for (const auto& [name, text] : templates_)
    if (!StartsWith(name, "directives/")) names.push_back(name);
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
