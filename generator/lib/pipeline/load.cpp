// Load: the configuration as resolved, [checks], the theme, whether anything changed since the
// last build, the languages with their locales and UI strings, data/ and content/.
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <future>
#include <map>

#include "assemble/git.hpp"
#include "check/codes.hpp"
#include "config/checks_config.hpp"
#include "content/data.hpp"
#include "i18n/locale.hpp"
#include "i18n/time_zone.hpp"
#include "i18n/ui_strings.hpp"
#include "pipeline/phases.hpp"
#include "render/identity_view.hpp"

namespace fs = std::filesystem;

namespace tandem {

// The options that shape what a build writes. The structured binding names every member of
// BuildOptions, so one added there does not compile here until it is hashed or said not to
// shape the output. The environment, --base-url and the preview origin shape the configuration,
// whose fingerprint is hashed beside this.
std::string OptionsIdentity(const BuildOptions& options) {
  const auto& [source_dir, output_dir, drafts, strict, check_only, force, jobs, page_timeout, future, expired,
               now_ms, environment, base_urls, preview_origin, say, progress, progress_every] = options;
  // Not the output: where it is read and written, how fast, what is printed meanwhile; the
  // build's clock decides which pages are held back, and the cache keeps when that changes.
  (void)source_dir, (void)output_dir, (void)check_only, (void)force, (void)jobs, (void)page_timeout,
      (void)now_ms, (void)say, (void)progress, (void)progress_every;
  (void)environment, (void)base_urls, (void)preview_origin;  // in SiteConfig::fingerprint
  return std::string(drafts ? "drafts " : "") + (future ? "future " : "") + (expired ? "expired " : "") +
         (strict ? "strict" : "");
}

// The running program's file: another build of tandem (a fix to its rendering, with the same
// version number) renders every page again.
std::string ExecutableIdentity() {
  struct stat st;
  if (stat("/proc/self/exe", &st) != 0) return "";
  return std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
}

namespace {

// Everything a build reads besides the files: a change to any forces a real build. The
// configuration enters as resolved (config/site_config.hpp: fingerprint), the options through
// OptionsIdentity, which names every option.
std::string BuildIdentity(const BuildState& s) {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  std::vector<std::string> parts = {ProgramIdentity(),          ExecutableIdentity(),
                                    OptionsIdentity(s.options), std::to_string(s.site.config.fingerprint),
                                    GitHead(s.site.source_dir), epoch ? epoch : ""};
  std::string identity;
  for (const std::string& part : parts) identity.append(part).push_back('\n');
  return identity;
}

}  // namespace

bool LoadSiteConfig(BuildState& s) {
  s.site.source_dir = fs::absolute(s.options.source_dir).lexically_normal().string();
  if (s.site.source_dir.size() > 1 && s.site.source_dir.back() == '/') s.site.source_dir.pop_back();
  std::string out = s.options.output_dir.empty() ? s.site.source_dir + "/public" : s.options.output_dir;
  if (!s.options.check_only)
    s.writer = std::make_unique<OutputWriter>(fs::absolute(out).lexically_normal().string());
  return LoadConfig(s.site.source_dir,
                    ConfigOverrides{s.options.environment, s.options.base_urls, s.options.preview_origin},
                    s.site.config, s.diags);
}

// site.toml's [checks]: each code must be one; from here on, every diagnostic passes its policy.
bool ApplyChecks(BuildState& s) {
  ValidateChecksConfig(s.site.config.checks, s.site.config.LanguageCodes(), s.diags);
  Strictness strictness = !s.options.strict      ? Strictness::kNone
                          : s.options.check_only ? Strictness::kAll
                                                 : Strictness::kBuild;
  s.diags.SetPolicy(ChecksPolicy(s.site.config.checks, strictness, &s.upgraded));
  return true;
}

bool LoadTheme(BuildState& s) {
  s.theme_ok = s.theme.Load(s.site.config, s.site.source_dir, s.diags);
  return !s.theme.dir().empty();
}

// Whether anything changed since the last build: false (stop here) when nothing did, and the
// output is as that build left it. `tandem serve` keeps the site, so it always builds.
bool CheckInputs(BuildState& s) {
  if (!s.writer->Lock(s.diags)) return false;
  if (s.diags.has_errors()) return true;  // a broken config or theme is never "unchanged"
  // Warnings and notes of the look itself are kept aside: a build that goes on loads it again.
  Diagnostics look;
  BuildCache last = BuildCache::Load(s.writer->StatePath("cache"), look);
  // With a last build to compare with, its output is checked while the inputs are hashed:
  // both are mostly stat calls, and a build with nothing changed needs both.
  std::future<bool> output_intact;
  if (last.inputs != 0)
    output_intact = std::async(std::launch::async,
                               [&] { return s.writer->IsUpToDate(s.Jobs(), &s.report.files_unchanged); });
  std::string environment_file = "site." + s.options.environment + ".toml";
  s.inputs = InputSignature(
      s.site.source_dir,
      {"site.toml", environment_file, "content", "data", "static", "i18n", "shortcodes", s.theme.dir()},
      BuildIdentity(s), s.Jobs());
  // A page whose publish or expiry date has come since changes the site with no file changed.
  bool date_came = last.next_change_ms != 0 && s.Now() >= last.next_change_ms;
  // The check of the output is waited for in every case: it writes report.files_unchanged.
  bool intact = output_intact.valid() && output_intact.get();
  s.nothing_changed = !s.keep && intact && last.inputs == s.inputs && !date_came;
  if (s.nothing_changed) {
    s.last_warnings = std::move(last.warnings);
    s.last_counts = last.pages_per_language;
    return false;
  }
  s.report.files_unchanged = 0;
  return true;
}

bool CreateLanguages(BuildState& s) {
  try {
    s.site.time_zone = std::make_unique<TimeZone>(s.site.config.timezone);
  } catch (const std::exception& e) {
    s.diags.Error({"site.toml"}, std::string(e.what()) + "; use an IANA name, like \"America/Toronto\"");
    return false;
  }
  std::map<std::string, Strings> strings;
  UiStringSources from{s.theme.dir(), s.theme.shown_dir(), s.site.source_dir};
  LoadUiStrings(s.site.config.LanguageCodes(), from, strings, s.diags);
  bool ok = true;
  for (const LanguageConfig& config : s.site.config.languages) {
    Language lang;
    lang.index = s.site.languages.size();
    lang.config = config;
    lang.strings = std::move(strings[config.code]);
    if (s.site.config.identity.gc)
      ok = LoadIdentityArtwork(s.theme.dir(), s.theme.shown_dir(), lang, s.diags) && ok;
    try {
      lang.locale = std::make_unique<Locale>(config.locale, s.site.config.currency);
    } catch (const std::exception& e) {
      s.diags.Error({"site.toml"}, "[languages." + config.code + "] locale \"" + config.locale +
                                       "\" is not usable: " + e.what() + "; use a tag like \"en-CA\"");
      ok = false;
    }
    s.site.languages.push_back(std::move(lang));
  }
  return ok;
}

bool LoadData(BuildState& s) {
  s.directives.LoadAll(s.site.config, s.site.source_dir, s.diags);
  s.site.data = LoadSiteData(s.site.source_dir, s.diags);
  s.site.data_in_view = s.theme.Mentions("data");
  return true;
}

bool LoadAllContent(BuildState& s) {
  LoadOptions load;
  load.drafts = s.options.drafts, load.future = s.options.future, load.expired = s.options.expired;
  load.now_ms = s.Now(), load.jobs = s.Jobs();
  s.held = LoadContent(s.site, load, s.diags);
  s.report.held_drafts = s.held.drafts, s.report.held_future = s.held.future,
  s.report.held_expired = s.held.expired;
  return true;
}

}  // namespace tandem
