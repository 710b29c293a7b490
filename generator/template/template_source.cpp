#include "template_source.h"

#include <algorithm>

namespace hb {

TemplateSource::TemplateSource(std::string_view path, std::string_view text, Diagnostics& diags)
    : path_(path), text_(text), diags_(diags) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

TemplateSource::Position TemplateSource::position(size_t byte) const {
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte);
  int line = static_cast<int>(after - line_starts_.begin());
  size_t from = line_starts_[line - 1];
  int col = 1;
  // Positions are mostly asked for in the order of the text: go on from the last one on the
  // same line, so that a line with many tags is counted once.
  if (last_.line == line && last_byte_ <= byte) from = last_byte_, col = last_.col;
  col += utf8_length(text_.substr(from, byte - from));
  last_ = {line, col};
  last_byte_ = byte;
  return last_;
}

std::string TemplateSource::where(size_t byte) const {
  Position p = position(byte);
  return std::string(path_) + ":" + std::to_string(p.line) + ":" + std::to_string(p.col);
}

void TemplateSource::error(size_t byte, std::string message) {
  Position p = position(byte);
  diags_.error_at(path_, text_, p.line, p.col, std::move(message));
  failed_ = true;
}

}  // namespace hb
