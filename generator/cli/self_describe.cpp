#include "self_describe.hpp"

#include <iostream>
#include <memory>
#include <set>
#include <vector>

#include "commands.hpp"
#include "options.hpp"

namespace tandem::cli {

namespace {

constexpr const char* kManDescription =
    R"(tandem turns Markdown pages written in English and French (content/en/,
content/fr/, paired by path or translation_key) and TOML data into a complete bilingual site
published the way Canada.ca publishes: a language toggle to the exact translation, the date
modified, Canada.ca metadata, a bilingual splash page, 404 page and sitemap.
)";

// What the definition cannot say: read by `man tandem`, after the commands.
constexpr const char* kManTail = R"(.SH EXIT STATUS
0 when the command did what it was asked with no error; 1 on any error in the site or in what
the command was asked, for a mistyped command, and for a bare
.B tandem
(which prints the usage); 2 for a usage error: an unknown option, or a value missing or out of
range.
.SH ENVIRONMENT
.TP
.B CI
When set, no progress line is shown.
.TP
.B SOURCE_DATE_EPOCH
Seconds since 1970: the day
.B tandem new
writes as the date of new pages, instead of today.
.SH FILES
.TP
.I site.toml
The site: its languages, URLs and theme.
.TP
.I content/<lang>/
Its pages, in Markdown, at the same path in every language.
.TP
.I archetypes/<lang>/<section>.md, archetypes/<lang>/default.md
What
.B tandem new
starts a page from; the site's own win over its theme's.
.TP
.I ../share/tandem/themes/
Beside the program: tandem's own themes, used when the site's themes/ folder does not have the one
site.toml names.
.SH SEE ALSO
The README of tandem's source, and its docs/ folder.
)";

// roff: a backslash is \e, a hyphen in an option is \-, a line may not start with . or '.
std::string Roff(const std::string& text) {
  std::string out;
  for (char c : text)
    out += c == '\\' ? std::string("\\e") : c == '-' ? std::string("\\-") : std::string(1, c);
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

// "UINT:INT in [1 - 64]" -> "UINT": the validator's description is for --help.
std::string ValueName(const CLI::Option& option) {
  std::string type = option.get_type_name();
  return type.substr(0, type.find(':'));
}

// A flag takes none; CLI11 still gives it a type size of 1.
bool TakesValue(const CLI::Option& option) {
  return option.get_items_expected_max() > 0;
}

// "--source", "-s": long names first.
std::vector<std::string> Spellings(const CLI::Option& option) {
  std::vector<std::string> names;
  for (const std::string& name : option.get_lnames()) names.push_back("--" + name);
  for (const std::string& name : option.get_snames()) names.push_back("-" + name);
  return names;
}

std::string Joined(const std::vector<std::string>& words, const std::string& separator) {
  std::string joined;
  for (const std::string& word : words) {
    if (!joined.empty()) joined += separator;
    joined += word;
  }
  return joined;
}

std::vector<const CLI::Option*> VisibleOptions(const CLI::App& command) {
  std::vector<const CLI::Option*> options;
  for (const CLI::Option* option : command.get_options({}))
    if (!option->get_group().empty()) options.push_back(option);
  return options;
}

std::string ManOption(const CLI::Option& option) {
  std::string names = option.get_positional() ? ValueName(option) : Joined(Spellings(option), ", ");
  std::string out = ".TP\n\\fB" + Roff(names) + "\\fR";
  if (!option.get_positional() && TakesValue(option)) out += " \\fI" + Roff(ValueName(option)) + "\\fR";
  out += "\n" + Roff(option.get_description());
  if (!option.get_default_str().empty()) out += " (default: " + Roff(option.get_default_str()) + ")";
  return out + "\n";
}

std::string ManCommand(const CLI::App& command) {
  std::string out = ".SS \"tandem " + command.get_name() + "\"\n" + Roff(command.get_description()) + "\n";
  for (const CLI::Option* option : VisibleOptions(command))
    if (option != command.get_help_ptr()) out += ManOption(*option);
  return out;
}

// Words the completion offers after `command`: its options, long and short.
std::string OptionWords(const CLI::App& command) {
  std::vector<std::string> words;
  for (const CLI::Option* option : VisibleOptions(command))
    for (const std::string& name : Spellings(*option)) words.push_back(name);
  return Joined(words, " ");
}

// The options followed by a value, as bash case patterns: those taking a folder (DIR), and
// the others, after which nothing is offered.
struct ValuePatterns {
  std::string dirs, others;
};

ValuePatterns ValueOptions(const CLI::App& app) {
  std::set<std::string> dirs, others;
  for (const CLI::App* command : VisibleCommands(app))
    for (const CLI::Option* option : VisibleOptions(*command)) {
      if (option->get_positional() || !TakesValue(*option)) continue;
      for (const std::string& name : Spellings(*option))
        (ValueName(*option) == "DIR" ? dirs : others).insert(name);
    }
  for (const std::string& name : dirs) others.erase(name);  // a folder in one command, in all
  auto pattern = [](const std::set<std::string>& names) {
    return names.empty() ? std::string("--never-an-option") : Joined({names.begin(), names.end()}, "|");
  };
  return {pattern(dirs), pattern(others)};
}

}  // namespace

std::string ManPage(const CLI::App& app) {
  std::string out = ".TH TANDEM 1 \"\" \"tandem " TANDEM_VERSION "\" \"User Commands\"\n";
  std::string summary = app.get_description();
  if (summary.rfind("tandem: ", 0) == 0) summary.erase(0, 8);  // the page names it already
  out += ".SH NAME\ntandem \\- " + Roff(summary) + "\n";
  out += ".SH SYNOPSIS\n.B tandem\n.I command\n[\\fIoptions\\fR]\n.br\n.B tandem \\-\\-version\n";
  out += std::string(".SH DESCRIPTION\n") + kManDescription;
  out += ".SH COMMANDS\n";
  for (const CLI::App* command : VisibleCommands(app)) out += ManCommand(*command);
  return out + kManTail;
}

std::string BashCompletion(const CLI::App& app) {
  std::string commands;
  for (const CLI::App* command : VisibleCommands(app)) commands += command->get_name() + " ";
  std::string out = "# bash completion for tandem: made by `tandem completion bash` from its own options.\n";
  out += "_tandem() {\n";
  out += "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} command= i\n";
  out += "  for ((i = 1; i < COMP_CWORD; i++)); do\n";
  out += "    [[ ${COMP_WORDS[i]} != -* ]] && { command=${COMP_WORDS[i]}; break; }\n";
  out += "  done\n";
  out += "  case $prev in\n";
  ValuePatterns values = ValueOptions(app);
  out += "    " + values.dirs + ") COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n";
  out += "    " + values.others + ") COMPREPLY=(); return ;;\n";
  out += "  esac\n";
  out += "  case $command in\n";
  out += "    '') COMPREPLY=($(compgen -W \"" + commands + "--help --version\" -- \"$cur\")) ;;\n";
  for (const CLI::App* command : VisibleCommands(app))
    out += "    " + command->get_name() + ") COMPREPLY=($(compgen -W \"" + OptionWords(*command) +
           "\" -- \"$cur\")) ;;\n";
  out += "  esac\n";
  out += "}\n";
  out += "complete -F _tandem tandem\n";
  return out;
}

void AddSelfDescriptionCommands(CLI::App& app) {
  CLI::App* manpage = app.add_subcommand("manpage", "Print the manual page (roff)")->group("");
  manpage->callback([&app] {
    std::cout << ManPage(app);
    ExitWith(0);
  });
  auto shell = std::make_shared<std::string>();
  CLI::App* completion = app.add_subcommand("completion", "Print the shell completion script")->group("");
  completion->add_option("shell", *shell, "The shell")->check(CLI::IsMember({"bash"}))->required();
  completion->callback([&app, shell] {
    std::cout << BashCompletion(app);
    ExitWith(0);
  });
}

}  // namespace tandem::cli
