// The tandem program itself: arguments, exit status, last lines.
#include <sys/wait.h>

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
  CHECK(run.output.find("files: 29 written, 0 unchanged, 0 removed\n") != std::string::npos);
  CHECK(run.output.find("1 warning, 0 errors, ") != std::string::npos);
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

TEST_CASE("an unknown option is refused", "[cli]") {
  CHECK(RunTandem("build --colour").status != 0);
}
