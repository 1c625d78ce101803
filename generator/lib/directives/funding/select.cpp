// What tables and figures share: choosing projects, the page's UI strings,
// and reporting errors at a line of the page.
#include <algorithm>

#include "directives/funding/model.hpp"
#include "support/text.hpp"

namespace tandem::funding {

namespace {

std::string Describe(const Selection& s) {
  std::string out;
  if (s.stream)
    out = "stream " + Quoted(s.stream->id);
  else if (s.program)
    out = "program " + Quoted(s.program->id);
  if (!s.flags.empty())
    out += std::string(s.flags.size() == 1 ? " with the flag " : " with the flags ") + JoinQuoted(s.flags);
  return out;
}

}  // namespace

std::optional<Selection> Resolve(const Dataset& data, const SelectionSpec& spec, const Report& report) {
  Selection selection;
  bool ok = true;
  std::vector<std::string> programs = data.ProgramIds();
  if (spec.program) {
    selection.program = data.FindProgram(spec.program->value);
    if (!selection.program) {
      report(spec.program->pos,
             programs.empty()
                 ? "unknown program " + Quoted(spec.program->value) +
                       ": the site has no funding data; add it to data/funding.toml (see docs/funding.md)"
                 : "unknown program " + Quoted(spec.program->value) +
                       DidYouMeanSuffix(spec.program->value, programs) +
                       "; known programs: " + JoinQuoted(programs));
      ok = false;
    }
  }
  if (spec.stream) {
    selection.stream = data.FindStream(spec.stream->value);
    std::string program = selection.program ? selection.program->id : "";
    std::vector<std::string> streams = data.StreamIds(program);
    std::string known =
        program.empty() ? "; known streams: " : "; the streams of program " + Quoted(program) + ": ";
    if (!selection.stream) {
      report(spec.stream->pos, "unknown stream " + Quoted(spec.stream->value) +
                                   DidYouMeanSuffix(spec.stream->value, streams) + known +
                                   JoinQuoted(streams));
      ok = false;
    } else if (selection.program && selection.stream->program != selection.program->id) {
      report(spec.stream->pos, "stream " + Quoted(spec.stream->value) + " belongs to program " +
                                   Quoted(selection.stream->program) + ", not " + Quoted(program) + known +
                                   JoinQuoted(streams));
      ok = false;
    } else if (!selection.program) {
      selection.program = data.FindProgram(selection.stream->program);
    }
  }
  for (const Arg& flag : spec.flags) {
    if (std::find(kFlags.begin(), kFlags.end(), flag.value) == kFlags.end()) {
      report(flag.pos, "unknown flag " + Quoted(flag.value) + DidYouMeanSuffix(flag.value, kFlags) +
                           "; known flags: " + JoinQuoted(kFlags));
      ok = false;
    } else if (std::find(selection.flags.begin(), selection.flags.end(), flag.value) ==
               selection.flags.end()) {
      selection.flags.push_back(flag.value);
    }
  }
  if (!ok) return std::nullopt;
  if (!spec.program && !spec.stream) {
    std::string example = programs.empty() ? "csoc" : programs.front();
    report(spec.where, std::string(spec.figure ? "the figure" : "the table") +
                           " names no program or stream: add " +
                           (spec.figure ? "program=" + example : "program = " + Quoted(example)) +
                           (programs.empty() ? " (the site has no funding data yet)"
                                             : "; known programs: " + JoinQuoted(programs)));
    return std::nullopt;
  }
  for (const Project& p : data.projects) {
    if (selection.program && p.program != selection.program->id) continue;
    if (selection.stream && p.stream != selection.stream->id) continue;
    if (!std::all_of(selection.flags.begin(), selection.flags.end(),
                     [&](const std::string& f) { return HasFlag(p, f); }))
      continue;
    selection.projects.push_back(&p);
  }
  if (selection.projects.empty()) {
    report(spec.where, "no project matches this selection (" + Describe(selection) + ")");
    return std::nullopt;
  }
  return selection;
}

const std::string* UiStrings::Find(const std::string& key) const {
  auto it = language_.strings.find(key);
  return it == language_.strings.end() ? nullptr : &it->second;
}

const std::string& UiStrings::Get(const std::string& key) {
  static const std::string kNone;
  if (const std::string* s = Find(key)) return *s;
  if (std::find(missing_.begin(), missing_.end(), key) == missing_.end()) missing_.push_back(key);
  return kNone;
}

bool UiStrings::Check(PageScope& scope, const SourcePos& pos) const {
  if (missing_.empty()) return true;
  const std::string& lang = language_.code();
  scope.Error(
      pos,
      std::string(missing_.size() == 1 ? "the theme has no UI string " : "the theme has no UI strings ") +
          JoinQuoted(missing_) + " for language " + Quoted(lang) + "; add " +
          (missing_.size() == 1 ? "it" : "them") + " to its i18n/" + lang + ".toml (or the site's)");
  return false;
}

std::string PlaceName(const Project& project, const Language& language, UiStrings& strings) {
  if (project.country != "CA") return language.locale->CountryName(project.country);
  return strings.Get("province_" + project.province);
}

std::string YearsText(const Project& project, UiStrings& strings) {
  std::string first = FiscalYear(project.first_year);
  if (project.duration_years <= 1) return first;
  return FillPlaceholders(
      strings.Get("funding_years_span"),
      {{"first", first}, {"last", FiscalYear(project.first_year + project.duration_years - 1)}});
}

}  // namespace tandem::funding
