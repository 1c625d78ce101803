// The one rule for every address tandem writes into a page that came from content, data,
// configuration or the command line: Markdown links and images, shortcode arguments (figure's
// src and link), menus, breadcrumbs and footer links, the search form's action, funding links in
// data/, aliases. Each place that reads such an address asks CleanUrl and reports its problem at
// the address's own line and column, as an error: an address is never emptied in silence.
//
// The address is read as a browser reads it (the URL Standard): the spaces and C0 control
// characters around it are dropped, and every tab, line feed and carriage return inside it, so
// "java<TAB>script:" is "javascript:". Then only these are written:
//   - http and https addresses with a host and no user name or password ("https://canada.ca/en");
//   - mailto and tel addresses;
//   - relative references: "/en/page/", "../x.md", "page.md#a", "#top", "?q=1".
// Refused: every other scheme, in any case (javascript:, vbscript:, data:, file:...); a reference
// to another host without a scheme ("//evil.example/"); a backslash before the query, which a
// browser reads as "/" ("/\evil.example/" is another host); any other control character.
// A base URL (site.toml's base_url, --base-url) is held to a stricter rule still: ParseBaseUrl.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tandem {

// `written` as a browser reads it, when the rule above allows it; else nullopt, with `problem`
// set to what is wrong and how to fix it, a whole message ("the address \"...\" is a ...").
std::optional<std::string> CleanUrl(std::string_view written, std::string& problem);

// The scheme of an address as a browser reads it ("javascript" of "JavaScript:x"), lowercase;
// "" for a relative reference. `url` is an address as CleanUrl returns it.
std::string UrlScheme(std::string_view url);

}  // namespace tandem
