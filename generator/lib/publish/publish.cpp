#include "publish/publish.hpp"

#include "publish/feeds.hpp"
#include "publish/search.hpp"

namespace tandem {

std::vector<Attachment> PublishFiles(const Site& site, const Theme& theme, unsigned jobs,
                                     Diagnostics& diags) {
  std::vector<Attachment> files = AtomFeeds(site, diags);
  for (Attachment& file : SearchFiles(site, theme, jobs, diags)) files.push_back(std::move(file));
  return files;
}

}  // namespace tandem
