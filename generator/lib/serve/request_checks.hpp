// What `tandem serve` checks on every request before it reads a byte: that the request is for
// this server (its Host, against DNS rebinding; its Origin, for the live-reload stream), and
// that its path names a plain file below the served folder.
#pragma once

#include <string>
#include <string_view>

namespace tandem {

// Where a request path leads below the served folder: a plain relative path ("" for the root),
// or the status refusing it.
struct RequestTarget {
  int status = 200;     // 400: not a plain path; 404: a place that is never served
  std::string rel;      // the file or folder, a plain relative path or ""
  bool folder = false;  // the path ended in '/': its index.html is meant
};

// `path` is the request's path after one percent-decoding. Refuses anything but plain names:
// "." and ".." parts, empty parts ("//", an absolute path after the first '/'), backslashes,
// NUL and other control characters, and a '%' left after decoding (double-encoded text such as
// %252e). tandem's own state folder (.tandem/) is never served.
RequestTarget ResolveRequestPath(std::string_view path);

// The Content-Type of a file, by its extension.
std::string ContentTypeFor(std::string_view rel);

// A Host header naming this server: "localhost", an IP address literal or `bind`, with `port`.
// A host name other than these could be an attacker's domain resolving to 127.0.0.1.
bool IsAllowedHost(std::string_view host_header, std::string_view bind, int port);

// An Origin header that is absent (same-origin requests need not send one) or names an
// allowed host over http.
bool IsAllowedOrigin(std::string_view origin, std::string_view bind, int port);

}  // namespace tandem
