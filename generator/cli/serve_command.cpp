#include "serve_command.hpp"

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cstdlib>
#include <future>
#include <iostream>
#include <memory>
#include <thread>

namespace tandem::cli {

namespace {

bool IsLoopback(const std::string& address) {
  return address == "localhost" || address == "::1" || address.rfind("127.", 0) == 0;
}

// The address to open in a browser.
std::string Url(const std::string& bind, const PreviewHost& host) {
  std::string name = bind == "0.0.0.0" || bind == "::" ? "localhost" : bind;
  if (name.find(':') != std::string::npos) name = "[" + name + "]";
  return "http://" + name + ":" + std::to_string(host.port) + host.root_path;
}

// One line for a site on one host; else a line per host, the site's first.
void PrintBanner(const Preview& preview, const std::string& bind) {
  std::vector<PreviewHost> hosts = preview.hosts();
  if (hosts.size() == 1) {
    std::cout << "serving " << preview.output_dir() << " at " << Url(bind, hosts.front()) << " (Ctrl-C stops)"
              << std::endl;
    return;
  }
  std::cout << "serving " << preview.output_dir() << ", a port per host (Ctrl-C stops):\n";
  for (const PreviewHost& host : hosts)
    std::cout << "  " << host.origin << host.root_path << " at " << Url(bind, host) << "\n";
  std::cout << std::flush;
}

}  // namespace

ServeCommand::ServeCommand(CLI::App& app) {
  command_ =
      app.add_subcommand("serve", "Build the site, serve it on this machine and rebuild it on every change");
  BuildOptions& build = options_.build;
  command_->add_option("--source,-s", build.source_dir, "The site folder (with site.toml)")
      ->capture_default_str();
  command_->add_option("--output,-o", build.output_dir,
                       "The folder built and served (default: <source>/.tandem-serve, never public/)");
  command_
      ->add_option("--port,-p", options_.port,
                   "The port of the site's host; each other host of the site is served at the next free "
                   "port after it")
      ->check(CLI::Range(1, 65535))
      ->capture_default_str();
  command_
      ->add_option("--bind", options_.bind,
                   "The address to listen on; anything but 127.0.0.1 is reachable "
                   "from other machines")
      ->capture_default_str();
  command_->add_flag("--drafts", build.drafts, "Include pages marked draft = true");
}

int ServeCommand::Run() {
  // Every thread started from here on inherits the blocked signals; one of them waits for them.
  // Before the server has started (the first build of a large site takes seconds), Ctrl-C ends
  // the program at once: an interrupted build leaves its output folder as it was.
  // The waiting thread is detached and may outlive Run (which returns at once when the preview
  // cannot start), so what it shares with Run is owned by both, never on Run's stack.
  struct Stopping {
    sigset_t signals;
    std::atomic<bool> started{false};
    std::promise<void> asked;
  };
  auto stopping = std::make_shared<Stopping>();
  sigemptyset(&stopping->signals);
  sigaddset(&stopping->signals, SIGINT);
  sigaddset(&stopping->signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stopping->signals, nullptr);
  std::future<void> stop_asked = stopping->asked.get_future();
  std::thread([stopping] {
    int signal = 0;
    sigwait(&stopping->signals, &signal);
    std::cout << "stopping" << std::endl;
    if (!stopping->started) std::_Exit(130);
    stopping->asked.set_value();
    sigwait(&stopping->signals, &signal);  // a second Ctrl-C does not wait for a rebuild to end
    std::_Exit(130);
  }).detach();

  // As `tandem build`: what a build reports on stderr, what it did on stdout.
  options_.print = [](const std::string& line) { std::cout << line << std::endl; };
  options_.print_diagnostic = [](const std::string& text) { std::cerr << text << std::endl; };
  options_.build.say = [](const std::string& message) { std::cerr << "note: " << message << std::endl; };
  Preview preview(options_);
  std::string error;
  if (!preview.Start(&error)) {
    if (!error.empty()) std::cerr << "error: " << error << "\n";  // else printed as a diagnostic
    return 1;
  }
  if (!IsLoopback(options_.bind))
    std::cout << "note: listening on " << options_.bind
              << ": other machines that reach it can read the preview\n";
  // Printed while the first build runs: a browser opened at once is shown a page that waits.
  PrintBanner(preview, options_.bind);
  while (!preview.WaitForBuilds(1, std::chrono::seconds(1))) {
  }
  stopping->started = true;
  stop_asked.wait();
  preview.Stop();
  return 0;
}

}  // namespace tandem::cli
