// `tandem serve` through a real HTTP client over loopback: only files below the served folder
// are ever sent, only to requests for this host; pages reload after a build, and show a failed
// build's errors until it is fixed. Every wait is bounded; nothing asserts a duration.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <future>
#include <mutex>
#include <regex>
#include <thread>

#include "fixture.hpp"
#include "serve/preview.hpp"
#include "serve/request_checks.hpp"
#include "serve/server.hpp"
#include "serve/watcher.hpp"

using tandem::testing::FixtureSite;
using tandem::testing::ScratchDir;
namespace fs = std::filesystem;

namespace {

constexpr auto kPatience = std::chrono::seconds(30);  // only ever reached when something hangs

void Write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

// A served folder beside a secret one whose name starts with the served folder's name, and
// links from the one to the other.
struct ServedFolder {
  ScratchDir scratch;
  fs::path root = scratch.path() / "site";
  fs::path secret = scratch.path() / "site-secret";
  ServedFolder() {
    Write(root / "index.html", "<!DOCTYPE html><html><body><p>home page</p></body></html>");
    Write(root / "en/index.html", "<html><body><p>english page</p></body></html>");
    Write(root / "404.html", "<html><body><p>the site's own 404</p></body></html>");
    Write(root / "css/site.css", "body{color:black}");
    Write(root / ".tandem/manifest", "SECRET state");
    Write(secret / "secret.txt", "SECRET");
    fs::create_symlink(secret / "secret.txt", root / "link.txt");
    fs::create_symlink(secret, root / "linked");
    fs::create_symlink("../site-secret/secret.txt", root / "relative-link.txt");
  }
};

// A server on an ephemeral loopback port, stopped on destruction.
struct Running {
  tandem::Server server;
  explicit Running(const fs::path& root) : server({root.string(), "127.0.0.1", 0}) {
    std::string error;
    REQUIRE(server.Start(&error));
    server.Publish("");  // a build is done: the folder is served
  }
  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", server.port());
    client.set_url_encode(false);  // requests go out exactly as written
    client.set_connection_timeout(5);
    client.set_read_timeout(10);
    return client;
  }
};

// Sends `request` as it is over a fresh connection (without closing its side early, after which
// httplib does not answer); the status line of the answer and what follows.
// Waits at most `wait` for more of the answer (a request left open is never answered in full).
std::string RawRequest(int port, const std::string& request,
                       std::chrono::milliseconds wait = std::chrono::seconds(10)) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval timeout{static_cast<time_t>(wait.count() / 1000),
                  static_cast<suseconds_t>(wait.count() % 1000 * 1000)};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::string answer;
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
    char buffer[4096];
    for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;)
      answer.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  return answer;
}

const std::vector<std::string> kTraversals = {
    "/../site-secret/secret.txt",
    "/en/../../site-secret/secret.txt",
    "/../site/index.html",
    "/%2e%2e/site-secret/secret.txt",
    "/%2E%2E%2Fsite-secret%2Fsecret.txt",
    "/%252e%252e/site-secret/secret.txt",
    "/%252e%252e%252fsite-secret%252fsecret.txt",
    "/..%5csite-secret%5csecret.txt",
    "/..\\site-secret\\secret.txt",
    "/%5c..%5csite-secret%5csecret.txt",
    "//etc/passwd",
    "/%2fetc%2fpasswd",
    "/index.html%00.txt",
    "/%00",
    "/link.txt",
    "/relative-link.txt",
    "/linked/secret.txt",
    "/linked/",
    "/.tandem/manifest",
    "/./index.html",
};

// Collects a server-sent event stream on a thread of its own until told to stop.
class EventStream {
 public:
  EventStream(int port, std::string origin = "") {
    thread_ = std::thread([this, port, origin] {
      httplib::Client client("127.0.0.1", port);
      client.set_read_timeout(std::chrono::seconds(60));
      httplib::Headers headers;
      if (!origin.empty()) headers.emplace("Origin", origin);
      auto result = client.Get(
          "/__tandem/events", headers,
          [this](const httplib::Response& res) {
            std::lock_guard<std::mutex> lock(mutex_);
            status_ = res.status;
            changed_.notify_all();
            return res.status == 200;
          },
          [this](const char* data, size_t size) {
            std::lock_guard<std::mutex> lock(mutex_);
            text_.append(data, size);
            changed_.notify_all();
            return !stop_;
          });
      std::lock_guard<std::mutex> lock(mutex_);
      ended_ = true;
      changed_.notify_all();
    });
  }
  ~EventStream() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    thread_.join();
  }
  // True once the stream holds `text` `times` times.
  bool WaitFor(const std::string& text, size_t times = 1) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, kPatience, [&] { return Count(text) >= times || ended_; }) &&
           Count(text) >= times;
  }
  int WaitForStatus() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait_for(lock, kPatience, [&] { return status_ != 0 || ended_; });
    return status_;
  }
  bool WaitForEnd() {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, kPatience, [&] { return ended_; });
  }

 private:
  size_t Count(const std::string& text) const {
    size_t n = 0;
    for (size_t at = text_.find(text); at != std::string::npos; at = text_.find(text, at + 1)) ++n;
    return n;
  }
  std::mutex mutex_;
  std::condition_variable changed_;
  std::string text_;
  int status_ = 0;
  bool stop_ = false, ended_ = false;
  std::thread thread_;
};

}  // namespace

TEST_CASE("serve: a request path is a plain path below the served folder", "[serve]") {
  CHECK(tandem::ResolveRequestPath("/").folder);
  CHECK(tandem::ResolveRequestPath("/en/").rel == "en");
  CHECK(tandem::ResolveRequestPath("/en/x.html").rel == "en/x.html");
  for (const char* bad : {"", "en", "/..", "/a/../b", "/a//b", "/a\\b", "/a%2e"})
    CHECK(tandem::ResolveRequestPath(bad).status == 400);
  CHECK(tandem::ResolveRequestPath(std::string_view("/a\0b", 4)).status == 400);
  CHECK(tandem::ResolveRequestPath("/.tandem/cache").status == 404);
  CHECK(tandem::ContentTypeFor("css/gc.css") == "text/css; charset=utf-8");
  CHECK(tandem::ContentTypeFor("A.PNG") == "image/png");
  CHECK(tandem::ContentTypeFor("x.unknown") == "application/octet-stream");
}

TEST_CASE("serve: files, folders, the site's 404, content types and HEAD", "[serve]") {
  ServedFolder folder;
  Running running(folder.root);
  httplib::Client client = running.Client();

  auto home = client.Get("/");
  REQUIRE(home);
  CHECK(home->status == 200);
  CHECK(home->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(home->body.find("home page") != std::string::npos);
  CHECK(home->body.find("/__tandem/events") != std::string::npos);  // the live-reload script
  CHECK(tandem::testing::ReadBytes(folder.root / "index.html").find("__tandem") == std::string::npos);

  auto english = client.Get("/en/");
  REQUIRE(english);
  CHECK(english->body.find("english page") != std::string::npos);

  auto bare = client.Get("/en");
  REQUIRE(bare);
  CHECK(bare->status == 301);
  CHECK(bare->get_header_value("Location") == "/en/");

  auto missing = client.Get("/no/such/page/");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(missing->body.find("the site's own 404") != std::string::npos);

  auto css = client.Head("/css/site.css");
  REQUIRE(css);
  CHECK(css->status == 200);
  CHECK(css->get_header_value("Content-Type") == "text/css; charset=utf-8");
  CHECK(css->get_header_value("Content-Length") == "17");
  CHECK(css->body.empty());
}

TEST_CASE("serve: no traversal, encoding, link or sibling folder reaches a file outside", "[serve]") {
  ServedFolder folder;
  Running running(folder.root);
  httplib::Client client = running.Client();
  for (const std::string& target : kTraversals) {
    INFO(target);
    auto res = client.Get(target);
    REQUIRE(res);
    CHECK(res->status >= 400);
    CHECK(res->status < 500);
    CHECK(res->body.find("SECRET") == std::string::npos);
    std::string raw = RawRequest(running.server.port(), "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" +
                                                            std::to_string(running.server.port()) +
                                                            "\r\nConnection: close\r\n\r\n");
    CHECK(raw.rfind("HTTP/1.1 4", 0) == 0);
    CHECK(raw.find("SECRET") == std::string::npos);
  }
  // An absolute URL as the request target, and a raw NUL byte in the path.
  std::string port = std::to_string(running.server.port());
  for (std::string target : {std::string("http://127.0.0.1:" + port + "/../site-secret/secret.txt"),
                             folder.secret.string() + "/secret.txt", std::string("/index.html\0x", 13)}) {
    std::string raw =
        RawRequest(running.server.port(), "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port +
                                              "\r\nConnection: close\r\n\r\n");
    INFO(target);
    CHECK(raw.rfind("HTTP/1.1 4", 0) == 0);
    CHECK(raw.find("SECRET") == std::string::npos);
  }
}

// Found by the requests fuzz target: inet_pton reads a C string, so a Host with a NUL after an IP
// address passed as that address.
TEST_CASE("serve: a Host with a NUL after an IP address is not that address", "[serve]") {
  using namespace std::string_literals;
  CHECK(tandem::IsAllowedHost("127.0.0.1:1313", "127.0.0.1", 1313));
  CHECK_FALSE(tandem::IsAllowedHost("127.0.0.1\0.attacker.example:1313"s, "127.0.0.1", 1313));
  CHECK_FALSE(tandem::IsAllowedHost("[::1\0]:1313"s, "127.0.0.1", 1313));
  CHECK_FALSE(tandem::IsAllowedOrigin("http://127.0.0.1\0.attacker.example:1313"s, "127.0.0.1", 1313));
}

TEST_CASE("serve: only requests for this host are answered, and events only to its pages", "[serve]") {
  ServedFolder folder;
  Running running(folder.root);
  httplib::Client client = running.Client();
  std::string port = std::to_string(running.server.port());
  for (const std::string& host :
       {"127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port}) {
    INFO(host);
    auto res = client.Get("/", {{"Host", host}});
    REQUIRE(res);
    CHECK(res->status == 200);
  }
  for (const std::string& host :
       {std::string("attacker.example:") + port, std::string("localhost"), std::string("localhost:1"),
        std::string("127.0.0.1.attacker.example:") + port, std::string("")}) {
    INFO(host);
    auto res = client.Get("/", {{"Host", host}});
    REQUIRE(res);
    CHECK(res->status == 403);
    CHECK(res->body.find("home page") == std::string::npos);
  }
  CHECK(RawRequest(running.server.port(), "GET / HTTP/1.0\r\n\r\n").rfind("HTTP/1.1 403", 0) == 0);

  EventStream cross(running.server.port(), "http://attacker.example:" + port);
  CHECK(cross.WaitForStatus() == 403);
  EventStream same(running.server.port(), "http://localhost:" + port);
  CHECK(same.WaitForStatus() == 200);
  auto fetched = client.Get("/__tandem/events", {{"Sec-Fetch-Site", "cross-site"}});
  REQUIRE(fetched);
  CHECK(fetched->status == 403);
}

TEST_CASE("serve: the server survives 1,000 bad requests and still answers", "[serve]") {
  ServedFolder folder;
  Running running(folder.root);
  httplib::Client client = running.Client();
  client.set_keep_alive(true);
  int port = running.server.port();
  const std::vector<std::string> garbage = {
      "\r\n\r\n",
      "GET\r\n\r\n",
      "GET / HTTP/9.9\r\n\r\n",
      "BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\nContent-Length: -5\r\n\r\n",
      std::string(9000, 'A') + "\r\n\r\n",
      std::string("\0\0\0\xff\r\n\r\n", 8)};
  size_t refused = 0;
  for (int i = 0; i < 1000; ++i) {
    if (i % 10 == 0) {
      std::string raw = RawRequest(port, garbage[(i / 10) % garbage.size()], std::chrono::milliseconds(30));
      CHECK(raw.find("SECRET") == std::string::npos);
      continue;
    }
    auto res = client.Get(kTraversals[i % kTraversals.size()]);
    REQUIRE(res);
    refused += res->status >= 400 && res->status < 500 ? 1 : 0;
  }
  CHECK(refused == 900);
  auto home = client.Get("/");
  REQUIRE(home);
  CHECK(home->status == 200);
}

// Issue 24: httplib read a POST's whole body (up to its Content-Length, with no limit) before
// answering 404; the preview answers any method but GET and HEAD at once, without reading it.
TEST_CASE("serve: a method other than GET and HEAD is 405, its body never read", "[serve]") {
  ServedFolder folder;
  Running running(folder.root);
  std::string port = std::to_string(running.server.port());
  for (const char* method : {"POST", "PUT", "DELETE", "PATCH"}) {
    INFO(method);
    // The body announced is never sent: a server that waited for it would answer nothing.
    std::string raw = RawRequest(running.server.port(),
                                 std::string(method) + " / HTTP/1.1\r\nHost: 127.0.0.1:" + port +
                                     "\r\nContent-Length: 1000000000\r\n\r\nabc",
                                 std::chrono::seconds(3));
    CHECK(raw.rfind("HTTP/1.1 405 Method Not Allowed\r\n", 0) == 0);
    CHECK(raw.find("\r\nAllow: GET, HEAD\r\n") != std::string::npos);
    CHECK(raw.find("\r\n\r\ntandem serve only reads: it answers GET and HEAD\n") != std::string::npos);
  }
  httplib::Client client = running.Client();
  auto home = client.Get("/");
  REQUIRE(home);
  CHECK(home->status == 200);
}

TEST_CASE("serve: a port in use is a clear error", "[serve]") {
  ServedFolder folder;
  Running first(folder.root);
  tandem::Server second({folder.root.string(), "127.0.0.1", first.server.port()});
  std::string error;
  CHECK_FALSE(second.Start(&error));
  CHECK(error == "cannot listen on 127.0.0.1:" + std::to_string(first.server.port()) +
                     ": the port is in use or the address is not this machine's; stop the other server, or "
                     "choose another port with --port or another address with --bind");
}

TEST_CASE("serve: stopping ends open event streams", "[serve]") {
  ServedFolder folder;
  auto running = std::make_unique<Running>(folder.root);
  EventStream stream(running->server.port());
  REQUIRE(stream.WaitFor(": connected"));
  running->server.Publish("");
  CHECK(stream.WaitFor("event: reload"));
  running->server.Stop();
  running->server.Stop();
  CHECK(stream.WaitForEnd());
}

TEST_CASE("serve: the watcher sees files in folders made after it started", "[serve]") {
  ScratchDir scratch;
  fs::create_directories(scratch.path() / "content");
  tandem::Watcher watcher({(scratch.path() / "content").string(), (scratch.path() / "data").string()},
                          {(scratch.path() / "site.toml").string()});
  REQUIRE(watcher.ok());
  auto next = [&] {
    auto changes = std::async(std::launch::async, [&] { return watcher.Wait(); });
    if (changes.wait_for(kPatience) != std::future_status::ready) watcher.Stop();
    return changes.get();
  };
  fs::create_directories(scratch.path() / "content/en/news");
  CHECK_FALSE(next().empty());
  Write(scratch.path() / "content/en/news/item.md", "text");
  CHECK(next() == std::vector<std::string>{(scratch.path() / "content/en/news/item.md").string()});
  // An editor's save: a scratch file written, then renamed over the page.
  Write(scratch.path() / "content/en/news/.item.md.swp", "swap");
  Write(scratch.path() / "content/en/news/item.md.tmp", "new text");
  fs::rename(scratch.path() / "content/en/news/item.md.tmp", scratch.path() / "content/en/news/item.md");
  std::vector<std::string> saved = next();
  CHECK(std::find(saved.begin(), saved.end(), (scratch.path() / "content/en/news/item.md").string()) !=
        saved.end());
  fs::create_directories(scratch.path() / "data");
  Write(scratch.path() / "data/funding.toml", "");
  Write(scratch.path() / "site.toml", "");
  Write(scratch.path() / "unwatched.txt", "");
  std::vector<std::string> more;
  while (more.size() < 2) {  // the folder and its file may come in one burst or two
    std::vector<std::string> burst = next();
    if (burst.empty()) break;
    more.insert(more.end(), burst.begin(), burst.end());
  }
  CHECK(std::find(more.begin(), more.end(), (scratch.path() / "unwatched.txt").string()) == more.end());
}

TEST_CASE("serve: an edit reloads open pages; a broken file shows its errors until fixed", "[serve]") {
  FixtureSite site("minimal");
  tandem::ServeOptions options;
  options.build.source_dir = site.source().string();
  options.build.jobs = 2;
  options.port = 0;
  tandem::Preview preview(options);
  std::string error;
  REQUIRE(preview.Start(&error));
  REQUIRE(preview.WaitForBuilds(1, kPatience));
  CHECK(preview.output_dir() == (site.source() / ".tandem-serve").string());
  CHECK_FALSE(fs::exists(site.source() / "public"));
  httplib::Client client("127.0.0.1", preview.port());
  client.set_read_timeout(10);
  auto page = client.Get("/en/");
  REQUIRE(page);
  CHECK(page->body.find("Hello.") != std::string::npos);

  EventStream stream(preview.port());
  REQUIRE(stream.WaitFor(": connected"));
  site.WriteFile("content/en/_index.md", "+++\ntitle = \"Home\"\nmodified = 2024-01-01\n+++\nHello again.\n");
  REQUIRE(stream.WaitFor("event: reload"));
  page = client.Get("/en/");
  REQUIRE(page);
  CHECK(page->body.find("Hello again.") != std::string::npos);
  CHECK(page->body.find("tandem-error-overlay") == std::string::npos);

  site.WriteFile("content/en/_index.md",
                 "+++\ntitle = \"Home\"\ndate = \"<b>x</b>\"\nmodified = 2024-01-01\n+++\nBroken.\n");
  REQUIRE(stream.WaitFor("event: reload", 2));
  page = client.Get("/en/");
  REQUIRE(page);
  CHECK(page->body.find("Hello again.") != std::string::npos);  // the last good build
  CHECK(page->body.find("tandem-error-overlay") != std::string::npos);
  CHECK(page->body.find(
            "content/en/_index.md:3:1: error: &quot;date&quot; must be a date written YYYY-MM-DD, "
            "or a date and time like 2021-07-30T09:00:00-04:00 or 2021-07-30 09:00:00 -0400 (the offset "
            "may be Z, or left out for the site&#39;s time zone), not &quot;&lt;b&gt;x&lt;/b&gt;&quot;\n 3 | "
            "date = &quot;&lt;b&gt;x&lt;/b&gt;&quot;\n   | ^") != std::string::npos);
  CHECK(page->body.find("<b>x</b>") == std::string::npos);
  auto missing = client.Get("/nowhere");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(missing->body.find("tandem-error-overlay") != std::string::npos);

  site.WriteFile("content/en/_index.md", "+++\ntitle = \"Home\"\nmodified = 2024-01-01\n+++\nFixed.\n");
  REQUIRE(stream.WaitFor("event: reload", 3));
  page = client.Get("/en/");
  REQUIRE(page);
  CHECK(page->body.find("Fixed.") != std::string::npos);
  CHECK(page->body.find("tandem-error-overlay") == std::string::npos);
  CHECK(tandem::testing::ReadBytes(preview.output_dir() + "/en/index.html").find("__tandem") ==
        std::string::npos);
  preview.Stop();
}

TEST_CASE("serve: an edit of a page's Markdown reloads open pages with the page rendered alone", "[serve]") {
  FixtureSite site("basic");
  tandem::ServeOptions options;
  options.build.source_dir = site.source().string();
  options.build.jobs = 2;
  options.port = 0;
  std::mutex printed_mutex;
  std::string printed;
  options.print = [&](const std::string& line) {
    std::lock_guard<std::mutex> lock(printed_mutex);
    printed += line + "\n";
  };
  tandem::Preview preview(options);
  std::string error;
  REQUIRE(preview.Start(&error));
  REQUIRE(preview.WaitForBuilds(1, kPatience));
  EventStream stream(preview.port());
  REQUIRE(stream.WaitFor(": connected"));
  site.WriteFile(
      "content/en/topics/school.md",
      "+++\ntitle = \"School\"\nmodified = \"2024-03-03\"\n+++\nAbout School.\n\nA new paragraph.\n");
  REQUIRE(stream.WaitFor("event: reload"));
  httplib::Client client("127.0.0.1", preview.port());
  client.set_read_timeout(10);
  auto page = client.Get("/en/topics/school/");
  REQUIRE(page);
  CHECK(page->body.find("<p>A new paragraph.</p>") != std::string::npos);
  CHECK(page->body.find("tandem-error-overlay") == std::string::npos);
  preview.Stop();
  CHECK(printed.find("changed: content/en/topics/school.md\nbuilt in ") != std::string::npos);
  CHECK(
      printed.find(" ms: 1 page rendered (only the Markdown of content/en/topics/school.md changed), 1 file "
                   "written, ") != std::string::npos);
}

TEST_CASE("serve: while the first build runs, every request gets a page that reloads until it is done",
          "[serve]") {
  FixtureSite site("minimal");
  tandem::ServeOptions options;
  options.build.source_dir = site.source().string();
  options.build.jobs = 2;
  options.port = 0;
  // The first page rendered holds the build until the requests below are answered.
  std::mutex mutex;
  std::condition_variable changed;
  bool held = false, released = false;
  options.build.progress_every = std::chrono::milliseconds(0);
  options.build.progress = [&](size_t, size_t) {
    std::unique_lock<std::mutex> lock(mutex);
    held = true;
    changed.notify_all();
    changed.wait_for(lock, kPatience, [&] { return released; });
  };
  tandem::Preview preview(options);
  std::string error;
  REQUIRE(preview.Start(&error));
  {
    std::unique_lock<std::mutex> lock(mutex);
    REQUIRE(changed.wait_for(lock, kPatience, [&] { return held; }));
  }
  CHECK(preview.builds() == 0);
  httplib::Client client("127.0.0.1", preview.port());
  client.set_read_timeout(10);
  for (const char* path : {"/", "/en/", "/css/gc.css", "/nowhere"}) {
    INFO(path);
    auto page = client.Get(path);
    REQUIRE(page);
    CHECK(page->status == 503);
    CHECK(page->get_header_value("Retry-After") == "1");
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(page->body.find("<meta http-equiv=\"refresh\" content=\"1\">") != std::string::npos);
    CHECK(page->body.find(
              "<p lang=\"en\">tandem is building the site. This page reloads when it is ready.</p>") !=
          std::string::npos);
    CHECK(page->body.find(
              "<p lang=\"fr\">tandem construit le site. Cette page se recharge dès qu’il est prêt.</p>") !=
          std::string::npos);
    CHECK(page->body.find("/__tandem/events") != std::string::npos);  // and reloads as soon as it is done
  }
  EventStream stream(preview.port());
  REQUIRE(stream.WaitFor(": connected"));
  {
    std::lock_guard<std::mutex> lock(mutex);
    released = true;
  }
  changed.notify_all();
  REQUIRE(stream.WaitFor("event: reload"));
  REQUIRE(preview.WaitForBuilds(1, kPatience));
  auto page = client.Get("/en/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find("Hello.") != std::string::npos);
  preview.Stop();
}
