// A build tells how many pages are done while they render (BuildOptions::progress), and the
// program shows it as one line on a terminal only.
#include "pipeline/progress.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <mutex>
#include <thread>
#include <vector>

#include "fixture.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

struct Told {
  std::mutex mutex;
  std::vector<std::pair<size_t, size_t>> calls;
  std::atomic<int> inside{0};
  bool overlapped = false;

  Progress::Listener Listener() {
    return [this](size_t done, size_t total) {
      if (inside.fetch_add(1) != 0) overlapped = true;
      std::this_thread::yield();
      {
        std::lock_guard<std::mutex> lock(mutex);
        calls.emplace_back(done, total);
      }
      inside.fetch_sub(1);
    };
  }
};

bool HaveScript() {
  return std::system("command -v script >/dev/null 2>&1") == 0;
}

}  // namespace

TEST_CASE("a build tells its progress, counts rising to every page, one call at a time", "[progress]") {
  FixtureSite site("basic");
  Told told;
  BuildOptions options;
  options.jobs = 4;
  options.progress = told.Listener();
  options.progress_every = std::chrono::milliseconds(0);  // every page
  FixtureSite::Result result = site.Build(options);
  REQUIRE(result.errors == "");
  size_t pages = 0;
  for (const auto& [lang, n] : result.report.pages_per_language) pages += n;
  REQUIRE_FALSE(told.calls.empty());
  CHECK_FALSE(told.overlapped);
  CHECK(told.calls.back() == std::pair<size_t, size_t>{pages, pages});
  for (size_t i = 1; i < told.calls.size(); ++i) {
    CHECK(told.calls[i].first >= told.calls[i - 1].first);
    CHECK(told.calls[i].second == pages);
  }
}

TEST_CASE("a build with nothing changed tells no progress", "[progress]") {
  FixtureSite site("basic");
  REQUIRE(site.Build().errors == "");
  Told told;
  BuildOptions options;
  options.progress = told.Listener();
  options.progress_every = std::chrono::milliseconds(0);
  CHECK(site.Build(options).report.nothing_changed);
  CHECK(told.calls.empty());
}

TEST_CASE("progress is told at most once per interval, and once at the end", "[progress]") {
  Told told;
  Progress progress(told.Listener(), 1000, std::chrono::hours(1));
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w)
    workers.emplace_back([&] {
      for (int i = 0; i < 250; ++i) progress.Done();
    });
  for (auto& worker : workers) worker.join();
  CHECK(told.calls.empty());
  progress.Finish();
  CHECK(told.calls == std::vector<std::pair<size_t, size_t>>{{1000, 1000}});
}

TEST_CASE("the program shows a progress line on a terminal, and clears it", "[progress][cli]") {
  if (!HaveScript()) {
    WARN("no `script` program (util-linux): the terminal is not tested");
    return;
  }
  FixtureSite site("basic");
  std::string build = std::string(TANDEM_BINARY) + " build --source " + site.source().string() +
                      " --output " + site.output().string();
  // script gives the program a terminal; every page is told (TANDEM_TEST_PROGRESS_MS=0).
  ProgramRun on_tty = RunCommand("env -u CI TANDEM_TEST_PROGRESS_MS=0 script -qec '" + build + "' /dev/null");
  CHECK(on_tty.status == 0);
  CHECK(on_tty.output.find("\rpages ") != std::string::npos);
  CHECK(on_tty.output.find("/23\x1b[K") != std::string::npos);
  CHECK(on_tty.output.find("\r\x1b[K") != std::string::npos);
  CHECK(on_tty.output.find("\rpages 23/23") == std::string::npos);  // the end clears instead

  site.Remove("content/en/news/launch.md");  // something to build again
  ProgramRun in_ci = RunCommand("CI=true TANDEM_TEST_PROGRESS_MS=0 script -qec '" + build + "' /dev/null");
  CHECK(in_ci.status == 0);
  CHECK(in_ci.output.find("\rpages ") == std::string::npos);

  site.Remove("content/en/news/raw.md");
  ProgramRun quiet =
      RunCommand("env -u CI TANDEM_TEST_PROGRESS_MS=0 script -qec '" + build + " --quiet' /dev/null");
  CHECK(quiet.output.find("\rpages ") == std::string::npos);
}

TEST_CASE("the program shows no progress line when stderr is not a terminal", "[progress][cli]") {
  FixtureSite site("basic");
  ProgramRun run =
      RunTandem("build --source " + site.source().string() + " --output " + site.output().string(),
                "env -u CI TANDEM_TEST_PROGRESS_MS=0 ");
  CHECK(run.status == 0);
  CHECK(run.output.find("\rpages ") == std::string::npos);
  CHECK(run.output.find('\r') == std::string::npos);
}
