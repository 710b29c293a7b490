#include "toml_string_source.h"

#include <algorithm>

#include "base/diagnostics.h"
#include "base/escape.h"

namespace hb {

namespace {

// The number of bytes that the code point `cp` takes in UTF-8.
size_t utf8_bytes(unsigned long cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

// The bytes that the escape after the backslash at `file[at]` writes, and its length in `len`;
// 0 for no escape that writes text.
size_t escape_bytes(std::string_view file, size_t at, size_t& len) {
  char kind = at + 1 < file.size() ? file[at + 1] : '\0';
  size_t digits = kind == 'u' ? 4 : kind == 'U' ? 8 : kind == 'x' ? 2 : 0;
  if (digits == 0) {
    len = 2;
    return std::string_view("btnfre\"\\").find(kind) == std::string_view::npos ? 0 : 1;
  }
  if (at + 2 + digits > file.size()) return 0;
  unsigned long cp = 0;
  for (size_t i = 0; i < digits; ++i) {
    char c = file[at + 2 + i];
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : -1;
    if (d < 0) return 0;
    cp = cp * 16 + static_cast<unsigned long>(d);
  }
  len = 2 + digits;
  return utf8_bytes(cp);
}

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

TomlStringSource::TomlStringSource(std::string_view file, size_t quote, std::string_view value)
    : quote_(quote) {
  if (!trace(file, quote, value)) from_.clear();
}

bool TomlStringSource::trace(std::string_view file, size_t quote, std::string_view value) {
  if (quote >= file.size() || (file[quote] != '"' && file[quote] != '\'')) return false;
  const char q = file[quote];
  const bool basic = q == '"';
  const bool multi = file.substr(quote, 3) == std::string(3, q);
  size_t r = quote + (multi ? 3 : 1);
  if (multi && file.substr(r, 2) == "\r\n") r += 2;
  if (multi && r < file.size() && file[r] == '\n') ++r;
  from_.reserve(value.size());
  for (size_t v = 0; v < value.size();) {
    if (r >= file.size()) return false;
    if (basic && file[r] == '\\') {
      size_t len = 0, n = escape_bytes(file, r, len);
      if (n == 0 && multi) {  // a line ending backslash: the blanks after it are dropped
        size_t end = r + 1;
        while (end < file.size() && (file[end] == ' ' || file[end] == '\t'))
          ++end;
        if (end >= file.size() || (file[end] != '\n' && file[end] != '\r')) return false;
        while (end < file.size() && is_blank(file[end]))
          ++end;
        r = end;
        continue;
      }
      if (n == 0 || v + n > value.size()) return false;
      from_.insert(from_.end(), n, r);
      v += n;
      r += len;
    } else if (file[r] == '\r' && file.substr(r, 2) == "\r\n" && value[v] == '\n') {
      from_.push_back(r + 1);
      ++v, r += 2;
    } else if (file[r] == value[v]) {
      from_.push_back(r);
      ++v, ++r;
    } else {
      return false;
    }
  }
  return true;
}

size_t TomlStringSource::file_offset(size_t at) const {
  if (from_.empty()) return quote_;
  return from_[std::min(at, from_.size() - 1)];
}

size_t file_offset_of(std::string_view file, int line, int col) {
  size_t start = 0;
  for (int l = 1; l < line; ++l) {
    size_t nl = file.find('\n', start);
    if (nl == std::string_view::npos) return std::string_view::npos;
    start = nl + 1;
  }
  size_t at = start;
  for (int c = 1; c < col && at < file.size() && file[at] != '\n'; ++c)
    at += std::max<size_t>(utf8_sequence(file, at), 1);
  return at;
}

void line_col_of(std::string_view file, size_t at, int& line, int& col) {
  at = std::min(at, file.size());
  std::string_view before = file.substr(0, at);
  line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  size_t start = before.rfind('\n');
  start = start == std::string_view::npos ? 0 : start + 1;
  col = 1 + utf8_length(before.substr(start));
}

}  // namespace hb
