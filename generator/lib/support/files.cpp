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

// Reads `fd` (opened for `path`) whole, then closes it; a file that is not regular is refused
// unread. Plain POSIX reads into a string sized from fstat: at 20,000 pages, streams cost a seventh
// of the build.
std::string ReadOpened(int fd, const std::string& path) {
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    bool folder = S_ISDIR(st.st_mode);
    close(fd);
    throw IoError(path, folder ? "cannot read: it is a folder, not a file"
                               : "cannot read: it is not a regular file (a FIFO, device or socket); "
                                 "tandem reads only files");
  }
  std::string bytes;
  if (st.st_size > 0) bytes.resize(static_cast<size_t>(st.st_size));
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

// O_NONBLOCK: opening a FIFO must not wait for a writer; ReadOpened then refuses it.
int OpenToRead(const std::string& path, int extra_flags) {
  int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | extra_flags);
  if (fd < 0 && errno == ELOOP && (extra_flags & O_NOFOLLOW))
    throw IoError(path, "cannot read: it is a symbolic link; tandem reads its own files only as files");
  if (fd < 0) throw IoError(path, "cannot read: " + Reason(errno));
  return fd;
}

std::string Canonical(const std::string& path) {
  std::error_code ec;
  std::string resolved = std::filesystem::weakly_canonical(path, ec).string();
  return ec ? std::string() : resolved;
}

bool IsInside(const std::string& resolved, std::string root) {
  if (root.empty() || resolved.empty()) return false;
  if (root.back() != '/') root += '/';
  return resolved.compare(0, root.size(), root) == 0;
}

}  // namespace

std::string ReadFile(const std::string& path) {
  return ReadOpened(OpenToRead(path, 0), path);
}

std::string ReadFileNoFollow(const std::string& path) {
  return ReadOpened(OpenToRead(path, O_NOFOLLOW), path);
}

std::string ReadFileInside(const std::string& path, const std::string& root) {
  if (auto target = LinkOutside(path, root)) throw LinkOutsideError(path, *target);
  int fd = OpenToRead(path, 0);
  // The file opened, as the kernel reached it: a link changed since the check is caught here.
  char buffer[4096];
  std::string proc = "/proc/self/fd/" + std::to_string(fd);
  ssize_t n = readlink(proc.c_str(), buffer, sizeof buffer);
  if (n > 0 && static_cast<size_t>(n) < sizeof buffer && buffer[0] == '/') {
    std::string opened(buffer, static_cast<size_t>(n));
    if (!IsInside(opened, Canonical(root))) {
      close(fd);
      throw LinkOutsideError(path, opened);
    }
  }
  return ReadOpened(fd, path);
}

InputFile::InputFile(const std::string& path) : path_(path), fd_(OpenToRead(path, 0)) {
  struct stat st {};
  if (fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd_);
    throw IoError(path, S_ISDIR(st.st_mode) ? "cannot read: it is a folder, not a file"
                                            : "cannot read: it is not a regular file (a FIFO, device or "
                                              "socket); tandem reads only files");
  }
  size_ = static_cast<uint64_t>(st.st_size);
}

InputFile::~InputFile() {
  close(fd_);
}

void InputFile::ForEachBlock(const std::function<void(std::string_view)>& block) const {
  constexpr size_t kBlock = 1 << 20;
  std::string buffer(kBlock, '\0');
  for (off_t at = 0;;) {
    ssize_t n = pread(fd_, buffer.data(), kBlock, at);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw IoError(path_, "cannot read: " + Reason(errno));
    if (n == 0) return;
    block(std::string_view(buffer.data(), static_cast<size_t>(n)));
    at += n;
  }
}

uint64_t InputFile::Hash() const {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  try {
    ForEachBlock([&](std::string_view bytes) { XXH3_64bits_update(state, bytes.data(), bytes.size()); });
  } catch (...) {
    XXH3_freeState(state);
    throw;
  }
  uint64_t hash = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return hash;
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
  std::string resolved = Canonical(path);
  if (IsInside(resolved, Canonical(root))) return std::nullopt;
  std::error_code ec;
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
