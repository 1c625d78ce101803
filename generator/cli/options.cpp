#include "options.hpp"

namespace tandem::cli {

CLI::Option* AddSourceOption(CLI::App& command, std::string& source_dir) {
  return command.add_option("--source,-s", source_dir, "The site folder (with site.toml)")
      ->type_name("DIR")
      ->capture_default_str();
}

CLI::Option* AddOutputOption(CLI::App& command, std::string& output_dir) {
  return command.add_option("--output,-o", output_dir, "The output folder (default: <source>/public)")
      ->type_name("DIR");
}

void ExitWith(int status) {
  if (status == 0) throw CLI::Success();
  throw CLI::RuntimeError(status);
}

}  // namespace tandem::cli
