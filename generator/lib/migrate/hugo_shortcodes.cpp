#include "migrate/hugo_shortcodes.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "output/beneath.hpp"
#include "render/shortcodes/shortcodes.hpp"
#include "support/files.hpp"
#include "support/text.hpp"
#include "theme/theme.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

bool IsGoSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view TrimGo(std::string_view s) {
  while (!s.empty() && IsGoSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsGoSpace(s.back())) s.remove_suffix(1);
  return s;
}

// An action as a note shows it: its whitespace runs made one space, cut after 60 characters.
std::string Shown(std::string_view action) {
  std::string out;
  for (char c : action)
    if (!IsGoSpace(c))
      out += c;
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  return out.size() > 60 ? out.substr(0, 57) + "..." : out;
}

bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// The attribute whose quoted value `tag` (from its '<', no '>' after) ends inside: name="... or
// name='...; "" when it ends outside any. A hand scanner, linear: std::regex recursed once a
// character of a long tag, and searched again from every start.
std::string OpenAttribute(std::string_view tag) {
  constexpr std::string_view kNotInName = "\"'<>/=";
  for (size_t at = 1; at < tag.size();) {
    size_t start = at;
    while (at < tag.size() && !IsHtmlSpace(tag[at]) && kNotInName.find(tag[at]) == std::string_view::npos)
      ++at;
    std::string_view name = tag.substr(start, at - start);
    size_t next = at;
    while (next < tag.size() && IsHtmlSpace(tag[next])) ++next;
    if (name.empty() || next == tag.size() || tag[next] != '=') {
      at = std::max(next, start + 1);
      continue;
    }
    ++next;
    while (next < tag.size() && IsHtmlSpace(tag[next])) ++next;
    if (next < tag.size() && (tag[next] == '"' || tag[next] == '\'')) {
      size_t close = tag.find(tag[next], next + 1);
      if (close == std::string_view::npos) return std::string(name);
      next = close + 1;
    }
    at = next;
  }
  return "";
}

// What a value written at the end of `html` would be in: nullopt for text, else why Mustache's
// escaping is not Hugo's there (html/template escapes by context: URLs, JavaScript, CSS).
std::optional<std::string> UnsafeContext(const std::string& html, bool in_text_only) {
  std::string lower = AsciiLower(html);
  size_t open = std::max(lower.rfind("<script") + 1, lower.rfind("<style") + 1);
  size_t close = std::max(lower.rfind("</script") + 1, lower.rfind("</style") + 1);
  if (open > close) return "is inside <script> or <style>, which Hugo escapes as JavaScript or CSS";
  size_t lt = lower.rfind('<'), gt = lower.rfind('>');
  if (lt == std::string::npos || (gt != std::string::npos && gt > lt)) return std::nullopt;
  if (in_text_only) return "is inside an HTML tag, where Hugo escapes it";
  std::string name = OpenAttribute(std::string_view(lower).substr(lt));
  if (name.empty()) return "is in an HTML tag outside a quoted attribute value";
  if (StartsWith(name, "on") || name == "style")
    return "is in the attribute " + name + ", which Hugo escapes as JavaScript or CSS";
  static const std::set<std::string> urls = {"href",     "src",    "action", "formaction", "poster",
                                             "cite",     "srcset", "data",   "background", "longdesc",
                                             "codebase", "ping",   "usemap", "manifest",   "xlink:href"};
  if (urls.count(name) || name.find("url") != std::string::npos || name.find("uri") != std::string::npos)
    return "is in the address attribute " + name +
           ", where Hugo filters unsafe addresses (javascript:) and Mustache does not";
  return std::nullopt;
}

// What an argument expression names: `.Get "key"`, `.Get 0` (`$.` for the shortcode inside a
// with), as the Mustache name of its value ("args.key", "args._0"); nullopt for anything else.
std::optional<std::string> ArgumentOf(std::string_view expr, bool dot_is_shortcode) {
  expr = TrimGo(expr);
  if (expr.size() > 2 && expr.front() == '(' && expr.back() == ')')
    expr = TrimGo(expr.substr(1, expr.size() - 2));
  static const std::regex get(R"re((\$)?\.Get\s+(?:"([A-Za-z0-9_-]+)"|`([A-Za-z0-9_-]+)`|([0-9]+)))re");
  std::cmatch m;
  if (!std::regex_match(expr.data(), expr.data() + expr.size(), m, get)) return std::nullopt;
  if (!m[1].matched && !dot_is_shortcode) return std::nullopt;  // Hugo's dot is the with's value here
  if (m[4].matched) return "args._" + std::string(m[4]);
  return "args." + std::string(m[2].matched ? m[2] : m[3]);
}

// `.Inner`, as is or through markdownify or safeHTML: tandem gives the inner already rendered.
bool IsInner(std::string_view expr, bool dot_is_shortcode) {
  static const std::regex inner(R"re((\$)?\.Inner(\s*\|\s*(markdownify|safeHTML))*)re");
  std::cmatch m;
  expr = TrimGo(expr);
  return std::regex_match(expr.data(), expr.data() + expr.size(), m, inner) &&
         (m[1].matched || dot_is_shortcode);
}

// Translates a Go template action by action; stops at the first it has no translation for.
class Translator {
 public:
  explicit Translator(std::string_view text) : text_(text) {}

  bool Run() {
    size_t at = 0;
    bool trim_next = false;
    for (;;) {
      size_t open = text_.find("{{", at);
      std::string literal(text_.substr(at, open == std::string_view::npos ? open : open - at));
      if (trim_next)
        literal.erase(0, std::find_if(literal.begin(), literal.end(), [](char c) { return !IsGoSpace(c); }) -
                             literal.begin());
      if (open == std::string_view::npos) return Literal(literal) && Unclosed();
      size_t body = open + 2;
      if (body + 1 < text_.size() && text_[body] == '-' && IsGoSpace(text_[body + 1])) {
        while (!literal.empty() && IsGoSpace(literal.back())) literal.pop_back();
        body += 2;
      }
      if (!Literal(literal)) return false;
      size_t end = ActionEnd(body);
      if (end == std::string_view::npos) return Fail(open, "{{ is never closed with }}");
      size_t body_end = end;
      trim_next = end >= 2 && text_[end - 1] == '-' && IsGoSpace(text_[end - 2]);
      if (trim_next) body_end -= 2;
      if (!Action(TrimGo(text_.substr(body, body_end - body)), open, end + 2)) return false;
      at = end + 2;
    }
  }

  const std::string& out() const { return out_; }
  bool markdownify() const { return markdownify_; }
  size_t failed_at() const { return failed_at_; }
  const std::string& why() const { return why_; }

 private:
  struct Block {
    std::string section;  // the Mustache name the section tests
    bool with = false;    // {{ with }}: its dot is the argument
    bool in_else = false;
    size_t at = 0;
  };

  // The "}}" ending the action whose body starts at `from`, past quoted strings and a comment.
  size_t ActionEnd(size_t from) const {
    if (text_.substr(from, 2) == "/*") {
      size_t comment_end = text_.find("*/", from + 2);
      return comment_end == std::string_view::npos ? comment_end : text_.find("}}", comment_end);
    }
    for (size_t i = from; i + 1 < text_.size(); ++i) {
      char c = text_[i];
      if (c == '"' || c == '`' || c == '\'') {
        for (++i; i < text_.size() && text_[i] != c; ++i)
          if (text_[i] == '\\' && c != '`') ++i;
        continue;
      }
      if (c == '}' && text_[i + 1] == '}') return i;
    }
    return std::string_view::npos;
  }

  bool Literal(const std::string& literal) {
    out_ += literal;
    html_ += literal;
    return true;
  }

  // The innermost with whose value Hugo's dot is here; nullptr where the dot is the shortcode.
  const Block* DotWith() const {
    for (auto it = blocks_.rbegin(); it != blocks_.rend(); ++it)
      if (it->with && !it->in_else) return &*it;
    return nullptr;
  }

  bool DotIsShortcode() const { return DotWith() == nullptr; }

  bool Action(std::string_view action, size_t open, size_t end) {
    std::string written(text_.substr(open, end - open));
    if (StartsWith(action, "/*") && EndsWith(action, "*/")) return true;  // a comment
    if (action == "end") return End(open, written);
    if (action == "else") return Else(open, written);
    for (const char* keyword : {"if ", "with "}) {
      if (!StartsWith(action, keyword)) continue;
      std::string_view test = action.substr(std::string_view(keyword).size());
      bool with = keyword[0] == 'w';
      std::optional<std::string> section = ArgumentOf(test, DotIsShortcode());
      if (!section && !with && IsInner(test, DotIsShortcode())) section = "inner";
      if (!section) return Fail(open, Shown(written) + " has no Mustache translation");
      blocks_.push_back({*section, with, false, open});
      return Tag("{{#" + *section + "}}", open);
    }
    if (IsInner(action, DotIsShortcode())) {
      if (auto unsafe = UnsafeContext(html_, true)) return Fail(open, Shown(written) + " " + *unsafe);
      markdownify_ = markdownify_ || action.find("markdownify") != std::string_view::npos;
      return Tag("{{{inner}}}", open);
    }
    std::optional<std::string> value = ArgumentOf(action, DotIsShortcode());
    if (!value && action == "." && DotWith()) value = DotWith()->section;
    if (!value) return Fail(open, Shown(written) + " has no Mustache translation");
    if (auto unsafe = UnsafeContext(html_, false)) return Fail(open, Shown(written) + " " + *unsafe);
    return Tag("{{" + *value + "}}", open);
  }

  bool Tag(const std::string& tag, size_t open) {
    // A "{" just before would make Mustache read {{{, the tag for unescaped values.
    if (!out_.empty() && out_.back() == '{')
      return Fail(open, "a { just before an action has no Mustache translation");
    out_ += tag;
    return true;
  }

  bool Else(size_t open, const std::string& written) {
    if (blocks_.empty() || blocks_.back().in_else)
      return Fail(open, Shown(written) + " has no Mustache translation");
    blocks_.back().in_else = true;
    return Tag("{{/" + blocks_.back().section + "}}{{^" + blocks_.back().section + "}}", open);
  }

  bool End(size_t open, const std::string& written) {
    if (blocks_.empty()) return Fail(open, Shown(written) + " ends no {{ if }} or {{ with }}");
    std::string section = blocks_.back().section;
    blocks_.pop_back();
    return Tag("{{/" + section + "}}", open);
  }

  bool Unclosed() {
    if (blocks_.empty()) return true;
    return Fail(blocks_.back().at, "the {{ if }} or {{ with }} here has no {{ end }}");
  }

  bool Fail(size_t at, std::string why) {
    failed_at_ = at;
    why_ = std::move(why);
    return false;
  }

  std::string_view text_;
  std::string out_;
  std::string html_;  // the template's HTML so far, for the context of a value
  std::vector<Block> blocks_;
  bool markdownify_ = false;  // the template renders its inner content as Markdown
  size_t failed_at_ = 0;
  std::string why_;
};

// name.html -> {"name", ""}; name.fr.html -> {"name", "fr"}; name.html.html -> {"name", "html"}.
struct ShortcodeFileName {
  std::string name;
  std::string variant;  // a language code or an output format; "" for neither
};

std::optional<ShortcodeFileName> SplitFileName(const std::string& relative) {
  if (!EndsWith(relative, ".html")) return std::nullopt;
  size_t slash = relative.rfind('/');
  std::string folder = slash == std::string::npos ? "" : relative.substr(0, slash + 1);
  std::string base = relative.substr(folder.size(), relative.size() - folder.size() - 5);
  size_t dot = base.find('.');
  if (base.empty() || dot == 0) return std::nullopt;
  if (dot == std::string::npos) return ShortcodeFileName{folder + base, ""};
  std::string variant = base.substr(dot + 1);
  return ShortcodeFileName{folder + base.substr(0, dot), AsciiLower(variant)};
}

// The Hugo files of one shortcode name, from one folder, with their variants.
struct Candidate {
  std::string shown;
  std::string variant;
};

// How well a variant serves every page of a tandem site: the lower the better; -1 never.
int Rank(const std::string& variant, const std::vector<std::string>& codes) {
  if (variant == "html") return 0;
  if (variant.empty()) return 1;
  for (size_t i = 0; i < codes.size(); ++i)
    if (variant == codes[i] || variant == codes[i] + ".html") return 2 + static_cast<int>(i);
  return -1;
}

std::string WhySkipped(const std::string& variant, const std::vector<std::string>& codes,
                       const std::string& name, const std::string& chosen) {
  if (Rank(variant, codes) < 0)
    return "a template for Hugo's output format " + variant + ", which tandem does not write: left out";
  if (Rank(variant, codes) < 2)
    return "Hugo shows HTML pages with " + chosen + ", which is written: this one is left out";
  return "tandem has one template per shortcode, for every language: shortcodes/" + name +
         ".mustache is written from " + chosen + "; bring this file's differences into it by hand";
}

std::map<std::string, std::vector<Candidate>> CandidatesIn(const std::string& hugo_dir,
                                                           const std::string& folder) {
  std::map<std::string, std::vector<Candidate>> out;
  fs::path root = fs::path(hugo_dir) / folder;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::string relative = it->path().lexically_relative(root).generic_string();
    auto split = SplitFileName(relative);
    if (split) out[split->name].push_back({folder + "/" + relative, split->variant});
  }
  for (auto& [name, files] : out)
    std::sort(files.begin(), files.end(),
              [](const Candidate& a, const Candidate& b) { return a.shown < b.shown; });
  return out;
}

std::string StarterTemplate(const std::string& shown, int line) {
  return "{{! Written by tandem import hugo from " + shown +
         " (a Hugo shortcode), which it could not\n"
         "    translate from line " +
         std::to_string(line) +
         " on (the note it printed says why). Finish this "
         "template by hand\n"
         "    (docs/shortcodes.md); until then it shows the inner content alone.\n"
         "}}{{{inner}}}\n";
}

}  // namespace

MustacheShortcode MustacheFromHugoShortcode(const std::string& shown, std::string_view text) {
  Translator translator(text);
  MustacheShortcode out;
  if (translator.Run()) {
    // tandem renders the inner as Markdown only for a call with % (docs/shortcodes.md).
    std::string markdown =
        translator.markdownify()
            ? "    Its inner content is Markdown (markdownify): call it with % rather than <.\n"
            : "";
    out.text = "{{! Translated by tandem import hugo from " + shown + " (a Hugo shortcode).\n" + markdown +
               "}}" + translator.out();
    return out;
  }
  TextPos at = PosOfOffset(text, translator.failed_at());
  out.stopped_at = SourcePos{shown, at.line, at.column};
  out.stopped_line = LineAt(text, at.line);
  out.why = translator.why();
  out.text = StarterTemplate(shown, at.line);
  return out;
}

HugoShortcodes HugoShortcodesOf(const std::string& hugo_dir, const std::vector<std::string>& themes,
                                const std::vector<std::string>& language_codes,
                                const std::set<std::string>& shipped) {
  std::map<std::string, std::vector<Candidate>> by_name;
  std::vector<std::string> folders = {"layouts/shortcodes"};
  for (const std::string& theme : themes) folders.push_back(theme + "/layouts/shortcodes");
  HugoShortcodes out;
  for (const std::string& folder : folders)
    for (auto& [name, files] : CandidatesIn(hugo_dir, folder))
      by_name.insert({name, files});  // the first wins
  for (auto& [name, files] : by_name) {
    if (shipped.count(name)) {
      for (const Candidate& file : files)
        out.skipped.push_back({file.shown, name,
                               "tandem has its own " + name +
                                   " shortcode, which pages call instead (docs/shortcodes.md); to keep this "
                                   "one's HTML, write shortcodes/" +
                                   name + ".mustache"});
      continue;
    }
    std::stable_sort(files.begin(), files.end(), [&](const Candidate& a, const Candidate& b) {
      return static_cast<unsigned>(Rank(a.variant, language_codes)) <
             static_cast<unsigned>(Rank(b.variant, language_codes));
    });
    const Candidate& chosen = files.front();
    if (Rank(chosen.variant, language_codes) < 0) {
      for (const Candidate& file : files)
        out.skipped.push_back({file.shown, name, WhySkipped(file.variant, language_codes, name, "")});
      continue;
    }
    std::string text;
    try {
      text = NormalizeSource(ReadFileInside((fs::path(hugo_dir) / chosen.shown).string(), hugo_dir));
    } catch (const LinkOutsideError& e) {
      out.refused.push_back({chosen.shown, name, e.target()});
      continue;
    } catch (const IoError& e) {
      out.skipped.push_back({chosen.shown, name, std::string(e.what()).substr(e.path().size() + 2)});
      continue;
    }
    out.files.push_back({name, MustacheFromHugoShortcode(chosen.shown, text)});
    for (size_t i = 1; i < files.size(); ++i)
      out.skipped.push_back(
          {files[i].shown, name, WhySkipped(files[i].variant, language_codes, name, chosen.shown)});
  }
  return out;
}

std::set<std::string> ShippedShortcodeNames(const std::string& site_dir, const std::string& theme) {
  std::set<std::string> names(BuiltinShortcodeNames().begin(), BuiltinShortcodeNames().end());
  auto dir = FindThemeDir(theme, site_dir);
  if (!dir) return names;
  fs::path root = *dir / "templates" / "shortcodes";
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    std::string relative = it->path().lexically_relative(root).generic_string();
    if (it->is_regular_file(ec) && EndsWith(relative, ".mustache"))
      names.insert(relative.substr(0, relative.size() - std::string_view(".mustache").size()));
  }
  return names;
}

std::optional<std::vector<std::string>> WriteHugoShortcodes(const std::vector<HugoShortcodeFile>& files,
                                                            const std::string& site_dir, bool force,
                                                            Diagnostics& diags) {
  std::vector<std::string> targets;
  size_t errors = diags.error_count();
  for (const HugoShortcodeFile& file : files) {
    targets.push_back((fs::path(site_dir) / "shortcodes" / (file.name + ".mustache")).string());
    struct stat st;  // a link, even a dangling one, is something already here
    if (!force && lstat(targets.back().c_str(), &st) == 0)
      diags.Error({targets.back()},
                  "a shortcode template is already here; tandem import hugo does not replace it (--force "
                  "does, or --output writes the new one elsewhere)");
  }
  if (diags.error_count() != errors) return std::nullopt;
  // Below the site's folder, one folder at a time and through no link: a shortcodes/ that is a
  // link to another folder is refused, not written into.
  DirFd site = OpenNamedDir(site_dir);
  for (size_t i = 0; i < files.size(); ++i) {
    if (!WriteFileBeneath(site, "shortcodes/" + files[i].name + ".mustache", files[i].mustache.text)) {
      diags.Error({targets[i]}, "cannot write: " + WriteFailure(errno, "the site"));
      return std::nullopt;
    }
  }
  return targets;
}

}  // namespace tandem
