// What `tandem serve` adds to the HTML it sends, and never writes to the output folder: a
// small script that reloads the page when the site was built again (server-sent events from
// kEventsPath), and, after a failed build, an overlay listing the errors.
#pragma once

#include <string>
#include <string_view>

namespace tandem {

inline constexpr std::string_view kEventsPath = "/__tandem/events";

// The overlay for a failed build: `errors` is the diagnostics as the terminal shows them, every
// character escaped. Empty when `errors` is empty.
std::string ErrorOverlay(std::string_view errors);

// `html` with the live-reload script and `overlay` inserted before its last </body> (at the
// end when it has none).
std::string InjectLiveReload(std::string html, std::string_view overlay);

// A page for a missing file when the site has no 404.html (or no successful build yet).
std::string FallbackNotFoundPage();

// What every page is until the first build is done: both languages' words (the server's own,
// as the site's UI strings are not read yet), reloading itself every second.
std::string BuildingPage();

}  // namespace tandem
