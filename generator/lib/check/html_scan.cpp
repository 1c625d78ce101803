#include "check/html_scan.hpp"

#include <cstdint>
#include <map>
#include <optional>

namespace tandem {

namespace {

using Attributes = std::map<std::string, std::string>;

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The character a reference at `text` (just after '&') stands for, and its length up to ';'.
std::optional<std::pair<std::string, size_t>> Reference(std::string_view text) {
  static const std::map<std::string_view, std::string_view> named = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xC2\xA0"}};
  size_t semi = text.find(';');
  if (semi == std::string_view::npos || semi > 10 || semi == 0) return std::nullopt;
  std::string_view name = text.substr(0, semi);
  if (name[0] != '#') {
    auto it = named.find(name);
    if (it == named.end()) return std::nullopt;
    return std::make_pair(std::string(it->second), semi + 1);
  }
  bool hex = name.size() > 1 && Lower(name[1]) == 'x';
  std::string_view digits = name.substr(hex ? 2 : 1);
  if (digits.empty()) return std::nullopt;
  uint32_t cp = 0;
  for (char c : digits) {
    int d = c >= '0' && c <= '9'                        ? c - '0'
            : hex && Lower(c) >= 'a' && Lower(c) <= 'f' ? Lower(c) - 'a' + 10
                                                        : -1;
    if (d < 0) return std::nullopt;
    cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
    if (cp > 0x10FFFF) cp = 0x110000;
  }
  std::string out;
  AppendUtf8(out, cp);
  return std::make_pair(out, semi + 1);
}

// Appends `text` to `out`, each run of whitespace as one space.
void AppendCollapsed(std::string& out, std::string_view text) {
  for (char c : text) {
    if (IsSpace(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
}

std::string Trimmed(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  size_t start = s.find_first_not_of(' ');
  return start == std::string::npos ? "" : s.substr(start);
}

// Reads the tag at `html[at]` == '<': its lowercase name and attributes; returns the offset
// after its '>'. `closing` tells </name>.
size_t ReadTag(std::string_view html, size_t at, std::string& name, bool& closing, Attributes& attrs) {
  size_t i = at + 1;
  closing = i < html.size() && html[i] == '/';
  if (closing) ++i;
  name.clear();
  while (i < html.size() && !IsSpace(html[i]) && html[i] != '>' && html[i] != '/') name += Lower(html[i++]);
  while (i < html.size() && html[i] != '>') {
    if (IsSpace(html[i]) || html[i] == '/') {
      ++i;
      continue;
    }
    std::string key;
    while (i < html.size() && !IsSpace(html[i]) && html[i] != '=' && html[i] != '>' && html[i] != '/')
      key += Lower(html[i++]);
    while (i < html.size() && IsSpace(html[i])) ++i;
    std::string value;
    if (i < html.size() && html[i] == '=') {
      ++i;
      while (i < html.size() && IsSpace(html[i])) ++i;
      if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
        char quote = html[i++];
        size_t end = html.find(quote, i);
        if (end == std::string_view::npos) end = html.size();
        value = DecodeEntities(html.substr(i, end - i));
        i = end + 1;
      } else {
        size_t start = i;
        while (i < html.size() && !IsSpace(html[i]) && html[i] != '>') ++i;
        value = DecodeEntities(html.substr(start, i - start));
      }
    }
    if (!key.empty()) attrs.emplace(std::move(key), std::move(value));
  }
  return i < html.size() ? i + 1 : html.size();
}

std::string Get(const Attributes& attrs, const std::string& key) {
  auto it = attrs.find(key);
  return it == attrs.end() ? "" : it->second;
}

bool Has(const Attributes& attrs, const std::string& key) {
  return attrs.count(key) > 0;
}

// Walks the document once, keeping what the checks read.
class Scanner {
 public:
  explicit Scanner(std::string_view html) : html_(html) {}

  HtmlScan Run() {
    size_t i = 0;
    while (i < html_.size()) {
      size_t lt = html_.find('<', i);
      Text(html_.substr(i, (lt == std::string_view::npos ? html_.size() : lt) - i));
      if (lt == std::string_view::npos) break;
      i = Markup(lt);
    }
    return std::move(scan_);
  }

 private:
  // Skips a comment, doctype or raw text element; reads any other tag. Returns where to go on.
  size_t Markup(size_t lt) {
    if (html_.compare(lt, 4, "<!--") == 0) {
      size_t end = html_.find("-->", lt + 4);
      return end == std::string_view::npos ? html_.size() : end + 3;
    }
    if (html_.compare(lt, 2, "<!") == 0 || html_.compare(lt, 2, "<?") == 0) {
      size_t end = html_.find('>', lt);
      return end == std::string_view::npos ? html_.size() : end + 1;
    }
    std::string name;
    bool closing = false;
    Attributes attrs;
    size_t next = ReadTag(html_, lt, name, closing, attrs);
    if (name.empty()) {  // a lone '<' in text
      Text("<");
      return lt + 1;
    }
    if (closing) {
      Close(name);
      return next;
    }
    Open(name, attrs);
    if (name == "script" || name == "style") {
      size_t end = html_.find("</" + name, next);
      return end == std::string_view::npos ? html_.size() : end;
    }
    return next;
  }

  void Open(const std::string& name, const Attributes& attrs) {
    if (Has(attrs, "id")) scan_.links.ids.push_back(Get(attrs, "id"));
    if (name == "a" && Has(attrs, "name")) scan_.links.ids.push_back(Get(attrs, "name"));
    bool marked =
        Has(attrs, "hreflang") || (" " + Get(attrs, "rel") + " ").find(" alternate ") != std::string::npos;
    for (const char* key : {"href", "src"}) {
      if (!Has(attrs, key) || (name != "a" && name != "link" && name != "img" && name != "script")) continue;
      (marked ? scan_.links.language_links : scan_.links.links).push_back(Get(attrs, key));
    }
    if (name == "a" && Has(attrs, "href")) OpenAnchor(attrs);
    if (name == "img") Image(attrs);
    if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
      scan_.headings.push_back({name[1] - '0', "", Has(attrs, "id") ? Get(attrs, "id") : ""});
      in_heading_ = true;
    }
  }

  void OpenAnchor(const Attributes& attrs) {
    HtmlAnchor a;
    a.href = Get(attrs, "href");
    a.named = !Trimmed(Get(attrs, "aria-label")).empty() || !Trimmed(Get(attrs, "title")).empty();
    if (a.named) a.text = Trimmed(Get(attrs, "aria-label"));
    scan_.anchors.push_back(std::move(a));
    in_anchor_ = true;
  }

  void Image(const Attributes& attrs) {
    HtmlImage img;
    img.src = Get(attrs, "src");
    img.has_alt = Has(attrs, "alt");
    img.alt = Get(attrs, "alt");
    std::string role = Get(attrs, "role");
    img.decorative = role == "presentation" || role == "none" || Get(attrs, "aria-hidden") == "true";
    if (in_anchor_ && !scan_.anchors.back().named)
      AppendCollapsed(scan_.anchors.back().text, " " + img.alt + " ");
    scan_.images.push_back(std::move(img));
  }

  void Close(const std::string& name) {
    if (name == "a" && in_anchor_) {
      in_anchor_ = false;
      scan_.anchors.back().text = Trimmed(scan_.anchors.back().text);
    }
    if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && in_heading_) {
      in_heading_ = false;
      scan_.headings.back().text = Trimmed(scan_.headings.back().text);
    }
  }

  void Text(std::string_view raw) {
    if ((!in_anchor_ && !in_heading_) || raw.empty()) return;
    std::string text = DecodeEntities(raw);
    if (in_anchor_ && !scan_.anchors.back().named) AppendCollapsed(scan_.anchors.back().text, text);
    if (in_heading_) AppendCollapsed(scan_.headings.back().text, text);
  }

  std::string_view html_;
  HtmlScan scan_;
  bool in_anchor_ = false;
  bool in_heading_ = false;
};

}  // namespace

std::string DecodeEntities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      if (auto ref = Reference(text.substr(i + 1))) {
        out += ref->first;
        i += ref->second;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

HtmlScan ScanHtml(std::string_view html) {
  return Scanner(html).Run();
}

}  // namespace tandem
