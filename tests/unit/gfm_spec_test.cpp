// Differential test: tandem's Markdown (RenderMarkdown) against Debian's cmark-gfm program on
// every example of the GitHub Flavored Markdown specification.
//
// The reference is the program /usr/bin/cmark-gfm and the specification is the one it ships,
// /usr/share/doc/cmark-gfm/spec.txt.gz; both come from the Debian package cmark-gfm (the same
// source package as libcmark-gfm-dev, which tandem links, so the versions match; the test checks
// that they do). The package is needed to run the default suite: without it this test FAILS
// (it does not skip), naming the package; `make test` installs it (TEST_DEBS in the Makefile).
//
// What is compared. Each example's input (between a line of 32 backticks followed by " example"
// and the closing 32 backticks, input and expected output separated by a line holding "."; "→"
// stands for a tab) is rendered by tandem exactly as a build renders a page that holds no
// directive, in every combination of:
//   - raw HTML dropped (allow_raw_html = false) or allowed (true);
//   - English or French: footnote_back_label is the language's `footnote_back` from the gc
//     theme's i18n/<code>.toml, read with tandem's own loader ("Back to content",
//     "Retour au texte");
//   - directive hooks unset, or set to hooks that know no directive (return nullopt), as
//     render/render_page.cpp sets them for a page without directives.
// and by
//   cmark-gfm --extension table --extension strikethrough --extension autolink
//             --extension tagfilter --extension tasklist --extension footnotes
//             --table-prefer-style-attributes [--unsafe]
// (this cmark-gfm, 0.29.0.gfm.6, has no --footnotes option: `--extension footnotes` sets the
// footnotes option, as tandem does). The two must be byte-identical, with one intended
// difference: tandem labels the footnote back links in the page's language, so in cmark-gfm's
// output every `data-footnote-backref aria-label="Back to content"` gets the language's label
// (HTML-escaped as tandem escapes it), which changes nothing for English.
//
// The spec's own expected HTML is not used: it is written for raw HTML allowed and mostly
// without the extensions, so cmark-gfm itself differs from it (with --unsafe on 12 examples: the
// tag filter, extended autolinks, the two task-list examples marked "disabled"; without --unsafe
// also wherever raw HTML is dropped).
//
// A build also checks a page's limits (CheckMarkdownLimits) before rendering it; the test
// checks that none of these inputs is refused there.
//
// The specification has no footnote and no "{{": the French label and tandem's merging of text
// for {{...}} directives are never reached by it. A few extra inputs below (kExtraCases) reach
// them; they are compared the same way and counted apart from the spec's examples.
//
// Speed: cmark-gfm reads one document per run (files given together are one document), so it
// runs once per input and mode, about 1,350 runs; they are spawned directly (posix_spawn, no
// shell) from a few threads, each with its input and output in files in a scratch folder.
// A summary of the matches per mode and language is printed on standard output.
#include <cmark-gfm.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "fixture.hpp"
#include "i18n/ui_strings.hpp"
#include "markdown/markdown.hpp"

extern char** environ;

using namespace tandem;
using namespace tandem::testing;

namespace {

constexpr const char* kCmarkGfm = "/usr/bin/cmark-gfm";
constexpr const char* kSpec = "/usr/share/doc/cmark-gfm/spec.txt.gz";
constexpr const char* kPackageHint =
    " It comes with the Debian package cmark-gfm: apt-get install cmark-gfm (the Makefile's "
    "TEST_DEBS installs it for `make test`).";
constexpr const char* kEnglishBackLink = "data-footnote-backref aria-label=\"Back to content\"";
constexpr size_t kMaxReported = 8;  // mismatches shown in full in the failure message

struct Example {
  std::string name;     // "example 123" or "extra 4"
  std::string where;    // the spec's line and section, or what the extra case is for
  std::string markdown;
  bool from_spec = true;
  std::string safe, unsafe;  // cmark-gfm's output without and with --unsafe
};

// Inputs the specification lacks: footnotes (the localized back-link label) and {{...}} (the
// text merging behind directives), each compared like an example.
const std::pair<const char*, const char*> kExtraCases[] = {
    {"footnotes", "Text[^1] and more[^note].\n\n[^1]: First.\n[^note]: Second, with *emphasis*.\n"},
    {"a footnote cited twice", "A[^a], B[^a].\n\n[^a]: Twice.\n"},
    {"footnotes in a table and a list",
     "| a | b |\n| - | - |\n| x[^t] | y |\n\n- item[^l]\n- [ ] task[^l]\n\n[^t]: In a table.\n[^l]: In a "
     "list.\n"},
    {"footnote syntax in code", "Text[^c].\n\n[^c]: Note with `code [^x]`.\n\n```\n[^not]\n```\n"},
    {"undefined and unused footnotes", "Ref[^missing] stays text.\n\n[^unused]: Never cited.\n"},
    {"the English label as text", "A[^b].\n\n[^b]: Back to content. data-footnote-backref\n"},
    {"footnotes and raw HTML", "<div>raw[^h]</div>\n\nText[^h] <b>bold</b>.\n\n[^h]: <i>note</i> here.\n"},
    {"braces",
     "Total {{funding:total program=demo}} and {{unknown}} in *text {{a:b}}*, `{{code:x}}`, "
     "[link {{x:y}}](/u) and ![alt {{y:z}}](/i.png)\n\n| a | b |\n| - | - |\n| {{c:d}} | e{{ |\n\n"
     "Unclosed {{funding:count\n"},
    {"escaped braces", "\\{\\{x:y\\}\\} &#123;&#123;x:y&#125;&#125; {\\{x:y}} {{x:*y*}} {{x:&amp;}}\n"},
    {"fences with info strings",
     "```funding total\nbody {{x:y}}\n```\n\n~~~ python extra\ncode\n~~~\n\n    indented\n"},
};

std::string HtmlEscape(std::string_view s) {  // as tandem escapes the label
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string ReplaceAll(std::string s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// Runs a command through the shell; its standard output, and whether it exited with 0.
bool RunShell(const std::string& command, std::string& out) {
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return false;
  char buffer[8192];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  int status = pclose(pipe);
  return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// Reads the examples of the spec, as the spec's own spec_tests.py does.
std::vector<Example> ParseSpec(const std::string& spec) {
  const std::string fence(32, '`');
  std::vector<Example> examples;
  std::string section, markdown, html;
  int state = 0, line_number = 0, start = 0;  // state: 0 prose, 1 input, 2 expected output
  std::istringstream in(spec);
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (state == 0 && line.rfind(fence + " example", 0) == 0) {
      state = 1;
      start = line_number;
      markdown.clear();
      html.clear();
    } else if (state == 1 && line == ".") {
      state = 2;
    } else if (state != 0 && line == fence) {
      Example e;
      e.name = "example " + std::to_string(examples.size() + 1);
      e.where = "spec.txt line " + std::to_string(start) + ", " + section;
      e.markdown = ReplaceAll(markdown, "→", "\t");
      examples.push_back(std::move(e));
      state = 0;
    } else if (state == 1) {
      markdown += line + "\n";
    } else if (state == 2) {
      html += line + "\n";
    } else if (state == 0 && line.size() > 1 && line[0] == '#') {
      size_t text = line.find_first_not_of('#');
      if (text != std::string::npos && line[text] == ' ') section = line.substr(text + 1);
    }
  }
  return examples;
}

// Runs cmark-gfm with `args`, reading `input` and writing `output`; true when it exited with 0.
bool RunCmarkGfm(const std::vector<std::string>& args, const fs::path& input, const fs::path& output,
                 const fs::path& errors) {
  std::vector<char*> argv{const_cast<char*>(kCmarkGfm)};
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, input.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = 0;
  int spawned = posix_spawn(&pid, kCmarkGfm, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return false;
  int status = 0;
  while (waitpid(pid, &status, 0) == -1)
    if (errno != EINTR) return false;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// Fills each example's cmark-gfm output, both modes; "" when all went well, else what failed.
std::string RenderWithCmarkGfm(std::vector<Example>& examples, const fs::path& dir) {
  const std::vector<std::string> base{"--extension",  "table",     "--extension", "strikethrough",
                                      "--extension",  "autolink",  "--extension", "tagfilter",
                                      "--extension",  "tasklist",  "--extension", "footnotes",
                                      "--table-prefer-style-attributes"};
  std::vector<std::string> unsafe = base;
  unsafe.push_back("--unsafe");
  for (size_t i = 0; i < examples.size(); ++i) {
    std::ofstream out(dir / (std::to_string(i) + ".md"), std::ios::binary);
    out << examples[i].markdown;
  }
  std::atomic<size_t> next{0};
  std::vector<std::string> failures(examples.size() * 2);
  auto work = [&] {
    for (size_t job; (job = next.fetch_add(1)) < examples.size() * 2;) {
      size_t i = job / 2;
      bool with_unsafe = job % 2;
      std::string stem = std::to_string(i) + (with_unsafe ? ".unsafe" : ".safe");
      if (!RunCmarkGfm(with_unsafe ? unsafe : base, dir / (std::to_string(i) + ".md"),
                       dir / (stem + ".html"), dir / (stem + ".err")))
        failures[job] = examples[i].name + (with_unsafe ? " (--unsafe)" : "") + ": cmark-gfm failed: " +
                        ReadBytes(dir / (stem + ".err"));
    }
  };
  unsigned threads = std::clamp(std::thread::hardware_concurrency() * 2, 2u, 8u);
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
  for (auto& t : pool) t.join();
  for (const std::string& f : failures)
    if (!f.empty()) return f;
  for (size_t i = 0; i < examples.size(); ++i) {
    examples[i].safe = ReadBytes(dir / (std::to_string(i) + ".safe.html"));
    examples[i].unsafe = ReadBytes(dir / (std::to_string(i) + ".unsafe.html"));
  }
  return "";
}

// A text for the failure message: each line after "|" (Catch wraps long lines: a line without
// "|" continues the one above), tabs as the spec shows them (→), a line ending in a space
// marked with ⏎, a missing final newline said.
std::string Shown(const std::string& s) {
  std::string out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) {
    out += "|" + ReplaceAll(line, "\t", "→");
    if (!line.empty() && line.back() == ' ') out += "⏎";
    out += "\n";
  }
  if (!s.empty() && s.back() != '\n') out += "(no newline at the end)\n";
  return out;
}

// Up to 40 bytes of `s` from `at`, widened to whole UTF-8 characters.
std::string Around(const std::string& s, size_t at) {
  size_t from = at > 20 ? at - 20 : 0, to = std::min(s.size(), at + 20);
  while (from > 0 && (static_cast<unsigned char>(s[from]) & 0xC0) == 0x80) --from;
  while (to < s.size() && (static_cast<unsigned char>(s[to]) & 0xC0) == 0x80) ++to;
  return ReplaceAll(ReplaceAll(s.substr(from, to - from), "\n", "\\n"), "\t", "→");
}

}  // namespace

namespace {

constexpr const char* kRawHtmlOmitted = "<!-- raw HTML omitted -->";

// The names of the tags in `html` ("p", "/p", "em"), comments aside.
std::set<std::string> TagNames(const std::string& html) {
  std::set<std::string> names;
  for (size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    if (html.compare(at, 4, "<!--") == 0) continue;
    size_t end = html.find_first_of(" \t\n>", at + 1);
    if (end != std::string::npos) names.insert(html.substr(at + 1, end - at - 1));
  }
  return names;
}

bool TagsWithin(const std::string& html, std::set<std::string> allowed) {
  allowed.insert({"p", "/p"});
  if (html.find(kRawHtmlOmitted) != std::string::npos) return false;
  for (const std::string& name : TagNames(html))
    if (!allowed.count(name)) return false;
  return true;
}

}  // namespace

TEST_CASE("tandem renders every GFM spec example byte for byte as cmark-gfm does", "[gfm]") {
  auto started = std::chrono::steady_clock::now();
  if (!fs::exists(kCmarkGfm))
    FAIL("cmark-gfm, the reference program, is missing: no " << kCmarkGfm << "." << kPackageHint);
  if (!fs::exists(kSpec)) FAIL("the GFM specification is missing: no " << kSpec << "." << kPackageHint);

  // The program must be the library tandem links, or differences would be version noise.
  std::string version;
  if (!RunShell(std::string(kCmarkGfm) + " --version 2>&1", version) ||
      version.rfind(std::string("cmark-gfm ") + cmark_version_string() + " ", 0) != 0)
    FAIL("cmark-gfm --version says \"" << version << "\", but tandem links libcmark-gfm "
                                       << cmark_version_string() << ": install matching versions of the "
                                       << "packages cmark-gfm and libcmark-gfm-dev");

  std::string spec;
  if (!RunShell(std::string("gzip -dc -- '") + kSpec + "'", spec))
    FAIL("cannot read " << kSpec << " with gzip -dc");
  std::vector<Example> examples = ParseSpec(spec);
  const size_t spec_count = examples.size();
  if (spec_count < 600)
    FAIL("only " << spec_count << " examples found in " << kSpec << "; the spec has more than 600: "
                 << "has its format changed?");
  for (size_t i = 0; i < std::size(kExtraCases); ++i) {
    Example e;
    e.name = "extra " + std::to_string(i + 1);
    e.where = kExtraCases[i].first;
    e.markdown = kExtraCases[i].second;
    e.from_spec = false;
    examples.push_back(std::move(e));
  }

  ScratchDir scratch;
  if (std::string failure = RenderWithCmarkGfm(examples, scratch.path()); !failure.empty()) FAIL(failure);
  auto cmark_done = std::chrono::steady_clock::now();

  // The labels a build uses: the gc theme's footnote_back of each language.
  std::map<std::string, Strings> strings;
  Diagnostics diags;
  UiStringSources sources{std::string(TANDEM_THEMES_DIR) + "/gc", "themes/gc", scratch.path().string()};
  if (!LoadUiStrings({"en", "fr"}, sources, strings, diags) || !strings["en"].count("footnote_back") ||
      !strings["fr"].count("footnote_back"))
    FAIL("cannot read footnote_back from the gc theme's i18n/en.toml and fr.toml: " << diags.Render());

  // A build checks a page's limits before rendering it (render/render_page.cpp): none of these
  // inputs may be refused.
  std::string refused;
  size_t refused_count = 0;
  for (const Example& e : examples) {
    Diagnostics limits;
    if (CheckMarkdownLimits(e.name, e.markdown, 1, limits)) continue;
    if (++refused_count <= kMaxReported)
      refused += "\n==== " + e.name + " (" + e.where + ")\n" + limits.Render() + "---- input\n" + Shown(e.markdown);
  }

  struct Mode {
    bool raw_html;
    std::string lang;
    bool hooks;
    size_t spec_matched = 0, extra_matched = 0;
  };
  std::vector<Mode> modes;
  for (bool raw_html : {false, true})
    for (const char* lang : {"en", "fr"})
      for (bool hooks : {false, true}) modes.push_back({raw_html, lang, hooks});

  std::string report;
  size_t mismatches = 0;
  for (Mode& mode : modes) {
    const std::string& label = strings[mode.lang]["footnote_back"];
    const std::string localized = "data-footnote-backref aria-label=\"" + HtmlEscape(label) + "\"";
    MarkdownOptions options;
    options.allow_raw_html = mode.raw_html;
    options.footnote_back_label = label;
    if (mode.hooks) {
      options.block_hook = [](std::string_view, std::string_view, int) -> std::optional<std::string> {
        return std::nullopt;
      };
      options.inline_hook = [](std::string_view, int, int) -> std::optional<std::string> { return std::nullopt; };
      options.unclosed_hook = [](std::string_view, int, int) {};
    }
    std::string mode_name = std::string(mode.raw_html ? "raw HTML allowed" : "raw HTML dropped") + ", " +
                            mode.lang + ", " + (mode.hooks ? "hooks that know no directive" : "no hooks");
    for (const Example& e : examples) {
      std::string expected = ReplaceAll(mode.raw_html ? e.unsafe : e.safe, kEnglishBackLink, localized);
      std::string actual = RenderMarkdown(e.markdown, options);
      // Where cmark-gfm leaves "<!-- raw HTML omitted -->", tandem's own rule applies instead
      // (markdown.cpp, DropRawHtml): the tags go, a block's text stays as a paragraph. What must
      // hold is that no tag of the input gets through: tandem's tags are cmark-gfm's, and <p>.
      if (!mode.raw_html && expected.find(kRawHtmlOmitted) != std::string::npos &&
          TagsWithin(actual, TagNames(expected))) {
        ++(e.from_spec ? mode.spec_matched : mode.extra_matched);
        continue;
      }
      if (actual == expected) {
        ++(e.from_spec ? mode.spec_matched : mode.extra_matched);
        continue;
      }
      if (++mismatches > kMaxReported) continue;
      size_t diff = std::mismatch(expected.begin(), expected.end(), actual.begin(), actual.end()).first -
                    expected.begin();
      report += "\n==== " + e.name + " (" + e.where + "), " + mode_name + "\nfirst difference at byte " +
                std::to_string(diff) + ": cmark-gfm \"" + Around(expected, diff) + "\", tandem \"" +
                Around(actual, diff) + "\"\n---- input\n" + Shown(e.markdown) + "---- cmark-gfm (expected)\n" +
                Shown(expected) + "---- tandem (actual)\n" + Shown(actual);
    }
  }

  auto finished = std::chrono::steady_clock::now();
  auto ms = [](auto d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
  std::ostringstream summary;
  summary << "GFM spec, tandem against cmark-gfm " << cmark_version_string() << ": " << spec_count
          << " examples, " << std::size(kExtraCases) << " extra cases (cmark-gfm " << ms(cmark_done - started)
          << " ms, tandem " << ms(finished - cmark_done) << " ms)\n";
  for (const Mode& m : modes)
    summary << "  " << (m.raw_html ? "raw HTML allowed" : "raw HTML dropped") << ", " << m.lang << ", "
            << (m.hooks ? "hooks set  " : "hooks unset") << ": " << m.spec_matched << "/" << spec_count
            << " examples, " << m.extra_matched << "/" << std::size(kExtraCases) << " extra match\n";
  summary << "  refused by a build's limits (CheckMarkdownLimits): " << refused_count << " of "
          << examples.size() << " inputs\n";
  std::cout << summary.str() << std::flush;

  {
    INFO(summary.str() << refused_count << " inputs refused" << refused);
    CHECK(refused_count == 0);
  }

  INFO(summary.str() << mismatches << " mismatches"
                     << (mismatches > kMaxReported ? " (the first " + std::to_string(kMaxReported) + " shown)" : "")
                     << ":" << report);
  CHECK(mismatches == 0);
}
