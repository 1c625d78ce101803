#include "support/url/url_policy.hpp"

#include <cstdio>

#include "support/text.hpp"

namespace tandem {

namespace {

constexpr size_t kShownBytes = 60;

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool IsControl(char c) {
  return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
}

// `url` in quotes for a message: control characters as \t, \n, \r or \xNN, so none reaches the
// terminal; cut after about 60 bytes (a data: address may be megabytes), never inside a character.
std::string Quoted(std::string_view url) {
  std::string out = "\"";
  for (size_t i = 0; i < url.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(url[i]);
    if (i >= kShownBytes && (c & 0xC0) != 0x80) {
      out += "...";
      break;
    }
    if (c == '\t' || c == '\n' || c == '\r') {
      out += c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r";
    } else if (IsControl(url[i])) {
      char escape[5];
      std::snprintf(escape, sizeof escape, "\\x%02X", c);
      out += escape;
    } else {
      out += url[i];
    }
  }
  return out + "\"";
}

// What the URL Standard's parser reads: no C0 control or space around the address, and no
// tab, line feed or carriage return in it.
std::string AsBrowserReads(std::string_view url) {
  auto c0_or_space = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
  while (!url.empty() && c0_or_space(url.front())) url.remove_prefix(1);
  while (!url.empty() && c0_or_space(url.back())) url.remove_suffix(1);
  std::string out;
  for (char c : url)
    if (c != '\t' && c != '\n' && c != '\r') out += c;
  return out;
}

// What is wrong with `url` (as a browser reads it), with `subject` naming it; nullopt if nothing.
std::optional<std::string> Problem(const std::string& url, const std::string& subject) {
  for (char c : url)
    if (IsControl(c)) {
      char code[7];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned char>(c));
      return subject + " holds the control character " + code + "; remove it";
    }
  std::string scheme = UrlScheme(url);
  if (!scheme.empty() && scheme != "http" && scheme != "https" && scheme != "mailto" && scheme != "tel")
    return subject + " is a \"" + scheme +
           ":\" address, which tandem does not write into a page; link to an http, https, mailto or tel "
           "address, or to a path of the site";
  if (url.substr(0, url.find_first_of("?#")).find('\\') != std::string::npos)
    return subject +
           " holds a backslash, which a browser reads as \"/\" (so \"/\\host\" is another host); write \"/\" "
           "instead";
  if (scheme.empty() && StartsWith(url, "//"))
    return subject + " names another host without a scheme; write it in full, like \"https:" + url +
           "\", or a path of the site with a single \"/\"";
  if (scheme != "http" && scheme != "https") return std::nullopt;
  std::string_view rest = std::string_view(url).substr(scheme.size() + 1);
  size_t authority_end = rest.find_first_of("/?#", 2);
  std::string_view authority =
      rest.substr(2, authority_end == std::string_view::npos ? rest.npos : authority_end - 2);
  if (!StartsWith(rest, "//") || authority.empty())
    return subject + " has no host after \"" + scheme + ":\"; write it like \"" + scheme +
           "://example.ca/page\"";
  if (size_t at = authority.rfind('@'); at != std::string_view::npos)
    return subject +
           " holds a user name or password (the part before \"@\"), which a page must not publish; remove "
           "it: "
           "\"" +
           scheme + "://" + std::string(rest.substr(2 + at + 1)) + "\"";
  return std::nullopt;
}

}  // namespace

std::string UrlScheme(std::string_view url) {
  if (url.empty() || !IsAsciiAlpha(url[0])) return "";
  for (size_t i = 1; i < url.size(); ++i) {
    char c = url[i];
    if (c == ':') return AsciiLower(url.substr(0, i));
    if (!IsAsciiAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return "";
  }
  return "";
}

std::optional<std::string> CleanUrl(std::string_view written, std::string& problem) {
  std::string url = AsBrowserReads(written);
  std::string subject = "the address " + Quoted(written);
  if (url != written) subject += ", which a browser reads as " + Quoted(url) + ",";
  if (auto bad = Problem(url, subject)) {
    problem = *bad;
    return std::nullopt;
  }
  return url;
}

}  // namespace tandem
