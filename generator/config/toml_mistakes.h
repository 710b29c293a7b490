// TOML parse errors explained in an editor's words: the parser's error is mapped, by the text at
// and around its position, to the mistake an editor most likely made and what to write instead.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "base/diagnostics.h"

namespace hb {

// A parse error as the editor should see it: where the mistake is (1-based line and character
// column within the TOML text) and what to do.
struct TomlMistake {
  int line = 0;
  int col = 0;
  std::string message;
};

// The most parts a dotted key or table name may have (`a.b.c` has three). toml++ follows each
// part with a call of its own, so that tens of thousands of parts would exhaust the stack.
inline constexpr int kMaxKeyParts = 32;

// toml::parse with the limit above: a longer key throws a toml::parse_error at the key, which
// explain_toml_error explains like any other.
toml::table parse_toml(std::string_view toml, std::string_view path = {});

// Explains the parser's error `description` at `line`:`col` of `toml`. A line number named in
// the message has `line_offset` added (the lines before the TOML in its file).
TomlMistake explain_toml_error(std::string_view toml, int line, int col,
                               std::string_view description, int line_offset = 0);

// A parse error of `toml` (which starts on line `line_offset` + 1 of `text`, the file at `path`),
// explained in an editor's words.
void toml_parse_error(Diagnostics& diags, std::string_view path, std::string_view text,
                      std::string_view toml, const toml::parse_error& e, int line_offset);

// The `[site] language` of the site in `site_dir` ("da" when it says none or cannot be read),
// looked up before the settings are read so that their messages are in that language.
std::string peek_site_language(const std::filesystem::path& site_dir);

// `text` as a TOML date (2026-11-23) when it is a date written another way (23-11-2026,
// 2026/11/23, 23. november 2026) or already as one; "" when it is no date.
std::string date_as_written(std::string_view text);

}  // namespace hb
