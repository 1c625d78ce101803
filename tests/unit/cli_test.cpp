// The tandem program itself: arguments, exit status, last lines.
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>

#include "fixture.hpp"

using namespace tandem::testing;

using Run = ProgramRun;

TEST_CASE("tandem --version names the program", "[cli]") {
  Run run = RunTandem("--version");
  CHECK(run.status == 0);
  CHECK(run.output.rfind("tandem ", 0) == 0);
}

TEST_CASE("tandem --help lists the build command", "[cli]") {
  Run run = RunTandem("build --help");
  CHECK(run.status == 0);
  for (const char* option : {"--source", "--output", "--drafts", "--strict", "--quiet", "--jobs", "--force"})
    CHECK(run.output.find(option) != std::string::npos);
}

TEST_CASE("a successful build exits 0 and ends with pages, warnings, errors and time", "[cli]") {
  FixtureSite site("basic");
  Run run = RunTandem("build --source " + site.source().string() + " --output " + site.output().string());
  CHECK(run.status == 0);
  CHECK(run.output.find("en: 12 pages, fr: 11 pages\n") != std::string::npos);
  CHECK(run.output.find("files: 47 written, 0 unchanged, 0 removed\n") != std::string::npos);
  CHECK(run.output.find("4 warnings, 0 errors, ") != std::string::npos);
}

TEST_CASE("a build with errors exits 1 and prints them", "[cli]") {
  FixtureSite site("minimal");
  site.WriteFile("content/en/x.md", "+++\ntitle = \"X\"\nslug = \"X Y\"\n+++\n");
  Run run =
      RunTandem("build --quiet --source " + site.source().string() + " --output " + site.output().string());
  CHECK(run.status == 1);
  CHECK(run.output.find("content/en/x.md:3:1: error: slug \"X Y\" must use only lowercase ASCII letters") ==
        0);
  CHECK(run.output.find(" warnings, 1 error, ") != std::string::npos);
}

TEST_CASE("a usage error exits 2, whatever its kind", "[cli]") {
  Run unknown = RunTandem("build --colour");
  CHECK(unknown.status == 2);
  CHECK(unknown.output.find("--colour") != std::string::npos);
  CHECK(RunTandem("build --jobs 0").status == 2);  // out of range
  CHECK(RunTandem("new").status == 2);             // its path is missing
  CHECK(RunTandem("completion zsh").status == 2);
  CHECK(RunTandem("build --help").status == 0);
}

TEST_CASE("a mistyped command is named, with the nearest command", "[cli]") {
  Run run = RunTandem("buidl");
  CHECK(run.status == 1);
  CHECK(run.output ==
        "error: \"buidl\" is not a tandem command; did you mean \"build\"? (tandem --help tells more)\n");
  Run far = RunTandem("frobnicate --source x");
  CHECK(far.status == 1);
  CHECK(far.output.rfind("error: \"frobnicate\" is not a tandem command; the commands are build, ", 0) == 0);
}

TEST_CASE("a bare tandem prints the usage and exits 1", "[cli]") {
  Run run = RunTandem("");
  CHECK(run.status == 1);
  CHECK(run.output.find("Usage: ") != std::string::npos);
  for (const char* command : {"build", "new", "version"})
    CHECK(run.output.find(command) != std::string::npos);
  CHECK(run.output.find("manpage") == std::string::npos);  // hidden
}

TEST_CASE("tandem version says what --version says", "[cli]") {
  Run word = RunTandem("version"), flag = RunTandem("--version");
  CHECK(word.status == 0);
  CHECK(word.output == flag.output);
  CHECK(word.output == std::string("tandem ") + TANDEM_VERSION + "\n");
}

namespace {

// The commands `tandem --help` lists, read from its "Subcommands:" part.
std::vector<std::string> ListedCommands() {
  std::string help = RunTandem("--help").output;
  std::vector<std::string> commands;
  size_t at = help.find("Subcommands:\n");
  REQUIRE(at != std::string::npos);
  for (size_t line = help.find('\n', at) + 1; line < help.size() && help[line] == ' ';
       line = help.find('\n', line) + 1) {
    size_t start = help.find_first_not_of(' ', line);
    commands.push_back(help.substr(start, help.find(' ', start) - start));
  }
  return commands;
}

}  // namespace

TEST_CASE("the bash completion offers every command and each command's options", "[cli]") {
  Run run = RunTandem("completion bash");
  CHECK(run.status == 0);
  std::vector<std::string> commands = ListedCommands();
  CHECK(commands.size() >= 3);
  // The words offered after `tandem `, on the line of the empty command, between spaces.
  size_t at = run.output.find("'') COMPREPLY=($(compgen -W \"");
  REQUIRE(at != std::string::npos);
  std::string first = run.output.substr(at, run.output.find('\n', at) - at);
  std::replace(first.begin(), first.end(), '"', ' ');
  for (const std::string& command : commands) {
    INFO(command);
    CHECK(first.find(" " + command + " ") != std::string::npos);             // offered first
    CHECK(run.output.find("\n    " + command + ") ") != std::string::npos);  // its options
  }
  CHECK(run.output.find("--source|") != std::string::npos);  // a folder is completed after --source
  CHECK(run.output.find("--drafts") != std::string::npos);
  CHECK(run.output.find("--now") == std::string::npos);  // hidden
  CHECK(run.output.find("complete -F _tandem tandem\n") != std::string::npos);
  if (std::system("command -v bash >/dev/null") == 0) {
    Run bash = RunCommand(
        "bash -c 'source <(" + std::string(TANDEM_BINARY) +
        " completion bash); COMP_WORDS=(tandem bu); COMP_CWORD=1; _tandem; echo \"${COMPREPLY[*]}\"; "
        "COMP_WORDS=(tandem build --dr); COMP_CWORD=2; _tandem; echo \"${COMPREPLY[*]}\"'");
    CHECK(bash.output == "build\n--drafts\n");
  }
}

TEST_CASE("the manual page describes every command and every option --help lists", "[cli]") {
  Run man = RunTandem("manpage");
  CHECK(man.status == 0);
  CHECK(man.output.rfind(".TH TANDEM 1 ", 0) == 0);
  for (const std::string& command : ListedCommands()) {
    INFO(command);
    CHECK(man.output.find(".SS \"tandem " + command + "\"\n") != std::string::npos);
    std::string help = RunTandem(command + " --help").output;
    for (size_t at = help.find("\n  --"); at != std::string::npos; at = help.find("\n  --", at + 1)) {
      std::string option = help.substr(at + 5, help.find_first_of(" ,\n", at + 5) - at - 5);
      INFO(option);
      std::string roff;  // every hyphen escaped
      for (char c : "--" + option) roff += c == '-' ? std::string("\\-") : std::string(1, c);
      if (option != "help") CHECK(man.output.find(roff) != std::string::npos);
    }
  }
  CHECK(man.output.find(".SH EXIT STATUS") != std::string::npos);
}
