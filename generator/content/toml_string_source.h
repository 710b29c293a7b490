// Where the text of a TOML string value stands in its file: each byte of the value as toml++
// decoded it ("a\u00e6b", a multi-line string whose first newline is dropped, a line ending
// backslash) is traced back to the byte of the file that wrote it, so that a link inside a
// Markdown field is reported at its own line and column.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace hb {

class TomlStringSource {
 public:
  // `file` is the whole file; the string's opening quote is at byte `quote`, and `value` is its
  // text as toml++ decoded it. When the file's text there does not decode to `value` (it is no
  // string of the four kinds), every byte of the value is placed at the opening quote.
  TomlStringSource(std::string_view file, size_t quote, std::string_view value);

  // The byte of the file that wrote byte `at` of the value (the escape's backslash for a byte of
  // an escape).
  size_t file_offset(size_t at) const;

 private:
  bool trace(std::string_view file, size_t quote, std::string_view value);

  size_t quote_;
  std::vector<size_t> from_;  // file offset of each byte of the value, empty when not traced
};

// The byte of `file` at line `line`, column `col` (both from 1, columns in characters), or
// npos when the file has no such place.
size_t file_offset_of(std::string_view file, int line, int col);

// The line and column (from 1, in characters) of byte `at` of `file`.
void line_col_of(std::string_view file, size_t at, int& line, int& col);

}  // namespace hb
