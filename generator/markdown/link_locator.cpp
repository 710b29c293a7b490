#include "link_locator.h"

#include <algorithm>

#include "base/diagnostics.h"

namespace hb {

namespace {

// At most this many bytes of a line's container prefix (`> - `) are taken into account.
constexpr size_t kMaxPrefix = 100;

// The width of the quote and list markers and indent at the start of `line`, which an
// autolink's position may lack.
size_t container_prefix(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && n < kMaxPrefix &&
         std::string_view(" \t>-*+.)0123456789").find(line[n]) != std::string_view::npos)
    ++n;
  return n;
}

// The first place in [from, to) of `text` where `url` stands right after '(' or '<', or npos.
size_t find_url(std::string_view text, size_t from, size_t to, std::string_view url) {
  if (url.empty() || to <= from) return std::string_view::npos;
  std::string_view window = text.substr(0, to);
  for (size_t at = window.find(url, std::max<size_t>(from, 1)); at != std::string_view::npos;
       at = window.find(url, at + 1))
    if (text[at - 1] == '(' || text[at - 1] == '<') return at;
  return std::string_view::npos;
}

// The last place in [from, to) of `text` where `url` stands right after '(' or '<', or npos: the
// link's own URL comes after its text, which may hold the same words (or an image with the same
// URL).
size_t find_last_url(std::string_view text, size_t from, size_t to, std::string_view url) {
  if (url.empty() || to <= from) return std::string_view::npos;
  std::string_view window = text.substr(from, to - from);
  for (size_t at = window.rfind(url); at != std::string_view::npos;
       at = at == 0 ? std::string_view::npos : window.rfind(url, at - 1))
    if (from + at > 0 && (text[from + at - 1] == '(' || text[from + at - 1] == '<'))
      return from + at;
  return std::string_view::npos;
}

// True when cmark-gfm's position of a link starting at byte `start` of `line` is exact: it
// points at the '[' or '!' of a link or an image written inline.
bool exact_start(std::string_view line, size_t start) {
  return start < line.size() && (line[start] == '[' || line[start] == '!');
}

}  // namespace

LinkLocator::LinkLocator(std::string_view file_text, int body_line)
    : text_(file_text), body_line_(body_line) {}

std::string_view LinkLocator::line(int number) {
  if (number < 1) return {};
  auto k = static_cast<size_t>(number);
  while (starts_.size() <= k && !all_lines_) {
    size_t nl = text_.find('\n', starts_.back());
    if (nl == std::string_view::npos)
      all_lines_ = true;
    else
      starts_.push_back(nl + 1);
  }
  if (k > starts_.size()) return {};
  size_t begin = starts_[k - 1];
  size_t end = k < starts_.size() ? starts_[k] - 1 : text_.size();
  if (end > begin && text_[end - 1] == '\r') --end;
  return text_.substr(begin, end - begin);
}

int LinkLocator::column(int number, std::string_view text, size_t byte) {
  byte = std::min(byte, text.size());
  if (number != col_line_) col_line_ = number, col_byte_ = 0, col_ = 1;
  if (byte >= col_byte_)
    col_ += utf8_length(text.substr(col_byte_, byte - col_byte_));
  else
    col_ -= utf8_length(text.substr(byte, col_byte_ - byte));
  col_byte_ = byte;
  return col_;
}

void LinkLocator::locate(BodyLink& link, cmark_node* node) {
  int start_line = cmark_node_get_start_line(node);
  if (start_line < 1) return;
  int end_line = std::max(cmark_node_get_end_line(node), start_line);
  auto start = static_cast<size_t>(std::max(cmark_node_get_start_column(node) - 1, 0));
  auto end = static_cast<size_t>(std::max(cmark_node_get_end_column(node), 0));
  // The URL stands on the link's last line, before its end.
  int number = end_line + body_line_ - 1;
  std::string_view text = line(number);
  if (number != search_line_) search_line_ = number, cursor_ = 0, prefix_ = container_prefix(text);
  // This link starts after the last one's start (it may lie within it: an image in a link).
  if (start_line == end_line) cursor_ = std::max(cursor_, std::min(start, text.size()));
  // An inline link's URL is the last one in its stretch; an autolink's position may lack the
  // container prefix, and its stretch is widened by it.
  size_t at = std::string_view::npos;
  if (exact_start(start_line == end_line ? text : line(start_line + body_line_ - 1), start))
    at = find_last_url(text, cursor_, std::min(text.size(), end), link.url);
  if (at == std::string_view::npos)
    at = find_url(text, cursor_, std::min(text.size(), end + prefix_), link.url);
  if (at != std::string_view::npos) {
    link.line = number;
    link.col = column(number, text, at);
    return;
  }
  // Not written after '(' or '<' (a reference, an address found in the text): the link's start.
  link.line = start_line + body_line_ - 1;
  link.col = column(link.line, line(link.line), start);
}

}  // namespace hb
