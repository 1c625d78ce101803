#include "commands.hpp"

#include <iostream>

#include "options.hpp"
#include "support/text.hpp"

namespace tandem::cli {

namespace {

std::string CommandList(const std::vector<const CLI::App*>& commands) {
  std::string list;
  for (const CLI::App* command : commands) list += (list.empty() ? "" : ", ") + command->get_name();
  return list;
}

}  // namespace

std::vector<const CLI::App*> VisibleCommands(const CLI::App& app) {
  std::vector<const CLI::App*> commands;
  for (const CLI::App* command : app.get_subcommands({}))
    if (!command->get_group().empty()) commands.push_back(command);
  return commands;
}

std::optional<int> CheckCommandWord(const CLI::App& app, int argc, char** argv) {
  if (argc < 2) {
    std::cout << app.help();
    return 1;
  }
  std::string word = argv[1];
  if (word.empty() || word[0] == '-') return std::nullopt;
  std::vector<std::string> names;
  for (const CLI::App* command : app.get_subcommands({})) {
    if (command->check_name(word)) return std::nullopt;
    if (!command->get_group().empty()) names.push_back(command->get_name());
  }
  auto nearest = DidYouMean(word, names);
  std::cerr << "error: \"" << word << "\" is not a tandem command; "
            << (nearest ? "did you mean \"" + *nearest + "\"?"
                        : "the commands are " + CommandList(VisibleCommands(app)))
            << " (tandem --help tells more)\n";
  return 1;
}

std::optional<int> Parse(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
    return std::nullopt;
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);  // prints the message, or the help
    bool usage_error = status != 0 && e.get_name() != "RuntimeError";
    return usage_error ? 2 : status;
  }
}

void AddVersionCommand(CLI::App& app) {
  CLI::App* version = app.add_subcommand("version", "Print tandem's version (the same as --version)");
  version->callback([] {
    std::cout << "tandem " << TANDEM_VERSION << "\n";
    ExitWith(0);
  });
}

}  // namespace tandem::cli
