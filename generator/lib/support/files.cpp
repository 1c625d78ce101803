#include "support/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace tandem {

namespace {

std::string Reason(int error) {
  return std::strerror(error);
}

// Writes all of `bytes` to `fd`, retrying short writes; false with errno set on failure.
bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

// Plain POSIX reads into a string sized from fstat: at 20,000 pages, streams cost a seventh of the build.
std::string ReadFile(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw IoError(path, "cannot read: " + Reason(errno));
  struct stat st;
  std::string bytes;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    close(fd);
    throw IoError(path, "cannot read: it is a folder, not a file");
  }
  if (fstat(fd, &st) == 0 && st.st_size > 0) bytes.resize(static_cast<size_t>(st.st_size));
  size_t got = 0;
  for (;;) {
    if (got == bytes.size()) bytes.resize(bytes.size() + 4096);  // a file that grew, or one stat cannot size
    ssize_t n = read(fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int error = errno;
      close(fd);
      throw IoError(path, "cannot read: " + Reason(error));
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  close(fd);
  bytes.resize(got);
  return bytes;
}

void WriteFileAtomically(const std::string& path, std::string_view bytes) {
  std::string tmp = path + ".tmp" + std::to_string(getpid());
  // O_EXCL with O_NOFOLLOW: a link planted at the temporary name is never written through.
  unlink(tmp.c_str());
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) throw IoError(path, "cannot write: " + Reason(errno));
  bool ok = WriteAll(fd, bytes);
  int error = errno;
  if (close(fd) != 0 && ok) {
    ok = false;
    error = errno;
  }
  if (ok && rename(tmp.c_str(), path.c_str()) != 0) {
    ok = false;
    error = errno;
  }
  if (!ok) {
    unlink(tmp.c_str());
    throw IoError(path, "cannot write: " + Reason(error));
  }
}

std::optional<std::string> LinkOutside(const std::string& path, const std::string& root) {
  std::error_code ec;
  std::string resolved = std::filesystem::weakly_canonical(path, ec).string();
  std::string inside = std::filesystem::weakly_canonical(root, ec).string();
  if (!inside.empty() && inside.back() != '/') inside += '/';
  if (!ec && resolved.compare(0, inside.size(), inside) == 0) return std::nullopt;
  std::string target = std::filesystem::read_symlink(path, ec).string();
  return ec ? resolved : target;
}

uint64_t HashBytes(std::string_view bytes) {
  return XXH3_64bits(bytes.data(), bytes.size());
}

Hasher::Hasher() : state_(XXH3_createState()) {
  XXH3_64bits_reset(static_cast<XXH3_state_t*>(state_));
}

Hasher::~Hasher() {
  XXH3_freeState(static_cast<XXH3_state_t*>(state_));
}

Hasher& Hasher::Add(std::string_view field) {
  Add(static_cast<uint64_t>(field.size()));
  XXH3_64bits_update(static_cast<XXH3_state_t*>(state_), field.data(), field.size());
  return *this;
}

Hasher& Hasher::Add(uint64_t n) {
  XXH3_64bits_update(static_cast<XXH3_state_t*>(state_), &n, sizeof n);
  return *this;
}

uint64_t Hasher::Digest() const {
  return XXH3_64bits_digest(static_cast<XXH3_state_t*>(state_));
}

}  // namespace tandem
