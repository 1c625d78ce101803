// Golden output trees. Every fixture site tests/sites/<name>/ that has an expected/ folder is
// built twice, on one thread and on four, and each build's whole output (every file but the
// .tandem/ state folder) is compared, byte for byte, with expected/. The warnings of the build
// are compared with tests/sites/<name>/expected-warnings.txt (no such file: no warnings).
// A difference is reported as the missing files, the extra files, and for each differing file
// its first differing line, expected then actual.
//
// When an output change is intended, rewrite the goldens from the actual output, and commit
// the diff with the change, so that a reviewer sees what it did to real pages:
//
//   TANDEM_UPDATE_GOLDEN=1 build/tandem_tests "[golden]"
//   git diff --stat tests/sites/
//
// In that mode the tests pass (unless the two builds differ from each other, or a build fails).
// A new fixture: create tests/sites/<name>/ with an empty expected/ folder, then run the
// command above. tests/sites/README.md says what each fixture covers.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "fixture.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

using Files = std::map<std::string, std::string>;

const fs::path kSites = TANDEM_TEST_SITES;
const char kWarningsFile[] = "expected-warnings.txt";

bool UpdatingGoldens() {
  const char* value = std::getenv("TANDEM_UPDATE_GOLDEN");
  return value && std::string(value) == "1";
}

// The fixtures with goldens, by name.
std::vector<std::string> GoldenFixtures() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kSites))
    if (entry.is_directory() && fs::is_directory(entry.path() / "expected"))
      names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// A line as it can be printed: control characters (a CR before the line end, say) made visible,
// and a long line cut to a window around `column`, where it starts to differ.
std::string Printable(const std::string& line, size_t column) {
  const size_t kWindow = 100;
  size_t start = column > kWindow ? column - kWindow : 0;
  size_t end = std::min(line.size(), column + kWindow);
  while (start > 0 && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80) --start;  // UTF-8
  while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) ++end;
  std::string out = start > 0 ? "..." : "";
  for (size_t i = start; i < end; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 && c != '\t') {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", c);
      out += hex;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + (end < line.size() ? "..." : "");
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Where two different files first differ: a line of text (its column counted in bytes), or a
// byte of a binary file.
std::string FirstDifference(const std::string& expected, const std::string& actual) {
  if (expected.find('\0') != std::string::npos || actual.find('\0') != std::string::npos) {
    size_t at = std::mismatch(expected.begin(), expected.begin() + std::min(expected.size(), actual.size()),
                              actual.begin())
                    .first -
                expected.begin();
    return "  binary files differ at byte " + std::to_string(at) + " (expected " +
           std::to_string(expected.size()) + " bytes, actual " + std::to_string(actual.size()) + " bytes)\n";
  }
  std::vector<std::string> a = Lines(expected), b = Lines(actual);
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  if (n == a.size() && n == b.size())  // the same lines: only the end of the file differs
    return "  the files differ only in their last line end (expected " + std::to_string(expected.size()) +
           " bytes, actual " + std::to_string(actual.size()) + " bytes)\n";
  size_t column = 0;
  if (n < a.size() && n < b.size())
    while (column < a[n].size() && column < b[n].size() && a[n][column] == b[n][column]) ++column;
  auto shown = [&](const std::vector<std::string>& lines) {
    return n < lines.size() ? Printable(lines[n], column) : std::string("(end of file)");
  };
  return "  line " + std::to_string(n + 1) + ", column " + std::to_string(column + 1) + ":\n" +
         "    expected: " + shown(a) + "\n" + "    actual:   " + shown(b) + "\n";
}

// A readable account of how `actual` differs from `expected`: empty when they are the same.
std::string CompareTrees(const Files& expected, const Files& actual) {
  std::string missing, extra, changed;
  const size_t kMaxChanged = 10;
  size_t changed_count = 0;
  for (const auto& [path, bytes] : expected) {
    auto it = actual.find(path);
    if (it == actual.end()) {
      missing += "  " + path + "\n";
    } else if (it->second != bytes) {
      if (++changed_count <= kMaxChanged) changed += path + "\n" + FirstDifference(bytes, it->second);
    }
  }
  for (const auto& [path, bytes] : actual)
    if (!expected.count(path)) extra += "  " + path + "\n";
  if (changed_count > kMaxChanged)
    changed += "... and " + std::to_string(changed_count - kMaxChanged) + " more differing files\n";
  std::string out;
  if (!missing.empty()) out += "missing files (expected, not made):\n" + missing;
  if (!extra.empty()) out += "extra files (made, not expected):\n" + extra;
  if (!changed.empty()) out += "differing files:\n" + changed;
  return out;
}

// The warnings of a build, without the places that change from one run to the next.
std::string PortableWarnings(const FixtureSite& site, std::string text) {
  for (const auto& [from, to] : {std::pair<std::string, std::string>{site.source().string(), "<site>"},
                                 {std::string(TANDEM_THEMES_DIR), "<tandem themes>"}})
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to);
  return text;
}

void WriteGoldens(const fs::path& fixture, const Files& files, const std::string& warnings) {
  fs::path expected = fixture / "expected";
  fs::remove_all(expected);
  fs::create_directories(expected);
  for (const auto& [path, bytes] : files) {
    fs::create_directories((expected / path).parent_path());
    std::ofstream(expected / path, std::ios::binary | std::ios::trunc) << bytes;
  }
  if (warnings.empty())
    fs::remove(fixture / kWarningsFile);
  else
    std::ofstream(fixture / kWarningsFile, std::ios::binary | std::ios::trunc) << warnings;
}

const char kHowToUpdate[] =
    "If this change is intended, rewrite the goldens and review the diff:\n"
    "  TANDEM_UPDATE_GOLDEN=1 build/tandem_tests \"[golden]\" && git diff tests/sites/";

}  // namespace

TEST_CASE("every fixture site with an expected/ folder builds to exactly that tree on 1 and on 4 threads",
          "[golden]") {
  std::vector<std::string> fixtures = GoldenFixtures();
  REQUIRE_FALSE(fixtures.empty());
  for (const std::string& name : fixtures) {
    DYNAMIC_SECTION("tests/sites/" << name) {
      const fs::path fixture = kSites / name;
      // One copy without its goldens; the other keeps expected/ beside content/, where tandem
      // must leave it alone: if it were read as input, the two outputs would differ.
      FixtureSite one(name), four(name);
      one.Remove("expected");
      one.Remove(kWarningsFile);
      BuildOptions one_job, four_jobs;
      one_job.jobs = 1;
      four_jobs.jobs = 4;
      auto built_one = one.Build(one_job);
      auto built_four = four.Build(four_jobs);
      INFO(built_one.errors << built_four.errors);
      REQUIRE(built_one.report.ok);
      REQUIRE(built_four.report.ok);
      Files output = one.Snapshot();
      std::string warnings = PortableWarnings(one, built_one.warnings);

      std::string threads = CompareTrees(output, four.Snapshot());
      if (!threads.empty()) FAIL_CHECK("the build on 4 threads differs from the build on 1:\n" << threads);
      CHECK(PortableWarnings(four, built_four.warnings) == warnings);

      if (UpdatingGoldens()) {
        WriteGoldens(fixture, output, warnings);
        std::cout << "rewrote " << (fixture / "expected").string() << " (" << output.size() << " files)\n";
        continue;
      }
      std::string diff = CompareTrees(SnapshotDir(fixture / "expected"), output);
      if (!diff.empty())
        FAIL_CHECK("the output of tests/sites/" << name << " differs from its expected/ folder:\n"
                                                << diff << kHowToUpdate);
      std::string expected_warnings =
          fs::exists(fixture / kWarningsFile) ? ReadBytes(fixture / kWarningsFile) : "";
      if (warnings != expected_warnings)
        FAIL_CHECK("the warnings of tests/sites/" << name << " differ from its " << kWarningsFile << ":\n"
                                                  << FirstDifference(expected_warnings, warnings)
                                                  << kHowToUpdate);
    }
  }
}

TEST_CASE("a site's static file replaces the theme's file of the same path byte for byte", "[golden]") {
  FixtureSite site("static-overrides");
  site.Remove("expected");
  auto result = site.Build();
  INFO(result.errors);
  REQUIRE(result.report.ok);
  std::string ours = ReadBytes(site.source() / "static/css/gc.css");
  std::string theirs = ReadBytes(fs::path(TANDEM_THEMES_DIR) / "gc/static/css/gc.css");
  REQUIRE(ours != theirs);
  CHECK(site.Read("css/gc.css") == ours);
  // Files in the site's subfolders come along, binary ones byte for byte, hidden folders too.
  CHECK(site.Read("images/pixel.png") == ReadBytes(site.source() / "static/images/pixel.png"));
  CHECK(site.Exists("files/reports/2024/annual-report.txt"));
  CHECK(site.Exists("en/downloads/data.csv"));
  CHECK(site.Exists(".well-known/security.txt"));
}

TEST_CASE(
    "a golden mismatch names the missing and extra files and the first differing line of each other file",
    "[golden]") {
  Files expected = {{"a.html", "<p>one</p>\n<p>two</p>\n"},
                    {"gone.txt", "x"},
                    {"data.csv", "a,b\r\n1,2\r\n"},
                    {"pixel.png", std::string("\x89PNG\0\x01", 6)}};
  Files actual = {{"a.html", "<p>one</p>\n<p>zwei</p>\n"},
                  {"new.txt", "y"},
                  {"data.csv", "a,b\n1,2\n"},
                  {"pixel.png", std::string("\x89PNG\0\x02", 6)}};
  CHECK(CompareTrees(expected, expected).empty());
  std::string diff = CompareTrees(expected, actual);
  CHECK(diff ==
        "missing files (expected, not made):\n"
        "  gone.txt\n"
        "extra files (made, not expected):\n"
        "  new.txt\n"
        "differing files:\n"
        "a.html\n"
        "  line 2, column 4:\n"
        "    expected: <p>two</p>\n"
        "    actual:   <p>zwei</p>\n"
        "data.csv\n"
        "  line 1, column 4:\n"
        "    expected: a,b\\r\n"
        "    actual:   a,b\n"
        "pixel.png\n"
        "  binary files differ at byte 5 (expected 6 bytes, actual 6 bytes)\n");
  CHECK(FirstDifference("a\n", "a") ==
        "  the files differ only in their last line end (expected 2 bytes, actual 1 bytes)\n");
  CHECK(FirstDifference("a\nb\n", "a\n") ==
        "  line 2, column 1:\n    expected: b\n    actual:   (end of file)\n");
  std::string long_line(500, 'x');
  std::string changed = long_line;
  changed[300] = 'y';
  CHECK(FirstDifference(long_line, changed) ==
        "  line 1, column 301:\n    expected: ..." + std::string(200, 'x') + "...\n    actual:   ..." +
            std::string(100, 'x') + "y" + std::string(99, 'x') + "...\n");
}
