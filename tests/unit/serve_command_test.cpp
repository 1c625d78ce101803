// The `tandem serve` program, run as a user runs it: what a build reports goes to stderr, as
// `tandem build` writes it; what serve does (its addresses, each build's summary) to stdout.
// Every wait is bounded.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <thread>

#include "fixture.hpp"

using tandem::testing::FixtureSite;
using tandem::testing::ReadBytes;
namespace fs = std::filesystem;

extern char** environ;

namespace {

// A loopback port free a moment ago.
int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t size = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size);
  close(fd);
  return ntohs(addr.sin_port);
}

// The program with `args`, its stdout and stderr into files; stopped with Ctrl-C (SIGINT).
class Program {
 public:
  // `env`: variables added to this process's, NAME=value.
  Program(const std::vector<std::string>& args, const fs::path& out, const fs::path& err,
          const std::vector<std::string>& env = {}) {
    std::vector<char*> envp;
    for (char** e = environ; *e; ++e) envp.push_back(*e);
    for (const std::string& var : env) envp.push_back(const_cast<char*>(var.c_str()));
    envp.push_back(nullptr);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(TANDEM_BINARY));
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&files, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (posix_spawn(&pid_, TANDEM_BINARY, &files, nullptr, argv.data(), envp.data()) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&files);
  }
  ~Program() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  bool running() const { return pid_ > 0; }
  // Sends Ctrl-C and waits at most 30 s; the exit status, or -1.
  int Interrupt() {
    kill(pid_, SIGINT);
    return Exited();
  }
  // Waits at most 30 s for the program to end; its exit status, or -1.
  int Exited() {
    for (int i = 0; i < 3000; ++i) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
};

// Waits at most 60 s for `file` to hold `text`.
bool WaitForText(const fs::path& file, const std::string& text) {
  for (int i = 0; i < 6000; ++i) {
    if (ReadBytes(file).find(text) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

}  // namespace

TEST_CASE("serve: diagnostics go to stderr as tandem build writes them; its own lines to stdout", "[serve]") {
  FixtureSite site("minimal");
  site.WriteFile("content/en/_index.md",
                 "+++\ntitle = \"Home\"\nmodified = 2024-01-01\n+++\nHello. [Nowhere](/en/nowhere/).\n");
  fs::path out = site.source().parent_path() / "out.txt", err = site.source().parent_path() / "err.txt";

  tandem::testing::ProgramRun built = tandem::testing::RunCommand(
      "(" + std::string(TANDEM_BINARY) + " build --source " + site.source().string() + " --output " +
      site.output().string() + " 2>" + err.string() + " >" + out.string() + ")");
  REQUIRE(built.status == 0);
  std::string build_err = ReadBytes(err);
  REQUIRE(build_err.find("warning: ") != std::string::npos);

  int port = FreePort();
  Program serve({"serve", "--source", site.source().string(), "--port", std::to_string(port)}, out, err);
  REQUIRE(serve.running());
  REQUIRE(WaitForText(out, "\nbuilt in "));
  CHECK(serve.Interrupt() == 0);
  std::string serve_out = ReadBytes(out), serve_err = ReadBytes(err);
  CHECK(serve_err == build_err);
  CHECK(serve_out.rfind("serving " + (site.source() / ".tandem-serve").string() +
                            " at http://127.0.0.1:" + std::to_string(port) + "/ (Ctrl-C stops)\nbuilt in ",
                        0) == 0);
  CHECK(serve_out.find(" written, 0 files removed, 1 warning\nstopping\n") != std::string::npos);
  CHECK(serve_out.find("nowhere") == std::string::npos);
}

// Issue 20: the one-page path of serve rendered without the watchdog, so a page past the time
// limit hung the preview where a build stops with an error naming it.
TEST_CASE("serve: an edited page past the time limit stops serve as it stops a build", "[serve][slow]") {
  FixtureSite site("minimal");
  fs::path out = site.source().parent_path() / "out.txt", err = site.source().parent_path() / "err.txt";
  site.WriteFile("site.toml", "page_timeout = 1\n" + ReadBytes(site.source() / "site.toml"));
  int port = FreePort();
  // The first build renders the two home pages; the third render is the edited page's alone.
  Program serve({"serve", "--source", site.source().string(), "--port", std::to_string(port)}, out, err,
                {"TANDEM_TEST_FAULT=render:3:sleep=4000"});
  REQUIRE(serve.running());
  REQUIRE(WaitForText(out, "\nbuilt in "));
  std::string home = ReadBytes(site.source() / "content/en/_index.md");
  site.WriteFile("content/en/_index.md", home + "\nA paragraph added.\n");
  CHECK(serve.Exited() == 1);
  CHECK(
      ReadBytes(err).find("content/en/_index.md: error: still rendering after 1 s; the build stops here and "
                          "the output folder is left as it was. Split the page, or allow more time with "
                          "page_timeout in site.toml or --page-timeout\n") != std::string::npos);
}

// Issue 24: serve printed the build's refusal of a folder it did not make, then served that
// folder (/etc/passwd and ~/.bashrc came back with 200). It must end with 1 before listening.
TEST_CASE("serve: an output folder the build refuses is never served", "[serve]") {
  FixtureSite site("minimal");
  fs::path out = site.source().parent_path() / "out.txt", err = site.source().parent_path() / "err.txt";
  tandem::testing::ScratchDir mine;
  std::ofstream(mine.path() / "notes.txt") << "mine\n";
  struct Case {
    std::string output;
    std::string error;
  };
  for (const Case& c :
       {Case{mine.path().string(),
             ": error: the output folder is not empty and was not made by tandem; tandem will not write over "
             "files it did not create. Empty it, choose another --output, or pass --force\n"},
        Case{"/",
             ": error: the output folder holds the site itself; tandem serve builds into a folder of its "
             "own. Leave out --output (it is then .tandem-serve in the site) or choose another\n"},
        Case{site.source().string(),
             ": error: the output folder holds the site itself; tandem serve builds into a folder of its "
             "own. Leave out --output (it is then .tandem-serve in the site) or choose another\n"}}) {
    INFO(c.output);
    int port = FreePort();
    Program serve(
        {"serve", "--source", site.source().string(), "--output", c.output, "--port", std::to_string(port)},
        out, err);
    REQUIRE(serve.running());
    CHECK(serve.Exited() == 1);
    CHECK(ReadBytes(err) == c.output + c.error);
    CHECK(ReadBytes(out).find("serving") == std::string::npos);
  }
  CHECK(ReadBytes(mine.path() / "notes.txt") == "mine\n");
  CHECK_FALSE(fs::exists(mine.path() / ".tandem"));
}
