// The HTTP side of `tandem serve`: sends the files of one folder (one host of the site) at a URL
// path (the host's root path), with the live-reload script (and, after a failed build, the error
// overlay) added to HTML, and a server-sent event stream (kEventsPath) telling open pages to
// reload after each build. Until the first build is published, every page is a "building" page.
// Startable in-process: Start() binds (port 0: any free port) and serves on threads of its own.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace tandem {

class Server {
 public:
  struct Options {
    std::string root;  // the folder served, absolute
    std::string bind = "127.0.0.1";
    int port = 1313;              // 0: any free port
    std::string root_path = "/";  // the URL path `root` is served at, with a '/' at both ends
  };

  explicit Server(Options options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts answering. False, with `error` saying why and what to do, when the
  // address cannot be used (the port is taken).
  bool Start(std::string* error);
  int port() const { return port_; }
  // Ends open event streams and stops answering; waits for the threads. Safe to call twice.
  void Stop();

  // After each build: `errors` is empty when it succeeded, else what the terminal showed. Open
  // pages are told to reload, and show the overlay while `errors` is not empty.
  void Publish(std::string errors);
  // Serves `root` at `root_path` from then on (the site's hosts changed).
  void SetRoot(std::string root, std::string root_path);

 private:
  void Route();
  bool CheckMethod(const httplib::Request& req, httplib::Response& res) const;
  bool CheckHost(const httplib::Request& req, httplib::Response& res) const;
  void ServeEvents(const httplib::Request& req, httplib::Response& res);
  void ServeFile(const httplib::Request& req, httplib::Response& res);
  void ServeNotFound(const std::string& root, httplib::Response& res);
  void ServeBuilding(httplib::Response& res);
  void SendHtml(httplib::Response& res, std::string html);
  std::string Overlay();

  const std::string bind_;
  const int wanted_port_;
  int port_ = 0;
  std::unique_ptr<httplib::Server> http_;
  std::thread listener_;

  std::mutex mutex_;  // guards what follows
  std::condition_variable changed_;
  uint64_t generation_ = 0;  // builds published
  std::string errors_;       // the last build's, empty when it succeeded
  std::string root_, root_path_;
  bool stopping_ = false;
};

}  // namespace tandem
