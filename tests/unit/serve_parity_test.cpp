// The preview is the site: on a site with a host per language, or under a sub-path, every file
// `tandem build` writes answers 200 in `tandem serve`'s preview, crawled over HTTP on loopback,
// and every link of its pages answers what it would on the hosts the build is published to
// (a link that works there works in the preview, and no other); and serve reports the warnings
// the build reports, at the same places. Every wait is bounded.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>

#include "config/site_config.hpp"
#include "fixture.hpp"
#include "serve/preview.hpp"

using tandem::testing::FixtureSite;
namespace fs = std::filesystem;

namespace {

constexpr auto kPatience = std::chrono::seconds(60);  // only ever reached when something hangs

// What two reports must share for each diagnostic: where, how severe, and its check's code.
// `text` is diagnostics as the terminal shows them (a first line, then the source and a caret).
std::multiset<std::string> Findings(const std::string& text) {
  static const std::regex kHead(R"(([^ ]\S*?(?::\d+:\d+)?): (error|warning|note): .*?( \[[a-z0-9-]+\])?)");
  std::multiset<std::string> found;
  std::istringstream lines(text);
  std::smatch m;
  for (std::string line; std::getline(lines, line);)
    if (std::regex_match(line, m, kHead)) found.insert(m[1].str() + ": " + m[2].str() + m[3].str());
  return found;
}

// A link of a page as an absolute URL, its fragment and query dropped; "" for a link that is not
// http (mailto:, tel:) or is a fragment alone.
std::string Resolve(const std::string& page_url, std::string link) {
  link = std::regex_replace(link, std::regex("&amp;"), "&");
  link = link.substr(0, link.find_first_of("#?"));
  if (link.empty()) return "";
  if (link.rfind("//", 0) == 0) return "http:" + link;
  if (link.find("://") != std::string::npos) return link;
  if (link.find(':') < link.find('/')) return "";
  size_t path_at = page_url.find('/', page_url.find("://") + 3);
  std::string origin = page_url.substr(0, path_at), path = page_url.substr(path_at);
  std::string joined = link.front() == '/' ? link : path.substr(0, path.rfind('/') + 1) + link;
  std::vector<std::string> parts;
  size_t start = 1;
  for (size_t slash; (slash = joined.find('/', start)) != std::string::npos; start = slash + 1) {
    std::string part = joined.substr(start, slash - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (part != "." && !part.empty()) {
      parts.push_back(part);
    }
  }
  std::string last = joined.substr(start);
  std::string normal;
  for (const std::string& part : parts) normal += "/" + part;
  if (last == "..") {
    if (!parts.empty()) normal.resize(normal.rfind('/'));
    last = "";
  } else if (last == ".") {
    last = "";
  }
  return origin + normal + "/" + last;
}

std::string PercentDecoded(const std::string& path) {
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '%' && i + 2 < path.size()) {
      out.push_back(static_cast<char>(std::stoi(path.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(path[i]);
    }
  }
  return out;
}

// The preview crawled against the build: each host of the preview (its port) is the host folder
// of the build's output, published at its root path.
struct Crawl {
  struct Host {
    std::string folder;     // of the build's output: "" or "exemple.ca"
    std::string root_path;  // "/" or "/sub/path/"
  };
  std::map<int, Host> hosts;                       // by preview port
  std::map<std::string, std::string> build_files;  // the build's output: path -> bytes
  std::vector<std::string> failures;               // "URL: status, not ... (where it was found)"
  size_t files = 0, links = 0, cross_host_links = 0, broken_in_build = 0;

  int Get(int port, const std::string& path, std::string* body = nullptr) {
    httplib::Client client("127.0.0.1", port);
    client.set_url_encode(false);
    client.set_connection_timeout(5);
    client.set_read_timeout(10);
    auto res = client.Get(path);
    if (!res) return -1;
    if (body) *body = res->body;
    return res->status;
  }

  // What the host answers for `path`, its files being the build's: 200 for a file (a folder's
  // index.html for a path ending in '/'), 301 for a folder named without its '/', else 404.
  int StatusOnHost(const Host& host, const std::string& path) const {
    if (path.rfind(host.root_path, 0) != 0) return 404;  // not the site's part of the host
    std::string rel = PercentDecoded(path.substr(host.root_path.size()));
    std::string file = (host.folder.empty() ? "" : host.folder + "/") + rel;
    if (rel.empty() || rel.back() == '/') return build_files.count(file + "index.html") ? 200 : 404;
    if (build_files.count(file)) return 200;
    return build_files.count(file + "/index.html") ? 301 : 404;
  }

  void Expect(const std::string& url, int wanted, int got, const std::string& where) {
    if (got != wanted)
      failures.push_back(url + ": " + std::to_string(got) + ", not " + std::to_string(wanted) + " (" + where +
                         ")");
  }

  // Every link of `html`, served at `page_url`, that leads to a host of the preview answers
  // there what it would on the host.
  void CheckLinks(const std::string& page_url, int page_port, const std::string& html,
                  std::set<std::string>& seen) {
    static const std::regex kLink(R"re(\b(?:href|src)="([^"]*)")re");
    static const std::regex kPreview(R"(http://localhost:(\d+)(/.*))");
    for (std::sregex_iterator it(html.begin(), html.end(), kLink), end; it != end; ++it) {
      std::string url = Resolve(page_url, (*it)[1].str());
      std::smatch m;
      if (!std::regex_match(url, m, kPreview)) continue;  // another site's
      int port = std::stoi(m[1].str());
      auto host = hosts.find(port);
      if (host == hosts.end() || !seen.insert(url).second) continue;
      ++links;
      cross_host_links += port != page_port;
      int wanted = StatusOnHost(host->second, m[2].str());
      broken_in_build += wanted == 404;
      Expect(url, wanted, Get(port, m[2].str()), "a link of " + page_url);
    }
  }
};

struct Variant {
  const char* fixture;
  const char* base_url_from;  // a regex of site.toml's base_url lines, and what replaces them
  const char* base_url_to;
};

}  // namespace

TEST_CASE("serve: every file and link of the build works in the preview, with the build's warnings",
          "[serve]") {
  Variant variant = GENERATE(
      Variant{"per-host", "", ""},
      Variant{"per-host", R"(base_url = "https://([^/"]*)/")", R"(base_url = "https://$1/sub/path/")"},
      Variant{"basic", R"(base_url = "https://example.ca/")",
              R"(base_url = "https://example.github.io/site/")"});
  INFO(variant.fixture << " " << variant.base_url_to);
  FixtureSite site(variant.fixture);
  std::string toml = tandem::testing::ReadBytes(site.source() / "site.toml");
  if (*variant.base_url_from)
    site.WriteFile("site.toml",
                   std::regex_replace(toml, std::regex(variant.base_url_from), variant.base_url_to));
  if (std::string(variant.fixture) == "per-host") {
    // Root-relative links, written for the host each language is published on.
    site.WriteFile("content/en/services/permits.md",
                   "+++\ntitle = \"Permits\"\nmodified = 2024-03-01\n+++\nPermits.\n\n"
                   "[Home](/en/), [the splash page](/) and [the map](/files/map.txt).\n");
    site.WriteFile("content/fr/services/permits.md",
                   "+++\ntitle = \"Permis\"\nslug = \"permis\"\nmodified = 2024-03-02\n+++\nPermis.\n\n"
                   "[Accueil](/) et [les services](/services/).\n");
  }

  tandem::BuildOptions build;
  build.jobs = 2;
  tandem::Diagnostics build_diags;
  build.source_dir = site.source().string();
  build.output_dir = site.output().string();
  tandem::BuildReport built = tandem::Build(build, build_diags);
  REQUIRE(built.ok);
  std::string build_report;
  for (const tandem::Diagnostic& d : build_diags.Shown()) build_report += tandem::FormatDiagnostic(d) + "\n";

  std::mutex printed_mutex;
  std::string serve_report;
  tandem::ServeOptions options;
  options.build.source_dir = site.source().string();
  options.build.jobs = 2;
  options.port = 0;
  options.print_diagnostic = [&](const std::string& text) {
    std::lock_guard<std::mutex> lock(printed_mutex);
    serve_report += text + "\n";
  };
  tandem::Preview preview(options);
  std::string error;
  REQUIRE(preview.Start(&error));
  REQUIRE(preview.WaitForBuilds(1, kPatience));

  tandem::SiteConfig config;
  tandem::Diagnostics config_diags;
  REQUIRE(tandem::LoadConfig(site.source().string(), config, config_diags));
  std::vector<tandem::PreviewHost> hosts = preview.hosts();
  REQUIRE(hosts.size() == config.hosts.size());
  Crawl crawl;
  crawl.build_files = tandem::testing::SnapshotDir(site.output());
  std::map<std::string, int> port_of;  // a host folder of the build -> its preview port
  for (size_t i = 0; i < hosts.size(); ++i) {
    CHECK(hosts[i].origin == config.hosts[i].origin);
    CHECK(hosts[i].root_path == config.hosts[i].root_path);
    crawl.hosts[hosts[i].port] = {config.hosts[i].folder, hosts[i].root_path};
    port_of[config.hosts[i].folder] = hosts[i].port;
  }

  std::set<std::string> seen;
  for (const auto& [rel, bytes] : crawl.build_files) {
    size_t slash = rel.find('/');
    std::string folder = hosts.size() == 1 ? "" : rel.substr(0, slash);
    INFO(rel);
    REQUIRE(port_of.count(folder));
    int port = port_of[folder];
    std::string path = crawl.hosts[port].root_path + (folder.empty() ? rel : rel.substr(slash + 1));
    std::string page_url = "http://localhost:" + std::to_string(port) + path;
    std::string body;
    ++crawl.files;
    crawl.Expect(page_url, 200, crawl.Get(port, path, &body), "a file of the build");
    if (rel.size() > 5 && rel.substr(rel.size() - 5) == ".html") crawl.CheckLinks(page_url, port, body, seen);
  }
  preview.Stop();

  std::string failures;
  for (const std::string& failure : crawl.failures) failures += failure + "\n";
  INFO("the preview differs from the build:\n" << failures);
  INFO(crawl.broken_in_build << " links that lead nowhere in the build either");
  CHECK(crawl.failures.empty());
  CHECK(crawl.files > 20);
  CHECK(crawl.links > 10);
  if (hosts.size() > 1) CHECK(crawl.cross_host_links > 0);  // toggles and alternates, to the other port

  INFO("tandem build:\n" << build_report << "tandem serve:\n" << serve_report);
  CHECK(Findings(serve_report) == Findings(build_report));
}

TEST_CASE("serve: a host per language is previewed on a port each, the site's first", "[serve]") {
  FixtureSite site("per-host");
  tandem::ServeOptions options;
  options.build.source_dir = site.source().string();
  options.build.jobs = 2;
  options.port = 0;
  tandem::Preview preview(options);
  std::string error;
  REQUIRE(preview.Start(&error));
  REQUIRE(preview.WaitForBuilds(1, kPatience));
  std::vector<tandem::PreviewHost> hosts = preview.hosts();
  REQUIRE(hosts.size() == 2);
  CHECK(hosts[0].origin == "https://example.ca");
  CHECK(hosts[1].origin == "https://exemple.ca");
  CHECK(hosts[0].port == preview.port());
  CHECK(hosts[0].port != hosts[1].port);
  std::string en_origin = "http://localhost:" + std::to_string(hosts[0].port);
  std::string fr_origin = "http://localhost:" + std::to_string(hosts[1].port);

  httplib::Client en("127.0.0.1", hosts[0].port), fr("127.0.0.1", hosts[1].port);
  en.set_read_timeout(10);
  fr.set_read_timeout(10);
  auto permits = en.Get("/en/services/permits/");
  REQUIRE(permits);
  CHECK(permits->status == 200);
  // The toggle leads to the French host's preview, at the French page's path on that host.
  CHECK(permits->body.find("href=\"" + fr_origin + "/services/permis/\"") != std::string::npos);
  auto permis = fr.Get("/services/permis/");
  REQUIRE(permis);
  CHECK(permis->status == 200);
  CHECK(permis->body.find("href=\"" + en_origin + "/en/services/permits/\"") != std::string::npos);
  // Each port is its host alone: the French pages are not under /fr/ of the English host.
  auto fr_on_en = en.Get("/fr/");
  REQUIRE(fr_on_en);
  CHECK(fr_on_en->status == 404);
  CHECK(fr.Get("/files/map.txt")->status == 200);
  preview.Stop();
  CHECK_FALSE(fs::exists(site.source() / "public"));
}

TEST_CASE("serve: a site under a sub-path is previewed under it, and only there", "[serve]") {
  FixtureSite site("basic");
  std::string toml = tandem::testing::ReadBytes(site.source() / "site.toml");
  site.WriteFile("site.toml", std::regex_replace(toml, std::regex(R"(base_url = "https://example.ca/")"),
                                                 R"(base_url = "https://example.github.io/site/")"));
  tandem::ServeOptions options;
  options.build.source_dir = site.source().string();
  options.build.jobs = 2;
  options.port = 0;
  tandem::Preview preview(options);
  std::string error;
  REQUIRE(preview.Start(&error));
  REQUIRE(preview.WaitForBuilds(1, kPatience));
  REQUIRE(preview.hosts().size() == 1);
  CHECK(preview.hosts()[0].root_path == "/site/");
  httplib::Client client("127.0.0.1", preview.port());
  client.set_read_timeout(10);
  CHECK(client.Get("/site/en/")->status == 200);
  auto bare = client.Get("/site");
  REQUIRE(bare);
  CHECK(bare->status == 301);
  CHECK(bare->get_header_value("Location") == "/site/");
  auto folder = client.Get("/site/en");
  REQUIRE(folder);
  CHECK(folder->status == 301);
  CHECK(folder->get_header_value("Location") == "/site/en/");
  for (const char* outside : {"/", "/en/", "/sitex/en/"}) {
    INFO(outside);
    CHECK(client.Get(outside)->status == 404);
  }
  auto page = client.Get("/site/en/");
  CHECK(page->body.find("href=\"http://localhost:" + std::to_string(preview.port()) + "/site/fr/\"") !=
        std::string::npos);
  preview.Stop();
}

TEST_CASE("serve: a host added to site.toml while serving gets a port of its own", "[serve]") {
  FixtureSite site("minimal");
  tandem::ServeOptions options;
  options.build.source_dir = site.source().string();
  options.build.jobs = 2;
  options.port = 0;
  tandem::Preview preview(options);
  std::string error;
  REQUIRE(preview.Start(&error));
  REQUIRE(preview.WaitForBuilds(1, kPatience));
  REQUIRE(preview.hosts().size() == 1);
  int port = preview.port();
  std::string toml = tandem::testing::ReadBytes(site.source() / "site.toml");
  site.WriteFile("site.toml", toml + "base_url = \"https://exemple.ca/\"\n");  // in [languages.fr]
  REQUIRE(preview.WaitForBuilds(2, kPatience));
  std::vector<tandem::PreviewHost> hosts = preview.hosts();
  REQUIRE(hosts.size() == 2);
  CHECK(hosts[0].port == port);  // an open tab keeps its address
  CHECK(hosts[1].origin == "https://exemple.ca");
  httplib::Client fr("127.0.0.1", hosts[1].port);
  fr.set_read_timeout(10);
  auto home = fr.Get("/");
  REQUIRE(home);
  CHECK(home->status == 200);
  CHECK(home->body.find("lang=\"fr") != std::string::npos);
  httplib::Client en("127.0.0.1", port);
  en.set_read_timeout(10);
  auto english = en.Get("/en/");
  REQUIRE(english);
  CHECK(english->body.find("href=\"http://localhost:" + std::to_string(hosts[1].port) + "/\"") !=
        std::string::npos);
  preview.Stop();
}

TEST_CASE("serve: a site.toml broken at start is served at the port asked for, then fixed", "[serve]") {
  FixtureSite site("per-host");
  std::string toml = tandem::testing::ReadBytes(site.source() / "site.toml");
  site.WriteFile("site.toml", "base_url = \n" + toml);
  tandem::ServeOptions options;
  options.build.source_dir = site.source().string();
  options.build.jobs = 2;
  options.port = 0;
  tandem::Preview preview(options);
  std::string error;
  REQUIRE(preview.Start(&error));
  REQUIRE(preview.WaitForBuilds(1, kPatience));
  int port = preview.port();
  REQUIRE(preview.hosts().size() == 1);
  CHECK(preview.hosts()[0].origin.empty());
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(10);
  auto broken = client.Get("/");
  REQUIRE(broken);
  CHECK(broken->status == 404);
  CHECK(broken->body.find("tandem-error-overlay") != std::string::npos);
  CHECK(broken->body.find("site.toml:1:") != std::string::npos);

  site.WriteFile("site.toml", toml);
  REQUIRE(preview.WaitForBuilds(2, kPatience));
  std::vector<tandem::PreviewHost> hosts = preview.hosts();
  REQUIRE(hosts.size() == 2);
  CHECK(hosts[0].port == port);
  CHECK(hosts[0].origin == "https://example.ca");
  auto splash = client.Get("/");
  REQUIRE(splash);
  CHECK(splash->status == 200);
  CHECK(splash->body.find("tandem-error-overlay") == std::string::npos);
  preview.Stop();
}
