// Reading files, hashing bytes, and the I/O error that names its file.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tandem {

// A failed read or write; what() is "path: what went wrong", as the user sees it.
class IoError : public std::runtime_error {
 public:
  IoError(const std::string& path, const std::string& what)
      : std::runtime_error(path + ": " + what), path_(path) {}
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// A file refused because, its links followed, it lies outside the folder it must stay in;
// target() is where the link leads. Nothing of the file is read.
class LinkOutsideError : public IoError {
 public:
  LinkOutsideError(const std::string& path, const std::string& target)
      : IoError(path, "symbolic link to " + target + " points outside"), target_(target) {}
  const std::string& target() const { return target_; }

 private:
  std::string target_;
};

// Reads a whole regular file; throws IoError ("cannot read: No such file or directory"). A FIFO, a
// device or a socket is refused before a byte is read, so that none can block or fill memory.
std::string ReadFile(const std::string& path);
// ReadFile for a file that must lie inside the folder `root` (absolute) once every link is
// followed: the one door through which a site's files are read. Checked before opening (the
// error names the link's target) and again on the file opened, so a link swapped in between is
// refused too. Throws LinkOutsideError, or IoError as ReadFile does.
std::string ReadFileInside(const std::string& path, const std::string& root);
// ReadFile refusing a symbolic link at `path` itself: tandem's own state files.
std::string ReadFileNoFollow(const std::string& path);

// A regular file open for reading in blocks, never whole: a bundle's video or archive may be
// larger than memory. Opened as ReadFile opens (a FIFO or device is refused unread).
class InputFile {
 public:
  explicit InputFile(const std::string& path);  // throws IoError
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  // Calls `block` with the file's bytes from the start, 1 MiB at a time; throws IoError.
  void ForEachBlock(const std::function<void(std::string_view)>& block) const;
  // HashBytes of the whole contents, read through once.
  uint64_t Hash() const;
  uint64_t size() const { return size_; }  // when opened

 private:
  std::string path_;
  int fd_ = -1;
  uint64_t size_ = 0;
};

// Where `path` leads, when it is (or lies in a folder that is) a symbolic link resolving
// outside the folder `root`; nullopt when it stays inside. Nothing outside a site is published.
std::optional<std::string> LinkOutside(const std::string& path, const std::string& root);

// Writes `bytes` to `path` through a temporary file renamed over it, so that a reader (or the
// next build, after a crash) sees the old file or the new one, never half of one. Every write
// is checked: throws IoError on failure, leaving `path` as it was.
void WriteFileAtomically(const std::string& path, std::string_view bytes);

// XXH3, 64 bits (Debian's libxxhash): fast and the same on every machine and version.
uint64_t HashBytes(std::string_view bytes);

// Hashes a sequence of fields; each is length-prefixed, so ("ab", "c") and ("a", "bc") differ.
class Hasher {
 public:
  Hasher();
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;
  Hasher& Add(std::string_view field);
  Hasher& Add(uint64_t n);
  uint64_t Digest() const;

 private:
  void* state_;  // XXH3_state_t
};

}  // namespace tandem
