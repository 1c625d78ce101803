// What a build does to the output folder: nothing lost, nothing foreign
// deleted, the same bytes every time.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "fixture.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

void AddBulkPages(const FixtureSite& site, int count, const std::string& word) {
  for (int i = 0; i < count; ++i)
    site.WriteFile("content/en/bulk/p" + std::to_string(i) + ".md",
                   "+++\ntitle = \"" + word + " " + std::to_string(i) + "\"\nmodified = 2024-01-01\n+++\n" +
                       std::string(40, '-') + "\n\n" + word +
                       " **text** with a [link](https://example.ca).\n");
}

// The manifest without the modification times it records, which differ from build to build.
std::string ManifestWithoutTimes(const fs::path& output) {
  std::istringstream in(ReadBytes(output / ".tandem/manifest"));
  std::string out;
  for (std::string line; std::getline(in, line);)
    out += (line.rfind("file\t", 0) == 0 ? line.substr(0, line.rfind('\t')) : line) + "\n";
  return out;
}

}  // namespace

TEST_CASE("two builds of one site are byte-identical, whatever the thread count", "[output]") {
  FixtureSite a("basic"), b("basic");
  AddBulkPages(a, 40, "same");
  AddBulkPages(b, 40, "same");
  BuildOptions one, many;
  one.jobs = 1;
  many.jobs = 4;
  REQUIRE(a.Build(one).report.ok);
  REQUIRE(b.Build(many).report.ok);
  CHECK(a.Snapshot() == b.Snapshot());
  CHECK(ManifestWithoutTimes(a.output()) == ManifestWithoutTimes(b.output()));
}

TEST_CASE("funding tables, figures and CSV files are the same on one thread and on many",
          "[output][funding]") {
  FixtureSite a("funding"), b("funding");
  BuildOptions one, many;
  one.jobs = 1;
  many.jobs = 3;
  REQUIRE(a.Build(one).report.ok);
  REQUIRE(b.Build(many).report.ok);
  CHECK(a.Snapshot() == b.Snapshot());
}

TEST_CASE("a BOM and CRLF line endings give exactly the output of the clean file", "[output]") {
  FixtureSite clean("minimal"), dirty("minimal");
  clean.WriteFile("content/en/p.md",
                  "+++\ntitle = \"Page\"\nmodified = 2024-01-01\n+++\nOne\ntwo\n\n- a\n- b\n");
  dirty.WriteFile("content/en/p.md",
                  "\xEF\xBB\xBF+++\r\ntitle = \"Page\"\r\nmodified = "
                  "2024-01-01\r\n+++\r\nOne\r\ntwo\r\n\r\n- a\r\n- b\r\n");
  REQUIRE(clean.Build().report.ok);
  REQUIRE(dirty.Build().report.ok);
  CHECK(clean.Snapshot() == dirty.Snapshot());
}

TEST_CASE("file names are normalized to NFC before slugs and pairing", "[output]") {
  FixtureSite site("minimal");
  site.WriteFile("content/en/\xC3\xA9t\xC3\xA9.md", "+++\ntitle = \"Summer\"\n+++\n");  // NFC "été"
  site.WriteFile("content/fr/e\xCC\x81te\xCC\x81.md",
                 "+++\ntitle = \"\xC3\x89t\xC3\xA9\"\n+++\n");  // NFD "été"
  auto result = site.Build();
  REQUIRE(result.report.ok);
  CHECK(result.warnings.find("translation") == std::string::npos);
  CHECK(site.Exists("en/ete/index.html"));
  CHECK(site.Exists("fr/ete/index.html"));
  CHECK(site.Read("en/ete/index.html").find("href=\"/fr/ete/\" lang=\"fr\"") != std::string::npos);
}

TEST_CASE("a failed build leaves the previous output exactly as it was", "[output]") {
  FixtureSite site("basic");
  REQUIRE(site.Build().report.ok);
  auto before = site.Snapshot();
  site.WriteFile("content/en/topics/school.md", "+++\ntitle = \"School, changed\"\n+++\nNew text\n");
  site.WriteFile("content/en/broken.md", "+++\ntitle = \n+++\n");
  CHECK_FALSE(site.Build().report.ok);
  CHECK(site.Snapshot() == before);
  CHECK_FALSE(std::filesystem::exists(site.output() / ".tandem/stage"));
}

TEST_CASE("a build keeps files it did not create and removes the ones it no longer makes", "[output]") {
  FixtureSite site("basic");
  REQUIRE(site.Build().report.ok);
  site.WriteFile("../public/CNAME", "www.example.ca\n");
  site.WriteFile("../public/.git/HEAD", "ref: refs/heads/gh-pages\n");
  site.Remove("content/en/topics/zebra.md");
  site.Remove("content/fr/topics/zebra.md");
  REQUIRE(site.Build().report.ok);
  CHECK(site.Read("CNAME") == "www.example.ca\n");
  CHECK(site.Read(".git/HEAD") == "ref: refs/heads/gh-pages\n");
  CHECK_FALSE(site.Exists("en/topics/zebra/index.html"));
  CHECK_FALSE(site.Exists("en/topics/zebra"));
}

TEST_CASE("a rebuild with nothing changed rewrites no file", "[output]") {
  FixtureSite site("basic");
  REQUIRE(site.Build().report.ok);
  auto mtime = std::filesystem::last_write_time(site.output() / "en/topics/school/index.html");
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  auto result = site.Build();
  REQUIRE(result.report.ok);
  CHECK(result.report.files_written == 0);
  CHECK(std::filesystem::last_write_time(site.output() / "en/topics/school/index.html") == mtime);
}

TEST_CASE("an output folder tandem did not make is refused unless --force", "[output]") {
  FixtureSite site("minimal");
  site.WriteFile("../public/notes.txt", "mine\n");
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  CHECK(result.errors ==
        site.output().string() +
            ": error: the output folder is not empty and was not made by tandem; tandem will not "
            "write over files it did not create. Empty it, choose another --output, or pass --force\n");
  CHECK(site.Snapshot() == std::map<std::string, std::string>{{"notes.txt", "mine\n"}});
  BuildOptions force;
  force.force = true;
  REQUIRE(site.Build(force).report.ok);
  CHECK(site.Read("notes.txt") == "mine\n");
  CHECK(site.Exists("en/index.html"));
}

TEST_CASE("a build refuses an output folder another build is writing to, and touches nothing", "[output]") {
  FixtureSite site("basic");
  REQUIRE(site.Build().report.ok);
  auto before = site.Snapshot();
  // Hold the lock as a running build would.
  int fd = open((site.output() / ".tandem/lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  REQUIRE(fd >= 0);
  REQUIRE(flock(fd, LOCK_EX | LOCK_NB) == 0);
  site.WriteFile("content/en/topics/school.md", "+++\ntitle = \"School\"\n+++\nChanged.\n");
  auto refused = site.Build();
  close(fd);
  CHECK_FALSE(refused.report.ok);
  CHECK(refused.errors ==
        site.output().string() +
            ": error: another tandem build is writing to this output folder; wait for it to "
            "finish, or choose another --output\n");
  CHECK(site.Snapshot() == before);
  CHECK(site.Build().report.ok);  // once the other build is done
}

TEST_CASE("a failed --force build into a folder tandem did not make leaves it exactly as it was",
          "[output]") {
  FixtureSite site("minimal");
  site.WriteFile("../public/notes.txt", "mine\n");
  // A table of data the site does not have: an error found while rendering, after the output is prepared.
  site.WriteFile("content/en/broken.md", "+++\ntitle = \"B\"\n+++\n```funding\nprogram = \"none\"\n```\n");
  BuildOptions force;
  force.force = true;
  auto result = site.Build(force);
  CHECK_FALSE(result.report.ok);
  CHECK(result.errors.find("content/en/broken.md:5:") != std::string::npos);
  std::vector<std::string> left;
  for (const auto& entry : std::filesystem::directory_iterator(site.output()))
    left.push_back(entry.path().filename().string());
  CHECK(left == std::vector<std::string>{"notes.txt"});  // not even .tandem/
}

TEST_CASE("the output does not depend on the order files were created in", "[output]") {
  std::vector<std::pair<std::string, std::string>> pages;
  for (int i = 0; i < 30; ++i) {
    std::string n = std::to_string(i);
    // Equal weights and titles that tie in collation: only the path breaks the tie.
    pages.push_back({"content/en/news/p" + n + ".md",
                     "+++\ntitle = \"Same\"\nweight = " + std::to_string(i % 3) + "\nmodified = 2024-01-0" +
                         std::to_string(1 + i % 9) + "\n+++\nText " + n + ".\n"});
    pages.push_back({"content/fr/news/p" + n + ".md", "+++\ntitle = \"Pareil\"\nmodified = 2024-01-01\n+++\nTexte.\n"});
  }
  FixtureSite forward("basic"), backward("basic");
  for (const auto& [rel, text] : pages) forward.WriteFile(rel, text);
  for (auto it = pages.rbegin(); it != pages.rend(); ++it) backward.WriteFile(it->first, it->second);
  BuildOptions many;
  many.jobs = 3;
  REQUIRE(forward.Build().report.ok);
  REQUIRE(backward.Build(many).report.ok);
  CHECK(forward.Snapshot() == backward.Snapshot());
}
