// `tandem serve`: builds the site into a folder of its own, serves it on loopback, and builds
// it again whenever an input changes, telling open pages to reload. A failed build leaves the
// last good one served, with its errors shown over every page until a build succeeds.
//
// The preview is the site: each host of site.toml is served on a port of its own, its folder at
// its root path, so a root-relative link means in the preview what it means on the host, and
// every link that works in the build works in the preview.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/build.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

class LiveSite;
class Server;
class Watcher;

struct ServeOptions {
  BuildOptions build;  // output_dir empty: <source>/.tandem-serve (kServeDir), never public/
  std::string bind = "127.0.0.1";
  // The site's host's port; each other host gets the next free port after it. 0: any free port.
  int port = 1313;
  // Each status line (changes seen, build times) for the terminal; nothing is printed when unset.
  std::function<void(const std::string&)> print;
  // Each diagnostic of a build, as `tandem build` shows it (for stderr); none when unset.
  std::function<void(const std::string&)> print_diagnostic;
};

inline constexpr const char* kServeDir = ".tandem-serve";

// One host of the site as the preview serves it.
struct PreviewHost {
  std::string origin;     // site.toml's ("https://fr.example.ca"); empty until site.toml is read
  int port = 0;           // where it is previewed: http://localhost:<port>
  std::string root_path;  // the URL path of its folder, as on the host: "/" or "/sub/path/"
};

class Preview {
 public:
  explicit Preview(ServeOptions options);
  ~Preview();
  Preview(const Preview&) = delete;
  Preview& operator=(const Preview&) = delete;

  // Watches the inputs and starts serving every host, then builds on a thread of its own: once,
  // and again on every change. Until the first build is done, every page is a "building" page.
  // False, with `error`, when the site's host cannot be served; a failed build is not a failure
  // to start (its errors are served). An output folder the build would refuse is refused before
  // anything is served: false, its error given to print_diagnostic and `error` left empty.
  bool Start(std::string* error);
  // The hosts served, the site's first.
  std::vector<PreviewHost> hosts() const;
  int port() const;  // the site's host's
  const std::string& output_dir() const { return output_dir_; }
  // How many builds have finished (the first one included).
  size_t builds() const;
  // Waits at most `timeout` until `count` builds have finished; true when they have.
  bool WaitForBuilds(size_t count, std::chrono::milliseconds timeout) const;
  // Stops watching and serving; waits for a rebuild in progress. Safe to call twice.
  void Stop();

 private:
  struct Host {
    PreviewHost shown;
    std::unique_ptr<Server> server;
  };
  std::optional<Diagnostic> OutputRefusal() const;
  bool ServeHosts(std::string* error);
  bool AddHost(const std::string& origin, int first, int tries, std::string* error);
  void ServeFolders();
  void Rebuild(const std::vector<std::string>& changed);
  void WatchLoop();
  void Print(const std::string& line) const;
  void PrintDiagnostic(const std::string& text) const;
  std::string Shown(const std::string& path) const;

  ServeOptions options_;  // build.preview_origin: the rebuild thread's own after Start
  std::string source_dir_;
  std::string output_dir_;
  std::unique_ptr<LiveSite> site_;  // the rebuild thread's own
  std::unique_ptr<Watcher> watcher_;
  mutable std::mutex hosts_mutex_;  // guards hosts_, added to by the rebuild thread
  std::vector<Host> hosts_;
  std::thread rebuilder_;
  bool last_ok_ = false;  // the rebuild thread's own
  mutable std::mutex builds_mutex_;
  mutable std::condition_variable built_;
  size_t builds_ = 0;
};

}  // namespace tandem
