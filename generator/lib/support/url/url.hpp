// URLs as values: a base URL is parsed once, when site.toml or the command line gives it, so two
// spellings of one address (HTTPS://Example.ca:443/ and https://example.ca/) are one host, and
// what no base may hold (a user name, a port out of range, a query) is refused where it is written.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tandem {

// An absolute http or https URL that other addresses are built on: the site's or a language's.
struct Url {
  std::string scheme;      // "https": lowercase
  std::string host;        // "example.ca": lowercase; an IPv6 address in brackets, "[::1]"
  int port = 0;            // 0 for the scheme's own (80, 443), so both spellings compare equal
  std::string path = "/";  // starts and ends with '/': "/en/"

  std::string Origin() const;  // "https://example.ca:8443"
  std::string Text() const { return Origin() + path; }
  bool operator==(const Url&) const = default;
};

// `text` as a base URL, or nullopt with `problem` set to what is wrong, worded to follow the
// name of the setting: "base_url " + problem.
std::optional<Url> ParseBaseUrl(std::string_view text, std::string& problem);

// Which bytes PercentEncoded writes as themselves; every other byte becomes %XX.
enum class UrlSafe {
  kAscii,       // a path made a URI (RFC 3987): only bytes beyond ASCII are encoded
  kUnreserved,  // a query component (RFC 3986): all but letters, digits and "-._~"
};
std::string PercentEncoded(std::string_view text, UrlSafe safe);

}  // namespace tandem
