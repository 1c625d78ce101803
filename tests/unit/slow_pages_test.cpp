// Pages that would take cmark-gfm minutes: the known patterns are refused before parsing, a
// slow page is named while it renders, and one past the time limit stops the build, leaving
// the output as it was.
#include <catch2/catch.hpp>
#include <string>

#include "fixture.hpp"
#include "markdown/markdown.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

FixtureSite::Result BuildWith(const std::string& body) {
  FixtureSite site("minimal");
  site.WriteFile("content/en/slow.md",
                 "+++\ntitle = \"Slow\"\nmodified = 2024-01-01\n+++\nIntro.\n\n" + body + "\n");
  return site.Build();
}

}  // namespace

TEST_CASE("each known quadratic pattern is refused past its cap, and renders below it", "[slow]") {
  struct Pattern {
    std::string unit;
    std::string opening;
  };
  for (const Pattern& p : {Pattern{"![[]()", "![["}, Pattern{"a <![CDATA[ ", "<![CDATA["},
                           Pattern{"a <? ", "<?"}, Pattern{"a <!A ", "<!"}}) {
    INFO(p.unit);
    auto small = BuildWith(Repeat(p.unit, 1500));
    CHECK(small.errors.empty());
    auto big = BuildWith(Repeat(p.unit, 40000));
    CHECK(big.errors.rfind("content/en/slow.md:7:1: error: this paragraph opens \"" + p.opening +
                               "\" more than 2000 times, and cmark-gfm takes time that grows with the square",
                           0) == 0);
  }
}

TEST_CASE("openings spread over paragraphs, or inside code, are not counted together", "[slow]") {
  std::string paragraphs;
  for (int i = 0; i < 30; ++i) paragraphs += Repeat("![[]()", 1000) + "\n\n";
  CHECK(BuildWith(paragraphs).errors.empty());
  CHECK(BuildWith("```\n" + Repeat("<![CDATA[ ", 5000) + "\n```").errors.empty());
}

TEST_CASE("a page rendering slowly is named while it renders", "[slow]") {
  FixtureSite site("minimal");
  ProgramRun run = RunTandem("build --jobs 1 --source " + site.source().string(),
                             "TANDEM_TEST_FAULT=render:1:sleep=2300 ");
  CHECK(run.status == 0);
  CHECK(run.output.find("note: content/en/_index.md: still rendering after 2 s (a cmark-gfm worst case? see "
                        "\"Slow pages\" in README.md)\n") != std::string::npos);
}

TEST_CASE("a page past the time limit stops the build and leaves the output as it was", "[slow]") {
  FixtureSite site("minimal");
  REQUIRE(site.Build().report.ok);
  auto before = site.Snapshot();
  site.WriteFile("content/en/_index.md", "+++\ntitle = \"Home, changed\"\nmodified = 2024-02-02\n+++\n");
  ProgramRun run = RunTandem("build --jobs 1 --page-timeout 1 --source " + site.source().string(),
                             "TANDEM_TEST_FAULT=render:1:sleep=4000 ");
  CHECK(run.status == 1);
  CHECK(run.output.find(
            ": error: still rendering after 1 s; the build stops here and the output folder is left "
            "as it was. Split the page, or allow more time with page_timeout in site.toml or "
            "--page-timeout\n") != std::string::npos);
  CHECK(site.Snapshot() == before);
  // site.toml sets the limit too.
  site.WriteFile("site.toml", "page_timeout = 0\n" + ReadBytes(site.source() / "site.toml"));
  CHECK(site.Build().errors.find("\"page_timeout\" must be a number of seconds from 1 to 3600") !=
        std::string::npos);
}

namespace {

// A sanitized tandem runs 5 to 15 times slower, and slower still on a machine shared with other
// work (a TSan run was killed at 10 s there): its limits are 4 times longer, still far below what
// the quadratic costs these tests guard against took (20 s and more in a release build).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr int kSanitizerSlowdown = 4;
#else
constexpr int kSanitizerSlowdown = 1;
#endif

// Runs tandem as cmark's pathological tests run cmark: killed past `seconds` (status -1).
ProgramRun RunWithin(int seconds, const std::string& args, const std::string& env = "") {
  return RunCommand(env + "timeout -s KILL " + std::to_string(seconds * kSanitizerSlowdown) + " " +
                    TANDEM_BINARY + " " + args);
}

}  // namespace

TEST_CASE("a page rendering refuses is not parsed whole for its summary first", "[slow]") {
  FixtureSite site("minimal");
  // 480 KB: cmark-gfm takes 25 s over this paragraph (summaries did); rendering refuses it at once.
  site.WriteFile("content/en/slow.md", "+++\ntitle = \"Slow\"\nmodified = 2024-01-01\n+++\n" +
                                           Repeat("![[]()", 80000) + "\n\nMore.\n");
  for (const char* command : {"build", "check"}) {
    INFO(command);
    std::string output = std::string(command) == "build" ? " --output " + site.output().string() : "";
    ProgramRun run =
        RunWithin(15, std::string(command) + " --jobs 1 --source " + site.source().string() + output);
    CHECK(run.status == 1);
    CHECK(
        run.output.find("content/en/slow.md:5:1: error: this paragraph opens \"![[\" more than 2000 times") !=
        std::string::npos);
  }
}

TEST_CASE("summaries are read under the page time limit, as pages render", "[slow]") {
  FixtureSite site("minimal");
  ProgramRun run = RunTandem("build --jobs 1 --page-timeout 1 --source " + site.source().string(),
                             "TANDEM_TEST_FAULT=summary:1:sleep=4000 ");
  CHECK(run.status == 1);
  CHECK(run.output.find(": error: still rendering after 1 s; the build stops here") != std::string::npos);
}

TEST_CASE("a first paragraph longer than the start first parsed is the summary whole", "[slow]") {
  std::string first = Repeat("word ", 3000);  // 15 KB: past the first 4 KB, and the next 8 KB
  std::string page = first + "\n\n" + Repeat("Another paragraph.\n\n", 20000);
  CHECK(SummaryText(page) == first.substr(0, first.size() - 1));
  CHECK(SummaryText("Short.\n\n" + page) == "Short.");
}

TEST_CASE("shortcode calls cost time linear in their number, on one line too", "[slow]") {
  FixtureSite site("minimal");
  site.WriteFile("shortcodes/note.mustache", "<b>n</b>\n");
  // 25,000 calls on one line took 21 s, each call looking back and on over the whole line.
  site.WriteFile("content/en/calls.md", "+++\ntitle = \"Calls\"\nmodified = 2024-01-01\n+++\n" +
                                            Repeat("{{< note >}} x ", 25000) + "\n");
  ProgramRun run = RunWithin(
      10, "build --jobs 1 --source " + site.source().string() + " --output " + site.output().string());
  INFO(run.output);
  CHECK(run.status == 0);
  CHECK(ReadBytes(site.output() / "en/calls/index.html").find(Repeat("<b>n</b> x ", 3)) != std::string::npos);
}
