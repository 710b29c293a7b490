#include "frontmatter.h"

#include "base/messages.h"

namespace hb {

namespace {

std::string_view trim_end(std::string_view line) {
  for (;;) {
    if (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.remove_suffix(1);
    else if (line.ends_with("\u00A0"))  // a non-breaking space pasted after the fence
      line.remove_suffix(2);
    else
      return line;
  }
}

// A fence line: '+++', with any spaces after it.
bool is_fence(std::string_view line) {
  return trim_end(line) == "+++";
}

// A line meant as a fence but written otherwise ("  +++", "++++", "---"): the message id, or "".
std::string_view near_fence(std::string_view line) {
  line = trim_end(line);
  std::string_view body = line;
  while (!body.empty() && (body.front() == ' ' || body.front() == '\t'))
    body.remove_prefix(1);
  if (body.empty()) return {};
  if (body.find_first_not_of('+') == std::string_view::npos && body.size() >= 2)
    return body.size() == 3 ? "fm_fence_spaced" : "fm_fence_plus_count";
  if (body == "---") return "fm_closed_with_dashes";
  return {};
}

}  // namespace

std::optional<FrontMatter> split_front_matter(std::string_view path, std::string_view text,
                                              Diagnostics& diags) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a byte order mark
  size_t first_end = text.find('\n');
  std::string_view first = text.substr(0, first_end);
  if (!is_fence(first)) {
    std::string_view id = near_fence(first);
    if (id == "fm_closed_with_dashes") id = "fm_yaml_fence";
    if (id.empty()) id = "fm_missing";
    std::string_view shown = trim_end(first);
    diags.error_at(path, text, 1, 1, msg(id, {{"fence", std::string(shown)}}));
    return std::nullopt;
  }
  FrontMatter fm;
  size_t toml_start = first_end == std::string_view::npos ? text.size() : first_end + 1;
  size_t pos = toml_start;
  int line = 2;
  int near_line = 0;  // the first line that looks meant to close the fields
  std::string_view near_id, near_text;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(pos, end - pos);
    if (is_fence(l)) {
      fm.toml = text.substr(toml_start, pos - toml_start);
      fm.body = end < text.size() ? text.substr(end + 1) : std::string_view();
      fm.body_line = line + 1;
      return fm;
    }
    if (near_line == 0 && !near_fence(l).empty())
      near_line = line, near_id = near_fence(l), near_text = trim_end(l);
    pos = end + 1;
    ++line;
  }
  if (near_line > 0) {
    std::string_view body = near_text.substr(near_text.find_first_not_of(" \t"));
    diags.error_at(path, text, near_line, 1, msg(near_id, {{"fence", std::string(body)}}));
  } else {
    diags.error_at(path, text, 1, 1, msg("fm_unclosed"));
  }
  return std::nullopt;
}

}  // namespace hb
