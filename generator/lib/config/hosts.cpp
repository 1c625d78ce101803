#include "config/hosts.hpp"

#include "config/site_config.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

// "https://fr.example.ca:8443" -> "fr.example.ca_8443": a folder name that is the host.
std::string FolderName(const Url& url) {
  std::string name = url.host;
  if (url.port != 0) name += ":" + std::to_string(url.port);
  for (char& c : name)
    if (c == ':') c = '_';
  return name;
}

// Origins are compared parsed and lowercased: two spellings of a host are one host.
size_t FindOrAddHost(std::vector<HostConfig>& hosts, const Url& url) {
  std::string origin = url.Origin();
  for (size_t i = 0; i < hosts.size(); ++i)
    if (hosts[i].origin == origin) return i;
  hosts.push_back({origin, FolderName(url), "/", false});
  return hosts.size() - 1;
}

// Where a language's pages go inside its host's folder: the path of its base_url below the
// folder's root path, or, when its base_url is not below it, a folder named after its code.
std::string LanguageFolder(const LanguageConfig& lang, const HostConfig& host) {
  std::string rel = lang.code;
  if (StartsWith(lang.base_path, host.root_path)) {
    rel = lang.base_path.substr(host.root_path.size());
    if (!rel.empty()) rel.pop_back();  // the trailing '/'
  }
  if (host.folder.empty()) return rel;
  return rel.empty() ? host.folder : host.folder + "/" + rel;
}

}  // namespace

void AssignHosts(SiteConfig& config) {
  config.hosts.clear();
  config.hosts.push_back({config.base.Origin(), "", config.root_path, true});
  for (LanguageConfig& lang : config.languages) lang.host = FindOrAddHost(config.hosts, lang.base);
  if (config.hosts.size() == 1) return;  // one host: the output folder is its root, as site.toml placed it
  config.hosts.front().folder = FolderName(config.base);
  for (LanguageConfig& lang : config.languages)
    lang.output_dir = LanguageFolder(lang, config.hosts[lang.host]);
}

}  // namespace tandem
