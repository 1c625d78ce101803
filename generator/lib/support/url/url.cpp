#include "support/url/url.hpp"

#include <algorithm>

#include "support/text.hpp"

namespace tandem {

namespace {

int DefaultPort(const std::string& scheme) {
  return scheme == "https" ? 443 : 80;
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// Written into paths, HTML, XML and robots.txt, a base URL may not break out of any of them.
bool HasUnsafeCharacter(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\';
  });
}

// A base is a folder of the output: nothing in it may climb out or hide a part of the address.
bool IsPlainAddress(std::string_view text) {
  for (std::string_view bad : {"/../", "/./", "%2e", "%2E", "?", "#"})
    if (text.find(bad) != std::string_view::npos) return false;
  return !EndsWith(text, "/..") && !EndsWith(text, "/.");
}

// A DNS name (RFC 1123) in lowercase, dot-separated labels of letters, digits and hyphens; or
// an IPv6 address in brackets. Anything else would name a folder no server agrees on.
bool IsHost(std::string_view host) {
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    return std::all_of(host.begin() + 1, host.end() - 1,
                       [](char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || c == ':' || c == '.'; });
  if (host.empty() || host.front() == '.' || host.back() == '.' || host.find("..") != std::string_view::npos)
    return false;
  return std::all_of(host.begin(), host.end(),
                     [](char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || c == '-' || c == '.'; });
}

// "8443" -> 8443; nullopt unless a number from 1 to 65535.
std::optional<int> PortNumber(std::string_view digits) {
  if (digits.empty() || digits.size() > 5 || !std::all_of(digits.begin(), digits.end(), IsDigit))
    return std::nullopt;
  int port = std::stoi(std::string(digits));
  if (port < 1 || port > 65535) return std::nullopt;
  return port;
}

// Splits "host:port" (the authority, with no user name) into `url`; the problem otherwise.
std::optional<std::string> ReadAuthority(std::string_view authority, const std::string& quoted, Url& url) {
  size_t colon = authority.rfind(':');
  if (colon != std::string_view::npos && authority.find(']', colon) != std::string_view::npos)
    colon = std::string_view::npos;  // a colon inside an IPv6 address
  url.host = AsciiLower(authority.substr(0, colon));
  if (url.host.empty())
    return quoted + " must be an absolute http or https URL, like \"https://example.ca/\"";
  if (!IsHost(url.host))
    return quoted +
           " must have a host name of letters, digits, hyphens and dots, like \"example.ca\" (a name "
           "beyond ASCII in its xn-- form)";
  if (colon == std::string_view::npos) return std::nullopt;
  auto port = PortNumber(authority.substr(colon + 1));
  if (!port)
    return quoted +
           " must have a port from 1 to 65535 after the host, like \"https://example.ca:8443/\", or none";
  url.port = *port == DefaultPort(url.scheme) ? 0 : *port;
  return std::nullopt;
}

}  // namespace

std::string Url::Origin() const {
  std::string origin = scheme + "://" + host;
  if (port != 0) origin += ":" + std::to_string(port);
  return origin;
}

std::optional<Url> ParseBaseUrl(std::string_view text, std::string& problem) {
  if (HasUnsafeCharacter(text)) {
    problem = "must not contain spaces, quotes, angle brackets, backslashes or control characters";
    return std::nullopt;
  }
  std::string quoted = "\"" + std::string(text) + "\"";
  Url url;
  size_t scheme_end = text.find("://");
  url.scheme = AsciiLower(text.substr(0, scheme_end));
  if (scheme_end == std::string_view::npos || (url.scheme != "http" && url.scheme != "https")) {
    problem = quoted + " must be an absolute http or https URL, like \"https://example.ca/\"";
    return std::nullopt;
  }
  if (!IsPlainAddress(text)) {
    problem = "must be a plain address without \"..\", \".\", percent-encoded dots, a query or a fragment";
    return std::nullopt;
  }
  size_t path_start = std::min(text.find('/', scheme_end + 3), text.size());
  std::string_view authority = text.substr(scheme_end + 3, path_start - scheme_end - 3);
  if (authority.find('@') != std::string_view::npos) {
    problem =
        quoted +
        " must not hold a user name or password (the part before \"@\"): it would be written into every "
        "canonical link and the sitemap; remove it";
    return std::nullopt;
  }
  if (auto bad = ReadAuthority(authority, quoted, url)) {
    problem = *bad;
    return std::nullopt;
  }
  url.path = path_start == text.size() ? "/" : std::string(text.substr(path_start));
  if (url.path.back() != '/') url.path += '/';
  return url;
}

std::string PercentEncoded(std::string_view text, UrlSafe safe) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    bool keep = safe == UrlSafe::kAscii
                    ? c < 0x80
                    : (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                          c == '-' || c == '.' || c == '_' || c == '~';
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace tandem
