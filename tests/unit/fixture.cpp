#include "fixture.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tandem::testing {

ScratchDir::ScratchDir() {
  static std::atomic<int> counter{0};
  path_ = fs::temp_directory_path() /
          ("tandem-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(path_);
  fs::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

ProgramRun RunTandem(const std::string& args, const std::string& env) {
  return RunCommand(env + std::string(TANDEM_BINARY) + " " + args);
}

ProgramRun RunCommand(const std::string& shell_command) {
  ProgramRun run;
  std::string command = shell_command + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run " + command);
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) run.output.append(buffer, n);
  int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::string YamlAliasBomb(const std::string& before, int levels, int per) {
  std::string yaml = before;
  for (int level = 0; level < levels; ++level) {
    std::string item = level == 0 ? "x" : "*a" + std::to_string(level - 1);
    yaml += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [" + item;
    for (int k = 1; k < per; ++k) yaml += ", " + item;
    yaml += "]\n";
  }
  return yaml;
}

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::map<std::string, std::string> SnapshotDir(const fs::path& dir) {
  std::map<std::string, std::string> files;
  if (!fs::exists(dir)) return files;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
    std::string rel = it->path().lexically_relative(dir).generic_string();
    if (rel == ".tandem" || rel.rfind(".tandem/", 0) == 0) continue;
    if (it->is_regular_file()) files[rel] = ReadBytes(it->path());
  }
  return files;
}

FixtureSite::FixtureSite(const std::string& name) {
  fs::create_directories(source());
  if (!name.empty())
    fs::copy(fs::path(TANDEM_TEST_SITES) / name, source(),
             fs::copy_options::recursive | fs::copy_options::copy_symlinks);
}

void FixtureSite::WriteFile(const std::string& rel, const std::string& bytes) const {
  fs::path path = source() / rel;
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

void FixtureSite::Remove(const std::string& rel) const {
  fs::remove_all(source() / rel);
}

void FixtureSite::CopyDefaultTheme(const std::string& name) const {
  fs::create_directories(source() / "themes");
  fs::copy(fs::path(TANDEM_THEMES_DIR) / "gc", source() / "themes" / name, fs::copy_options::recursive);
}

void FixtureSite::DropThemeString(const std::string& key) const {
  for (std::string lang : {"en", "fr"}) {  // a theme's languages must have the same keys
    std::string rel = "themes/gc/i18n/" + lang + ".toml";
    std::string strings = ReadBytes(source() / rel);
    size_t line = strings.find("\n" + key + " = ");
    if (line == std::string::npos) throw std::runtime_error("no UI string " + key + " in " + rel);
    strings.erase(line + 1, strings.find('\n', line + 1) - line);
    WriteFile(rel, strings);
  }
}

FixtureSite::Result FixtureSite::Build(BuildOptions options) const {
  options.source_dir = source().string();
  if (options.output_dir.empty()) options.output_dir = output().string();
  Diagnostics diags;
  Result result;
  result.report = tandem::Build(options, diags);
  for (const Diagnostic& d : diags.Sorted()) {
    // Every message at a line quotes that line, from memory.
    INFO(FormatDiagnostic(d));
    CHECK((d.pos.line == 0 || !d.source_line.empty()));
  }
  for (const Diagnostic& d : diags.Sorted())
    (d.severity == Severity::kError     ? result.errors
     : d.severity == Severity::kWarning ? result.warnings
                                        : result.notes) += FormatDiagnostic(d) + "\n";
  return result;
}

std::string FixtureSite::Read(const std::string& rel) const {
  return ReadBytes(output() / rel);
}

std::map<std::string, std::string> FixtureSite::Snapshot() const {
  return SnapshotDir(output());
}

}  // namespace tandem::testing
