// HTML content pages: their dangerous addresses and their summaries (markdown.hpp).
#include <cctype>
#include <cstdlib>
#include <utility>
#include <vector>

#include "markdown/markdown.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool IsUrlAttribute(const std::string& name) {
  for (const char* attr :
       {"href", "src", "action", "formaction", "poster", "cite", "data", "background", "xlink:href"})
    if (name == attr) return true;
  return false;
}

std::string Utf8(unsigned long code) {
  std::string out;
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
  return out;
}

// Decodes the character references a browser would: numeric ones and the named ones below.
std::string DecodeReferences(std::string_view s) {
  static const std::pair<const char*, const char*> kNamed[] = {
      {"amp", "&"},         {"lt", "<"},    {"gt", ">"},     {"quot", "\""},    {"apos", "'"},
      {"nbsp", "\xC2\xA0"}, {"colon", ":"}, {"tab", "\t"},   {"newline", "\n"}, {"eacute", "é"},
      {"egrave", "è"},      {"ecirc", "ê"}, {"agrave", "à"}, {"acirc", "â"},    {"ccedil", "ç"},
      {"icirc", "î"},       {"ocirc", "ô"}, {"ucirc", "û"},  {"ugrave", "ù"},   {"rsquo", "’"},
      {"lsquo", "‘"},       {"ldquo", "“"}, {"rdquo", "”"},  {"laquo", "«"},    {"raquo", "»"},
      {"ndash", "–"},       {"mdash", "—"}, {"hellip", "…"}, {"copy", "©"}};
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    size_t semi = s[i] == '&' ? s.find(';', i) : std::string_view::npos;
    if (semi == std::string_view::npos || semi - i > 10) {
      out += s[i];
      continue;
    }
    std::string name = AsciiLower(s.substr(i + 1, semi - i - 1));
    std::string decoded;
    if (name.size() > 1 && name[0] == '#') {
      bool hex = name[1] == 'x';
      unsigned long code = std::strtoul(name.c_str() + (hex ? 2 : 1), nullptr, hex ? 16 : 10);
      bool valid = code > 0 && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF);
      if (valid) decoded = Utf8(code);
    } else {
      for (const auto& [n, text] : kNamed)
        if (name == n) decoded = text;
    }
    if (decoded.empty()) {
      out += s[i];
      continue;
    }
    out += decoded;
    i = semi;
  }
  return out;
}

// An attribute value as a browser reads the address: references decoded, controls and spaces gone.
bool IsDangerousValue(std::string_view value) {
  std::string url;
  for (char c : DecodeReferences(value))
    if (static_cast<unsigned char>(c) > 0x20) url += c;
  return IsDangerousUrl(url);
}

// Where the value of each dangerous URL attribute lies in `html`, in order.
class UrlScanner {
 public:
  explicit UrlScanner(std::string_view html) : html_(html) {}

  std::vector<std::pair<size_t, size_t>> Scan() {
    while ((at_ = html_.find('<', at_)) != std::string_view::npos) {
      if (html_.compare(at_, 4, "<!--") == 0) {
        size_t end = html_.find("-->", at_ + 4);
        at_ = end == std::string_view::npos ? html_.size() : end + 3;
      } else if (at_ + 1 < html_.size() && std::isalpha(static_cast<unsigned char>(html_[at_ + 1]))) {
        Tag();
      } else {
        ++at_;
      }
    }
    return found_;
  }

 private:
  void Tag() {
    size_t start = ++at_;
    while (at_ < html_.size() && !IsSpace(html_[at_]) && html_[at_] != '>' && html_[at_] != '/') ++at_;
    std::string name = AsciiLower(html_.substr(start, at_ - start));
    while (at_ < html_.size() && html_[at_] != '>') Attribute();
    if (at_ < html_.size()) ++at_;
    if (name == "script" || name == "style") {  // their text is not markup
      size_t end = AsciiLower(html_.substr(at_)).find("</" + name);
      at_ = end == std::string::npos ? html_.size() : at_ + end;
    }
  }

  void Attribute() {
    while (at_ < html_.size() && (IsSpace(html_[at_]) || html_[at_] == '/')) ++at_;
    size_t start = at_;
    while (at_ < html_.size() && !IsSpace(html_[at_]) && html_[at_] != '=' && html_[at_] != '>') ++at_;
    std::string name = AsciiLower(html_.substr(start, at_ - start));
    while (at_ < html_.size() && IsSpace(html_[at_])) ++at_;
    if (at_ >= html_.size() || html_[at_] != '=') return;
    ++at_;
    while (at_ < html_.size() && IsSpace(html_[at_])) ++at_;
    size_t begin = at_, end;
    if (at_ < html_.size() && (html_[at_] == '"' || html_[at_] == '\'')) {
      end = html_.find(html_[at_], at_ + 1);
      if (end == std::string_view::npos) end = html_.size();
      begin = at_ + 1;
      at_ = std::min(end + 1, html_.size());
    } else {
      while (at_ < html_.size() && !IsSpace(html_[at_]) && html_[at_] != '>') ++at_;
      end = at_;
    }
    if (IsUrlAttribute(name) && IsDangerousValue(html_.substr(begin, end - begin)))
      found_.push_back({begin, end});
  }

  std::string_view html_;
  size_t at_ = 0;
  std::vector<std::pair<size_t, size_t>> found_;
};

std::string CollapsedText(std::string_view html) {
  std::string text;
  bool in_tag = false;
  for (char c : html) {
    if (in_tag) {
      in_tag = c != '>';
    } else if (c == '<') {
      in_tag = true;
    } else {
      text += c;
    }
  }
  std::string out;
  for (char c : DecodeReferences(text)) {
    bool space = IsSpace(c);
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::string HtmlPageContent(std::string_view html) {
  std::string out;
  size_t copied = 0;
  for (const auto& [begin, end] : UrlScanner(html).Scan()) {
    out.append(html.substr(copied, begin - copied));
    copied = end;
  }
  out.append(html.substr(copied));
  return out;
}

std::string HtmlSummaryText(std::string_view html) {
  std::string lower = AsciiLower(html);
  for (size_t at = lower.find("<p"); at != std::string::npos; at = lower.find("<p", at + 2)) {
    if (at + 2 >= lower.size() || (lower[at + 2] != '>' && !IsSpace(lower[at + 2]))) continue;
    size_t open_end = lower.find('>', at);
    if (open_end == std::string::npos) return "";
    size_t close = lower.find("</p", open_end);
    std::string text =
        CollapsedText(html.substr(open_end + 1, close == std::string::npos ? close : close - open_end - 1));
    if (!text.empty()) return text;
  }
  return "";
}

std::string HtmlFirstHeadingText(std::string_view html) {
  std::string lower = AsciiLower(html);
  for (size_t at = lower.find("<h"); at != std::string::npos; at = lower.find("<h", at + 2)) {
    if (at + 3 >= lower.size() || lower[at + 2] < '1' || lower[at + 2] > '6' ||
        (lower[at + 3] != '>' && !IsSpace(lower[at + 3])))
      continue;
    size_t open_end = lower.find('>', at);
    if (open_end == std::string::npos) return "";
    size_t close = lower.find(std::string("</h") + lower[at + 2], open_end);
    std::string text =
        CollapsedText(html.substr(open_end + 1, close == std::string::npos ? close : close - open_end - 1));
    if (!text.empty()) return text;
  }
  return "";
}

}  // namespace tandem
