// support/url: a base URL parsed once into a value, and the one percent-encoder.
#include "support/url/url.hpp"

#include <catch2/catch.hpp>

using namespace tandem;

namespace {

// What ParseBaseUrl says about `text`: "ok <its text>" or its problem.
std::string Parsed(const std::string& text) {
  std::string problem;
  auto url = ParseBaseUrl(text, problem);
  return url ? "ok " + url->Text() : problem;
}

}  // namespace

TEST_CASE("a base URL's scheme and host are lowercased and its scheme's own port dropped", "[urls]") {
  std::string problem;
  auto url = ParseBaseUrl("HTTPS://Example.CA:443/En", problem);
  REQUIRE(url);
  CHECK(url->scheme == "https");
  CHECK(url->host == "example.ca");
  CHECK(url->port == 0);
  CHECK(url->path == "/En/");  // a path keeps its case: servers tell /En/ from /en/
  CHECK(url->Origin() == "https://example.ca");
  CHECK(*url == *ParseBaseUrl("https://example.ca/En/", problem));
  CHECK(Parsed("http://example.ca:80") == "ok http://example.ca/");
  CHECK(Parsed("http://localhost:1313") == "ok http://localhost:1313/");
  CHECK(Parsed("https://example.ca:8443/a/b") == "ok https://example.ca:8443/a/b/");
  CHECK(Parsed("http://[::1]:8080/") == "ok http://[::1]:8080/");
  CHECK(Parsed("https://example.ca/@team/") ==
        "ok https://example.ca/@team/");  // an @ in the path is no user
}

TEST_CASE("a base URL that no address may be built on says what is wrong", "[urls]") {
  CHECK(Parsed("example.ca") ==
        "\"example.ca\" must be an absolute http or https URL, like \"https://example.ca/\"");
  CHECK(Parsed("https:///en/") ==
        "\"https:///en/\" must be an absolute http or https URL, like \"https://example.ca/\"");
  CHECK(Parsed("mailto://example.ca/") ==
        "\"mailto://example.ca/\" must be an absolute http or https URL, like \"https://example.ca/\"");
  CHECK(Parsed("https://user:pw@example.ca/") ==
        "\"https://user:pw@example.ca/\" must not hold a user name or password (the part before \"@\"): it "
        "would be written into every canonical link and the sitemap; remove it");
  for (std::string port : {"0", "65536", "99999", "123456", "", "8o", "-1"})
    CHECK(Parsed("https://example.ca:" + port + "/") ==
          "\"https://example.ca:" + port +
              "/\" must have a port from 1 to 65535 after the host, like \"https://example.ca:8443/\", or "
              "none");
  CHECK(Parsed("https://example.ca:65535/") == "ok https://example.ca:65535/");
  for (std::string host : {"café.ca", "a..ca", ".ca", "ca.", "a_b.ca", "%65xample.ca", "[::g]"})
    CHECK(Parsed("https://" + host + "/") ==
          "\"https://" + host +
              "/\" must have a host name of letters, digits, hyphens and dots, like \"example.ca\" (a name "
              "beyond ASCII in its xn-- form)");
  CHECK(Parsed("https://example.ca/a b/") ==
        "must not contain spaces, quotes, angle brackets, backslashes or control characters");
  for (std::string bad : {"https://example.ca/a/../", "https://example.ca/%2e%2e/", "https://example.ca/?x",
                          "https://example.ca#top", "https://example.ca/a/.."})
    CHECK(Parsed(bad) ==
          "must be a plain address without \"..\", \".\", percent-encoded dots, a query or a fragment");
}

TEST_CASE("one percent-encoder: a path keeps ASCII, a query component only the unreserved", "[urls]") {
  CHECK(PercentEncoded("/fr/émission/?a=b c", UrlSafe::kAscii) == "/fr/%C3%A9mission/?a=b c");
  CHECK(PercentEncoded("https://example.ca/fr/é?a=b&c", UrlSafe::kUnreserved) ==
        "https%3A%2F%2Fexample.ca%2Ffr%2F%C3%A9%3Fa%3Db%26c");
  CHECK(PercentEncoded("AZaz09-._~", UrlSafe::kUnreserved) == "AZaz09-._~");
}
