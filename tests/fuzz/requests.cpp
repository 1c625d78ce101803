// What `tandem serve` checks on every request before it reads a file (serve/request_checks.hpp):
// ResolveRequestPath on the input as a decoded path, IsAllowedHost and IsAllowedOrigin on it as
// a header, against a loopback bind and one open to the network.
//
// Invariants, besides no crash or sanitizer report:
// - a path that is served (status 200) names "" or a plain relative path (no empty, "." or ".."
//   part, no backslash or control byte, no '%' left), never tandem's state folder .tandem/, and
//   stays below the served folder once joined to it;
// - a refused path is refused with 400 or 404 and names nothing;
// - an allowed Host is "localhost", an IP address literal or the bind address (in any case), with
//   the port;
//   an allowed Origin is absent or "http://" and an allowed Host.
#include <filesystem>

#include "fuzz_common.hpp"
#include "output/beneath.hpp"
#include "serve/request_checks.hpp"
#include "support/text.hpp"

namespace {

using namespace tandem;

constexpr int kPort = 1313;

void CheckPath(std::string_view path) {
  RequestTarget target = ResolveRequestPath(path);
  std::string shown = "ResolveRequestPath(" + fuzz::Quoted(path) + ") = " + std::to_string(target.status) +
                      " " + fuzz::Quoted(target.rel);
  if (target.status != 200) {
    FUZZ_CHECK(target.status == 400 || target.status == 404, shown);
    return;
  }
  if (target.rel.empty()) return;
  FUZZ_CHECK(IsPlainRelativePath(target.rel), shown + ": not a plain relative path");
  FUZZ_CHECK(target.rel.find('%') == std::string::npos, shown + ": a '%' left");
  FUZZ_CHECK(target.rel != ".tandem" && !StartsWith(target.rel, ".tandem/"), shown + ": the state folder");
  namespace fs = std::filesystem;
  fs::path root = "/srv/site";
  fs::path joined = (root / target.rel).lexically_normal();
  FUZZ_CHECK(StartsWith(joined.string(), "/srv/site/"), shown + ": leaves the folder as " + joined.string());
}

// The host part of a Host header: "[::1]" for "[::1]:1313", "localhost" for "localhost:1313".
std::string_view HostPart(std::string_view header) {
  if (StartsWith(header, "[")) return header.substr(0, header.find(']') + 1);
  return header.substr(0, header.rfind(':'));
}

bool IsIpLiteral(std::string_view host) {
  if (StartsWith(host, "[") && EndsWith(host, "]")) return true;
  if (host.empty()) return false;
  for (char c : host)
    if (!((c >= '0' && c <= '9') || c == '.')) return false;
  return true;
}

void CheckHost(std::string_view header, std::string_view bind) {
  if (!IsAllowedHost(header, bind, kPort)) return;
  std::string shown = "IsAllowedHost(" + fuzz::Quoted(header) + ", " + std::string(bind) + ")";
  std::string lower = AsciiLower(header);  // host names are compared without case
  FUZZ_CHECK(EndsWith(lower, ":" + std::to_string(kPort)), shown + ": another port");
  std::string_view host = HostPart(lower);
  FUZZ_CHECK(host == "localhost" || host == bind || IsIpLiteral(host), shown + ": another host name");
}

void CheckOrigin(std::string_view origin, std::string_view bind) {
  if (!IsAllowedOrigin(origin, bind, kPort) || origin.empty()) return;
  std::string shown = "IsAllowedOrigin(" + fuzz::Quoted(origin) + ", " + std::string(bind) + ")";
  FUZZ_CHECK(StartsWith(AsciiLower(origin), "http://"), shown + ": not http");
  FUZZ_CHECK(IsAllowedHost(origin.substr(7), bind, kPort), shown + ": a host that is not allowed");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > fuzz::kMaxInput) return -1;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  CheckPath(input);
  for (std::string_view bind : {"127.0.0.1", "0.0.0.0"}) {
    CheckHost(input, bind);
    CheckOrigin(input, bind);
  }
  return 0;
}
