#include "serve/preview.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "config/site_config.hpp"
#include "output/writer.hpp"
#include "pipeline/live_site.hpp"
#include "serve/server.hpp"
#include "serve/watcher.hpp"
#include "support/diagnostics.hpp"
#include "support/text.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

std::string Absolute(const std::string& path) {
  std::string abs = fs::absolute(path).lexically_normal().string();
  if (abs.size() > 1 && abs.back() == '/') abs.pop_back();
  return abs;
}

std::string Milliseconds(double ms) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f ms", ms);
  return text;
}

std::string Plural(size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

// What a build did, in one line.
std::string Summary(const BuildReport& report, const Diagnostics& diags) {
  if (!report.ok)
    return "build failed: " + Plural(diags.error_count(), "error") + " (" + Milliseconds(report.total_ms) +
           "); the browser shows them over the last good build";
  if (report.nothing_changed) return "nothing changed (" + Milliseconds(report.total_ms) + ")";
  if (!report.single_page.empty())
    return "built in " + Milliseconds(report.total_ms) + ": 1 page rendered (only the Markdown of " +
           report.single_page + " changed), " + Plural(report.files_written, "file") + " written, " +
           Plural(diags.warning_count(), "warning");
  return "built in " + Milliseconds(report.total_ms) + ": " + Plural(report.pages_rendered, "page") +
         " rendered, " + Plural(report.files_written, "file") + " written, " +
         Plural(report.files_removed, "file") + " removed, " + Plural(diags.warning_count(), "warning");
}

// Where a host is previewed: its links and toggles point there.
std::string PreviewOrigin(int port) {
  return "http://localhost:" + std::to_string(port);
}

// site.toml's hosts, read as the build reads them, with `preview` moving them; none when it
// cannot be read (the build says why).
std::vector<HostConfig> SiteHosts(const std::string& source_dir, const BuildOptions& build,
                                  const std::map<std::string, std::string>& preview) {
  SiteConfig config;
  Diagnostics quiet;
  if (!LoadConfig(source_dir, ConfigOverrides{build.environment, build.base_urls, preview}, config, quiet))
    return {};
  return config.hosts;
}

// How many ports after the last host's are tried for the next host.
constexpr int kPortTries = 100;

}  // namespace

Preview::Preview(ServeOptions options) : options_(std::move(options)) {
  source_dir_ = Absolute(options_.build.source_dir);
  output_dir_ =
      Absolute(options_.build.output_dir.empty() ? source_dir_ + "/" + kServeDir : options_.build.output_dir);
  options_.build.output_dir = output_dir_;
}

Preview::~Preview() {
  Stop();
}

std::vector<PreviewHost> Preview::hosts() const {
  std::lock_guard<std::mutex> lock(hosts_mutex_);
  std::vector<PreviewHost> shown;
  for (const Host& host : hosts_) shown.push_back(host.shown);
  return shown;
}

int Preview::port() const {
  std::lock_guard<std::mutex> lock(hosts_mutex_);
  return hosts_.empty() ? 0 : hosts_.front().shown.port;
}

size_t Preview::builds() const {
  std::lock_guard<std::mutex> lock(builds_mutex_);
  return builds_;
}

bool Preview::WaitForBuilds(size_t count, std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(builds_mutex_);
  return built_.wait_for(lock, timeout, [&] { return builds_ >= count; });
}

void Preview::Print(const std::string& line) const {
  if (options_.print) options_.print(line);
}

void Preview::PrintDiagnostic(const std::string& text) const {
  if (options_.print_diagnostic) options_.print_diagnostic(text);
}

std::string Preview::Shown(const std::string& path) const {
  return StartsWith(path, source_dir_ + "/") ? path.substr(source_dir_.size() + 1) : path;
}

// Why the folder `output_dir` may not be built and served: the build's own refusal
// (OutputWriter::Refusal), or a folder that holds the site itself.
std::optional<Diagnostic> Preview::OutputRefusal() const {
  if (output_dir_ != source_dir_ && !StartsWith(source_dir_, output_dir_ + "/") && output_dir_ != "/")
    return OutputWriter::Refusal(output_dir_, options_.build.force);
  Diagnostic d;
  d.pos.path = output_dir_;
  d.message =
      "the output folder holds the site itself; tandem serve builds into a folder of its own. Leave "
      "out --output (it is then " +
      std::string(kServeDir) + " in the site) or choose another";
  return d;
}

bool Preview::Start(std::string* error) {
  // Nothing is served from a folder the build refuses: it is someone else's.
  if (auto refusal = OutputRefusal()) {
    PrintDiagnostic(FormatDiagnostic(*refusal));
    error->clear();
    return false;
  }
  // Watching starts before the first build, so that a file saved while it runs is not missed.
  std::vector<std::string> folders;
  for (const char* name : {"content", "data", "static", "i18n", "shortcodes", "themes"})
    folders.push_back(source_dir_ + "/" + name);
  std::error_code ec;
  std::string own_themes = Absolute(TANDEM_THEMES_DIR);
  if (fs::is_directory(own_themes, ec) && own_themes != source_dir_ + "/themes")
    folders.push_back(own_themes);
  watcher_ = std::make_unique<Watcher>(folders, std::vector<std::string>{source_dir_ + "/site.toml"});
  if (!watcher_->ok()) {
    *error = "cannot watch the site's files (inotify): raise fs.inotify.max_user_instances";
    return false;
  }
  if (!ServeHosts(error)) return false;
  ServeFolders();  // hosts() says where each is, before the first build
  rebuilder_ = std::thread([this] {
    Rebuild({});
    WatchLoop();
  });
  return true;
}

// Each host of site.toml not served yet gets a server: the site's host at the port asked for
// (before site.toml can be read too, to show its errors), each other host at the next free port
// after the last one's. Hosts are never taken away: a tab open on one keeps its address.
bool Preview::ServeHosts(std::string* error) {
  std::vector<HostConfig> site_hosts = SiteHosts(source_dir_, options_.build, {});
  std::lock_guard<std::mutex> lock(hosts_mutex_);
  if (hosts_.empty() && !AddHost("", options_.port, 1, error)) return false;
  for (const HostConfig& host : site_hosts) {
    auto same = [&](const Host& h) { return h.shown.origin == host.origin; };
    if (std::any_of(hosts_.begin(), hosts_.end(), same)) continue;
    if (hosts_.front().shown.origin.empty()) {
      hosts_.front().shown.origin = host.origin;
      continue;
    }
    int next = options_.port == 0 ? 0 : hosts_.back().shown.port + 1;
    if (!AddHost(host.origin, next, next == 0 ? 1 : kPortTries, error)) return false;
  }
  options_.build.preview_origin.clear();
  for (const Host& host : hosts_)
    if (!host.shown.origin.empty())
      options_.build.preview_origin[host.shown.origin] = PreviewOrigin(host.shown.port);
  return true;
}

// Serves `origin` at the first free port of the `tries` from `first` (0: any free port).
bool Preview::AddHost(const std::string& origin, int first, int tries, std::string* error) {
  for (int port = first; port < first + tries && port <= 65535; ++port) {
    auto server = std::make_unique<Server>(Server::Options{output_dir_, options_.bind, port});
    if (!server->Start(error)) continue;
    hosts_.push_back({{origin, server->port(), "/"}, std::move(server)});
    return true;
  }
  if (tries > 1)
    *error = "cannot serve " + origin + ": no port from " + std::to_string(first) + " to " +
             std::to_string(first + tries - 1) + " is free on " + options_.bind +
             "; choose another port with --port";
  return false;
}

// Each server serves its host's folder of the output, at the path the host publishes it at.
void Preview::ServeFolders() {
  std::vector<HostConfig> preview_hosts =
      SiteHosts(source_dir_, options_.build, options_.build.preview_origin);
  std::lock_guard<std::mutex> lock(hosts_mutex_);
  for (Host& host : hosts_)
    for (const HostConfig& site_host : preview_hosts)
      if (site_host.origin == PreviewOrigin(host.shown.port)) {
        host.shown.root_path = site_host.root_path;
        host.server->SetRoot(site_host.folder.empty() ? output_dir_ : output_dir_ + "/" + site_host.folder,
                             site_host.root_path);
      }
}

void Preview::Stop() {
  if (watcher_) watcher_->Stop();
  if (rebuilder_.joinable()) rebuilder_.join();
  std::lock_guard<std::mutex> lock(hosts_mutex_);
  for (Host& host : hosts_) host.server->Stop();
}

void Preview::WatchLoop() {
  for (;;) {
    std::vector<std::string> changed = watcher_->Wait();
    if (changed.empty()) return;
    std::string what = Shown(changed.front());
    if (changed.size() > 1) what += " and " + std::to_string(changed.size() - 1) + " more";
    Print("changed: " + what);
    Rebuild(changed);
  }
}

// The first build shows every warning; a rebuild shows its errors and the warnings of the
// files that changed, as the others were shown before.
void Preview::Rebuild(const std::vector<std::string>& changed) {
  bool config_changed = changed.empty() || std::find(changed.begin(), changed.end(),
                                                     source_dir_ + "/site.toml") != changed.end();
  bool fresh_site = !site_;
  if (config_changed) {
    auto before = options_.build.preview_origin;
    std::string error;
    if (!ServeHosts(&error)) PrintDiagnostic("error: " + error);
    ServeFolders();
    fresh_site = fresh_site || options_.build.preview_origin != before;
  }
  if (fresh_site) site_ = std::make_unique<LiveSite>(options_.build);
  Diagnostics diags;
  BuildReport report = fresh_site ? site_->Build(diags) : site_->Update(changed, diags);
  std::string errors;
  for (const Diagnostic& d : diags.Shown()) {
    bool is_error = d.severity == Severity::kError;
    bool fresh = changed.empty() || std::any_of(changed.begin(), changed.end(),
                                                [&](const std::string& p) { return Shown(p) == d.pos.path; });
    if (is_error) errors += FormatDiagnostic(d) + "\n";
    if (is_error || fresh) PrintDiagnostic(FormatDiagnostic(d));
  }
  std::string left_out = diags.LeftOut();
  if (!left_out.empty()) PrintDiagnostic(left_out.substr(0, left_out.size() - 1));  // without its newline
  errors += left_out;
  if (!report.ok && errors.empty()) errors = "the build failed; the terminal says why\n";
  Print(Summary(report, diags));
  // A build that changed nothing after a good one needs no reload.
  if (!(report.ok && report.nothing_changed && last_ok_)) {
    std::lock_guard<std::mutex> lock(hosts_mutex_);
    for (Host& host : hosts_) host.server->Publish(errors);
  }
  last_ok_ = report.ok;
  {
    std::lock_guard<std::mutex> lock(builds_mutex_);
    ++builds_;
  }
  built_.notify_all();
}

}  // namespace tandem
