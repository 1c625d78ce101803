#include "output/beneath.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace tandem {

bool IsPlainRelativePath(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.back() == '/') return false;
  for (char c : path)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  for (size_t start = 0; start <= path.size();) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view part = path.substr(start, slash - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = slash + 1;
  }
  return true;
}

std::string WriteFailure(int error, std::string_view folder) {
  if (error == ELOOP || error == ENOTDIR)
    return "a folder on the way is a symbolic link or a file; tandem writes only inside " +
           std::string(folder) + ": replace it with a real folder";
  return std::strerror(error);
}

DirFd::~DirFd() {
  if (fd_ >= 0) close(fd_);
}

DirFd& DirFd::operator=(DirFd&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

DirFd OpenDir(const std::string& path) {
  return DirFd(open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
}

DirFd OpenNamedDir(const std::string& path) {
  return DirFd(open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
}

DirFd OpenDirBeneath(const DirFd& root, std::string_view rel, bool create) {
  if (!root.ok()) return DirFd();
  DirFd at(dup(root.get()));
  if (rel.empty()) return at;
  if (!IsPlainRelativePath(rel)) {
    errno = EINVAL;
    return DirFd();
  }
  for (size_t start = 0; start <= rel.size() && at.ok();) {
    size_t slash = rel.find('/', start);
    if (slash == std::string_view::npos) slash = rel.size();
    std::string part(rel.substr(start, slash - start));
    int fd = openat(at.get(), part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT && create) {
      if (mkdirat(at.get(), part.c_str(), 0755) != 0 && errno != EEXIST) return DirFd();
      fd = openat(at.get(), part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    }
    at = DirFd(fd);
    start = slash + 1;
  }
  return at;
}

namespace {

std::string_view ParentOf(std::string_view rel) {
  size_t slash = rel.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : rel.substr(0, slash);
}

std::string NameOf(std::string_view rel) {
  size_t slash = rel.rfind('/');
  return std::string(slash == std::string_view::npos ? rel : rel.substr(slash + 1));
}

}  // namespace

bool RemoveFileBeneath(const DirFd& root, std::string_view rel) {
  if (!IsPlainRelativePath(rel)) return false;
  DirFd parent = OpenDirBeneath(root, ParentOf(rel), false);
  if (!parent.ok()) return false;
  std::string name = NameOf(rel);
  struct stat st;
  // A folder where a file was is someone else's now: leave it.
  if (fstatat(parent.get(), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || S_ISDIR(st.st_mode)) return false;
  return unlinkat(parent.get(), name.c_str(), 0) == 0;
}

void PruneEmptyDirsBeneath(const DirFd& root, std::string_view rel) {
  for (std::string_view dir = ParentOf(rel); !dir.empty(); dir = ParentOf(dir)) {
    DirFd parent = OpenDirBeneath(root, ParentOf(dir), false);
    if (!parent.ok() || unlinkat(parent.get(), NameOf(dir).c_str(), AT_REMOVEDIR) != 0) return;
  }
}

bool WriteFileBeneath(const DirFd& root, std::string_view rel, std::string_view bytes) {
  if (!IsPlainRelativePath(rel)) {
    errno = EINVAL;
    return false;
  }
  DirFd parent = OpenDirBeneath(root, ParentOf(rel), true);
  if (!parent.ok()) return false;
  std::string name = NameOf(rel), tmp = "." + name + ".tmp" + std::to_string(getpid());
  unlinkat(parent.get(), tmp.c_str(), 0);
  int fd = openat(parent.get(), tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  bool ok = true;
  while (ok && !bytes.empty()) {
    ssize_t n = write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) bytes.remove_prefix(static_cast<size_t>(n));
  }
  int error = ok ? 0 : (errno ? errno : EIO);
  if (close(fd) != 0 && ok) ok = false, error = errno;
  if (ok && renameat(parent.get(), tmp.c_str(), parent.get(), name.c_str()) != 0) ok = false, error = errno;
  if (!ok) {
    unlinkat(parent.get(), tmp.c_str(), 0);
    errno = error;
  }
  return ok;
}

bool LinkBeneath(const DirFd& from, const DirFd& to, std::string_view rel) {
  DirFd source = OpenDirBeneath(from, ParentOf(rel), false);
  if (!source.ok()) return false;
  DirFd target = OpenDirBeneath(to, ParentOf(rel), true);
  if (!target.ok()) return false;
  std::string name = NameOf(rel);
  return linkat(source.get(), name.c_str(), target.get(), name.c_str(), 0) == 0;
}

bool MoveBeneath(const DirFd& from, const DirFd& to, std::string_view rel) {
  DirFd source = OpenDirBeneath(from, ParentOf(rel), false);
  DirFd target = OpenDirBeneath(to, ParentOf(rel), true);
  if (!source.ok() || !target.ok()) return false;
  std::string name = NameOf(rel);
  return renameat(source.get(), name.c_str(), target.get(), name.c_str()) == 0;
}

}  // namespace tandem
