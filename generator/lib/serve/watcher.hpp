// Watches a site's inputs with inotify: folders recursively (a folder made later is watched as
// soon as it appears), and named files in their parent folder. Changes come in bursts (an
// editor's save writes a temporary file and renames it; a checkout touches hundreds), so Wait()
// returns once a burst has been quiet for a moment.
#pragma once

#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace tandem {

class Watcher {
 public:
  // `folders`: watched with everything below them (those missing now are watched once made).
  // `files`: single files, such as site.toml. All absolute.
  Watcher(std::vector<std::string> folders, std::vector<std::string> files);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  bool ok() const { return inotify_ >= 0 && wake_ >= 0; }
  // Blocks until a burst of changes ended (no event for `quiet`), and returns the paths that
  // changed, sorted. Empty once Stop() was called.
  std::vector<std::string> Wait(std::chrono::milliseconds quiet = std::chrono::milliseconds(20));
  // Makes Wait() return; callable from any thread.
  void Stop();

 private:
  void WatchTree(const std::string& folder);
  void WatchParent(const std::string& path);
  void Drain(std::set<std::string>& changed);
  bool Relevant(const std::string& path) const;
  bool PollFor(int timeout_ms);

  int inotify_ = -1;
  int wake_ = -1;  // an eventfd: Stop() writes to it
  std::vector<std::string> folders_;
  std::vector<std::string> files_;
  std::map<int, std::string> watched_;  // watch descriptor -> folder
};

}  // namespace tandem
