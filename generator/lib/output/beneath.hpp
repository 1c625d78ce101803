// tandem owns exactly one folder. Every path it renames or deletes there is a
// plain relative path, checked before use, and is reached from the folder
// itself one component at a time without following a symbolic link: nothing
// read from a state file or a site can name a place outside the folder.
#pragma once

#include <string>
#include <string_view>

namespace tandem {

// A relative path of plain names: no empty, "." or ".." part, no leading '/', no NUL or
// control character. Output paths and every path read from the state folder must be one.
bool IsPlainRelativePath(std::string_view path);

// Why a write below a folder failed, as the user reads it: a link or a file where a folder
// should be is named as such, with what to do. `folder`: "its output folder", "the site".
std::string WriteFailure(int error, std::string_view folder = "its output folder");

// An open folder; closed on destruction.
class DirFd {
 public:
  DirFd() = default;
  explicit DirFd(int fd) : fd_(fd) {}
  ~DirFd();
  DirFd(DirFd&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  DirFd& operator=(DirFd&& other) noexcept;
  int get() const { return fd_; }
  bool ok() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

// Opens `path` (absolute) as a folder, not following a link at its last part. errno on failure.
DirFd OpenDir(const std::string& path);
// Opens the folder a user named on the command line, links in its path followed: the user chose
// it. Below it, nothing is reached but through OpenDirBeneath. errno on failure.
DirFd OpenNamedDir(const std::string& path);
// Opens the folder `rel` (a plain relative path, "" for `root` itself) below `root`, part by part,
// never following a link; with `create`, makes missing folders. errno on failure (ELOOP or
// ENOTDIR where a part is a link).
DirFd OpenDirBeneath(const DirFd& root, std::string_view rel, bool create);

// Deletes the file `rel` below `root` without following links; true if it was there and is gone.
bool RemoveFileBeneath(const DirFd& root, std::string_view rel);
// Removes the empty folders that held `rel`, deepest first, up to (not including) `root`.
void PruneEmptyDirsBeneath(const DirFd& root, std::string_view rel);
// Writes `bytes` to the file `rel` below `root`, making folders as needed and following no link
// on the way: through a temporary file (created O_EXCL | O_NOFOLLOW) renamed over `rel`, so a link
// at `rel` is replaced, never written through. False with errno on failure; nothing is left.
bool WriteFileBeneath(const DirFd& root, std::string_view rel, std::string_view bytes);
// Moves `rel` from below `from` to the same place below `to`, making folders as needed.
// False with errno on failure.
bool MoveBeneath(const DirFd& from, const DirFd& to, std::string_view rel);
// Gives the file `rel` below `from` a second name at the same place below `to` (a hard link; no
// link is followed), making folders as needed. False with errno on failure.
bool LinkBeneath(const DirFd& from, const DirFd& to, std::string_view rel);

}  // namespace tandem
