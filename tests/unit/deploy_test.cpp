// The deploy guide's promises, tested: the CI files in examples/ci/ run tandem with the flags
// docs/deploy.md describes, and those commands work on this repository's own site; a rebuild
// after a one-page edit rewrites only that page's files, so an rsync-style deploy sends only them.
#include <sys/stat.h>
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <regex>

#include "fixture.hpp"
#include "shell_run.hpp"
#include "support/text.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

const fs::path kRepository = fs::path(TANDEM_TEST_SITES).parent_path().parent_path();

// Each shell line of a workflow, in order: `run:` of GitHub steps (one per line of a block),
// or GitLab's before_script and script entries of each job, in the file's order.
void CollectGithub(const YAML::Node& workflow, std::vector<std::string>& lines) {
  for (const auto& job : workflow["jobs"])
    for (const auto& step : job.second["steps"])
      if (step["run"]) {
        std::string run = step["run"].as<std::string>();
        for (size_t start = 0, end; start < run.size(); start = end + 1) {
          end = run.find('\n', start);
          if (end == std::string::npos) end = run.size();
          if (end > start) lines.push_back(run.substr(start, end - start));
        }
      }
}

void CollectGitlab(const YAML::Node& pipeline, std::vector<std::string>& lines) {
  for (const auto& job : pipeline) {
    if (!job.second.IsMap()) continue;
    for (const char* key : {"before_script", "script"})
      if (job.second[key])
        for (const auto& line : job.second[key]) lines.push_back(line.as<std::string>());
  }
}

std::vector<std::string> TandemCommands(const std::vector<std::string>& lines) {
  std::vector<std::string> commands;
  for (const std::string& line : lines)
    if (StartsWith(line, "build/tandem ")) commands.push_back(line);
  return commands;
}

// A copy of this repository's site (not its build folders) in a scratch folder.
void CopyRepositorySite(const FixtureSite& site) {
  for (const char* part : {"site.toml", "content", "data", "static", "i18n"})
    if (fs::exists(kRepository / part))
      fs::copy(kRepository / part, site.source() / part, fs::copy_options::recursive);
}

bool HasSubcommand(const std::string& name) {
  return RunTandem(name + " --help").status == 0;
}

// Runs a workflow's shell line as CI would, in the site's folder, with `build/tandem` being the
// tandem under test and the CI's variables given values.
ShellResult RunStep(const FixtureSite& site, std::string line) {
  line = std::regex_replace(line, std::regex(R"(^build/tandem )"), std::string(TANDEM_BINARY) + " ");
  line = std::regex_replace(line, std::regex(R"(\$\{\{ steps\.pages\.outputs\.base_url \}\})"),
                            "https://example.github.io/tandem");
  line = std::regex_replace(line, std::regex(R"(\$CI_PAGES_URL)"), "https://example.gitlab.io/tandem");
  return ShellRun("cd '" + site.source().string() + "' && " + line);
}

// Runs every line of a workflow that calls tandem or removes its state folder, in order. A
// subcommand this tandem does not have yet is skipped, with a warning.
void RunWorkflow(const std::vector<std::string>& lines) {
  FixtureSite site;
  CopyRepositorySite(site);
  for (const std::string& line : lines) {
    bool tandem = StartsWith(line, "build/tandem ");
    if (!tandem && !StartsWith(line, "rm -rf ")) continue;
    std::string subcommand = tandem ? line.substr(13, line.find(' ', 13) - 13) : "";
    if (tandem && !HasSubcommand(subcommand)) {
      WARN("skipped, this tandem has no `" << subcommand << "` yet: " << line);
      continue;
    }
    ShellResult run = RunStep(site, line);
    INFO(line << "\n" << run.output);
    CHECK(run.status == 0);
  }
}

}  // namespace

TEST_CASE("the GitHub Actions workflow checks, then builds for the Pages address, with full history",
          "[deploy]") {
  YAML::Node workflow = YAML::LoadFile((kRepository / "examples/ci/github-pages.yml").string());
  std::vector<std::string> lines;
  CollectGithub(workflow, lines);
  CHECK(TandemCommands(lines) ==
        std::vector<std::string>{
            "build/tandem check --format github",
            "build/tandem build --quiet --base-url \"${{ steps.pages.outputs.base_url }}/\""});
  bool full_history = false;
  for (const auto& step : workflow["jobs"]["build"]["steps"])
    if (step["uses"] && StartsWith(step["uses"].as<std::string>(), "actions/checkout@"))
      full_history = step["with"]["fetch-depth"].as<int>() == 0;
  CHECK(full_history);
  CHECK(workflow["jobs"]["deploy"]["steps"][0]["uses"].as<std::string>() == "actions/deploy-pages@v4");
  RunWorkflow(lines);
}

TEST_CASE("the GitLab CI pipeline checks, builds merge requests as staging, and publishes Pages",
          "[deploy]") {
  YAML::Node pipeline = YAML::LoadFile((kRepository / "examples/ci/gitlab-ci.yml").string());
  std::vector<std::string> lines;
  CollectGitlab(pipeline, lines);
  CHECK(TandemCommands(lines) ==
        std::vector<std::string>{"build/tandem check",
                                 "build/tandem build --quiet --environment staging --output review",
                                 "build/tandem build --quiet --base-url \"$CI_PAGES_URL/\""});
  CHECK(pipeline["variables"]["GIT_DEPTH"].as<int>() == 0);
  CHECK(pipeline["pages"]["artifacts"]["paths"][0].as<std::string>() == "public");
  RunWorkflow(lines);
}

TEST_CASE("after a one-page edit, only that page's files change: bytes and modification times", "[deploy]") {
  FixtureSite site("feeds");
  REQUIRE(site.Build().report.ok);
  auto mtimes = [&] {
    std::map<std::string, int64_t> times;
    for (const auto& entry : fs::recursive_directory_iterator(site.output())) {
      std::string rel = entry.path().lexically_relative(site.output()).generic_string();
      if (!entry.is_regular_file() || StartsWith(rel, ".tandem")) continue;
      struct stat st;
      stat(entry.path().c_str(), &st);
      times[rel] = int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    }
    return times;
  };
  auto before = mtimes();
  auto bytes_before = site.Snapshot();
  site.WriteFile("content/en/news/oldest.md",
                 "+++\ntitle = \"Oldest item\"\ndate = 2023-01-10\n"
                 "modified = 2023-01-10\n+++\nOld.\n\nAnd edited below its summary.\n");
  REQUIRE(site.Build().report.ok);
  auto after = mtimes();
  auto bytes_after = site.Snapshot();
  std::vector<std::string> changed, rewritten;
  for (const auto& [path, time] : after) {
    if (before[path] != time) changed.push_back(path);
    if (bytes_before[path] != bytes_after[path]) rewritten.push_back(path);
  }
  CHECK(changed == std::vector<std::string>{"en/news/oldest/index.html"});
  CHECK(rewritten == changed);
  CHECK(before.size() == after.size());
}
