// tandem owns one folder: nothing a site, a theme or the state folder says can make it read a
// file from outside the site, or write, rename or delete one outside its output folder.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <random>

#include "fixture.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

void Overwrite(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// A file outside any site, with a line that must never be published or quoted.
struct Secret {
  ScratchDir dir;
  fs::path path = dir.path() / "secret.txt";
  Secret() { Overwrite(path, "SECRET-LINE = \"do not publish\"\n"); }
};

std::string SiteToml(const std::string& fr_table_extra, const std::string& fr_code = "fr") {
  return "base_url = \"https://example.ca/\"\n\n[languages.en]\nlocale = \"en-CA\"\ntitle = \"T\"\ncreator = "
         "\"C\"\n\n[languages." +
         fr_code + "]\nlocale = \"fr-CA\"\ntitle = \"T\"\ncreator = \"C\"\n" + fr_table_extra;
}

}  // namespace

TEST_CASE("links to files outside the site are refused wherever the site reads files", "[sandbox]") {
  Secret secret;
  struct Case {
    std::string link;
    std::string error;
  };
  for (const Case& c : {Case{"static/passwd.txt", "static/passwd.txt: error: symbolic link to "},
                        Case{"data/extra.toml", "data/extra.toml: error: symbolic link to "},
                        Case{"i18n/en.toml", "i18n/en.toml: error: symbolic link to "}}) {
    FixtureSite site("minimal");
    fs::create_directories((site.source() / c.link).parent_path());
    fs::create_symlink(secret.path, site.source() / c.link);
    auto result = site.Build();
    INFO(c.link);
    CHECK_FALSE(result.report.ok);
    CHECK(result.errors ==
          c.error + secret.path.string() +
              " points outside the site; tandem does not follow it. Copy the file in instead\n");
    CHECK_FALSE(fs::exists(site.output()));
  }
}

// Issue 24: the walk of content/ refused a page that is a link out of the site, but a language's
// folder that is one was walked, and its pages read and published.
TEST_CASE("a content folder linked out of the site is refused, its pages never read", "[sandbox]") {
  Secret secret;
  Overwrite(secret.dir.path() / "pages/_index.md", "+++\ntitle = \"SECRET-PAGE\"\n+++\nSECRET-LINE\n");
  FixtureSite site("minimal");
  fs::remove_all(site.source() / "content/fr");
  fs::create_directory_symlink(secret.dir.path() / "pages", site.source() / "content/fr");
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  CHECK(
      result.errors.find("content/fr/_index.md: error: symbolic link to " +
                         (secret.dir.path() / "pages/_index.md").string() +
                         " points outside the site; tandem does not follow it. Copy the file in instead\n") !=
      std::string::npos);
  CHECK(result.errors.find("SECRET") == std::string::npos);
  CHECK_FALSE(fs::exists(site.output()));
}

TEST_CASE("links in a theme must stay in the theme, and a theme folder in the site", "[sandbox]") {
  Secret secret;
  {
    FixtureSite site("minimal");
    site.CopyDefaultTheme();
    fs::create_symlink(secret.path, site.source() / "themes/gc/static/secret.txt");
    fs::remove(site.source() / "themes/gc/partials/footer.mustache");
    fs::create_symlink(secret.path, site.source() / "themes/gc/partials/footer.mustache");
    auto result = site.Build();
    CHECK(result.errors.find("themes/gc/partials/footer.mustache: error: symbolic link to " +
                             secret.path.string() + " points outside the theme themes/gc") !=
          std::string::npos);
    CHECK(result.errors.find("SECRET") == std::string::npos);
  }
  {
    FixtureSite site("minimal");
    ScratchDir elsewhere;
    fs::copy(fs::path(TANDEM_THEMES_DIR) / "gc", elsewhere.path() / "gc", fs::copy_options::recursive);
    fs::create_directories(site.source() / "themes");
    fs::create_directory_symlink(elsewhere.path() / "gc", site.source() / "themes/gc");
    CHECK(site.Build().errors ==
          "themes/gc: error: symbolic link to " + (elsewhere.path() / "gc").string() +
              " points outside the site; tandem does not follow it. Copy the file in instead\n");
  }
}

TEST_CASE("a theme is a name, never a path", "[sandbox]") {
  for (std::string theme : {"/etc", "../..", "../gc", ".hidden"}) {
    FixtureSite site("minimal");
    std::string toml = ReadBytes(site.source() / "site.toml");
    site.WriteFile("site.toml", toml.replace(toml.find("theme = \"gc\""), 12, "theme = \"" + theme + "\""));
    INFO(theme);
    CHECK(site.Build().errors.find("error: theme \"" + theme +
                                   "\" must be the name of a folder in "
                                   "themes/, like \"gc\"") != std::string::npos);
  }
}

TEST_CASE("language codes and URLs cannot place pages outside their folder", "[sandbox]") {
  struct Case {
    std::string toml;
    std::string error;
  };
  for (const Case& c : {Case{SiteToml("base_url = \"https://example.ca/../../../../tmp/victim/\"\n"),
                             "site.toml:12:12: error: base_url must be a plain address without \"..\""},
                        Case{SiteToml("base_url = \"https://example.ca/.tandem/\"\n"),
                             "site.toml:12:12: error: base_url puts the language's pages in .tandem/, "
                             "tandem's own state folder"},
                        Case{SiteToml("base_url = \"https://example.ca/fr/\\nDisallow: /\"\n"),
                             "site.toml:12:12: error: base_url must not contain spaces"},
                        Case{SiteToml("", "\"../x\""),
                             "site.toml:8:12: error: language code \"../x\" must be lowercase letters"},
                        Case{SiteToml("", "\"f\\\"r\""),
                             "site.toml:8:12: error: language code \"f\"r\" must be lowercase"}}) {
    FixtureSite site("minimal");
    site.WriteFile("site.toml", c.toml);
    auto result = site.Build();
    INFO(c.toml);
    CHECK_FALSE(result.report.ok);
    CHECK(result.errors.rfind(c.error, 0) == 0);
    CHECK_FALSE(fs::exists(site.output()));
  }
  FixtureSite site("minimal");
  site.WriteFile("site.toml",
                 SiteToml("").replace(SiteToml("").find("locale = \"fr-CA\""), 16, "locale = \"\""));
  CHECK(site.Build().errors.find("\"locale\" is empty") != std::string::npos);
}

TEST_CASE("a symbolic link inside the output folder is never written through", "[sandbox]") {
  FixtureSite site("basic");
  REQUIRE(site.Build().report.ok);
  ScratchDir elsewhere;
  // The French pages' folder replaced by a link to another folder.
  fs::rename(site.output() / "fr", elsewhere.path() / "fr-copy");
  fs::create_directory_symlink(elsewhere.path() / "fr-copy", site.output() / "fr");
  site.WriteFile("content/fr/_index.md",
                 ReadBytes(site.source() / "content/fr/_index.md") + "\nUne ligne de plus.\n");
  auto before = SnapshotDir(elsewhere.path());
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  CHECK(result.errors.find("a folder on the way is a symbolic link or a file; tandem writes only inside its "
                           "output folder") != std::string::npos);
  CHECK(SnapshotDir(elsewhere.path()) == before);
  // A link planted where the cache is written is replaced, not followed.
  fs::remove(site.output() / "fr");
  fs::rename(elsewhere.path() / "fr-copy", site.output() / "fr");
  Overwrite(elsewhere.path() / "target", "keep");
  fs::create_symlink(elsewhere.path() / "target",
                     site.output() / (".tandem/cache.tmp" + std::to_string(getpid())));
  CHECK(site.Build().report.ok);
  CHECK(ReadBytes(elsewhere.path() / "target") == "keep");
}

TEST_CASE("a refused build removes nothing it did not make", "[sandbox]") {
  {  // a dangling link where the output folder should be
    FixtureSite site("minimal");
    fs::create_symlink(site.source() / "nowhere", site.output());
    site.WriteFile("content/en/bad.md", "+++\ntitle = \"\"\n+++\n");
    CHECK_FALSE(site.Build().report.ok);
    CHECK(fs::is_symlink(site.output()));
  }
  {  // a file of the user's named .tandem
    FixtureSite site("minimal");
    Overwrite(site.output() / ".tandem", "mine");
    auto result = site.Build();
    CHECK_FALSE(result.report.ok);
    CHECK(ReadBytes(site.output() / ".tandem") == "mine");
  }
  {  // a folder where the lock file goes: an error, never a build without the lock
    FixtureSite site("minimal");
    REQUIRE(site.Build().report.ok);
    fs::remove(site.output() / ".tandem/lock");
    fs::create_directory(site.output() / ".tandem/lock");
    site.WriteFile("content/en/_index.md", "+++\ntitle = \"Changed\"\nmodified = 2024-01-01\n+++\n");
    auto result = site.Build();
    CHECK_FALSE(result.report.ok);
    CHECK(result.errors.find("cannot lock the output folder") != std::string::npos);
  }
}

TEST_CASE("random tampering with the state folder never touches a file outside the output folder",
          "[sandbox][property]") {
  ScratchDir outside;
  Overwrite(outside.path() / "victim", "keep");
  std::mt19937 random(20261130);  // fixed: the same cases on every run
  const std::vector<std::string> paths = {(outside.path() / "victim").string(),
                                          "../victim",
                                          "../../victim",
                                          "en/../../victim",
                                          "/etc/hostname",
                                          "fr//x",
                                          "./a",
                                          "a/./b",
                                          ".tandem/x",
                                          "en/index.html"};
  const std::vector<std::string> files = {"manifest", "journal", "cache", "manifest.next"};
  for (int round = 0; round < 12; ++round) {
    FixtureSite site(round % 2 ? "basic" : "minimal");
    REQUIRE(site.Build().report.ok);
    fs::create_symlink(outside.path(), site.output().parent_path() / "outside-link");
    for (int edit = 0; edit < 4; ++edit) {
      std::string file = files[random() % files.size()];
      std::string path = paths[random() % paths.size()];
      std::string record;
      switch (random() % 4) {
        case 0:
          record = "file\t" + path + "\t0\t1\t0";
          break;
        case 1:
          record = "remove\t" + path;
          break;
        case 2:
          record = "move\t" + path;
          break;
        default:
          record = "page\tcontent/en/_index.md\t1\t" + path;
      }
      std::string kind = file == "journal" ? "journal 1" : file == "cache" ? "cache 3" : "manifest 2";
      Overwrite(site.output() / ".tandem" / file,
                random() % 3 ? "tandem " + kind + "\n" + record + "\nend 1\n" : path + "\n");
    }
    site.WriteFile("content/en/_index.md",
                   "+++\ntitle = \"Round " + std::to_string(round) + "\"\nmodified = 2024-01-01\n+++\n");
    site.Build();
    site.Build();
    INFO("round " << round);
    CHECK(ReadBytes(outside.path() / "victim") == "keep");
    CHECK(fs::exists(outside.path() / "victim"));
  }
}

// Issue 24: a data/*.yaml link was read and published, a data/*.toml link refused but still parsed,
// its first line quoted in the error (the CI job's environment, through /proc/self/environ).
TEST_CASE("a data file linked out of the site is refused before a byte of it is read", "[sandbox]") {
  ScratchDir outside;
  const fs::path secret = outside.path() / "environ";
  Overwrite(secret, "token: hunter2\n");  // YAML, but not TOML: a parser would quote it
  for (std::string link :
       {"data/x.yaml", "data/x.yml", "data/x.toml", "data/deep/x.toml", "data/deep/x.yaml"}) {
    FixtureSite site("minimal");
    fs::create_directories((site.source() / link).parent_path());
    fs::create_symlink(secret, site.source() / link);
    auto result = site.Build();
    INFO(link);
    CHECK(result.errors ==
          link + ": error: symbolic link to " + secret.string() +
              " points outside the site; tandem does not follow it. Copy the file in instead\n");
    CHECK(result.errors.find("hunter2") == std::string::npos);
    CHECK_FALSE(fs::exists(site.output()));
  }
  {  // a link that stays inside the site is read as the file it names
    FixtureSite site("minimal");
    site.WriteFile("shared/x.yaml", "a: 1\n");
    fs::create_directories(site.source() / "data");
    fs::create_symlink("../shared/x.yaml", site.source() / "data/x.yaml");
    CHECK(site.Build().errors == "");
  }
}

// Issue 24 (Low): state files were read through links and FIFOs; /dev/zero grew memory without end.
// Each build runs as a program under `timeout`, so a read that blocks fails the test, not hangs it.
TEST_CASE("a FIFO or a device is refused, never read, in data/ and in the state folder", "[sandbox]") {
  FixtureSite site("minimal");
  auto build = [&] {
    return RunTandem("build --source " + site.source().string() + " --output " + site.output().string(),
                     "timeout 60 ");
  };
  fs::create_directories(site.source() / "data");
  REQUIRE(mkfifo((site.source() / "data/pipe.yaml").c_str(), 0644) == 0);
  fs::create_symlink("/dev/zero", site.source() / "data/zero.yaml");
  ProgramRun refused = build();
  CHECK(refused.status == 1);
  CHECK(refused.output.find("data/pipe.yaml: error: cannot read: it is not a regular file (a FIFO, device or "
                            "socket); tandem reads only files\n") != std::string::npos);
  CHECK(
      refused.output.find("data/zero.yaml: error: symbolic link to /dev/zero points outside the site; tandem "
                          "does not follow it. Copy the file in instead\n") != std::string::npos);
  fs::remove(site.source() / "data/pipe.yaml");
  fs::remove(site.source() / "data/zero.yaml");
  REQUIRE(build().status == 0);

  fs::remove(site.output() / ".tandem/manifest");
  REQUIRE(mkfifo((site.output() / ".tandem/manifest").c_str(), 0644) == 0);
  fs::remove(site.output() / ".tandem/cache");
  fs::create_symlink("/dev/zero", site.output() / ".tandem/cache");
  site.WriteFile("content/en/_index.md", "+++\ntitle = \"Changed\"\nmodified = 2024-01-01\n+++\n");
  ProgramRun rebuilt = build();
  INFO(rebuilt.output);
  CHECK(rebuilt.status == 0);
  CHECK(rebuilt.output.find("manifest: note: the list of files the last build wrote cannot be used (cannot "
                            "read: it is not a regular file") != std::string::npos);
  CHECK(fs::is_regular_file(fs::symlink_status(site.output() / ".tandem/manifest")));
  CHECK(site.Read("en/index.html").find("Changed") != std::string::npos);
}

// Issue 24: a link planted in .tandem/stage/ was moved into the site by the journal.
TEST_CASE("the journal moves into place only files tandem staged, never a link", "[sandbox]") {
  Secret secret;
  FixtureSite site("minimal");
  REQUIRE(site.Build().report.ok);
  fs::create_directories(site.output() / ".tandem/stage/en");
  fs::create_symlink(secret.path, site.output() / ".tandem/stage/en/leak.html");
  Overwrite(site.output() / ".tandem/journal", "tandem journal 1\nmove\ten/leak.html\nend 1\n");
  auto result = site.Build();
  CHECK_FALSE(result.report.ok);
  CHECK(result.errors == (site.output() / ".tandem/stage/en/leak.html").string() +
                             ": error: this staged file is not one tandem wrote (it is a symbolic link, a "
                             "folder, a device or a hard link); it was dropped, not moved into the output "
                             "folder. Build again\n");
  CHECK_FALSE(fs::exists(fs::symlink_status(site.output() / "en/leak.html")));
  CHECK(ReadBytes(secret.path) == "SECRET-LINE = \"do not publish\"\n");
  auto again = site.Build();
  CHECK(again.errors == "");
  CHECK_FALSE(fs::exists(fs::symlink_status(site.output() / "en/leak.html")));
}

// Issue 24: a valid manifest that said "status incomplete" emptied the whole folder.
TEST_CASE("a manifest marked incomplete deletes no file it does not list", "[sandbox]") {
  for (bool built_before : {true, false}) {
    FixtureSite site("minimal");
    if (built_before) REQUIRE(site.Build().report.ok);
    Overwrite(site.output() / "CNAME", "www.example.ca\n");
    Overwrite(site.output() / ".git/HEAD", "ref: refs/heads/gh-pages\n");
    Overwrite(site.output() / ".tandem/manifest", "tandem manifest 2\nstatus\tincomplete\nend 1\n");
    INFO((built_before ? "over a built site" : "in a folder tandem did not make"));
    auto result = site.Build();
    CHECK(result.errors == "");
    CHECK(ReadBytes(site.output() / "CNAME") == "www.example.ca\n");
    CHECK(ReadBytes(site.output() / ".git/HEAD") == "ref: refs/heads/gh-pages\n");
    CHECK(site.Exists("en/index.html"));
    REQUIRE(site.Build().report.ok);  // and the next build keeps them too
    CHECK(ReadBytes(site.output() / "CNAME") == "www.example.ca\n");
  }
}
