// A template's text as the parser sees it: byte offsets turned into `line:col`, the errors found
// in it, and the small questions about lines that the standalone rules ask.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace hb {

class TemplateSource {
 public:
  struct Position {
    int line = 0;
    int col = 0;
  };

  TemplateSource(std::string_view path, std::string_view text, Diagnostics& diags);

  std::string_view text() const { return text_; }
  std::string_view path() const { return path_; }
  // 1-based line and column (in characters) of the byte at `byte`.
  Position position(size_t byte) const;
  // `path:line:col` of the byte at `byte`.
  std::string where(size_t byte) const;
  // Reports an error at the byte at `byte`.
  void error(size_t byte, std::string message);
  bool failed() const { return failed_; }

 private:
  std::string_view path_;
  std::string_view text_;
  Diagnostics& diags_;
  std::vector<size_t> line_starts_;
  bool failed_ = false;
  mutable Position last_;  // the position last asked for, at byte `last_byte_`
  mutable size_t last_byte_ = 0;
};

// Spaces and tabs: the whitespace that may surround a standalone tag on its line.
inline bool is_indent_char(char c) {
  return c == ' ' || c == '\t';
}

// Whether a line begins at `pos` (the start of the text or just after a line break).
inline bool starts_line(std::string_view text, size_t pos) {
  return pos == 0 || (pos <= text.size() && text[pos - 1] == '\n');
}

// Whether a line break ("\n" or "\r\n") begins at `pos`.
inline bool newline_at(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  return text[pos] == '\n' || (text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n');
}

}  // namespace hb
