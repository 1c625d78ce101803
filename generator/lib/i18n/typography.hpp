// French typography, by the tool: the no-break spaces the Translation Bureau asks for in
// Canadian French, so a line never breaks before a colon, a dollar or percent sign, inside
// guillemets, or between a number and "millions". Only text is changed: never a tag, an
// attribute, code, or anything that looks like a URL or an address.
#pragma once

#include <string>
#include <string_view>

#include "config/identity_config.hpp"

namespace tandem {

struct Typography {
  bool french = false;             // the fr-CA no-break space rules
  bool curly_apostrophes = false;  // l'été -> l’été
  bool active() const { return french || curly_apostrophes; }
};

// A language's typography: its [languages.<code>] typography, else the default of its locale's
// language (kDefaultTypography: "fr" -> "fr-CA"), else none.
Typography TypographyFor(const LanguageIdentity& config, const std::string& locale);

// `text` (plain text, no markup) with the rules applied; unchanged when `rules` is inactive.
std::string Typeset(std::string_view text, const Typography& rules);

// `html` with the rules applied to its text only: tags and their attributes, comments, and the
// contents of code, pre, kbd, samp, script and style elements are copied as they are.
std::string TypesetHtml(std::string_view html, const Typography& rules);

}  // namespace tandem
