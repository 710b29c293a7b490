// Front matter in the simple form most pages use, read without toml++'s general parser.
#pragma once

#include <string_view>

#include <toml++/toml.h>

namespace hb {

// Parses `toml` into `out` exactly as toml::parse(toml, source_path) would: the same keys,
// values, value types and source regions. It reads lines `key = value` with bare keys, where
// a value is a basic string (escapes \" \\ \b \f \n \r \t only), a decimal integer, true or
// false, a local date, or a one-line array of these; blank lines and comments. For anything
// else, valid TOML or not, it returns false and leaves `out` as it was: toml::parse decides.
bool parse_simple_toml(std::string_view toml, std::string_view source_path, toml::table& out);

}  // namespace hb
