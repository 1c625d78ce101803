// Dates as real content writes them (RFC 3339 date-times, TOML and YAML dates), the site's time
// zone, and pages held back by publishDate and expiryDate, on a fixed build clock.
#include <catch2/catch.hpp>

#include "pipeline/build.hpp"
#include "content/front_matter.hpp"
#include "fixture.hpp"
#include "i18n/time_zone.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

int64_t At(const std::string& when) {
  return *ParseBuildClock(when);
}

// A bilingual site whose English page carries `front_matter` lines; `zone` goes in site.toml.
FixtureSite SiteWithPage(const std::string& front_matter, const std::string& zone = "") {
  FixtureSite site("minimal");
  if (!zone.empty()) {
    std::string toml = ReadBytes(site.source() / "site.toml");
    site.WriteFile("site.toml", "timezone = \"" + zone + "\"\n" + toml);
  }
  site.WriteFile("content/en/notice.md", "+++\ntitle = \"Notice\"\n" + front_matter + "+++\nText.\n");
  site.WriteFile("content/fr/notice.md", "+++\ntitle = \"Avis\"\nmodified = 2024-01-02\n+++\nTexte.\n");
  return site;
}

}  // namespace

TEST_CASE("dates are read as RFC 3339 date-times, with or without an offset", "[schedule]") {
  auto t = ParseDateTime("2021-07-30T09:00:00-04:00");
  REQUIRE(t);
  CHECK(t->ToString() == "2021-07-30T09:00:00-04:00");
  CHECK(ParseDateTime("2021-07-30 09:00Z")->ToString() == "2021-07-30T09:00:00Z");
  CHECK(ParseDateTime("2021-07-30T23:59:59.250+05:30")->ToString() == "2021-07-30T23:59:59+05:30");
  CHECK(ParseDateTime("2021-07-30T09:00:00")->ToString() == "2021-07-30T09:00:00");
  CHECK(ParseDateTime("2024-02-29")->ToString() == "2024-02-29");
  for (const char* bad : {"2023-02-29", "2021-07-30T25:00:00Z", "2021-07-30T09:00:00-4:00", "2021-07-30T",
                          "2021-7-30", "2021-07-30T09:00:00+04:00 ", "30/07/2021", ""})
    CHECK_FALSE(ParseDateTime(bad));
}

TEST_CASE("dates are read in every numeric form Hugo reads, as a Hugo site writes them", "[schedule]") {
  // From a Government of Canada Hugo site's front matter: each to its canonical text.
  const std::pair<const char*, const char*> kForms[] = {
      {"2018-10-19 09:00:00 -0400", "2018-10-19T09:00:00-04:00"},  // Go's own way of writing a time
      {"2018-10-19 09:00:00 +0530", "2018-10-19T09:00:00+05:30"},
      {"2018-10-19 09:00:00 -04:00", "2018-10-19T09:00:00-04:00"},
      {"2018-10-19 09:00:00-0400", "2018-10-19T09:00:00-04:00"},
      {"2018-10-19 09:00:00Z", "2018-10-19T09:00:00Z"},
      {"2018-10-19 09:00:00", "2018-10-19T09:00:00"},
      {"2023-01-26T11:04:34", "2023-01-26T11:04:34"},
      {"2020-01-28T15:02:30.012Z", "2020-01-28T15:02:30Z"},  // the fraction is dropped
      {"2022-10-11T16:00:00.000Z", "2022-10-11T16:00:00Z"},
      {"2021-07-30T09:00:00-0400", "2021-07-30T09:00:00-04:00"},
      {"2021-07-30T09:00:00.5-0400", "2021-07-30T09:00:00-04:00"},
      {"2021-07-30T09:00:00+0000", "2021-07-30T09:00:00Z"},
      {"2021-07-30T09:00", "2021-07-30T09:00:00"},  // tandem's own: Hugo wants the seconds
  };
  for (const auto& [written, canonical] : kForms) {
    INFO(written);
    auto when = ParseDateTime(written);
    REQUIRE(when);
    CHECK(when->ToString() == canonical);
    CHECK(ParseDateTime(canonical)->ToString() == canonical);  // the canonical text reads back
  }
  for (const char* bad : {"2018-10-19 09:00:00  -0400", "2018-10-19 09:00:00 Z", "2018-10-19 09:00:00 -04",
                          "2018-10-19 09:00:00 -040", "2018-10-19 09:00:00 -04000", "2018-10-19 09:00:00 ",
                          "2018-10-19 09:00:00 -2400", "2018-10-19  09:00:00", "2018-10-19T9:00:00",
                          "2018-10-19T09:00:00.Z", "Fri, 19 Oct 2018 09:00:00 -0400"})
    CHECK_FALSE(ParseDateTime(bad));
}

TEST_CASE("the day shown is the day in the site's time zone", "[schedule]") {
  TimeZone toronto("America/Toronto");
  // 01:30 UTC on the 31st is still the 30th in Toronto (UTC-4 in summer), and the 31st in UTC.
  CHECK(toronto.DayOf(*ParseDateTime("2021-07-31T01:30:00Z")) == "2021-07-30");
  CHECK(TimeZone("UTC").DayOf(*ParseDateTime("2021-07-31T01:30:00Z")) == "2021-07-31");
  CHECK(toronto.DayOf(*ParseDateTime("2021-07-30T23:30:00-04:00")) == "2021-07-30");
  // Winter: UTC-5.
  CHECK(toronto.DayOf(*ParseDateTime("2021-01-15T04:59:00Z")) == "2021-01-14");
  CHECK(toronto.DayOf(*ParseDateTime("2021-01-15T05:00:00Z")) == "2021-01-15");
  // A date alone, or a time with no offset, is already a day and time in the site's zone.
  CHECK(toronto.DayOf(*ParseDateTime("2021-07-30")) == "2021-07-30");
  CHECK(toronto.DayOf(*ParseDateTime("2021-07-30T23:30:00")) == "2021-07-30");
  CHECK(toronto.ToEpochMs(*ParseDateTime("2021-07-30T00:00:00")) == At("2021-07-30T04:00:00Z"));
}

TEST_CASE("front matter dates may be RFC 3339 strings, TOML date-times or YAML scalars", "[schedule]") {
  Diagnostics diags;
  auto toml = ParsePage("p.md", "+++\ntitle = \"T\"\ndate = 2021-07-30T09:00:00-04:00\n+++\n", diags);
  REQUIRE(toml);
  CHECK(toml->meta.date == "2021-07-30T09:00:00-04:00");
  auto local = ParsePage("p.md", "+++\ntitle = \"T\"\npublishDate = 2021-07-30T09:00:00\n+++\n", diags);
  REQUIRE(local);
  CHECK(local->meta.publish_date == "2021-07-30T09:00:00");
  auto yaml =
      ParsePage("p.md", "---\ntitle: T\nexpiryDate: 2021-07-30T09:00:00Z\nlastmod: 2021-08-01\n---\n", diags);
  REQUIRE(yaml);
  CHECK(yaml->meta.expiry_date == "2021-07-30T09:00:00Z");
  CHECK(yaml->meta.modified == "2021-08-01");
  CHECK(diags.Render().empty());

  // TOML: a native date-time with a fraction, and one with a space; strings in Go's forms.
  auto toml_forms = ParsePage("p.md",
                              "+++\ntitle = \"T\"\ndate = 2020-01-28T15:02:30.012Z\n"
                              "lastmod = 2018-10-19 09:00:00\npublishDate = '2018-10-19 09:00:00 -0400'\n"
                              "expiryDate = \"2021-07-30T09:00:00-0400\"\n+++\n",
                              diags);
  REQUIRE(toml_forms);
  CHECK(toml_forms->meta.date == "2020-01-28T15:02:30Z");
  CHECK(toml_forms->meta.modified == "2018-10-19T09:00:00");
  CHECK(toml_forms->meta.publish_date == "2018-10-19T09:00:00-04:00");
  CHECK(toml_forms->meta.expiry_date == "2021-07-30T09:00:00-04:00");
  // YAML: yaml-cpp hands over a plain scalar's text as written, timestamps included.
  auto yaml_forms =
      ParsePage("p.md",
                "---\ntitle: T\ndate: 2018-10-19 09:00:00 -0400\nlastmod: 2020-01-28T15:02:30.012Z\n"
                "publishDate: '2023-01-26T11:04:34'\nexpiryDate: 2021-07-30T09:00:00-0400\n---\n",
                diags);
  REQUIRE(yaml_forms);
  CHECK(yaml_forms->meta.date == "2018-10-19T09:00:00-04:00");
  CHECK(yaml_forms->meta.modified == "2020-01-28T15:02:30Z");
  CHECK(yaml_forms->meta.publish_date == "2023-01-26T11:04:34");
  CHECK(yaml_forms->meta.expiry_date == "2021-07-30T09:00:00-04:00");
  CHECK(diags.Render().empty());

  auto bad = ParsePage("p.md", "+++\ntitle = \"T\"\npublish_date = \"next week\"\n+++\n", diags);
  CHECK_FALSE(bad);
  CHECK(diags.Render() ==
        "p.md:3:1: error: \"publish_date\" must be a date written YYYY-MM-DD, or a date and time like "
        "2021-07-30T09:00:00-04:00 or 2021-07-30 09:00:00 -0400 (the offset may be Z, or left out for "
        "the site's time zone), not \"next week\"\n"
        " 3 | publish_date = \"next week\"\n"
        "   | ^\n");
}

TEST_CASE("a page is held back until its publish date, in the site's time zone", "[schedule]") {
  FixtureSite site = SiteWithPage("publishDate = 2030-03-01\nmodified = 2024-01-02\n");
  BuildOptions before;
  before.now_ms = At("2030-03-01T04:59:00Z");  // 23:59 on Feb 28 in Toronto
  auto r = site.Build(before);
  REQUIRE(r.errors.empty());
  CHECK(r.report.held_future == 1);
  CHECK_FALSE(site.Exists("en/notice/index.html"));
  // Its French translation stays, and its toggle goes where a missing translation's goes.
  CHECK(site.Exists("fr/notice/index.html"));
  CHECK(site.Read("sitemap.xml").find("/en/notice/") == std::string::npos);

  // The same output folder, one minute later: the date has come, though no file changed.
  BuildOptions after;
  after.now_ms = At("2030-03-01T05:00:00Z");
  r = site.Build(after);
  REQUIRE(r.errors.empty());
  CHECK_FALSE(r.report.nothing_changed);
  CHECK(r.report.held_future == 0);
  CHECK(site.Exists("en/notice/index.html"));
  CHECK(site.Read("sitemap.xml").find("/en/notice/") != std::string::npos);

  BuildOptions future = before;
  future.future = true;
  CHECK(site.Build(future).report.held_future == 0);
  CHECK(site.Exists("en/notice/index.html"));
}

TEST_CASE("a page leaves the build at its expiry date unless --expired", "[schedule]") {
  FixtureSite site = SiteWithPage("expiryDate = 2030-03-01T12:00:00-05:00\nmodified = 2024-01-02\n");
  BuildOptions live;
  live.now_ms = At("2030-03-01T16:59:59Z");
  auto r = site.Build(live);
  REQUIRE(r.errors.empty());
  CHECK(site.Exists("en/notice/index.html"));
  // Nothing changed but the clock, past the expiry: the next build is not skipped.
  BuildOptions gone;
  gone.now_ms = At("2030-03-01T17:00:00Z");
  r = site.Build(gone);
  CHECK(r.report.held_expired == 1);
  CHECK_FALSE(site.Exists("en/notice/index.html"));
  gone.expired = true;
  CHECK(site.Build(gone).report.held_expired == 0);
  CHECK(site.Exists("en/notice/index.html"));
}

TEST_CASE("the date modified is the same day whatever the build machine's time zone", "[schedule]") {
  FixtureSite site = SiteWithPage("modified = 2021-07-31T01:30:00Z\n");
  for (std::string zone : {"Asia/Tokyo", "America/Vancouver", "UTC"}) {
    std::string out = (site.source().parent_path() / ("out-" + std::to_string(zone.size()))).string();
    ProgramRun run = RunTandem(
        "build --quiet --source '" + site.source().string() + "' --output '" + out + "'", "TZ=" + zone + " ");
    REQUIRE(run.status == 0);
    std::string html = ReadBytes(fs::path(out) / "en/notice/index.html");
    INFO(zone);
    CHECK(html.find("2021-07-30") != std::string::npos);  // the 30th in Toronto
    CHECK(html.find("2021-07-31") == std::string::npos);
  }
}

TEST_CASE("site.toml's time zone decides the day, and an unknown one is an error", "[schedule]") {
  FixtureSite tokyo = SiteWithPage("modified = 2021-07-30T20:00:00Z\n", "Asia/Tokyo");
  auto r = tokyo.Build();
  INFO(r.errors);
  REQUIRE(r.errors.empty());
  CHECK(tokyo.Read("en/notice/index.html").find("2021-07-31") != std::string::npos);

  FixtureSite bad = SiteWithPage("", "America/Toronot");
  CHECK(bad.Build().errors ==
        "site.toml:1:12: error: unknown time zone \"America/Toronot\": use an IANA name, like "
        "\"America/Toronto\" or \"America/Halifax\"\n"
        " 1 | timezone = \"America/Toronot\"\n"
        "   |            ^\n");
}

TEST_CASE("the hidden --now reads a date and time, and the program says what it held back", "[schedule]") {
  FixtureSite site = SiteWithPage("publishDate = 2030-03-01\nmodified = 2024-01-02\n");
  std::string args =
      "build --source '" + site.source().string() + "' --output '" + site.output().string() + "'";
  ProgramRun run = RunTandem(args + " --now 2030-01-01T00:00:00Z");
  CHECK(run.status == 0);
  CHECK(run.output.find("held back: 1 to be published later (--drafts, --future, --expired build them)\n") !=
        std::string::npos);
  ProgramRun bad = RunTandem(args + " --now tomorrow");
  CHECK(bad.status != 0);
  CHECK(bad.output.find("\"tomorrow\" is not a date and time like 2026-01-01T12:00:00Z") !=
        std::string::npos);
  CHECK(RunTandem("build --help").output.find("--now") == std::string::npos);
}
