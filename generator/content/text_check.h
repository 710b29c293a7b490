// Text check: bytes that must not reach a published page. A content file must be UTF-8 and hold
// no control characters other than tab and line breaks; a front-matter string must not hold
// control characters that TOML escapes (`\u0000`) can write.
#pragma once

#include <string_view>

#include <toml++/toml.h>

#include "base/diagnostics.h"

namespace hb {

// At most this many problems are reported for the bytes of one file.
inline constexpr int kMaxTextProblems = 10;

// Reports invalid UTF-8 and control characters in `text`, the whole file at `path`. Returns
// false when there is any.
bool check_text(std::string_view path, std::string_view text, Diagnostics& diags);

// Reports strings in `table` that hold control characters other than tab and line breaks.
// `text` is the whole file and `line_offset` the file line of the TOML's line 1, minus one.
bool check_strings(std::string_view path, std::string_view text, int line_offset,
                   const toml::table& table, Diagnostics& diags);

}  // namespace hb
