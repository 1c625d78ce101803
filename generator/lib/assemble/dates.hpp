// Date modified: front matter `modified`, else the author date of the last
// commit touching the file, else the file's modification time.
#pragma once

#include <map>
#include <string>

#include "model/site.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

// Sets Page::modified and Page::issued for every page, and Page::history from git when git is
// asked: when some page has no `modified`, or always with `read_history` (tandem check).
void AssignDates(Site& site, Diagnostics& diags, bool read_history = false);

// The day, in `zone`, of the file's last modification: the date modified of a page with neither
// `modified` nor a commit. "" when the file cannot be read.
std::string FileDate(const std::string& path, const TimeZone& zone);

}  // namespace tandem
