#include "frontmatter.h"

namespace hb {

static bool is_fence(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
    line.remove_suffix(1);
  return line == "+++";
}

std::optional<FrontMatter> split_front_matter(std::string_view path, std::string_view text,
                                              Diagnostics& diags) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a byte order mark
  size_t first_end = text.find('\n');
  std::string_view first = text.substr(0, first_end);
  if (!is_fence(first)) {
    diags.error_at(path, text, 1, 1,
                   "missing front matter: the file must begin with a line '+++', then TOML "
                   "fields such as title = \"...\", then another line '+++'");
    return std::nullopt;
  }
  FrontMatter fm;
  size_t toml_start = first_end == std::string_view::npos ? text.size() : first_end + 1;
  size_t pos = toml_start;
  int line = 2;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    if (is_fence(text.substr(pos, end - pos))) {
      fm.toml = text.substr(toml_start, pos - toml_start);
      fm.body = end < text.size() ? text.substr(end + 1) : std::string_view();
      fm.body_line = line + 1;
      return fm;
    }
    pos = end + 1;
    ++line;
  }
  diags.error_at(path, text, 1, 1,
                 "front matter is never closed: add a line '+++' after the last TOML field");
  return std::nullopt;
}

}  // namespace hb
