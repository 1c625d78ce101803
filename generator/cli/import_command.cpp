#include "import_command.hpp"

#include <iostream>
#include <memory>

#include "migrate/hugo_import.hpp"
#include "options.hpp"
#include "support/diagnostics.hpp"

namespace tandem::cli {

namespace {

struct ImportRequest {
  std::string from;  // the generator the site was made with: "hugo"
  HugoImportRequest hugo;
};

int RunImport(const ImportRequest& request) {
  Diagnostics diags;
  auto written = ImportHugoSite(request.hugo, diags);
  std::cerr << diags.Render();
  if (!written) return 1;
  size_t notes = diags.Sorted().size();
  std::cout << "wrote " << written->site_toml << " from the Hugo site in " << request.hugo.hugo_dir << "\n";
  for (const std::string& shortcode : written->shortcodes) std::cout << "wrote " << shortcode << "\n";
  if (notes)
    std::cout << notes << (notes == 1 ? " setting" : " settings")
              << " not carried over (the notes above, also listed at the end of site.toml)\n";
  if (request.hugo.output_dir.empty())
    std::cout << "Next: tandem build --source " << request.hugo.hugo_dir
              << " (docs/migrating-from-hugo.md says what else to check)\n";
  else
    std::cout << "tandem builds it beside the Hugo site's content/ folder (docs/migrating-from-hugo.md)\n";
  return 0;
}

}  // namespace

void AddImportCommand(CLI::App& app) {
  auto request = std::make_shared<ImportRequest>();
  CLI::App* command =
      app.add_subcommand("import", "Write the site.toml for a site made with another generator (hugo)");
  command->add_option("from", request->from, "The generator the site was made with")
      ->check(CLI::IsMember({"hugo"}))
      ->type_name("hugo")
      ->required();
  command->add_option("dir", request->hugo.hugo_dir, "The Hugo site's folder (with hugo.toml or config/)")
      ->type_name("DIR")
      ->required();
  command->add_option("--output,-o", request->hugo.output_dir, "Where to write site.toml (default: DIR)")
      ->type_name("DIR");
  command->add_flag("--force", request->hugo.force, "Replace an existing site.toml");
  command->callback([request] { ExitWith(RunImport(*request)); });
}

}  // namespace tandem::cli
