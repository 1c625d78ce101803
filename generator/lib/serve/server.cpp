#include "serve/server.hpp"

#include <fcntl.h>
#include <httplib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>

#include "output/beneath.hpp"
#include "serve/live_reload.hpp"
#include "serve/request_checks.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

// Open event streams each hold a thread; a preview has a few tabs open at most.
constexpr size_t kThreads = 16;
// How often an idle event stream is written to, which is how a closed tab is noticed.
constexpr auto kPing = std::chrono::seconds(1);

enum class Lookup { kFile, kFolder, kMissing, kRefused };

Lookup Classify(int error) {
  return error == ENOENT || error == ENOTDIR ? Lookup::kMissing : Lookup::kRefused;
}

// Reads the file `rel` below `root`, reached one part at a time without following a link, so
// nothing outside `root` (through "..", a link, or a folder merely named like it) can be read.
Lookup ReadBeneath(const std::string& root, const std::string& rel, std::string& bytes) {
  DirFd top = OpenDir(root);
  size_t slash = rel.rfind('/');
  std::string parent = slash == std::string::npos ? "" : rel.substr(0, slash);
  std::string name = slash == std::string::npos ? rel : rel.substr(slash + 1);
  DirFd folder = OpenDirBeneath(top, parent, false);
  if (!folder.ok()) return Classify(errno);
  DirFd file(openat(folder.get(), name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  if (!file.ok()) return Classify(errno);
  struct stat st;
  if (fstat(file.get(), &st) != 0) return Lookup::kRefused;
  if (S_ISDIR(st.st_mode)) return Lookup::kFolder;
  if (!S_ISREG(st.st_mode)) return Lookup::kRefused;
  bytes.resize(static_cast<size_t>(st.st_size));
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = read(file.get(), bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  bytes.resize(done);
  return Lookup::kFile;
}

// A path for a Location header: everything but unreserved characters and '/' percent-encoded.
std::string EncodePath(std::string_view path) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (char c : path) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 15]);
    }
  }
  return out;
}

void Refuse(httplib::Response& res, int status, const std::string& why) {
  res.status = status;
  res.set_content(why + "\n", "text/plain; charset=utf-8");
}

}  // namespace

Server::Server(Options options)
    : bind_(std::move(options.bind)),
      wanted_port_(options.port),
      http_(std::make_unique<httplib::Server>()),
      root_(std::move(options.root)),
      root_path_(std::move(options.root_path)) {}

Server::~Server() {
  Stop();
}

bool Server::Start(std::string* error) {
  http_->new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  http_->set_keep_alive_timeout(1);
  http_->set_tcp_nodelay(true);  // a response's last segment goes out at once, not after a delayed ACK
  // httplib's default adds SO_REUSEPORT, with which a second server binds the same port and the
  // kernel shares the requests between them: keep SO_REUSEADDR alone, so a port in use is refused.
  http_->set_socket_options([](int socket) {
    int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  Route();
  if (wanted_port_ == 0) {
    port_ = http_->bind_to_any_port(bind_);
  } else if (http_->bind_to_port(bind_, wanted_port_)) {
    port_ = wanted_port_;
  }
  if (port_ <= 0) {
    *error = "cannot listen on " + bind_ + ":" + std::to_string(wanted_port_) +
             ": the port is in use or the address is not this machine's; stop the other server, or "
             "choose another port with --port or another address with --bind";
    return false;
  }
  listener_ = std::thread([this] { http_->listen_after_bind(); });
  // Stop() only ends a server that is running: wait until it is.
  for (int i = 0; i < 5000 && !http_->is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return true;
}

void Server::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  http_->stop();
  if (listener_.joinable()) listener_.join();
}

void Server::Publish(std::string errors) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    errors_ = std::move(errors);
    ++generation_;
  }
  changed_.notify_all();
}

void Server::SetRoot(std::string root, std::string root_path) {
  std::lock_guard<std::mutex> lock(mutex_);
  root_ = std::move(root);
  root_path_ = std::move(root_path);
}

std::string Server::Overlay() {
  std::lock_guard<std::mutex> lock(mutex_);
  return ErrorOverlay(errors_);
}

void Server::Route() {
  http_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    return CheckMethod(req, res) && CheckHost(req, res) ? httplib::Server::HandlerResponse::Unhandled
                                                        : httplib::Server::HandlerResponse::Handled;
  });
  http_->Get(std::string(kEventsPath),
             [this](const httplib::Request& req, httplib::Response& res) { ServeEvents(req, res); });
  http_->Get(R"([\s\S]*)",
             [this](const httplib::Request& req, httplib::Response& res) { ServeFile(req, res); });
  http_->set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    Refuse(res, 500, "tandem serve could not answer this request");
  });
}

// The preview only reads. httplib reads a POST's (or PUT's...) whole body into memory before it
// looks for a handler, so any other method is answered here, before a byte of it is read; the
// connection then ends, as the unread body cannot be taken for the next request.
bool Server::CheckMethod(const httplib::Request& req, httplib::Response& res) const {
  if (req.method == "GET" || req.method == "HEAD") return true;
  res.set_header("Allow", "GET, HEAD");
  res.set_header("Connection", "close");
  Refuse(res, 405, "tandem serve only reads: it answers GET and HEAD");
  return false;
}

// Against DNS rebinding: a page of another site whose name now resolves to 127.0.0.1 sends
// its own name as Host.
bool Server::CheckHost(const httplib::Request& req, httplib::Response& res) const {
  if (IsAllowedHost(req.get_header_value("Host"), bind_, port_)) return true;
  Refuse(res, 403,
         "tandem serve answers requests for localhost:" + std::to_string(port_) + ", 127.0.0.1:" +
             std::to_string(port_) + " or an IP address of this machine, not for this Host header");
  return false;
}

void Server::ServeEvents(const httplib::Request& req, httplib::Response& res) {
  if (!IsAllowedOrigin(req.get_header_value("Origin"), bind_, port_) ||
      req.get_header_value("Sec-Fetch-Site") == "cross-site")
    return Refuse(res, 403, "the live-reload stream is only for pages of this server");
  uint64_t seen;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    seen = generation_;
  }
  res.set_header("Cache-Control", "no-store");
  bool first = true;
  res.set_chunked_content_provider(
      "text/event-stream", [this, seen, first](size_t, httplib::DataSink& sink) mutable {
        std::string message;
        if (first) {
          first = false;
          message = "retry: 500\n: connected\n\n";
        } else {
          std::unique_lock<std::mutex> lock(mutex_);
          changed_.wait_for(lock, kPing, [&] { return stopping_ || generation_ != seen; });
          if (stopping_) return false;
          if (generation_ == seen) {
            message = ": ping\n\n";
          } else {
            seen = generation_;
            message = "event: reload\ndata: " + std::to_string(seen) + "\n\n";
          }
        }
        return sink.write(message.data(), message.size());
      });
}

void Server::ServeFile(const httplib::Request& req, httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
  std::string root, root_path;
  bool building;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    building = generation_ == 0;
    root = root_;
    root_path = root_path_;
  }
  if (building) return ServeBuilding(res);
  if (ResolveRequestPath(req.path).status == 400)
    return Refuse(res, 400, "tandem serve sends only files named by plain paths");
  // The host's folder is served at its root path alone, as it is published: a link that leaves
  // it works no more in the preview than on the host.
  if (req.path + "/" == root_path) return res.set_redirect(EncodePath(root_path), 301);
  if (!StartsWith(req.path, root_path)) return ServeNotFound(root, res);
  RequestTarget target = ResolveRequestPath(std::string_view(req.path).substr(root_path.size() - 1));
  if (target.status != 200) return ServeNotFound(root, res);
  std::string rel = target.folder ? (target.rel.empty() ? "" : target.rel + "/") + "index.html" : target.rel;
  std::string bytes;
  switch (ReadBeneath(root, rel, bytes)) {
    case Lookup::kFile:
      if (EndsWith(rel, ".html") || EndsWith(rel, ".htm")) return SendHtml(res, std::move(bytes));
      res.set_content(std::move(bytes), ContentTypeFor(rel));
      return;
    case Lookup::kFolder:
      return res.set_redirect(EncodePath(root_path + target.rel + "/"), 301);
    case Lookup::kMissing:
      return ServeNotFound(root, res);
    case Lookup::kRefused:
      return Refuse(res, 403, "tandem serve does not send this file (a link, or not a plain file)");
  }
}

void Server::ServeNotFound(const std::string& root, httplib::Response& res) {
  std::string page;
  if (ReadBeneath(root, "404.html", page) != Lookup::kFile) page = FallbackNotFoundPage();
  SendHtml(res, std::move(page));
  res.status = 404;
}

// 503 rather than 200: the page is not the one asked for, and a script fetching the preview
// (curl -f, a link checker) should wait and try again (Retry-After) rather than take it for the
// site. Browsers show it all the same, and it reloads itself.
void Server::ServeBuilding(httplib::Response& res) {
  SendHtml(res, BuildingPage());
  res.status = 503;
  res.set_header("Retry-After", "1");
}

void Server::SendHtml(httplib::Response& res, std::string html) {
  res.set_content(InjectLiveReload(std::move(html), Overlay()), "text/html; charset=utf-8");
}

}  // namespace tandem
