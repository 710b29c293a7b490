#include "text_check.h"

#include <cstdio>
#include <string>

#include "base/escape.h"
#include "base/messages.h"

namespace hb {

namespace {

bool control(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

std::string code_point_name(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "U+%04X", c);
  return buf;
}

}  // namespace

bool check_text(std::string_view path, std::string_view text, Diagnostics& diags) {
  int problems = 0, line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < text.size() && problems < kMaxTextProblems;) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F) {  // printable ASCII, most of any text
      ++i;
      continue;
    }
    if (c == '\n' || (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      ++line;
      line_start = ++i;
      continue;
    }
    size_t n = utf8_sequence(text, i);
    std::string message;
    if (n == 0) {
      message = msg("text_not_utf8");
      n = 1;
    } else if (control(c)) {
      message = msg("text_control", {{"char", code_point_name(c)}});
    }
    if (!message.empty()) {
      std::string_view rest = text.substr(line_start);
      std::string_view src = rest.substr(0, rest.find_first_of("\r\n"));
      diags.error(std::string(path), line, column_of_byte(src, i - line_start), message,
                  std::string(src));
      ++problems;
    }
    i += n;
  }
  return problems == 0;
}

namespace {

struct StringWalk {
  std::string_view path, text;
  int line_offset;
  Diagnostics& diags;
  int problems = 0;

  void node(const toml::node& n) {
    if (problems >= kMaxTextProblems) return;
    if (auto* t = n.as_table())
      for (auto&& [k, v] : *t)
        node(v);
    else if (auto* a = n.as_array())
      for (auto& v : *a)
        node(v);
    else if (auto* s = n.as_string())
      string(n, s->get());
  }
  void string(const toml::node& n, const std::string& s) {
    for (char ch : s) {
      if (!control(static_cast<unsigned char>(ch))) continue;
      int line = static_cast<int>(n.source().begin.line) + line_offset;
      diags.error_at(
          path, text, line, static_cast<int>(n.source().begin.column),
          msg("text_control_escape", {{"char", code_point_name(static_cast<unsigned char>(ch))}}));
      ++problems;
      return;
    }
  }
};

}  // namespace

bool check_strings(std::string_view path, std::string_view text, int line_offset,
                   const toml::table& table, Diagnostics& diags) {
  StringWalk walk{path, text, line_offset, diags};
  walk.node(table);
  return walk.problems == 0;
}

}  // namespace hb
