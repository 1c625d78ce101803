// The funding directive: programs, streams and projects read from data/*.toml,
// shown as ```funding tables (a theme template, plus a CSV of their rows) and
// {{funding:...}} figures in prose, formatted for the page's language.
// See docs/funding.md.
#pragma once

#include <memory>

#include "directives/directive.hpp"

namespace tandem {

std::unique_ptr<Directive> MakeFundingDirective();

}  // namespace tandem
