// Writing the site.toml that `tandem import hugo` makes: keys, values and tables in TOML,
// with the comments that say where each setting came from.
#pragma once

#include <string>
#include <string_view>

#include "migrate/hugo_config.hpp"

namespace tandem {

// A TOML basic string: "text", with quotes, backslashes and control characters escaped.
std::string TomlString(std::string_view text);

// A key as TOML writes it: bare when it can be (base_url), else quoted ("Main menu").
std::string TomlKey(std::string_view key);

// A value written inline: a scalar, an array [..] or an inline table {..}.
std::string TomlInline(const HugoValue& value);

// `table`'s fields under the header `[header]` (none when header is empty): its scalars and
// inline arrays first, then each sub-table as [header.key] and each array of tables as [[header.key]].
std::string TomlTable(const std::string& header, const HugoValue& table);

}  // namespace tandem
