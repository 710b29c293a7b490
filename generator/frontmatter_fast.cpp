#include "frontmatter_fast.h"

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

namespace hb {

namespace {

// toml++ lets only its own parser set a node's source region. Names in an explicit template
// instantiation are not access-checked, so the one below hands out a pointer to node::source_.
using SourceMember = toml::source_region toml::node::*;

template <SourceMember Member>
struct SourceAccess {
  friend SourceMember node_source() { return Member; }
};
template struct SourceAccess<&toml::node::source_>;
SourceMember node_source();

using NodePtr = toml::impl::node_ptr;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_bare_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' || c == '-';
}

// The length of the non-ASCII code point encoded at s[i], or 0 if it is not valid UTF-8
// (overlong forms, surrogates and values above U+10FFFF are not).
size_t utf8_length(std::string_view s, size_t i) {
  auto byte = [&](size_t k) -> unsigned {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
  };
  auto next = [&](size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    return byte(k) >= lo && byte(k) <= hi;
  };
  unsigned c = byte(0);
  if (c >= 0xC2 && c <= 0xDF) return next(1) ? 2 : 0;
  if (c == 0xE0) return next(1, 0xA0) && next(2) ? 3 : 0;
  if (c == 0xED) return next(1, 0x80, 0x9F) && next(2) ? 3 : 0;
  if (c >= 0xE1 && c <= 0xEF) return next(1) && next(2) ? 3 : 0;
  if (c == 0xF0) return next(1, 0x90) && next(2) && next(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return next(1) && next(2) && next(3) ? 4 : 0;
  if (c == 0xF4) return next(1, 0x80, 0x8F) && next(2) && next(3) ? 4 : 0;
  return 0;
}

// The character that a one-letter escape stands for, or 0 for escapes left to toml++.
char escaped(char c) {
  switch (c) {
    case '"':
      return '"';
    case '\\':
      return '\\';
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    default:
      return 0;
  }
}

int days_in_month(int year, int month) {
  bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  if (month == 2) return leap ? 29 : 28;
  return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
}

// Reads the document; every method returns false or null at the first thing it does not
// handle. Positions count lines from 1 and columns in code points from 1, as toml++ does.
class Parser {
 public:
  Parser(std::string_view text, std::string_view path)
      : s_(text), path_(path.empty() ? nullptr : std::make_shared<const std::string>(path)) {}

  bool document(toml::table& root) {
    while (!at_end()) {
      blanks();
      if (at_end()) break;
      char c = s_[i_];
      if (c == '#' || c == '\n' || c == '\r') {
        if (!(c == '#' ? comment() : line_break())) return false;
        continue;
      }
      if (!key_value(root)) return false;
      blanks();
      if (at_end()) break;
      if (!(s_[i_] == '#' ? comment() : line_break())) return false;
    }
    root.*node_source() = {{1, 1}, end_of_text(), path_};
    return true;
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
  toml::source_index line_ = 1, col_ = 1;
  toml::source_index newline_col_ = 0;  // the column of the last line break read
  toml::source_path_ptr path_;

  bool at_end() const { return i_ >= s_.size(); }
  toml::source_position pos() const { return {line_, col_}; }
  void skip_ascii(size_t n) {
    i_ += n;
    col_ += static_cast<toml::source_index>(n);
  }

  // toml++ ends the document's region one column after its last code point, on that line.
  toml::source_position end_of_text() const {
    if (s_.empty()) return {1, 1};
    if (s_.back() == '\n') return {line_ - 1, newline_col_ + 1};
    return pos();
  }

  void blanks() {
    while (!at_end() && (s_[i_] == ' ' || s_[i_] == '\t'))
      skip_ascii(1);
  }

  bool line_break() {
    if (s_[i_] == '\r') {
      if (i_ + 1 == s_.size() || s_[i_ + 1] != '\n') return false;
      skip_ascii(1);
    }
    if (s_[i_] != '\n') return false;
    newline_col_ = col_;
    ++i_;
    ++line_;
    col_ = 1;
    return true;
  }

  // A comment up to and including its line break.
  bool comment() {
    skip_ascii(1);
    while (!at_end()) {
      auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '\n' || c == '\r') return line_break();
      if (c >= 0x80) {
        size_t n = utf8_length(s_, i_);
        if (!n) return false;
        i_ += n;
        ++col_;
        continue;
      }
      if ((c < 0x20 && c != '\t') || c == 0x7F) return false;
      skip_ascii(1);
    }
    return true;
  }

  bool key_value(toml::table& root) {
    toml::source_position begin = pos();
    size_t start = i_;
    while (!at_end() && is_bare_key_char(s_[i_]))
      ++i_;
    if (i_ == start) return false;
    col_ += static_cast<toml::source_index>(i_ - start);
    std::string_view name = s_.substr(start, i_ - start);
    toml::source_position key_end = pos();
    blanks();
    if (at_end() || s_[i_] != '=') return false;
    skip_ascii(1);
    blanks();
    auto it = root.lower_bound(name);
    if (it != root.end() && it->first == name) return false;  // a key given twice
    NodePtr node = value(true);
    if (!node) return false;
    root.emplace_hint<NodePtr>(it, toml::key(name, {begin, key_end, path_}), std::move(node));
    return true;
  }

  NodePtr value(bool top_level) {
    if (at_end()) return nullptr;
    toml::source_position begin = pos();
    NodePtr node;
    char c = s_[i_];
    if (c == '"')
      node = string();
    else if (c == '[' && top_level)
      node = array();
    else if (c == 't' || c == 'f')
      node = boolean();
    else if (is_digit(c) || c == '+' || c == '-')
      node = number();
    if (node) node.get()->*node_source() = {begin, pos(), path_};
    return node;
  }

  NodePtr string() {
    if (s_.substr(i_, 3) == "\"\"\"") return nullptr;  // a multi-line string
    skip_ascii(1);
    std::string text;
    size_t run = i_;  // the first byte not yet copied into `text`
    while (!at_end()) {
      size_t plain = i_;  // printable ASCII other than '"' and '\\' needs no checks
      while (plain < s_.size() && s_[plain] >= 0x20 && s_[plain] < 0x7F && s_[plain] != '"' &&
             s_[plain] != '\\')
        ++plain;
      skip_ascii(plain - i_);
      if (at_end()) break;
      auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        text.append(s_.data() + run, i_ - run);
        skip_ascii(1);
        return std::make_unique<toml::value<std::string>>(std::move(text));
      }
      if (c == '\\') {
        char e = i_ + 1 < s_.size() ? escaped(s_[i_ + 1]) : 0;
        if (!e) return nullptr;
        text.append(s_.data() + run, i_ - run);
        text += e;
        skip_ascii(2);
        run = i_;
        continue;
      }
      if (c >= 0x80) {
        size_t n = utf8_length(s_, i_);
        if (!n) return nullptr;
        i_ += n;
        ++col_;
        continue;
      }
      if ((c < 0x20 && c != '\t') || c == 0x7F) return nullptr;
      skip_ascii(1);
    }
    return nullptr;
  }

  NodePtr boolean() {
    std::string_view rest = s_.substr(i_);
    bool v = rest.starts_with("true");
    if (!v && !rest.starts_with("false")) return nullptr;
    skip_ascii(v ? 4 : 5);
    return std::make_unique<toml::value<bool>>(v);
  }

  bool digits_at(size_t from, size_t count) const {
    if (from + count > s_.size()) return false;
    for (size_t k = from; k < from + count; ++k)
      if (!is_digit(s_[k])) return false;
    return true;
  }
  int number_at(size_t from, size_t count) const {
    int n = 0;
    for (size_t k = from; k < from + count; ++k)
      n = n * 10 + (s_[k] - '0');
    return n;
  }

  // A decimal integer without underscores or leading zeros, or a date YYYY-MM-DD.
  NodePtr number() {
    if (digits_at(i_, 4) && digits_at(i_ + 5, 2) && digits_at(i_ + 8, 2) && s_[i_ + 4] == '-' &&
        s_[i_ + 7] == '-')
      return date();
    size_t start = i_;
    bool negative = s_[i_] == '-';
    if (negative || s_[i_] == '+') ++i_;
    size_t first = i_;
    while (!at_end() && is_digit(s_[i_]))
      ++i_;
    size_t count = i_ - first;
    col_ += static_cast<toml::source_index>(i_ - start);
    if (count == 0 || count > 18 || (count > 1 && s_[first] == '0')) return nullptr;
    int64_t v = 0;
    for (size_t k = first; k < i_; ++k)
      v = v * 10 + (s_[k] - '0');
    return std::make_unique<toml::value<int64_t>>(negative ? -v : v);
  }

  NodePtr date() {
    int year = number_at(i_, 4), month = number_at(i_ + 5, 2), day = number_at(i_ + 8, 2);
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return nullptr;
    skip_ascii(10);
    toml::date d{static_cast<uint16_t>(year), static_cast<uint8_t>(month),
                 static_cast<uint8_t>(day)};
    return std::make_unique<toml::value<toml::date>>(d);
  }

  // An array on one line whose elements are strings, integers, booleans or dates.
  NodePtr array() {
    skip_ascii(1);
    auto arr = std::make_unique<toml::array>();
    bool after_value = false;
    while (true) {
      blanks();
      if (at_end()) return nullptr;
      char c = s_[i_];
      if (c == ']') {
        skip_ascii(1);
        return arr;
      }
      if (c == ',') {
        if (!after_value) return nullptr;
        after_value = false;
        skip_ascii(1);
        continue;
      }
      if (after_value) return nullptr;
      NodePtr element = value(false);
      if (!element) return nullptr;
      arr->emplace_back<NodePtr>(std::move(element));
      after_value = true;
    }
  }
};

}  // namespace

bool parse_simple_toml(std::string_view toml, std::string_view source_path, toml::table& out) {
  toml::table root;
  if (!Parser(toml, source_path).document(root)) return false;
  out = std::move(root);
  return true;
}

}  // namespace hb
