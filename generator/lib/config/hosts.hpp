// The hosts a site is published to. Most sites have one: the output folder is its root. When a
// language lives on a host of its own (base_url = "https://fr.example.ca/"), each host gets a
// folder of its own under the output folder, named after it, complete and deployable alone.
#pragma once

#include <string>
#include <vector>

namespace tandem {

struct SiteConfig;

struct HostConfig {
  std::string origin;  // "https://fr.example.ca"
  std::string folder;  // under the output folder: "" when the site has one host, else "fr.example.ca"
  std::string
      root_path;  // the URL path its folder is published at: the site's root path on its host, else "/"
  bool site_host = false;  // the host of the site's base_url, where the splash page lives

  // A path below the host's folder as a path below the output folder: "css/gc.css" ->
  // "fr.example.ca/css/gc.css".
  std::string OutputPath(const std::string& rel) const { return folder.empty() ? rel : folder + "/" + rel; }
};

// Gives `config` its hosts (the site's first, then the others in language order), and each
// language its host and output folder.
void AssignHosts(SiteConfig& config);

}  // namespace tandem
