// Commit: the writer moves the new output into place (output/writer.hpp), then the cache that
// describes it is saved for the next build. The cache is removed before the output changes and
// written after, so it never describes other files than those in the folder.
#include <filesystem>

#include "pipeline/phases.hpp"
#include "support/fault.hpp"

namespace fs = std::filesystem;

namespace tandem {

bool Commit(BuildState& s) {
  std::error_code ec;
  fs::remove(s.writer->StatePath("cache"), ec);
  if (!s.writer->Commit(s.diags)) return false;
  FaultPoint("cache");
  BuildCache next;
  next.inputs = s.inputs;
  next.next_change_ms = s.held.next_change_ms;
  for (const Language& lang : s.site.languages)
    next.pages_per_language.emplace_back(lang.code(), lang.pages.size());
  std::vector<Page*> pages = s.site.AllPages();
  for (size_t i = 0; i < pages.size(); ++i)
    next.pages[pages[i]->source_path] = s.keep ? s.outcomes[i].entry : std::move(s.outcomes[i].entry);
  for (const Diagnostic& d : s.diags.Sorted())
    if (d.severity == Severity::kWarning) next.warnings.push_back(d);
  next.Save(s.writer->StatePath("cache"));
  return true;
}

}  // namespace tandem
