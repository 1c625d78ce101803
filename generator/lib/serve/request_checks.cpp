#include "serve/request_checks.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "output/beneath.hpp"
#include "output/writer.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

bool HasUnsafeChar(std::string_view path) {
  return std::any_of(path.begin(), path.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f || c == '\\' || c == '%';
  });
}

bool IsIpLiteral(const std::string& host) {
  // inet_pton reads a C string: "127.0.0.1\0.attacker.example" would pass as its first part.
  if (host.find('\0') != std::string::npos) return false;
  unsigned char buf[16];
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    return inet_pton(AF_INET6, host.substr(1, host.size() - 2).c_str(), buf) == 1;
  return inet_pton(AF_INET, host.c_str(), buf) == 1;
}

}  // namespace

RequestTarget ResolveRequestPath(std::string_view path) {
  RequestTarget target;
  if (path.empty() || path.front() != '/' || HasUnsafeChar(path)) return {400, "", false};
  std::string_view rest = path.substr(1);
  if (!rest.empty() && rest.back() == '/') {
    target.folder = true;
    rest.remove_suffix(1);
  }
  if (rest.empty()) {
    target.folder = true;
    return target;
  }
  if (!IsPlainRelativePath(rest)) return {400, "", false};
  std::string_view first = rest.substr(0, rest.find('/'));
  if (first == OutputWriter::kStateDir) return {404, "", false};
  target.rel = std::string(rest);
  return target;
}

std::string ContentTypeFor(std::string_view rel) {
  static const std::array<std::pair<std::string_view, std::string_view>, 24> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".xml", "application/xml"},
      {".txt", "text/plain; charset=utf-8"},
      {".csv", "text/csv; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".avif", "image/avif"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".pdf", "application/pdf"},
      {".webmanifest", "application/manifest+json"},
      {".mp4", "video/mp4"},
      {".webm", "video/webm"},
  }};
  std::string lower = AsciiLower(rel);
  for (const auto& [ext, type] : kTypes)
    if (EndsWith(lower, ext)) return std::string(type);
  return "application/octet-stream";
}

bool IsAllowedHost(std::string_view host_header, std::string_view bind, int port) {
  std::string host = AsciiLower(host_header);
  std::string suffix = ":" + std::to_string(port);
  if (!EndsWith(host, suffix)) return false;
  host.resize(host.size() - suffix.size());
  return host == "localhost" || IsIpLiteral(host) || (!host.empty() && host == AsciiLower(bind));
}

bool IsAllowedOrigin(std::string_view origin, std::string_view bind, int port) {
  if (origin.empty()) return true;
  std::string lower = AsciiLower(origin);
  return StartsWith(lower, "http://") && IsAllowedHost(std::string_view(lower).substr(7), bind, port);
}

}  // namespace tandem
