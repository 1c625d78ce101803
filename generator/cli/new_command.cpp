#include "new_command.hpp"

#include <iostream>
#include <memory>

#include "options.hpp"
#include "scaffold/new_page.hpp"
#include "support/diagnostics.hpp"

namespace tandem::cli {

namespace {

int RunNew(const NewPageRequest& request) {
  Diagnostics diags;
  std::vector<std::string> created = CreateNewPages(request, diags);
  std::cerr << diags.Render();
  for (const std::string& file : created) std::cout << "created " << file << "\n";
  if (!created.empty())
    std::cout << "Write the titles and the text, choose the slug of each translation, and remove "
                 "draft = true to publish them (tandem build --drafts shows them before).\n";
  return diags.has_errors() ? 1 : 0;
}

}  // namespace

void AddNewCommand(CLI::App& app) {
  auto request = std::make_shared<NewPageRequest>();
  CLI::App* command = app.add_subcommand(
      "new", "Create a page in every language (draft = true), from the archetypes of the site or theme");
  command
      ->add_option("path", request->path, "Where: SECTION/NAME below content/<lang>/, like news/road-safety")
      ->type_name("SECTION/NAME")
      ->required();
  AddSourceOption(*command, request->source_dir);
  command->callback([request] { ExitWith(RunNew(*request)); });
}

}  // namespace tandem::cli
