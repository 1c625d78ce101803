// `tandem serve`: builds the site into a folder of its own, serves it on loopback, and builds
// it again whenever an input changes, telling open pages to reload. A failed build leaves the
// last good one served, with its errors shown over every page until a build succeeds.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/build.hpp"

namespace tandem {

class LiveSite;
class Server;
class Watcher;

struct ServeOptions {
  BuildOptions build;  // output_dir empty: <source>/.tandem-serve (kServeDir), never public/
  std::string bind = "127.0.0.1";
  int port = 1313;  // 0: any free port
  // Each line for the terminal (build times, errors); nothing is printed when unset.
  std::function<void(const std::string&)> print;
};

inline constexpr const char* kServeDir = ".tandem-serve";

class Preview {
 public:
  explicit Preview(ServeOptions options);
  ~Preview();
  Preview(const Preview&) = delete;
  Preview& operator=(const Preview&) = delete;

  // Watches the inputs, starts serving, builds once, then rebuilds on every change on a thread
  // of its own. False, with `error`, when the server cannot listen; a failed build is not a
  // failure to start (its errors are served).
  bool Start(std::string* error);
  int port() const;
  const std::string& output_dir() const { return output_dir_; }
  // How many builds have finished (the first one included).
  size_t builds() const;
  // Stops watching and serving; waits for a rebuild in progress. Safe to call twice.
  void Stop();

 private:
  void Rebuild(const std::vector<std::string>& changed);
  void WatchLoop();
  void Print(const std::string& line) const;
  std::string Shown(const std::string& path) const;

  ServeOptions options_;
  std::string source_dir_;
  std::string output_dir_;
  std::unique_ptr<LiveSite> site_;  // the rebuild thread's own
  std::unique_ptr<Watcher> watcher_;
  std::unique_ptr<Server> server_;
  std::thread rebuilder_;
  bool last_ok_ = false;  // the rebuild thread's own
  std::atomic<size_t> builds_{0};
};

}  // namespace tandem
