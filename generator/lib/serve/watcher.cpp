#include "serve/watcher.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "support/text.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB |
                           IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK;
// However busy the folders are, a rebuild starts after this long.
constexpr auto kLongestBurst = std::chrono::milliseconds(1000);

// Files editors write beside the one being edited (vim's swap files and its 4913 probe, emacs's
// lock and backup files, GNOME's temporary files): none is an input, and saving does not
// depend on them, since the saved file itself is written or renamed into place.
bool IsEditorScratch(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  return EndsWith(name, "~") || EndsWith(name, ".swp") || EndsWith(name, ".swx") || name == "4913" ||
         StartsWith(name, ".#") || StartsWith(name, ".goutputstream-");
}

}  // namespace

Watcher::Watcher(std::vector<std::string> folders, std::vector<std::string> files)
    : inotify_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)),
      wake_(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)),
      folders_(std::move(folders)),
      files_(std::move(files)) {
  if (!ok()) return;
  for (const std::string& folder : folders_) {
    WatchParent(folder);
    WatchTree(folder);
  }
  for (const std::string& file : files_) WatchParent(file);
}

Watcher::~Watcher() {
  if (inotify_ >= 0) close(inotify_);
  if (wake_ >= 0) close(wake_);
}

void Watcher::Stop() {
  uint64_t one = 1;
  if (write(wake_, &one, sizeof one) < 0) {
  }
}

void Watcher::WatchParent(const std::string& path) {
  std::string parent = fs::path(path).parent_path().string();
  int wd = inotify_add_watch(inotify_, parent.c_str(), kMask);
  if (wd >= 0) watched_[wd] = parent;
}

// A folder and every folder below it; links are not followed, as the build does not follow them.
void Watcher::WatchTree(const std::string& folder) {
  int wd = inotify_add_watch(inotify_, folder.c_str(), kMask);
  if (wd < 0) return;
  watched_[wd] = folder;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(folder, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_directory(ec) && !it->is_symlink(ec)) {
      int sub = inotify_add_watch(inotify_, it->path().c_str(), kMask);
      if (sub >= 0) watched_[sub] = it->path().string();
    }
}

bool Watcher::Relevant(const std::string& path) const {
  if (IsEditorScratch(path)) return false;
  if (std::find(files_.begin(), files_.end(), path) != files_.end()) return true;
  return std::any_of(folders_.begin(), folders_.end(),
                     [&](const std::string& f) { return path == f || StartsWith(path, f + "/"); });
}

void Watcher::Drain(std::set<std::string>& changed) {
  alignas(inotify_event) char buffer[16384];
  for (;;) {
    ssize_t n = read(inotify_, buffer, sizeof buffer);
    if (n <= 0) return;
    for (char* at = buffer; at < buffer + n;) {
      auto* event = reinterpret_cast<inotify_event*>(at);
      at += sizeof(inotify_event) + event->len;
      if (event->mask & IN_Q_OVERFLOW) {  // events were lost: assume everything changed
        changed.insert(folders_.begin(), folders_.end());
        continue;
      }
      auto folder = watched_.find(event->wd);
      if (folder == watched_.end()) continue;
      std::string path = event->len ? folder->second + "/" + event->name : folder->second;
      if (event->mask & IN_IGNORED) watched_.erase(folder);
      if (!Relevant(path)) continue;
      if ((event->mask & (IN_CREATE | IN_MOVED_TO)) && (event->mask & IN_ISDIR)) WatchTree(path);
      changed.insert(path);
    }
  }
}

bool Watcher::PollFor(int timeout_ms) {
  pollfd fds[2] = {{inotify_, POLLIN, 0}, {wake_, POLLIN, 0}};
  int n;
  do n = poll(fds, 2, timeout_ms);
  while (n < 0 && errno == EINTR);
  return n > 0 && (fds[0].revents & POLLIN) && !(fds[1].revents & POLLIN);
}

std::vector<std::string> Watcher::Wait(std::chrono::milliseconds quiet) {
  std::set<std::string> changed;
  auto stopped = [&] {
    pollfd wake{wake_, POLLIN, 0};
    return poll(&wake, 1, 0) > 0;
  };
  while (changed.empty()) {
    if (!PollFor(-1) && stopped()) return {};
    Drain(changed);
  }
  auto first = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - first < kLongestBurst && PollFor(static_cast<int>(quiet.count())))
    Drain(changed);
  if (stopped()) return {};
  return {changed.begin(), changed.end()};
}

}  // namespace tandem
