// What every fuzz target shares: the input size limit, invariant checks that abort (so that
// libFuzzer saves the input), and a scratch folder made once per process.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

namespace tandem::fuzz {

// Past this, an input measures slowness rather than bugs: it is skipped (and kept out of the
// corpus by returning -1).
constexpr size_t kMaxInput = 64 * 1024;

// Fails the run: libFuzzer reports a deadly signal and writes the input to crash-<sha1>.
[[noreturn]] inline void Fail(const char* file, int line, const char* what, std::string_view detail) {
  std::fprintf(stderr, "\n==== tandem fuzz invariant broken at %s:%d: %s\n", file, line, what);
  if (!detail.empty()) std::fprintf(stderr, "     %.*s\n", static_cast<int>(detail.size()), detail.data());
  std::fflush(stderr);
  std::abort();
}

#define FUZZ_CHECK(cond, detail)                                            \
  do {                                                                      \
    if (!(cond)) ::tandem::fuzz::Fail(__FILE__, __LINE__, #cond, (detail)); \
  } while (0)

// `s` quoted, with every byte outside printable ASCII (and the backslash) as \xHH: for the
// message of a broken invariant, whatever bytes the input holds.
inline std::string Quoted(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  return out + "\"";
}

// A folder of this process's own under $TMPDIR, removed at a normal exit. A run that crashes
// leaves it (tests/fuzz/run.sh points TMPDIR into its scratch folder, which it removes).
class ScratchDir {
 public:
  static const std::string& Path() {
    static ScratchDir dir;
    return dir.path_;
  }

 private:
  ScratchDir() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/tandem-fuzz-XXXXXX";
    if (!mkdtemp(pattern.data())) {
      std::perror("tandem fuzz: mkdtemp");
      std::abort();
    }
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string path_;
};

// Writes `bytes` to `path`, making its folder; aborts when it cannot (not a finding of the
// code under test, but nothing could be measured).
inline void WriteOrDie(const std::string& path, std::string_view bytes) {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f || std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size() || std::fclose(f) != 0) {
    std::perror(("tandem fuzz: cannot write " + path).c_str());
    std::abort();
  }
}

// The offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629:
// no overlong forms, no surrogates, nothing above U+10FFFF), or npos.
inline size_t FirstInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      n = 2, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 3, cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 4, cp = c & 0x07;
    } else {
      return i;
    }
    if (i + n > s.size()) return i;
    for (size_t k = 1; k < n; ++k) {
      unsigned char t = static_cast<unsigned char>(s[i + k]);
      if ((t & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (t & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += n;
  }
  return std::string_view::npos;
}

inline bool IsValidUtf8(std::string_view s) {
  return FirstInvalidUtf8(s) == std::string_view::npos;
}

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace tandem::fuzz
