#include "serve/preview.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>

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

int Preview::port() const {
  return server_ ? server_->port() : 0;
}

size_t Preview::builds() const {
  return builds_.load();
}

void Preview::Print(const std::string& line) const {
  if (options_.print) options_.print(line);
}

std::string Preview::Shown(const std::string& path) const {
  return StartsWith(path, source_dir_ + "/") ? path.substr(source_dir_.size() + 1) : path;
}

bool Preview::Start(std::string* error) {
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
  server_ = std::make_unique<Server>(Server::Options{output_dir_, options_.bind, options_.port});
  if (!server_->Start(error)) return false;
  // Hosts and paths of base_url would not work here: the preview puts the site on its own origin.
  options_.build.preview_origin = "http://localhost:" + std::to_string(server_->port());
  site_ = std::make_unique<LiveSite>(options_.build);
  Rebuild({});
  rebuilder_ = std::thread([this] { WatchLoop(); });
  return true;
}

void Preview::Stop() {
  if (watcher_) watcher_->Stop();
  if (rebuilder_.joinable()) rebuilder_.join();
  if (server_) server_->Stop();
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
  Diagnostics diags;
  BuildReport report = changed.empty() ? site_->Build(diags) : site_->Update(changed, diags);
  std::string errors;
  for (const Diagnostic& d : diags.Shown()) {
    bool is_error = d.severity == Severity::kError;
    bool fresh = changed.empty() || std::any_of(changed.begin(), changed.end(),
                                                [&](const std::string& p) { return Shown(p) == d.pos.path; });
    if (is_error) errors += FormatDiagnostic(d) + "\n";
    if (is_error || fresh) Print(FormatDiagnostic(d));
  }
  errors += diags.LeftOut();
  if (!report.ok && errors.empty()) errors = "the build failed; the terminal says why\n";
  Print(Summary(report, diags));
  // A build that changed nothing after a good one needs no reload.
  if (!(report.ok && report.nothing_changed && last_ok_)) server_->Publish(errors);
  last_ok_ = report.ok;
  ++builds_;
}

}  // namespace tandem
