#include "theme.hpp"

#include <filesystem>
#include <functional>

#include "content.hpp"
#include "text.hpp"
#include "toml_util.hpp"

namespace fs = std::filesystem;

namespace tandem {

const std::vector<std::string> kRequiredTemplates = {"page", "section", "home", "splash", "404"};

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
    std::string body = NormalizeSource(ReadFile(file.string()));
    if (!body.empty() && body.back() == '\n') body.pop_back();
    return Resolve(body, shown_dir_ + "/partials/" + name + ".mustache", depth + 1);
  }

  fs::path dir_;
  std::string shown_dir_;
  Diagnostics& diags_;
  std::vector<std::string> names_;
};

std::optional<Strings> ReadStrings(const std::string& path, const std::string& shown, Diagnostics& diags) {
  std::string text = NormalizeSource(ReadFile(path));
  TomlSource src{shown, text, 1, text};
  auto table = ParseToml(src, diags);
  if (!table) return std::nullopt;
  Strings strings;
  bool ok = true;
  for (const auto& [key, value] : *table) {
    if (auto s = value.value<std::string>()) {
      strings[std::string(key.str())] = *s;
    } else {
      ErrorAt(src, value, "UI string \"" + std::string(key.str()) + "\" must be a string", diags);
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return strings;
}

}  // namespace

bool Theme::Load(const SiteConfig& config, const std::string& source_dir, Diagnostics& diags) {
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
                    DidYouMeanSuffix(config.theme, AvailableThemes(roots)));
    return false;
  }
  std::string rel = fs::path(dir_).lexically_relative(source_dir).generic_string();
  shown_dir_ = StartsWith(rel, "..") ? dir_ : rel;
  static_dirs_ = {dir_ + "/static", source_dir + "/static"};
  bool ok = LoadTemplates(diags);
  return LoadStrings(config, source_dir, diags) && ok;
}

bool Theme::LoadTemplates(Diagnostics& diags) {
  fs::path templates_dir = fs::path(dir_) / "templates";
  PartialResolver resolver(fs::path(dir_) / "partials", shown_dir_, diags);
  bool ok = true;
  for (const std::string& name : ListStems(templates_dir, ".mustache")) {
    std::string shown = shown_dir_ + "/templates/" + name + ".mustache";
    std::string text = NormalizeSource(ReadFile((templates_dir / (name + ".mustache")).string()));
    auto resolved = resolver.Resolve(text, shown, 0);
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

bool Theme::LoadStrings(const SiteConfig& config, const std::string& source_dir, Diagnostics& diags) {
  bool ok = true;
  std::map<std::string, std::map<std::string, std::string>> origins;  // language -> key -> file
  for (const LanguageConfig& lang : config.languages) {
    std::string theme_file = dir_ + "/i18n/" + lang.code + ".toml";
    std::error_code ec;
    if (!fs::is_regular_file(theme_file, ec)) {
      diags.Error({shown_dir_ + "/i18n/" + lang.code + ".toml"},
                  "missing UI strings for language \"" + lang.code + "\": the theme has no i18n/" +
                      lang.code + ".toml");
      ok = false;
      continue;
    }
    auto strings = ReadStrings(theme_file, shown_dir_ + "/i18n/" + lang.code + ".toml", diags);
    std::string site_file = source_dir + "/i18n/" + lang.code + ".toml";
    auto overrides = fs::is_regular_file(site_file, ec)
                         ? ReadStrings(site_file, "i18n/" + lang.code + ".toml", diags)
                         : std::optional<Strings>(Strings{});
    if (!strings || !overrides) {
      ok = false;
      continue;
    }
    for (const auto& [k, v] : *strings) origins[lang.code][k] = shown_dir_ + "/i18n/" + lang.code + ".toml";
    for (auto& [k, v] : *overrides) {
      (*strings)[k] = v;
      origins[lang.code][k] = "i18n/" + lang.code + ".toml";
    }
    strings_[lang.code] = std::move(*strings);
  }
  if (!ok) return false;
  // Every language must say everything: a string missing in one is an error, not a blank.
  for (const auto& [code, strings] : strings_)
    for (const auto& [other_code, other] : strings_)
      for (const auto& [key, value] : strings)
        if (!other.count(key)) {
          // Ask for it beside the one that exists: in the site's i18n/ or in the theme's.
          const std::string& from = origins[code][key];
          std::string to = StartsWith(from, "i18n/") ? "i18n/" + other_code + ".toml"
                                                     : shown_dir_ + "/i18n/" + other_code + ".toml";
          diags.Error({to},
                      "UI string \"" + key + "\" is in " + from + " but missing here; add its translation");
          ok = false;
        }
  for (const auto& [code, strings] : strings_)
    for (const auto& [k, v] : strings) strings_fingerprint_ += code + '\0' + k + '\0' + v + '\0';
  return ok;
}

TemplateSet::TemplateSet(const Theme& theme) {
  for (const auto& [name, text] : theme.templates())
    parsed_[name] = std::make_unique<kainjow::mustache::mustache>(text);
}

std::string TemplateSet::Render(const std::string& name, const kainjow::mustache::data& data) {
  return parsed_.at(name)->render(data);
}

std::string TemplateSet::Render(const std::string& name, const kainjow::mustache::data& base,
                                const kainjow::mustache::data& top) {
  kainjow::mustache::context<std::string> context(&base);
  context.push(&top);
  return parsed_.at(name)->render(context);
}

}  // namespace tandem
